/** Ctrl/Cmd+K: a quick-open palette over the same search, operated from the keyboard. */
import { useTranslation } from 'react-i18next';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { useNavigate } from 'react-router';
import type { SearchHit } from '../../../common/contract/contract.std';
import { api } from '../api/client.dom';
import { askCompleting } from './complete-search.std';
import { HitText } from './Highlighted.dom';
import { hitHref, TYPE_LABELS } from './hits.dom';
import { isPaletteMove, movedActive } from './palette-keys.std';

/** How many hits the palette shows. */
const PALETTE_HITS = 8;

/** Ctrl/Cmd+K anywhere opens the palette, emptied by `reset`. */
function usePaletteShortcut(dialog: RefObject<HTMLDialogElement | null>, reset: () => void) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        reset();
        dialog.current?.showModal();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** The query, its hits as the search answers while one types, the active hit, and the query the hits answer. */
function usePaletteSearch() {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [active, setActive] = useState(0);
  // The query the hits answer: nothing found is said only once the search has answered.
  const [answered, setAnswered] = useState('');

  useEffect(() => {
    let current = true;
    if (!query.trim()) return setHits([]);
    // Partial at first if the full index is still loading after launch, then complete (#26).
    askCompleting(api.search.query, { query, typing: true, limit: PALETTE_HITS }, (result) => {
      if (!current) return;
      setHits(result.hits);
      setActive(0);
      setAnswered(query);
    }).catch(() => {
      if (!current) return;
      setHits([]);
      setAnswered(query);
    });
    return () => {
      current = false;
    };
  }, [query]);

  const reset = () => {
    setQuery('');
    setHits([]);
  };
  return { query, setQuery, hits, active, setActive, answered, reset };
}

export function Palette() {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const navigate = useNavigate();
  const { query, setQuery, hits, active, setActive, answered, reset } = usePaletteSearch();
  usePaletteShortcut(dialog, reset);

  const open = (hit: SearchHit | undefined) => {
    if (!hit) return;
    dialog.current?.close();
    navigate(hitHref(hit));
  };

  return (
    <dialog ref={dialog} className="palette" aria-label={t('Quick search')}>
      <input
        aria-label={t('Quick search')}
        role="combobox"
        aria-expanded={hits.length > 0}
        aria-controls="palette-results"
        aria-activedescendant={hits[active] ? `palette-${active}` : undefined}
        placeholder={t('Go to a person, a place, an event…')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (isPaletteMove(e.key)) {
            e.preventDefault();
            const move = e.key;
            setActive((a) => movedActive(move, a, hits.length));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            open(hits[active]);
          }
        }}
      />
      <ul id="palette-results" role="listbox" aria-label={t('Results')}>
        {hits.map((hit, i) => (
          <li
            key={`${hit.type}:${hit.key}`}
            id={`palette-${i}`}
            role="option"
            aria-selected={i === active}
            onMouseDown={() => open(hit)}
          >
            <span className={`type-badge type-${hit.type}`}>{t(TYPE_LABELS[hit.type])}</span>
            <HitText
              hit={hit}
              Title={({ children }) => <span className="palette-title">{children}</span>}
              Snippet={({ children }) => <span className="palette-snippet">{children}</span>}
            />
          </li>
        ))}
      </ul>
      <p role="status" className="palette-empty">
        {query.trim() && answered === query && hits.length === 0
          ? t('Nothing in the archive matches “{{query}}”.', { query: query.trim() })
          : ''}
      </p>
    </dialog>
  );
}
