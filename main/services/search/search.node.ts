/**
 * The search service: forgiving Lunr search over the prebuilt shards, run in main so the page
 * never holds the index. Shards load on the first query (or warmUp() after the first screen);
 * an imported issue adds its shard with addShard() and is searchable at once.
 *
 * Any input is answered, never thrown: Lunr syntax (`title:kyoto`, `+child -labour`) is used when
 * it parses; when it does not, or the input has no searchable word (`:`, `~~~`, emoji, RTL text),
 * the plain forgiving query runs, or an empty list comes back with a hint. Input beyond
 * MAX_QUERY_CHARS is cut, and the hint says so.
 *
 * The factory holds the state (the shards, the passage cache, the acronyms); the steps of a query
 * are module functions here and in search-query (the query made ready), search-results (ranking,
 * hits, hints), search-snippet and search-shards (#25).
 */
import lunr from 'lunr';
import type Database from 'better-sqlite3';
import { fold, registerSearchPipeline } from '../../../db/search/search-text.std';
import { compile, type Compiled } from '../../../db/search/search-rank.std';
import { scoreTerms } from '../../../db/search/search-score.std';
import type { SearchShard } from '../../../db/search/search-index.std';
import { readShards } from '../../../db/read-content.node';
import type { SearchQuery, SearchResult } from '../../../common/contract/contract.std';
import {
  acronymsNamedIn,
  aliasOf,
  analyse,
  boundedSyntax,
  matchersOf,
  MAX_TERMS,
  prepareAnalyser,
  termsToQuery,
  typedWords,
  type Acronym,
} from './search-query.node';
import {
  CARDS_OF_A_COUNT,
  CARDS_OF_A_PASSAGE,
  hintOf,
  keep,
  liftAgents,
  liftNamed,
  liftReadFrom,
  outcomeHint,
  rank,
  toHit,
  type Candidate,
  type Hint,
} from './search-results.node';
import {
  loadShard,
  passageCache,
  writtenIn,
  type LoadedShard,
  type Passage,
  type PassageCache,
} from './search-shards.node';

export type { Passage } from './search-shards.node';

export const MAX_QUERY_CHARS = 500;
/** Results a query returns unless it asks for fewer, and at most. */
const DEFAULT_LIMIT = 30;
const MAX_LIMIT = 100;
/** Input that asks for Lunr's own syntax: a required or excluded term, a field, a typo, a boost, a wildcard. */
const LUNR_SYNTAX = /(^|\s)[+-]\S|\w:\S|[~^*]/;

const elapsed = (started: number) => Math.round((performance.now() - started) * 100) / 100;

export interface SearchService {
  search(query: SearchQuery): SearchResult;
  warmUp(): void;
  addShard(shard: SearchShard): void;
  removeShard(name: string): void;
}

/** What a query searches with: the shards loaded, their sections' passages, the organisations' acronyms. */
interface SearchState {
  loaded: LoadedShard[];
  passages: PassageCache;
  acronyms: () => Acronym[];
}

/** A query made ready: its concepts, what each matches, and the Lunr terms searched. */
interface Prepared {
  analysis: ReturnType<typeof analyse>;
  concepts: ReturnType<typeof analyse>['concepts'];
  power: boolean;
  lookAlikes: Map<string, string>;
  asTyped: (folded: string[]) => string;
  prefixes: string[];
  searched: number[][];
  compiled: Compiled;
  queryTerms: { term: string; boost: number; prefix: boolean }[];
}

/** The query cut to MAX_QUERY_CHARS, with the hint that says so. */
function cutQuery(query: SearchQuery): { input: string; hint: Hint | null } {
  if (query.query.length <= MAX_QUERY_CHARS) return { input: query.query, hint: null };
  return { input: query.query.slice(0, MAX_QUERY_CHARS), hint: hintOf('search.cut', { max: String(MAX_QUERY_CHARS) }) };
}

