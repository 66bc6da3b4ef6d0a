/**
 * Every screen but the first one (the Library) is loaded when it is first opened, each in its own
 * chunk (#26): the first screen parses only its own code. Each is a `React.lazy` component; the
 * router changes screens in a transition (HashRouter's default), so the screen being left stays on
 * view until the next one can render: no fallback flashes and nothing shifts. The screens a reader most likely opens next from the
 * library are fetched once the page is idle, so that even their first opening waits for nothing.
 * tests/unit/first-screen.test.ts checks on the build's manifest that printing, import and the
 * Calendar stay out of the first screen's chunks.
 */
import { lazy, type ComponentType } from 'react';

/** The component `pick` takes from the module `load` imports, loaded when first rendered. */
const screen = <M>(load: () => Promise<M>, pick: (module: M) => ComponentType) => lazy(async () => ({ default: pick(await load()) }));

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
  import: screen(() => import('../screens/Import.dom'), (m) => m.ImportScreen),
  entity: screen(entity, (m) => m.EntityScreen),
  directory: screen(directory, (m) => m.DirectoryScreen),
  calendar: screen(() => import('../screens/Calendar.dom'), (m) => m.CalendarScreen),
  bookmarks: screen(() => import('../bookmarks/BookmarksScreen.dom'), (m) => m.BookmarksScreen),
  settings: screen(() => import('../screens/SettingsScreen.dom'), (m) => m.SettingsScreen),
  help: screen(() => import('../screens/Help.dom'), (m) => m.HelpScreen),
  printIssue: screen(() => import('../print/IssueBrief.dom'), (m) => m.IssueBriefScreen),
  printWhole: screen(() => import('../print/WholeIssue.dom'), (m) => m.WholeIssueScreen),
  printCountry: screen(() => import('../print/CountryDossier.dom'), (m) => m.CountryDossierScreen),
  printArticle: screen(printViews, (m) => m.PrintArticle),
  printEntity: screen(printViews, (m) => m.PrintEntity),
  printDossier: screen(() => import('../print/Dossier.dom'), (m) => m.DossierScreen),
  printTrip: screen(() => import('../print/TripDossier.dom'), (m) => m.TripDossierScreen),
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
