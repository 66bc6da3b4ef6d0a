/**
 * Every screen but the first one (the Library) is loaded when it is first opened, each in its own
 * chunk (#26): the first screen parses only its own code. Each is a `React.lazy` component; the
 * router changes screens in a transition (HashRouter's default), so the screen being left stays on
 * view until the next one can render: no fallback flashes and nothing shifts. The screens a reader most likely opens next from the
 * library are fetched once the page is idle, so that even their first opening waits for nothing.
 * tests/unit/first-screen.test.ts checks on the build's manifest that printing, import and the
 * Calendar stay out of the first screen's chunks.
 */
import { createElement, lazy, type ComponentType } from 'react';

/** Makes a screen's lazy component anew: set by each screen whose chunk failed to load. */
const renewals = new Set<() => void>();

/**
 * The component `pick` takes from the module `load` imports, loaded when first rendered. React
 * keeps a lazy component's failure for good, so a screen whose chunk failed once (a file the
 * system refused for a moment) would fail on every later visit: a failed load asks for a fresh
 * lazy component, made when the failure has been shown (renewFailedScreens), so the next visit
 * loads the chunk again. Made at once, React's retry of the failed render would load it in a loop.
 */
function screen<M>(load: () => Promise<M>, pick: (module: M) => ComponentType): ComponentType {
  const fresh = (): ComponentType =>
    lazy(async () => {
      try {
        return { default: pick(await load()) };
      } catch (error) {
        renewals.add(renew);
        throw error;
      }
    });
  const renew = () => {
    current = fresh();
  };
  let current = fresh();
  return function Screen() {
    return createElement(current);
  };
}

/** Lets every screen whose chunk failed load it again on its next visit (ScreenBoundary calls it once a failure is shown). */
export function renewFailedScreens(): void {
  for (const renew of renewals) renew();
  renewals.clear();
}

const issue = () => import('../screens/Issue.dom');
const article = () => import('../screens/Article.dom');
const entity = () => import('../screens/Entity.dom');
const search = () => import('../search/SearchScreen.dom');
const directory = () => import('../screens/Directory.dom');
const printViews = () => import('../print/PrintViews.dom');

export const LAZY = {
  issue: screen(issue, (m) => m.IssueScreen),
  article: screen(article, (m) => m.ArticleScreen),
  search: screen(search, (m) => m.SearchScreen),
  import: screen(
    () => import('../screens/Import.dom'),
    (m) => m.ImportScreen,
  ),
  entity: screen(entity, (m) => m.EntityScreen),
  directory: screen(directory, (m) => m.DirectoryScreen),
  calendar: screen(
    () => import('../screens/Calendar.dom'),
    (m) => m.CalendarScreen,
  ),
  bookmarks: screen(
    () => import('../bookmarks/BookmarksScreen.dom'),
    (m) => m.BookmarksScreen,
  ),
  settings: screen(
    () => import('../screens/SettingsScreen.dom'),
    (m) => m.SettingsScreen,
  ),
  help: screen(
    () => import('../screens/Help.dom'),
    (m) => m.HelpScreen,
  ),
  printIssue: screen(
    () => import('../print/IssueBrief.dom'),
    (m) => m.IssueBriefScreen,
  ),
  printWhole: screen(
    () => import('../print/WholeIssue.dom'),
    (m) => m.WholeIssueScreen,
  ),
  printCountry: screen(
    () => import('../print/CountryDossier.dom'),
    (m) => m.CountryDossierScreen,
  ),
  printArticle: screen(printViews, (m) => m.PrintArticle),
  printEntity: screen(printViews, (m) => m.PrintEntity),
  printDossier: screen(
    () => import('../print/Dossier.dom'),
    (m) => m.DossierScreen,
  ),
  printTrip: screen(
    () => import('../print/TripDossier.dom'),
    (m) => m.TripDossierScreen,
  ),
};

/** What a reader opens next from the library: an issue, an article, an entity, a search, the directory. */
const LIKELY_NEXT = [issue, article, entity, search, directory];
/** How long the preload waits for an idle moment at most. */
const PRELOAD_TIMEOUT_MS = 3_000;

/** Fetches the likely next screens' chunks when the page is idle (a failed fetch is retried when the screen is opened). */
export function preloadLikelyScreens(): () => void {
  const run = () => LIKELY_NEXT.forEach((load) => void load().catch(() => {}));
  if (typeof window.requestIdleCallback !== 'function') {
    const timer = window.setTimeout(run, PRELOAD_TIMEOUT_MS);
    return () => window.clearTimeout(timer);
  }
  const handle = window.requestIdleCallback(run, { timeout: PRELOAD_TIMEOUT_MS });
  return () => window.cancelIdleCallback(handle);
}