/** The query's concepts made ready to search, or the hint that says why there is nothing to search. */
function prepare(state: SearchState, input: string, typing: boolean): Prepared | Hint {
  const analysis = analyse(input, writtenIn(state.loaded));
  const concepts = analysis.concepts.slice(0, MAX_TERMS);
  const extra = acronymsNamedIn(input, state.acronyms());
  if (concepts.length === 0 && extra.length === 0)
    return analysis.onlyFunctionWords ? hintOf('search.function-words') : hintOf('search.empty');
  const lookAlikes = new Map<string, string>();
  const asTyped = typedWords(input);
  const matchers = matchersOf(concepts, state.loaded, typing, lookAlikes, asTyped);
  const prefixes = matchers.flatMap((m) => m.flatMap((slots) => slots.flatMap((s) => (s.prefix ? [s.prefix] : []))));
  const compiled = compile(
    matchers,
    state.acronyms().map((a) => a.alias),
  );
  const { terms, searched } = termsToQuery(concepts, matchers, [...extra, ...compiled.aliases]);
  const queryTerms = [...terms].map(([term, { boost, prefix }]) => ({
    term: prefix ? term.slice(0, -1) : term,
    boost,
    prefix,
  }));
  return {
    analysis,
    concepts,
    power: LUNR_SYNTAX.test(input),
    lookAlikes,
    asTyped,
    prefixes,
    searched,
    compiled,
    queryTerms,
  };
}

/** Every shard's candidates: through Lunr's syntax when the input uses it and it parses, else the lean scorer. */
function candidatesOf(
  loaded: LoadedShard[],
  prepared: Prepared,
  input: string,
): { raw: Candidate[]; hint: Hint | null } {
  const raw: Candidate[] = [];
  let hint: Hint | null = null;
  for (const shard of loaded) {
    let results: lunr.Index.Result[] | null = null;
    if (prepared.power) {
      try {
        results = shard.index.search(boundedSyntax(input));
      } catch (error) {
        if (!(error instanceof lunr.QueryParseError)) throw error;
        hint ??= hintOf('search.syntax');
      }
    }
    const scored = results
      ? results.map((r) => ({ ref: r.ref, score: r.score, terms: Object.keys(r.matchData.metadata) }))
      : scoreTerms(shard.index, prepared.queryTerms);
    for (const r of scored)
      raw.push({
        shard,
        doc: shard.docs[Number(r.ref)]!,
        score: r.score,
        matched: r.terms,
        coverage: 0,
        inTitle: false,
        exact: false,
      });
  }
  return { raw, hint };
}

/** The kept candidates in the order shown: by date, or ranked with the cards the query names or asks for lifted. */
function order(state: SearchState, filtered: Candidate[], prepared: Prepared, query: SearchQuery, limit: number): void {
  if (query.sort === 'date') {
    filtered.sort((a, b) => (b.doc.date ?? '').localeCompare(a.doc.date ?? '') || b.score - a.score);
    return;
  }
  const { compiled, analysis } = prepared;
  rank(state.passages, filtered, compiled, limit, prepared.searched);
  liftNamed(filtered, compiled);
  liftReadFrom(filtered, analysis.asksHowMany ? CARDS_OF_A_COUNT : CARDS_OF_A_PASSAGE);
  if (analysis.asksWho) liftAgents(state.passages, filtered, compiled, state.loaded);
}

/** A query answered over the loaded shards; `started` is when it was asked (its time includes loading the shards). */
export function runSearch(state: SearchState, query: SearchQuery, started = performance.now()): SearchResult {
  const cut = cutQuery(query);
  const { input } = cut;
  const prepared = prepare(state, input, query.typing ?? true);
  if (!('compiled' in prepared))
    return { query: query.query, tookMs: elapsed(started), hits: [], total: 0, ...(cut.hint ?? prepared) };
  const { raw, hint: syntax } = candidatesOf(state.loaded, prepared, input);
  let hint = cut.hint ?? syntax;
  const limit = Math.min(query.limit ?? DEFAULT_LIMIT, MAX_LIMIT);
  const filtered = raw.filter(keep(query));
  order(state, filtered, prepared, query, limit);
  const hits = filtered.slice(0, limit).map((c) => toHit(state.passages, c, prepared.compiled, prepared.prefixes));
  const concepts = prepared.concepts.map((c) => prepared.asTyped(c.typed));
  hint ??= outcomeHint(query, raw, filtered, prepared.compiled, concepts, prepared.lookAlikes);
  return { query: query.query, tookMs: elapsed(started), hits, total: filtered.length, ...(hint ?? { hint: null }) };
}

