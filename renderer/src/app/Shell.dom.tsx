/** What every screen shares: keyboard shortcuts, and notices the app must give (a restored database). */
import { useEffect } from 'react';
import { useBookmarks } from '../bookmarks/BookmarksContext.dom';

function typingIn(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

export function Shortcuts() {
  const { current, toggle, readOnly } = useBookmarks();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (typingIn(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key.toLowerCase() === 'b' && current && !readOnly) {
        event.preventDefault();
        void toggle(current);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [current, toggle, readOnly]);
  return null;
}

export function Notices() {
  const { notices } = useBookmarks();
  if (notices.length === 0) return null;
  return (
    <div className="app-notices" role="alert">
      {notices.map((n, i) => (
        <p key={i}>{n.message}</p>
      ))}
    </div>
  );
}
