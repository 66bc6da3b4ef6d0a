/**
 * The search service: forgiving Lunr search over the prebuilt shards, run in main so the page
 * never holds the index. Shards load on the first query (or warmUp() after the first screen);
 * an imported issue adds its shard with addShard() and is searchable at once.
 *
 * Any input is answered, never thrown: Lunr syntax (`title:kyoto`, `+child -labour`) is used when
 * it parses; when it does not, or the input has no searchable word (`:`, `~~~`, emoji, RTL text),
 * the plain forgiving query runs, or an empty list comes back with a hint. Input beyond
 * MAX_QUERY_CHARS is cut, and the hint says so.
 */
import lunr from 'lunr';
import type Database from 'better-sqlite3';
import { fold, registerSearchPipeline, stem, termsOf } from '../../common/search-text.std';
import type { DocMeta, SearchShard } from '../../db/search-index.std';
import { readShards } from '../../db/read-content.node';
import type { SearchHit, SearchQuery, SearchResult } from '../../common/contract.std';
import { localised, type MessageId, type MessageParams } from '../../common/messages.std';

export const MAX_QUERY_CHARS = 500;

const STOP = lunr.generateStopWordFilter(
  'a able about across after all almost also am among an and any are as at be because been but by can cannot could dear did do does either else ever every for from get got had has have he her hers him his how however i if in into is it its just least let like likely may me might most must my neither no nor not of off often on only or other our own rather said say says she should since so some than that the their them then there these they this tis to too twas us wants was we were what when where which while who whom why will with would yet you your'.split(' '),
);
const isSearchable = (word: string) => STOP(new lunr.Token(word, {}), 0, []) !== undefined;
const MAX_TERMS = 12;
/**
 * Longest word matched with typos. Lunr's fuzzy automaton grows much faster than the word: 64
 * letters took 0.6 s, 250 took 13 s and 500 ran main out of memory (found by the generated
 * hostile requests, tests/unit/hostile-ipc.test.ts). The archive's longest word has 18.
 */
const MAX_FUZZY_CHARS = 20;
const RERANKED = 200;

/**
 * Lunr's own syntax with typos bounded as the plain query bounds them: at most two edits, and
 * none past MAX_FUZZY_CHARS letters. `oY*]G~98` hung main (found by the hostile requests).
 */
const boundedSyntax = (input: string) =>
  input.replace(/(\S*?)~(\d+)/g, (_, term: string, edits: string) => (term.length > MAX_FUZZY_CHARS ? term : `${term}~${Math.min(Number(edits), 2)}`));

/** French words of the newsletter's subject, searched as their English equivalents. */
const FRENCH: Record<string, string[]> = {
  traite: ['trafficking'],
  trafic: ['trafficking', 'smuggling'],
  passeur: ['smuggler'], passeurs: ['smugglers', 'smuggling'],
  victime: ['victim'], victimes: ['victims'],
  enfant: ['child'], enfants: ['children'], mineur: ['minor'], mineurs: ['minors'],
  esclavage: ['slavery'], mendicite: ['begging'], travail: ['labour'], force: ['forced'],
  exploitation: ['exploitation'], humains: ['human'], etres: ['beings'],
};

/** Parts of lunr.Index that its typings leave out. */
interface LunrInternals {
  invertedIndex: Record<string, unknown>;
  tokenSet: lunr.TokenSet;
}
const fuzzySet = (term: string, distance: number): lunr.TokenSet =>
  (lunr.TokenSet as unknown as { fromFuzzyString(s: string, d: number): lunr.TokenSet }).fromFuzzyString(term, distance);

/**
 * With no metadata kept, every posting of a loaded index holds its own empty object; one shared
 * frozen object serves them all and saves a third of the index's memory.
 */
function shareEmptyMetadata(index: lunr.Index): lunr.Index {
  const empty = Object.freeze({});
  const inverted = (index as unknown as { invertedIndex: Record<string, Record<string, Record<string, object> | number>> }).invertedIndex;
  for (const term in inverted) {
    const posting = inverted[term]!;
    for (const field in posting) {
      const refs = posting[field];
      if (typeof refs !== 'object') continue; // _index
      for (const ref in refs) refs[ref] = empty;
    }
  }
  return index;
}