/** A shard added (or, by name, removed) in a list of loaded shards. */
function applyChange(loaded: LoadedShard[], change: SearchShard | string): void {
  const name = typeof change === 'string' ? change : change.name;
  const at = loaded.findIndex((s) => s.name === name);
  if (at >= 0) loaded.splice(at, 1);
  if (typeof change !== 'string') loaded.push(loadShard(change));
}

export function createSearchService(options: {
  loadShards: () => SearchShard[];
  passagesOf: (sectionKey: string) => Passage[];
  acronyms: () => { acronym: string; names: string[] }[];
}): SearchService {
  registerSearchPipeline();
  let shards: LoadedShard[] | null = null;
  // Read again at the next query after a change, not at the change: a change is told while the
  // import that made it is still being committed, and the entities read then would be the old ones.
  let acronyms: Acronym[] | null = null;
  const currentAcronyms = () =>
    (acronyms ??= options.acronyms().map((a) => ({
      acronym: a.acronym.toLowerCase(),
      folded: a.names.map(fold),
      alias: aliasOf(a.acronym, a.names),
    })));
  const passages = passageCache(options.passagesOf);
  // Shards added or removed before the first query wait for it: neither forces the index to load.
  const pending: (SearchShard | string)[] = [];
  const ensure = (): LoadedShard[] => {
    if (!shards) {
      shards = options.loadShards().map(loadShard);
      for (const change of pending.splice(0)) applyChange(shards, change);
    }
    return shards;
  };
  const change = (what: SearchShard | string) => {
    passages.clear();
    if (!shards) return void pending.push(what);
    applyChange(shards, what);
    acronyms = null;
  };
  return {
    warmUp: () => {
      ensure();
      // The analyser (lexicon, names) is built when the worker is next idle, or by the first query if it comes first.
      setTimeout(prepareAnalyser, 0).unref?.();
    },
    addShard: (shard) => change(shard),
    removeShard: (name) => change(name),
    search: (query) => {
      const started = performance.now();
      return runSearch({ loaded: ensure(), passages, acronyms: currentAcronyms }, query, started);
    },
  };
}

/**
 * Search over a content database; given getters, over whichever database the library holds now,
 * with the shards of another (the bundle's archive shard: the library adds imported ones).
 */
export function contentSearch(
  source: Database.Database | (() => Database.Database),
  shardsFrom?: () => Database.Database,
): SearchService {
  const current = typeof source === 'function' ? source : () => source;
  let passages: { db: Database.Database; statement: Database.Statement<[string], Passage> } | null = null;
  return createSearchService({
    loadShards: () => readShards((shardsFrom ?? current)()),
    passagesOf: (key) => {
      const db = current();
      if (passages?.db !== db)
        passages = {
          db,
          statement: db.prepare<[string], Passage>(
            'SELECT key, text FROM paragraphs WHERE section_key = ? ORDER BY ord',
          ),
        };
      return passages.statement.all(key);
    },
    acronyms: () =>
      current()
        .prepare<[], { name: string; data: string }>("SELECT name, data FROM entities WHERE type = 'organisation'")
        .all()
        .map((row) => ({
          acronym: (JSON.parse(row.data) as { acronym: string | null }).acronym ?? '',
          names: [row.name],
        }))
        .filter((a) => a.acronym && a.acronym !== a.names[0]),
  });
}
