/**
 * A query asked as the page asks it (#26 item 4): a partial answer will do at first, so a query
 * typed before the full index has loaded is answered at once from the small index of titles and
 * names; when the answer says it is partial, the query is asked again in full and the complete
 * answer replaces it. A partial answer with no hits is not shown: "nothing found" is said only by
 * the full index.
 */
import type { SearchQuery, SearchResult } from '../../../common/contract/contract.std';

export async function askCompleting(
  ask: (query: SearchQuery) => Promise<SearchResult>,
  query: SearchQuery,
  show: (result: SearchResult) => void,
): Promise<void> {
  const first = await ask({ ...query, partial: true });
  if (!first.partial) return show(first);
  if (first.hits.length > 0) show(first);
  show(await ask(query));
}