/** How much of the query the "nothing found" hint repeats. */
const QUERY_SHOWN_CHARS = 60;

/** A hint as the result carries it: the English text, and its catalogue id and parameters for the page. */
type Hint = Pick<SearchResult, 'hint' | 'hintId' | 'hintParams'>;
function hintOf(id: MessageId, params: MessageParams = {}): Hint {
  const { message, messageId, params: hintParams } = localised(id, params);
  return { hint: message, hintId: messageId, hintParams };
}

const elapsed = (started: number) => Math.round((performance.now() - started) * 100) / 100;

interface LoadedShard {
  name: string;
  index: lunr.Index;
  /** By document number, the ref Lunr returns. */
  docs: DocMeta[];
}

export interface Passage {
  key: string;
  text: string;
}

export interface SearchService {
  search(query: SearchQuery): SearchResult;
  warmUp(): void;
  addShard(shard: SearchShard): void;
  removeShard(name: string): void;
}

interface Acronym {
  acronym: string;
  folded: string[];
}

export function createSearchService(options: {
  loadShards: () => SearchShard[];
  passagesOf: (sectionKey: string) => Passage[];
  acronyms: () => { acronym: string; names: string[] }[];
}): SearchService {
  registerSearchPipeline();
  let shards: LoadedShard[] | null = null;
  let acronyms: Acronym[] = [];
  const load = (shard: SearchShard): LoadedShard => ({
    name: shard.name,
    index: shareEmptyMetadata(lunr.Index.load(shard.index)),
    docs: shard.docs,
  });
  const loadAcronyms = () => {
    acronyms = options.acronyms().map((a) => ({ acronym: a.acronym.toLowerCase(), folded: a.names.map(fold) }));
  };
  // Shards added or removed before the first query wait for it: neither forces the index to load.
  const pending: (SearchShard | string)[] = [];
  const apply = (loaded: LoadedShard[], change: SearchShard | string) => {
    const name = typeof change === 'string' ? change : change.name;
    const at = loaded.findIndex((s) => s.name === name);
    if (at >= 0) loaded.splice(at, 1);
    if (typeof change !== 'string') loaded.push(load(change));
  };
  const ensure = (): LoadedShard[] => {
    if (!shards) {
      shards = options.loadShards().map(load);
      for (const change of pending.splice(0)) apply(shards, change);
      loadAcronyms();
    }
    return shards;
  };
  const change = (what: SearchShard | string) => {
    foldedPassages.clear();
    if (!shards) return void pending.push(what);
    apply(shards, what);
    loadAcronyms();
  };

  function plainQuery(index: lunr.Index, words: string[], typing: boolean) {
    return (q: lunr.Query) => {
      const internals = index as unknown as LunrInternals;
      words.forEach((word, i) => {
        const term = stem(word);
        if (!term) return;
        q.term(term, { boost: 10, usePipeline: false });
        const known = term in internals.invertedIndex;
        // A word still being typed: its prefix. A word the index knows is complete: no need.
        if (typing && !known && i === words.length - 1 && word.length >= 2) {
          q.term(fold(word), { boost: 4, usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING });
        }
        // Typos: only for a word the archive does not know; one edit, or two for a long word with no near neighbour.
        if (word.length >= 4 && word.length <= MAX_FUZZY_CHARS && !known) {
          const oneEditAway = internals.tokenSet.intersect(fuzzySet(term, 1)).toArray().length > 0;
          q.term(term, { boost: 3, usePipeline: false, editDistance: oneEditAway || word.length < 8 ? 1 : 2 });
        }
      });
    };
  }

  function wordsOf(text: string): { words: string[]; expansions: string[] } {
    const folded = fold(text);
    const words = folded.match(/[\p{L}\p{N}]+/gu) ?? [];
    const kept = words.filter((w) => isSearchable(w));
    const expansions: string[] = [];
    for (const a of acronyms) {
      if (a.folded.some((name) => name.length > 8 && folded.includes(name))) expansions.push(a.acronym);
    }
    // Own keys only: `FRENCH.constructor` is Object, and a search for "constructor" answered INTERNAL.
    for (const w of kept) for (const en of Object.hasOwn(FRENCH, w) ? FRENCH[w]! : []) expansions.push(en);
    return { words: kept.slice(0, MAX_TERMS), expansions };
  }

  function snippetOf(text: string, matched: Set<string>, prefixes: string[]): { snippet: string; highlights: [number, number][] } {
    const terms = termsOf(text);
    const isMatch = (t: string) => matched.has(t) || prefixes.some((p) => t.startsWith(p));
    const hits = terms.filter((t) => isMatch(t.term));
    const first = hits[0];
    let start = 0;
    if (first && first.start > 80) {
      const space = text.lastIndexOf(' ', first.start - 60);
      start = space < 0 ? 0 : space + 1;
    }
    let end = Math.min(text.length, start + 240);
    if (end < text.length) {
      const space = text.lastIndexOf(' ', end);
      if (space > start) end = space;
    }
    const prefix = start > 0 ? '…' : '';
    const snippet = prefix + text.slice(start, end) + (end < text.length ? '…' : '');
    const shift = prefix.length - start;
    const highlights = hits.filter((t) => t.start >= start && t.end <= end).map((t): [number, number] => [t.start + shift, t.end + shift]);
    return { snippet, highlights };
  }

  /**
   * The passage that holds the most matched terms. Stems are, nearly always, the start of the
   * words they come from, so a substring count on the folded text ranks passages without
   * stemming them; only the chosen passage is stemmed, for the highlights.
   */
  const foldedPassages = new Map<string, { passage: Passage; folded: string }[]>();
  function passagesFolded(sectionKey: string) {
    let cached = foldedPassages.get(sectionKey);
    if (!cached) {
      cached = options.passagesOf(sectionKey).map((passage) => ({ passage, folded: fold(passage.text) }));
      if (foldedPassages.size >= 2_000) foldedPassages.clear();
      foldedPassages.set(sectionKey, cached);
    }
    return cached;
  }

  function bestPassage(sectionKey: string, terms: Set<string>, prefixes: string[]): Passage | null {
    const roots = [...terms, ...prefixes].map((t) => t.replace(/i$/, '')).filter((t) => t.length > 1);
    let best: Passage | null = null;
    let bestCount = 0;
    for (const { passage: p, folded } of passagesFolded(sectionKey)) {
      let count = 0;
      for (const root of roots) if (folded.includes(root)) count++;
      if (count > bestCount) [best, bestCount] = [p, count];
    }
    return best;
  }

  return {
    warmUp: () => void ensure(),
    addShard: (shard) => change(shard),
    removeShard: (name) => change(name),
    search(query) {
      const started = performance.now();
      const loaded = ensure();
      let input = query.query;
      let hint: Hint | null = null;
      if (input.length > MAX_QUERY_CHARS) {
        input = input.slice(0, MAX_QUERY_CHARS);
        hint = hintOf('search.cut', { max: String(MAX_QUERY_CHARS) });
      }
      const { words, expansions } = wordsOf(input);
      const power = /(^|\s)[+-]\S|\w:\S|[~^*]/.test(input);
      if (words.length === 0 && expansions.length === 0) {
        return { query: query.query, tookMs: elapsed(started), hits: [], total: 0, ...(hint ?? hintOf('search.empty')) };
      }
      const typing = query.typing ?? true;
      const prefixes = typing && words.length ? [fold(words[words.length - 1]!)] : [];
      const raw: { shard: LoadedShard; doc: DocMeta; score: number; terms: Set<string> }[] = [];
      for (const shard of loaded) {
        let results: lunr.Index.Result[] | null = null;
        if (power) {
          try {
            results = shard.index.search(boundedSyntax(input));
          } catch (error) {
            if (!(error instanceof lunr.QueryParseError)) throw error;
            hint ??= hintOf('search.syntax');
          }
        }
        results ??= shard.index.query((q) => {
          plainQuery(shard.index, words, typing)(q);
          for (const e of expansions) q.term(stem(e), { boost: 6, usePipeline: false });
        });
        for (const r of results) raw.push({ shard, doc: shard.docs[Number(r.ref)]!, score: r.score, terms: new Set(Object.keys(r.matchData.metadata)) });
      }
      const types = query.types?.length ? new Set(query.types) : null;
      const filtered = raw.filter(({ doc }) => {
        if (!doc) return false;
        if (types && !types.has(doc.type === 'section' ? 'section' : doc.type) && !(doc.type === 'section' && types.has('passage'))) return false;
        if (query.issue && doc.issue !== query.issue) return false;
        if (query.year && doc.year !== query.year && !(doc.date ?? '').startsWith(String(query.year))) return false;
        if (query.country && !doc.countries.includes(query.country)) return false;
        return true;
      });
      if (query.sort === 'date') {
        filtered.sort((a, b) => (b.doc.date ?? '').localeCompare(a.doc.date ?? '') || b.score - a.score);
      } else {
        // Titles and names rank above passing mentions: Lunr's field boost does most of it; an
        // entity whose own name matches outranks a long section that mentions it.
        // And a hit that matches every word of the query outranks one that matches a few.
        const stems = words.map(stem);
        const coverage = (terms: Set<string>) => {
          if (stems.length < 2) return 1;
          const found = stems.filter((s, i) => [...terms].some((t) => t === s || (i === stems.length - 1 && t.startsWith(s)))).length;
          return (found / stems.length) ** 2;
        };
        // Re-weighing the best few hundred is enough to order the page a person sees.
        filtered.sort((a, b) => b.score - a.score);
        const head = filtered.slice(0, RERANKED);
        for (const hit of head) {
          const inTitle = termsOf(hit.doc.title).some((t) => hit.terms.has(t.term));
          hit.score *= (inTitle ? 1.5 : 1) * coverage(hit.terms);
        }
        head.sort((a, b) => b.score - a.score);
        filtered.splice(0, head.length, ...head);
      }
      const limit = Math.min(query.limit ?? 30, 100);
      const hits: SearchHit[] = filtered.slice(0, limit).map(({ doc, score, terms }) => {
        const ref = doc.ref;
        const titleMatches = termsOf(doc.title).some((t) => terms.has(t.term) || prefixes.some((p) => t.term.startsWith(p)));
        if (doc.type !== 'section') {
          return { type: doc.type, key: ref, title: doc.title, ...snippetOf(doc.title, terms, prefixes), score, issue: doc.issue, section: null };
        }
        const passage = bestPassage(doc.ref, terms, prefixes);
        const { snippet, highlights } = snippetOf(passage?.text ?? doc.title, terms, prefixes);
        return {
          type: titleMatches || !passage ? 'section' : 'passage',
          key: titleMatches || !passage ? ref : passage.key,
          title: doc.title,
          snippet,
          highlights,
          score,
          issue: doc.issue,
          section: ref,
        };
      });
      return {
        query: query.query,
        tookMs: elapsed(started),
        hits,
        total: filtered.length,
        ...(hint ?? (hits.length === 0 ? hintOf('search.nothing', { query: query.query.slice(0, QUERY_SHOWN_CHARS) }) : { hint: null })),
      };
    },
  };
}

/** The search service over the bundled content database. */
/**
 * Search over a content database; given getters, over whichever database the library holds now,
 * with the shards of another (the bundle's archive shard: the library adds imported ones).
 */
export function contentSearch(source: Database.Database | (() => Database.Database), shardsFrom?: () => Database.Database): SearchService {
  const current = typeof source === 'function' ? source : () => source;
  let passages: { db: Database.Database; statement: Database.Statement<[string], Passage> } | null = null;
  return createSearchService({
    loadShards: () => readShards((shardsFrom ?? current)()),
    passagesOf: (key) => {
      const db = current();
      if (passages?.db !== db) passages = { db, statement: db.prepare<[string], Passage>('SELECT key, text FROM paragraphs WHERE section_key = ? ORDER BY ord') };
      return passages.statement.all(key);
    },
    acronyms: () =>
      current()
        .prepare<[], { name: string; data: string }>("SELECT name, data FROM entities WHERE type = 'organisation'")
        .all()
        .map((row) => ({ acronym: (JSON.parse(row.data) as { acronym: string | null }).acronym ?? '', names: [row.name] }))
        .filter((a) => a.acronym && a.acronym !== a.names[0]),
  });
}
