/**
 * The frame of every screen: the main landmark, and the `data-screen` / `data-state` attributes
 * the e2e wrapper waits on (the app says when a screen is ready; tests never sleep).
 */
import { useEffect, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { Loaded } from '../api/useCall.dom';

export function Screen<T>(props: {
  name: string;
  title: string;
  loaded: Loaded<T>;
  children: (value: T) => ReactNode;
}) {
  const { loaded } = props;
  useEffect(() => {
    document.title = props.title ? `${props.title} — Valise` : 'Valise';
  }, [props.title]);
  return (
    <main id="main" className="screen" data-screen={props.name} data-state={loaded.state} tabIndex={-1}>
      {loaded.state === 'loading' && <p className="quiet" aria-live="polite">Loading…</p>}
      {loaded.state === 'error' &&
        (loaded.error.code === 'NOT_FOUND' ? (
          <NotFound message={loaded.error.message} />
        ) : (
          <div role="alert" className="problem">
            <h1>Something went wrong</h1>
            <p>{loaded.error.message}</p>
            <p>
              <Link to="/">Back to the library</Link>
            </p>
          </div>
        ))}
      {loaded.state === 'ready' && props.children(loaded.value)}
    </main>
  );
}

export function NotFound({ message }: { message?: string }) {
  return (
    <div role="alert" className="problem" data-not-found>
      <h1>Not in this archive</h1>
      <p>{message ?? 'This page does not exist. The link may be stale, or the issue may have been removed.'}</p>
      <p>
        <Link to="/">Back to the library</Link>
      </p>
    </div>
  );
}
