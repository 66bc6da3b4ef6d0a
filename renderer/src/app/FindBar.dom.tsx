/**
 * Ctrl/Cmd+F: find in the screen shown. Matches are marked with the CSS Custom Highlight API, so
 * the page's text is never rewritten; Enter goes to the next match, Escape closes.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

function rangesFor(query: string): Range[] {
  const main = document.getElementById('main');
  if (!main || query.trim().length < 2) return [];
  const needle = query.toLocaleLowerCase();
  const ranges: Range[] = [];
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.toLocaleLowerCase() ?? '';
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) {
      const range = new Range();
      range.setStart(node, at);
      range.setEnd(node, at + needle.length);
      ranges.push(range);
    }
  }
  return ranges;
}

export function FindBar() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [ranges, setRanges] = useState<Range[]>([]);
  const [current, setCurrent] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const highlights = (CSS as unknown as { highlights?: Map<string, unknown> }).highlights;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        setOpen(true);
        setTimeout(() => input.current?.select(), 0);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    const found = open ? rangesFor(query) : [];
    setRanges(found);
    setCurrent(0);
    if (highlights) {
      if (found.length)
        highlights.set(
          'find',
          new (window as unknown as { Highlight: new (...r: Range[]) => unknown }).Highlight(...found),
        );
      else highlights.delete('find');
    }
    found[0]?.startContainer.parentElement?.scrollIntoView({ block: 'center' });
  }, [query, open, highlights]);

  if (!open) return null;
  const close = () => {
    setOpen(false);
    setQuery('');
    highlights?.delete('find');
  };
  return (
    <div className="find-bar" role="search" aria-label={t('Find in page')}>
      <input
        ref={input}
        aria-label={t('Find in page…')}
        placeholder={t('Find in page…')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') close();
          if (e.key === 'Enter' && ranges.length) {
            const next = (current + (e.shiftKey ? ranges.length - 1 : 1)) % ranges.length;
            setCurrent(next);
            ranges[next]!.startContainer.parentElement?.scrollIntoView({ block: 'center' });
          }
        }}
      />
      <span className="quiet" aria-live="polite">
        {query.trim().length >= 2
          ? ranges.length
            ? t('{{count}} matches', { count: ranges.length })
            : t('Nothing found.')
          : ''}
      </span>
      <button type="button" className="link-button" onClick={close}>
        {t('Close')}
      </button>
    </div>
  );
}
