/** Search results: type, issue and a snippet with the matched words marked; filters and sorting. */
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useSearch } from './useSearch.dom';
import {
  SEARCH_TYPES,
  type SearchHit,
  type SearchQuery,
  type SearchResult,
} from '../../../common/contract/contract.std';
import { api } from '../api/client.dom';
import { useCall } from '../api/useCall.dom';
import { issueLabel } from '../format/format.dom';
import { Screen } from '../app/Screen.dom';
import { useSettings } from '../app/Settings.dom';
import { HitText } from './Highlighted.dom';
import { hitHref, TYPE_LABELS } from './hits.dom';
import { useMainText } from '../i18n/main-text.dom';
import { useIsOne } from '../i18n/plural.dom';

function queryFrom(params: URLSearchParams): SearchQuery {
  const type = params.get('type');
  const year = Number(params.get('year'));
  return {
    query: params.get('q') ?? '',
    typing: true,
    limit: 50,
    ...(type && (SEARCH_TYPES as readonly string[]).includes(type)
      ? { types: [type as SearchQuery['types'] & string] as SearchQuery['types'] }
      : {}),
    ...(params.get('issue') ? { issue: params.get('issue')! } : {}),
    ...(year ? { year } : {}),
    ...(params.get('country') ? { country: params.get('country')! } : {}),
    ...(params.get('sort') === 'date' ? { sort: 'date' as const } : {}),
  };
}

export function SearchScreen() {
  const { t } = useTranslation();
  const { say } = useMainText();
  const { locale } = useSettings();
  const isOne = useIsOne();
  const [params, setParams] = useSearchParams();
  const query = queryFrom(params);
  const issues = useCall(() => api.content.listIssues({}), []);
  // Partial at first if the full index is still loading after launch, then complete (#26).
  const { loaded, partial } = useSearch(query, [params.toString()]);
  const setParam = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  const issueTitle = (key: string | null) =>
    issues.state === 'ready' ? (issues.value.find((i) => i.key === key)?.title ?? '') : '';

  // A partial answer (titles and names, while the full index loads: #26) is shown as the complete
  // one will be, in place of the skeleton; the screen stays "loading" until the complete one.
  const results = (result: SearchResult) => (
    <section className="search-results" aria-labelledby="search-heading">
      <header className="screen-header">
        <h1 id="search-heading">{query.query ? t('Results for “{{query}}”', { query: query.query }) : t('Search')}</h1>
        <p className="quiet" aria-live="polite">
          {/* French counts 0 as one (« 0 résultat »), English as many: the language's own plural rule. */}
          {result.partial
            ? t('Titles and names so far; searching the full text…')
            : t(isOne(result.total) ? '{{count}} result' : '{{count}} results', { count: result.total })}
          {result.hint
            ? ` — ${say({ message: result.hint, messageId: result.hintId, params: result.hintParams })}`
            : ''}
        </p>
      </header>
      <div className="filters" role="group" aria-label={t('Filters')}>
        <label>
          {t('Type')}
          <select value={params.get('type') ?? ''} onChange={(e) => setParam('type', e.target.value)}>
            <option value="">{t('All')}</option>
            {SEARCH_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(TYPE_LABELS[type])}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('Issue')}
          <select value={params.get('issue') ?? ''} onChange={(e) => setParam('issue', e.target.value)}>
            <option value="">{t('All')}</option>
            {issues.state === 'ready' &&
              issues.value.map((i) => (
                <option key={i.key} value={i.key}>
                  {issueLabel(i, locale, (n) => t('No. {{number}}', { number: n }))}
                </option>
              ))}
          </select>
        </label>
        <label>
          {t('Sort')}
          <select value={params.get('sort') ?? ''} onChange={(e) => setParam('sort', e.target.value)}>
            <option value="">{t('Relevance')}</option>
            <option value="date">{t('Date')}</option>
          </select>
        </label>
      </div>
      <HitList hits={result.hits} issueTitle={issueTitle} />
    </section>
  );
  return (
    <Screen
      name="search"
      title={query.query ? `${t('Search')}: ${query.query}` : t('Search')}
      loaded={loaded}
      skeleton={partial ? results(partial) : undefined}
    >
      {results}
    </Screen>
  );
}

/** The hits as listed: a complete answer's, or a partial one's while the full index loads (#26). */
function HitList({ hits, issueTitle }: { hits: SearchHit[]; issueTitle: (key: string | null) => string }) {
  const { t } = useTranslation();
  return (
    <ol className="hits">
      {hits.map((hit) => (
        <li key={`${hit.type}:${hit.key}`} className="hit" data-type={hit.type}>
          <p className="hit-meta">
            <span className={`type-badge type-${hit.type}`}>{t(TYPE_LABELS[hit.type])}</span>
            {hit.issue && <span className="quiet">{issueTitle(hit.issue)}</span>}
          </p>
          <HitText
            hit={hit}
            Title={({ children }) => (
              <h2 className="hit-title">
                <Link to={hitHref(hit)}>{children}</Link>
              </h2>
            )}
            Snippet={({ children }) => <p className="hit-snippet">{children}</p>}
          />
        </li>
      ))}
    </ol>
  );
}
