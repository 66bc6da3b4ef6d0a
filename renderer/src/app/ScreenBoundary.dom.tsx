/**
 * What a screen that fails to render shows instead of a blank window: a screen that throws, or a
 * screen's code that cannot be loaded (a lazy chunk refused or damaged). The shell around it stays,
 * and moving to another route tries again, loading a failed screen's code anew.
 */
import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { renewFailedScreens } from './lazy-screens.dom';

function ScreenFailed() {
  const { t } = useTranslation();
  return (
    <main id="main" className="screen" data-screen="failed" data-state="error" tabIndex={-1}>
      <div role="alert" className="problem">
        <h1>{t('Something went wrong')}</h1>
        <p>{t('This screen could not be shown. Valise keeps running; the other screens still work.')}</p>
        <p>
          <Link to="/">{t('Back to the library')}</Link>
        </p>
      </div>
    </main>
  );
}

class Boundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error('A screen failed to render', error);
    renewFailedScreens();
  }

  override render(): ReactNode {
    return this.state.failed ? <ScreenFailed /> : this.props.children;
  }
}

/** One boundary per route: a new route starts afresh. */
export function ScreenBoundary({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return <Boundary key={pathname}>{children}</Boundary>;
}

/** What shows while a screen's code loads: the words a screen shows while its data loads. */
export function ScreenLoading() {
  const { t } = useTranslation();
  return (
    <main id="main" className="screen" data-state="loading">
      <p className="quiet" aria-live="polite">
        {t('Loading…')}
      </p>
    </main>
  );
}
