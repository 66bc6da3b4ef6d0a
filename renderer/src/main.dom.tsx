import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createHashRouter, Link, Outlet, RouterProvider } from 'react-router';
import { NotFound } from './app/Screen.dom';
import { BookmarksProvider } from './bookmarks/BookmarksContext.dom';
import { BookmarksScreen } from './bookmarks/BookmarksScreen.dom';
import { Notices, Shortcuts } from './app/Shell.dom';
import { AppEvents } from './app/AppEvents.dom';
import { ArticleScreen } from './screens/Article.dom';
import { IssueScreen } from './screens/Issue.dom';
import { EntityScreen } from './screens/Entity.dom';
import { LibraryScreen } from './screens/Library.dom';
import { HelpScreen } from './screens/Help.dom';
import { Palette } from './search/Palette.dom';
import { SearchBox } from './search/SearchBox.dom';
import { SearchScreen } from './search/SearchScreen.dom';
import './styles.css';

function Shell() {
  return (
    <BookmarksProvider>
    <div className="shell">
      <Shortcuts />
      <button type="button" className="skip-link" onClick={() => document.getElementById('main')?.focus()}>
        Skip to content
      </button>
      <header className="topbar">
        <Link to="/" className="brand" aria-label="Valise — library">
          Valise
        </Link>
        <nav aria-label="Main">
          <Link to="/">Library</Link>
          <Link to="/bookmarks">Bookmarks</Link>
        </nav>
        <SearchBox />
      </header>
      <Notices />
      <AppEvents />
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
      { path: '/bookmarks', element: <BookmarksScreen /> },
      { path: '/help', element: <HelpScreen /> },
      { path: '/entity/*', element: <EntityScreen /> },
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
    <RouterProvider router={router} />
  </StrictMode>,
);
