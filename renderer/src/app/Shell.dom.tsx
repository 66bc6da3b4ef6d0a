/** What every screen shares: keyboard shortcuts, and notices the app must give (a restored database). */
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { useMainText } from '../i18n/main-text.dom';
import { useBookmarks } from '../bookmarks/BookmarksContext.dom';

function typingIn(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

export function Shortcuts() {
  const { toggle, readOnly } = useBookmarks();
  const navigate = useNavigate();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey && (event.key === 'ArrowLeft' || event.key === 'ArrowRight') && !typingIn(event.target)) {
        event.preventDefault();
        navigate(event.key === 'ArrowLeft' ? -1 : 1);
        return;
      }
      if (typingIn(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === '?') {
        event.preventDefault();
        navigate('/help');
        return;
      }
      if (event.key === '/') {
        event.preventDefault();
        document.getElementById('search-input')?.focus();
        return;
      }
      // The screen names its item on its main element, in the same render that shows it.
      const current = document.querySelector<HTMLElement>('main[data-item]')?.dataset.item;
      if (event.key.toLowerCase() === 'b' && current && !readOnly) {
        event.preventDefault();
        void toggle(current);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [toggle, readOnly, navigate]);
  // Mouse back and forward buttons.
  useEffect(() => {
    const onMouse = (event: MouseEvent) => {
      if (event.button === 3 || event.button === 4) {
        event.preventDefault();
        navigate(event.button === 3 ? -1 : 1);
      }
    };
    window.addEventListener('mouseup', onMouse);
    return () => window.removeEventListener('mouseup', onMouse);
  }, [navigate]);
  return null;
}

export function Notices() {
  const { notices } = useBookmarks();
  const { say } = useMainText();
  if (notices.length === 0) return null;
  return (
    <div className="app-notices" role="alert">
      {notices.map((n, i) => (
        <p key={i} data-notice={n.kind}>
          {say(n)}
        </p>
      ))}
    </div>
  );
}
