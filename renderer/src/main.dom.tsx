import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { createHashRouter, NavLink, Outlet, RouterProvider } from 'react-router';
import './i18n/i18n.dom';
import { AppEvents } from './app/AppEvents.dom';
import { FindBar } from './app/FindBar.dom';
import { NotFound } from './app/Screen.dom';
import { SettingsProvider, useSettings } from './app/Settings.dom';
import { Notices, Shortcuts } from './app/Shell.dom';
import { BookmarksProvider } from './bookmarks/BookmarksContext.dom';
import { BookmarksScreen } from './bookmarks/BookmarksScreen.dom';
import { ArticleScreen } from './screens/Article.dom';
import { CalendarScreen } from './screens/Calendar.dom';
import { DirectoryScreen } from './screens/Directory.dom';
import { EntityScreen } from './screens/Entity.dom';
import { HelpScreen } from './screens/Help.dom';
import { ImportScreen } from './screens/Import.dom';
import { IssueScreen } from './screens/Issue.dom';
import { LibraryScreen } from './screens/Library.dom';
import { SettingsScreen } from './screens/SettingsScreen.dom';
import { Palette } from './search/Palette.dom';
import { DossierScreen } from './print/Dossier.dom';
import { TripDossierScreen } from './print/TripDossier.dom';
import { IssueBriefScreen } from './print/IssueBrief.dom';
import { PrintArticle, PrintEntity } from './print/PrintViews.dom';
import { WholeIssueScreen } from './print/WholeIssue.dom';
import { CountryDossierScreen } from './print/CountryDossier.dom';
import { SearchBox } from './search/SearchBox.dom';
import { SearchScreen } from './search/SearchScreen.dom';
import './styles.css';

function Shell() {
  const { t } = useTranslation();
  const { update } = useSettings();
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
            <NavLink to="/" end>{t('Library')}</NavLink>
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
        <Outlet />
        <Palette />
      </div>
    </BookmarksProvider>
  );
}

const router = createHashRouter([
  {
    element: <Shell />,
    children: [
      { path: '/', element: <LibraryScreen /> },
      { path: '/issue/:issueKey', element: <IssueScreen /> },
      { path: '/read/:issueKey/*', element: <ArticleScreen /> },
      { path: '/search', element: <SearchScreen /> },
      { path: '/import', element: <ImportScreen /> },
      { path: '/entity/*', element: <EntityScreen /> },
      { path: '/directory', element: <DirectoryScreen /> },
      { path: '/calendar', element: <CalendarScreen /> },
      { path: '/bookmarks', element: <BookmarksScreen /> },
      { path: '/settings', element: <SettingsScreen /> },
      { path: '/help', element: <HelpScreen /> },
      { path: '/print/issue/:issueKey', element: <IssueBriefScreen /> },
      { path: '/print/whole/:issueKey', element: <WholeIssueScreen /> },
      { path: '/print/country/*', element: <CountryDossierScreen /> },
      { path: '/print/read/:issueKey/*', element: <PrintArticle /> },
      { path: '/print/entity/*', element: <PrintEntity /> },
      { path: '/print/dossier', element: <DossierScreen /> },
      { path: '/print/trip', element: <TripDossierScreen /> },
      {
        path: '*',
        element: (
          <main id="main" className="screen" data-screen="not-found" data-state="ready">
            <NotFound />
          </main>
        ),
      },
    ],
  },
]);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SettingsProvider>
      <RouterProvider router={router} />
    </SettingsProvider>
  </StrictMode>,
);
