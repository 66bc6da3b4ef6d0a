/**
 * The small always-ready index (#26 item 4): the titles of the sections and the names of the
 * people, organisations and countries, read from the library's connection in one query when a
 * query first needs them (a few milliseconds; no Lunr, no shards). It answers a query typed
 * before the search worker has loaded the full index, marked `partial`: every searchable word of
 * the query must begin a word of the title (the last one as a prefix while typing), by the same
 * fold-and-stem pipeline as the full index. Filters it cannot honour (year, country) and sorting
 * by date get no partial answer (null): the query then waits for the full index.
 */
import type Database from 'better-sqlite3';
import { tokensOf, type Token } from '../../../db/search/search-rank.std';
import type { DocMeta, SearchDocType } from '../../../db/search/search-index.std';
import type { SearchHit, SearchQuery, SearchResult } from '../../../common/contract/contract.std';
import { isSearchable } from './search-query.node';
import { keep } from './search-results.node';
import { cutSnippet } from './search-snippet.node';

/** The cards the small index holds besides the sections. */
const QUICK_TYPES = ['person', 'organisation', 'country'] as const;
const DEFAULT_LIMIT = 30;
const MAX_LIMIT = 100;
/** Shortest word searched as a prefix while typing (as the full index's). */
const SHORTEST_PREFIX = 2;

export interface QuickDoc {
  type: SearchDocType;
  key: string;
  title: string;
  issue: string | null;
}

interface Indexed {
  doc: QuickDoc;
  meta: DocMeta;
  tokens: Token[];
}

export interface QuickIndex {
  /** A partial answer, or null when the small index cannot answer this query faithfully. */
  search(query: SearchQuery): SearchResult | null;
}

/** The sections' titles and the people's, organisations' and countries' names, as the library holds them now. */
export function quickDocsOf(db: Database.Database): QuickDoc[] {
  const sections = db
    .prepare<[], QuickDoc>("SELECT 'section' AS type, key, title, issue_key AS issue FROM sections")
    .all();
  const cards = db
    .prepare<string[], QuickDoc>(
      `SELECT type, key, name AS title, json_extract(data, '$.issue') AS issue FROM entities WHERE type IN (${QUICK_TYPES.map(() => '?').join(', ')})`,
    )
    .all(...QUICK_TYPES);
  return [...sections, ...cards];
}

/** How a title answers the query's words: null if some word begins none of its words, else the index terms matched. */
function matchTitle(tokens: Token[], words: string[], prefix: string | null): Set<string> | null {
  const matched = new Set<string>();
  for (const word of words) {
    const found = tokens.filter((t) => t.term === word);
    if (!found.length) return null;
    for (const t of found) matched.add(t.term);
  }
  if (prefix !== null) {
    const found = tokens.filter((t) => t.term.startsWith(prefix));
    if (!found.length) return null;
    for (const t of found) matched.add(t.term);
  }
  return matched;
}

/** A title that is all query (a name typed whole) first, then the shorter title, then the cards before the sections. */
const scoreOf = (tokens: Token[], matched: number) => matched / Math.max(1, tokens.length);

export function quickIndex(docs: QuickDoc[]): QuickIndex {
  const indexed: Indexed[] = docs.map((doc) => ({
    doc,
    meta: { ref: doc.key, type: doc.type, title: doc.title, issue: doc.issue, year: null, date: null, countries: [] },
    tokens: tokensOf(doc.title),
  }));
  return {
    search(query) {
      if (query.year || query.country || query.sort === 'date') return null;
      const started = performance.now();
      const terms = tokensOf(query.query)
        .map((t) => t.term)
        .filter(isSearchable);
      if (!terms.length) return null;
      const typing = query.typing ?? true;
      const last = terms.at(-1)!;
      const prefix = typing && last.length >= SHORTEST_PREFIX ? last : null;
      const words = prefix === null ? terms : terms.slice(0, -1);
      const kept = keep(query);
      const hits: (SearchHit & { order: number })[] = [];
      for (const { doc, meta, tokens } of indexed) {
        if (!kept({ doc: meta })) continue;
        const matched = matchTitle(tokens, words, prefix);
        if (!matched) continue;
        const { snippet, highlights } = cutSnippet(doc.title, tokens, matched, []);
        const score = scoreOf(tokens, tokens.filter((t) => matched.has(t.term)).length);
        const section = doc.type === 'section' ? doc.key : null;
        hits.push({
          type: doc.type,
          key: doc.key,
          title: doc.title,
          snippet,
          highlights,
          score,
          issue: doc.issue,
          section,
          order: doc.type === 'section' ? 1 : 0,
        });
      }
      hits.sort((a, b) => b.score - a.score || a.order - b.order || a.title.localeCompare(b.title));
      const limit = Math.min(query.limit ?? DEFAULT_LIMIT, MAX_LIMIT);
      const shown = hits.slice(0, limit).map(({ order: _order, ...hit }) => hit);
      const tookMs = Math.round((performance.now() - started) * 100) / 100;
      return { query: query.query, tookMs, hits: shown, total: hits.length, hint: null, partial: true };
    },
  };
}
