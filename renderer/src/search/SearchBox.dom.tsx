/** The search box in the top bar: results follow the typing, on the search screen. */
import { useTranslation } from 'react-i18next';
import { useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';

export function SearchBox() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const onSearch = location.pathname === '/search';
  const shown = onSearch ? (params.get('q') ?? '') : '';
  const [value, setValue] = useState(shown);
  const timer = useRef<number | undefined>(undefined);
  /** The query this box last sent: a different one in the address came from Back or Forward. */
  const sent = useRef(shown);

  useEffect(() => {
    // Back to the results (or away from them): the box says what the screen shows.
    if (shown !== sent.current) {
      window.clearTimeout(timer.current);
      sent.current = shown;
      setValue(shown);
    }
  }, [shown]);

  const go = (query: string) => {
    const next = new URLSearchParams(onSearch ? params : undefined);
    next.set('q', query);
    sent.current = query;
    navigate(`/search?${next.toString()}`, { replace: onSearch });
  };

  return (
    <form
      role="search"
      className="search-box"
      onSubmit={(event) => {
        event.preventDefault();
        go(value);
      }}
    >
      <label htmlFor="search-input" className="visually-hidden">
        {t('Search the archive')}
      </label>
      <input
        id="search-input"
        type="search"
        placeholder={t('Search people, places, events…')}
        autoComplete="off"
        spellCheck={false}
        value={value}
        onChange={(event) => {
          const query = event.target.value;
          setValue(query);
          window.clearTimeout(timer.current);
          timer.current = window.setTimeout(() => go(query), 120);
        }}
      />
      <kbd className="search-shortcut" aria-hidden="true">
        Ctrl K
      </kbd>
    </form>
  );
}
