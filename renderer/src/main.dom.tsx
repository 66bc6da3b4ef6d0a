import { StrictMode, Suspense, useEffect, useLayoutEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { HashRouter, NavLink, Outlet, Route, Routes } from 'react-router';
import './i18n/i18n.dom';
import { AppEvents } from './app/AppEvents.dom';
import { FindBar } from './app/FindBar.dom';
import { NotFound } from './app/Screen.dom';
import { ScreenBoundary, ScreenLoading } from './app/ScreenBoundary.dom';
import { applySettings, prepareLanguage, savedSettings, SettingsProvider, useSettings } from './app/Settings.dom';
import { Notices, Shortcuts } from './app/Shell.dom';
import { BookmarksProvider } from './bookmarks/BookmarksContext.dom';
import { FIRST_DATA_WAIT_MS, firstScreenSettled, holdForFirstScreen, settledOrAfter } from './app/first-screen.dom';
import { LAZY, preloadLikelyScreens } from './app/lazy-screens.dom';
import { mark } from './app/timing.dom';
import { LibraryScreen, startLibraryLoad } from './screens/Library.dom';
import { Palette } from './search/Palette.dom';
import { SearchBox } from './search/SearchBox.dom';
import './styles.css';

function Shell() {
  const { t } = useTranslation();
  const { update } = useSettings();
  useEffect(preloadLikelyScreens, []);
  return (
    <BookmarksProvider>
      <div className="shell">
        <Shortcuts />
        <button type="button" className="skip-link" onClick={() => document.getElementById('main')?.focus()}>
          {t('Skip to content')}
        </button>
        <header className="topbar">
          <NavLink to="/" className="brand" aria-label={t('Valise — library')}>
            Valise
          </NavLink>
          <nav aria-label={t('Main')}>
            <NavLink to="/" end>
              {t('Library')}
            </NavLink>
            <NavLink to="/directory">{t('Directory')}</NavLink>
            <NavLink to="/calendar">{t('Calendar')}</NavLink>
            <NavLink to="/bookmarks">{t('Bookmarks')}</NavLink>
            <NavLink to="/settings">{t('Settings')}</NavLink>
          </nav>
          <SearchBox />
        </header>
        <p id="route-announcer" className="visually-hidden" aria-live="polite" aria-atomic="true" />
        <Notices />
        <AppEvents onTheme={(theme) => update({ theme })} />
        <FindBar />
        <ScreenBoundary>
          <Suspense fallback={<ScreenLoading />}>
            <Outlet />
          </Suspense>
        </ScreenBoundary>
        <Palette />
      </div>
    </BookmarksProvider>
  );
}

/** The routes: the library in the entry chunk, every other screen loaded when opened (app/lazy-screens.dom.ts). */
function App() {
  useLayoutEffect(() => mark('first-commit'), []);
  return (
    <HashRouter>
      <Routes>
        <Route element={<Shell />}>
          <Route path="/" element={<LibraryScreen />} />
          <Route path="/issue/:issueKey" element={<LAZY.issue />} />
          <Route path="/read/:issueKey/*" element={<LAZY.article />} />
          <Route path="/search" element={<LAZY.search />} />
          <Route path="/import" element={<LAZY.import />} />
          <Route path="/entity/*" element={<LAZY.entity />} />
          <Route path="/directory" element={<LAZY.directory />} />
          <Route path="/calendar" element={<LAZY.calendar />} />
          <Route path="/bookmarks" element={<LAZY.bookmarks />} />
          <Route path="/settings" element={<LAZY.settings />} />
          <Route path="/help" element={<LAZY.help />} />
          <Route path="/print/issue/:issueKey" element={<LAZY.printIssue />} />
          <Route path="/print/whole/:issueKey" element={<LAZY.printWhole />} />
          <Route path="/print/country/*" element={<LAZY.printCountry />} />
          <Route path="/print/read/:issueKey/*" element={<LAZY.printArticle />} />
          <Route path="/print/entity/*" element={<LAZY.printEntity />} />
          <Route path="/print/dossier" element={<LAZY.printDossier />} />
          <Route path="/print/trip" element={<LAZY.printTrip />} />
          <Route
            path="*"
            element={
              <main id="main" className="screen" data-screen="not-found" data-state="ready">
                <NotFound />
              </main>
            }
          />
        </Route>
      </Routes>
    </HashRouter>
  );
}

mark('boot');

/** Whether the app opens on the library (the hash router's route is "/"). */
const opensOnLibrary = /^#?\/?$/.test(window.location.hash);
// The first screen's data is asked for now, on its way while the page renders; what can wait
// (the bookmarks, main told the language) waits until it is shown.
let firstData: Promise<unknown> = Promise.resolve();
if (opensOnLibrary) {
  firstData = startLibraryLoad();
  holdForFirstScreen();
}
// The saved theme and text size are on the page before its first frame, and the interface's language
// is ready before the first render (its strings are loaded first if it is not English). The first
// render also waits a little for the library's data, so that it shows the cards rather than a frame
// drawn twice (FIRST_DATA_WAIT_MS says why and how long).
const settings = savedSettings();
applySettings(settings);
const languageReady = prepareLanguage(settings.language)
  .catch(() => undefined)
  .then(() => mark('language-ready'));
const dataOrWaited = settledOrAfter(firstData, FIRST_DATA_WAIT_MS).then(() => mark('data-wait-end'));
void Promise.all([languageReady, dataOrWaited]).then(() => {
  // Moved off the library before the first render (a link, a test's route): the library will not
  // mount to release what waits for it (the language told to main, the bookmarks), so release it now.
  if (opensOnLibrary && !/^#?\/?$/.test(window.location.hash)) firstScreenSettled();
  mark('render');
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <SettingsProvider initial={settings}>
        <App />
      </SettingsProvider>
    </StrictMode>,
  );
});
