/** Search results: type, issue and a snippet with the matched words marked; filters and sorting. */
import { Link, useSearchParams } from 'react-router';
import { SEARCH_TYPES, type SearchQuery } from '../../../common/contract.std';
import { api } from '../api/client.dom';
import { useCall } from '../api/useCall.dom';
import { Screen } from '../app/Screen.dom';
import { Highlighted } from './Highlighted.dom';
import { hitHref, TYPE_LABELS } from './hits.dom';

function queryFrom(params: URLSearchParams): SearchQuery {
  const type = params.get('type');
  const year = Number(params.get('year'));
  return {
    query: params.get('q') ?? '',
    typing: true,
    limit: 50,
    ...(type && (SEARCH_TYPES as readonly string[]).includes(type) ? { types: [type as SearchQuery['types'] & string] as SearchQuery['types'] } : {}),
    ...(params.get('issue') ? { issue: params.get('issue')! } : {}),
    ...(year ? { year } : {}),
    ...(params.get('country') ? { country: params.get('country')! } : {}),
    ...(params.get('sort') === 'date' ? { sort: 'date' as const } : {}),
  };
}

export function SearchScreen() {
  const [params, setParams] = useSearchParams();
  const query = queryFrom(params);
  const issues = useCall(() => api.content.listIssues({}), []);
  const loaded = useCall(() => api.search.query(query), [params.toString()]);
  const setParam = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  const issueTitle = (key: string | null) =>
    issues.state === 'ready' ? (issues.value.find((i) => i.key === key)?.title ?? '') : '';

  return (
    <Screen name="search" title={query.query ? `Search: ${query.query}` : 'Search'} loaded={loaded}>
      {(result) => (
        <section className="search-results" aria-labelledby="search-heading">
          <header className="screen-header">
            <h1 id="search-heading">{query.query ? <>Results for “{query.query}”</> : 'Search'}</h1>
            <p className="quiet" aria-live="polite">
              {result.total} {result.total === 1 ? 'result' : 'results'}
              {result.hint ? ` — ${result.hint}` : ''}
            </p>
          </header>
          <div className="filters" role="group" aria-label="Filters">
            <label>
              Type
              <select value={params.get('type') ?? ''} onChange={(e) => setParam('type', e.target.value)}>
                <option value="">All</option>
                {SEARCH_TYPES.map((t) => (
                  <option key={t} value={t}>{TYPE_LABELS[t]}</option>
                ))}
              </select>
            </label>
            <label>
              Issue
              <select value={params.get('issue') ?? ''} onChange={(e) => setParam('issue', e.target.value)}>
                <option value="">All</option>
                {issues.state === 'ready' && issues.value.map((i) => <option key={i.key} value={i.key}>{i.number ? `No. ${i.number} (${i.year})` : i.year} — {i.title.slice(0, 40)}</option>)}
              </select>
            </label>
            <label>
              Sort
              <select value={params.get('sort') ?? ''} onChange={(e) => setParam('sort', e.target.value)}>
                <option value="">Relevance</option>
                <option value="date">Date</option>
              </select>
            </label>
          </div>
          <ol className="hits">
            {result.hits.map((hit) => (
              <li key={`${hit.type}:${hit.key}`} className="hit" data-type={hit.type}>
                <p className="hit-meta">
                  <span className={`type-badge type-${hit.type}`}>{TYPE_LABELS[hit.type]}</span>
                  {hit.issue && <span className="quiet">{issueTitle(hit.issue)}</span>}
                </p>
                <h2 className="hit-title">
                  <Link to={hitHref(hit)}>
                    {hit.snippet === hit.title ? <Highlighted text={hit.title} ranges={hit.highlights} /> : hit.title}
                  </Link>
                </h2>
                {hit.snippet !== hit.title && (
                  <p className="hit-snippet">
                    <Highlighted text={hit.snippet} ranges={hit.highlights} />
                  </p>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}
    </Screen>
  );
}
