/**
 * The frame of every screen: the main landmark, and the `data-screen` / `data-state` attributes
 * the e2e wrapper waits on (the app says when a screen is ready; tests never sleep).
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { Loaded } from '../api/useCall.dom';
import { recordVisit } from './history.dom';
import { useMainText } from '../i18n/main-text.dom';

/** Whether the focus is where someone is typing or choosing (a field, the palette): not to be taken away. */
function busyFocus(): boolean {
  const active = document.activeElement;
  return (
    active instanceof HTMLElement &&
    active.isConnected &&
    (active.matches('input, textarea, select, [contenteditable="true"]') || !!active.closest('dialog[open]'))
  );
}

/** Says a change of screen to a screen reader, through the shell's polite live region. */
function announce(text: string): void {
  const region = document.getElementById('route-announcer');
  if (region) region.textContent = text;
}

/**
 * Arriving on another screen: the page opens at its top, the new screen's heading takes the focus
 * (unless the focus is in a field, such as the search box being typed in), and the screen's title
 * is announced. A change of the query alone (a filter) is no arrival.
 */
function useArrival(ready: boolean, title: string, path: string): void {
  const arrived = useRef<string | null>(null);
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [path]);
  useEffect(() => {
    if (!ready || !title || arrived.current === path) return;
    arrived.current = path;
    const heading = document.querySelector<HTMLElement>('main h1');
    if (heading && !busyFocus()) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    }
    announce(title);
  }, [ready, title, path]);
}

export function Screen<T>(props: {
  name: string;
  title: string;
  loaded: Loaded<T>;
  /** Remember this screen in "Recently viewed" once it is ready. */
  visit?: { route: string; kind: string; title?: string; as?: 'interface' | 'country' };
  /** The archive item this screen is about: the bookmark shortcut (B) acts on it. */
  item?: string;
  /** What shows while loading instead of "Loading…": the screen's frame, so that nothing moves when the data arrives. */
  skeleton?: ReactNode;
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
    if (loaded.state === 'ready' && visit && title)
      recordVisit({
        route: visit.route,
        kind: visit.kind,
        title: visit.title ?? title,
        ...(visit.as ? { as: visit.as } : {}),
      });
  }, [loaded.state, visit?.route, visit?.kind, visit?.title, visit?.as, title]);
  useArrival(loaded.state !== 'loading', title, location.pathname);
  return (
    <main
      id="main"
      className="screen"
      data-screen={props.name}
      data-route={location.pathname + location.search}
      data-state={loaded.state}
      data-item={loaded.state === 'ready' ? props.item : undefined}
      tabIndex={-1}
    >
      {loaded.state === 'loading' &&
        (props.skeleton ?? (
          <p className="quiet" aria-live="polite">
            {t('Loading…')}
          </p>
        ))}
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
