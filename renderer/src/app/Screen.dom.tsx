/**
 * The frame of every screen: the main landmark, and the `data-screen` / `data-state` attributes
 * the e2e wrapper waits on (the app says when a screen is ready; tests never sleep).
 */
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { Loaded } from '../api/useCall.dom';
import { recordVisit } from './history.dom';
import { useMainText } from '../i18n/main-text.dom';

export function Screen<T>(props: {
  name: string;
  title: string;
  loaded: Loaded<T>;
  /** Remember this screen in "Recently viewed" once it is ready. */
  visit?: { route: string; kind: string };
  /** The archive item this screen is about: the bookmark shortcut (B) acts on it. */
  item?: string;
  children: (value: T) => ReactNode;
}) {
  const { t } = useTranslation();
  const { sayError } = useMainText();
  const { loaded, visit, title } = props;
  const location = useLocation();
  useEffect(() => {
    document.title = title ? `${title} — Valise` : 'Valise';
  }, [title]);
  useEffect(() => {
    if (loaded.state === 'ready' && visit && title) recordVisit({ route: visit.route, kind: visit.kind, title });
  }, [loaded.state, visit?.route, visit?.kind, title]);
  return (
    <main id="main" className="screen" data-screen={props.name} data-route={location.pathname + location.search} data-state={loaded.state} data-item={loaded.state === 'ready' ? props.item : undefined} tabIndex={-1}>
      {loaded.state === 'loading' && <p className="quiet" aria-live="polite">{t('Loading…')}</p>}
      {loaded.state === 'error' &&
        (loaded.error.code === 'NOT_FOUND' ? (
          <NotFound message={sayError(loaded.error)} />
        ) : (
          <div role="alert" className="problem">
            <h1>{t('Something went wrong')}</h1>
            <p>{sayError(loaded.error)}</p>
            <p>
              <Link to="/">{t('Back to the library')}</Link>
            </p>
          </div>
        ))}
      {loaded.state === 'ready' && props.children(loaded.value)}
    </main>
  );
}

export function NotFound({ message }: { message?: string }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="problem" data-not-found>
      <h1>{t('Not in this archive')}</h1>
      <p>{message ?? t('This page does not exist. The link may be stale, or the issue may have been removed.')}</p>
      <p>
        <Link to="/">{t('Back to the library')}</Link>
      </p>
    </div>
  );
}
