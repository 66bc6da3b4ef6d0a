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
import { fold, registerSearchPipeline, stem, wordsOf } from '../../common/search-text.std';
import { betterPassage, compile, coveredCount, looseMatch, passageStats, proximityFactor, tokensOf, type Compiled, type Matcher, type PassageStats, type Slot, type Token } from '../../db/search-rank.std';
import { scoreTerms } from '../../db/search-score.std';
import { VOCABULARY, vocabularyAnalyser, type AnalyseContext, type Concept } from '../../db/search-vocabulary.std';
import { translations } from '../../db/search-lexicon.std';
import { isUnread, SHORTEST_TYPO_WORD, type DocMeta, type SearchShard } from '../../db/search-index.std';
import { readShards } from '../../db/read-content.node';
import type { SearchHit, SearchQuery, SearchResult } from '../../common/contract.std';
import { localised, type MessageId, type MessageParams } from '../../common/messages.std';

export const MAX_QUERY_CHARS = 500;

const STOP = lunr.generateStopWordFilter(
  'a able about across after all almost also am among an and any are as at be because been but by can cannot could dear did do does either else ever every for from get got had has have he her hers him his how however i if in into is it its just least let like likely may me might most must my neither no nor not of off often on only or other our own rather said say says she should since so some than that the their them then there these they this tis to too twas us wants was we were what when where which while who whom why will with would yet you your'.split(' '),
);
const isSearchable = (word: string) => STOP(new lunr.Token(word, {}), 0, []) !== undefined;
let analyser: ReturnType<typeof vocabularyAnalyser> | null = null;
/** The query's concepts: the reviewed vocabulary, then the gazetteer, CLDR and the lexicon (built at the first query). */
const prepareAnalyser = () => (analyser ??= vocabularyAnalyser(VOCABULARY, (word) => !isSearchable(word), translations()));
const analyse = (query: string, context: AnalyseContext) => prepareAnalyser()(query, context);
/** Most concepts a query searches (each is a bit in a mask; Lunr scores every term). */
const MAX_TERMS = 12;
/** Lunr boosts: the word as typed, its vocabulary spellings, its typo neighbours, its prefix, the acronym of a name typed in full. */
const BOOST = { typed: 10, vocabulary: 8, typo: 3, prefix: 4, acronym: 6 };
/**
 * Longest word matched with typos. Lunr's fuzzy automaton grows much faster than the word: 64
 * letters took 0.6 s, 250 took 13 s and 500 ran main out of memory (found by the generated
 * hostile requests, tests/unit/hostile-ipc.test.ts). The archive's longest word has 18.
 */
const MAX_FUZZY_CHARS = 20;
const RERANKED = 100;
/** Cards a query word may name, and how many such cards are lifted below the first result. */
const LIFTED_TYPES = new Set(['country', 'organisation', 'person']);
/** Where a card named by the query is lifted to (0-based), when it ranks lower. */
const LIFTED_TO = 2;
/** Results whose shown passage brings the cards read from it, and how many such cards at most. */
const READ_FROM_RESULTS = 3;
const LIFTED_READ = 2;
const CARDS_OF_A_PASSAGE: ReadonlySet<string> = new Set(['event']);
const CARDS_OF_A_COUNT: ReadonlySet<string> = new Set(['event', 'figure']);

/**
 * Lunr's own syntax with typos bounded as the plain query bounds them: at most two edits, and
 * none past MAX_FUZZY_CHARS letters. `oY*]G~98` hung main (found by the hostile requests).
 */
const boundedSyntax = (input: string) =>
  input.replace(/(\S*?)~(\d+)/g, (_, term: string, edits: string) => (term.length > MAX_FUZZY_CHARS ? term : `${term}~${Math.min(Number(edits), 2)}`));

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
      // _index; or a field of the compact format not read yet, made with the shared object when it is.
      if (field === '_index' || isUnread(posting, field)) continue;
      const refs = posting[field];
      if (typeof refs !== 'object') continue;
      for (const ref in refs) refs[ref] = empty;
    }
  }
  return index;
}

/** The words of a shard within `distance` edits of a word: its words as written, or, for an old shard, its stems. */
function neighboursIn(shard: LoadedShard, word: string, term: string, distance: number): string[] {
  if (!shard.words) return (shard.index as unknown as LunrInternals).tokenSet.intersect(fuzzySet(term, distance)).toArray();
  const set = (shard.wordSet ??= (lunr.TokenSet as unknown as { fromArray(words: string[]): lunr.TokenSet }).fromArray(shard.words));
  return set.intersect(fuzzySet(word, distance)).toArray();
}

const NO_TYPOS = { near: [] as string[], lookAlike: null };
/** Shortest word whose one-edit neighbours are searched as its typos (shorter: `juin` ~ `join`, `MEAE` ~ `mean`). */
const CONFIDENT_TYPO_CHARS = 5;

/** The query's words as typed, by their folded form: a hint or a mark names a word as the person wrote it. */
function typedWords(input: string): (folded: string[]) => string {
  const byFolded = new Map<string, string>();
  for (const { word } of wordsOf(input)) for (const part of word.split(/['’]+/)) if (part) byFolded.set(fold(part), part);
  return (folded) => folded.map((w) => byFolded.get(w) ?? w).join(' ');
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
  /** The words the shard's documents use, as written (null for a shard built before #28: typos are then looked for among stems). */
  words: string[] | null;
  /** Those words as a Lunr token set, built the first time a typo is looked for. */
  wordSet?: lunr.TokenSet;
  /** Those words as a set, built the first time a query asks whether the archive writes a word. */
  written?: Set<string>;
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

/** A section's best passage for a query, with its words and how well it answers. */
interface Best {
  passage: Passage;
  tokens: Token[];
  stats: PassageStats;
}

/** Sections whose passages are kept tokenised (their words as index terms); the least recently read is dropped. */
const CACHED_SECTIONS = 500;

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
  // Read again at the next query after a change, not at the change: a change is told while the
  // import that made it is still being committed, and the entities read then would be the old ones.
  let acronyms: Acronym[] | null = null;
  const load = (shard: SearchShard): LoadedShard => ({
    name: shard.name,
    index: shareEmptyMetadata(lunr.Index.load(shard.index)),
    docs: shard.docs,
    words: Array.isArray(shard.index.words) ? shard.index.words : null,
  });
  const currentAcronyms = () => (acronyms ??= options.acronyms().map((a) => ({ acronym: a.acronym.toLowerCase(), folded: a.names.map(fold) })));
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
    }
    return shards;
  };
  const change = (what: SearchShard | string) => {
    tokenised.clear();
    if (!shards) return void pending.push(what);
    apply(shards, what);
    acronyms = null;
  };

  /**
   * The query's concepts made ready to match: each word's stem, its typo neighbours in the index
   * (only for a word the index does not know) and, for the last word being typed, its prefix.
   */
  function matchersOf(concepts: Concept[], loaded: LoadedShard[], typing: boolean, lookAlikes: Map<string, string>, asTyped: (folded: string[]) => string): Matcher[] {
    const last = concepts.length - 1;
    return concepts.map((concept, c) => {
      const typed = concept.typed.join(' ');
      const shown = asTyped(concept.typed);
      return concept.alternatives.map((words) => {
        // A French form's other spellings are its translations; a word typed in English keeps its synonyms exact.
        const translated = concept.french && words.join(' ') !== typed;
        return words.map((word): Slot => {
          const term = stem(word);
          const terms = new Set([term]);
          const typos = new Set<string>();
          if (concept.entry === null) {
            const { near, lookAlike } = typoNeighbours(word, term, loaded);
            for (const t of near.filter((n) => n !== term)) {
              terms.add(t);
              typos.add(t);
            }
            if (lookAlike) lookAlikes.set(shown, lookAlike);
          }
          const prefix = typing && concept.entry === null && c === last && word.length >= 2 && !knownIn(term, loaded) ? word : null;
          return { terms, prefix, translated, typos, typed: shown };
        });
      });
    });
  }
  /**
   * Whether the archive writes a word as typed: then it is read as written (English, a name), not
   * translated. Words shorter than the shards' word lists keep (and old shards) are asked of the stems.
   */
  const writtenIn = (loaded: LoadedShard[]): AnalyseContext => ({
    isEnglish: (word) =>
      loaded.some((s) => (s.words && word.length >= SHORTEST_TYPO_WORD ? (s.written ??= new Set(s.words)).has(word) : stem(word) in (s.index as unknown as LunrInternals).invertedIndex)),
  });
  const knownIn = (term: string, loaded: LoadedShard[]) => loaded.some((s) => term in (s.index as unknown as LunrInternals).invertedIndex);

  /**
   * Typos: only for a word the archive does not know; one edit, or two for a long word with no near
   * neighbour. The word is compared with the words the archive uses as written, and what it finds
   * searched by their stems: `exploitaton` is one edit from `exploitation` (and four from its stem
   * `exploit`). A shard built before #28 has no words: its stems stand in. A neighbour is searched
   * only when it is one edit from a word of CONFIDENT_TYPO_CHARS letters or more; otherwise
   * (`juin` ~ `join`, two edits) it is a look-alike, offered in the hint, never listed as an answer.
   */
  function typoNeighbours(word: string, term: string, loaded: LoadedShard[]): { near: string[]; lookAlike: string | null } {
    if (word.length < SHORTEST_TYPO_WORD || word.length > MAX_FUZZY_CHARS || knownIn(term, loaded)) return NO_TYPOS;
    const near = (distance: number) => [...new Set(loaded.flatMap((s) => neighboursIn(s, word, term, distance)))].sort();
    const one = near(1);
    if (one.length > 0) return word.length >= CONFIDENT_TYPO_CHARS ? { near: one.map(stem), lookAlike: null } : { near: [], lookAlike: one[0]! };
    return word.length < 8 ? NO_TYPOS : { near: [], lookAlike: near(2)[0] ?? null };
  }

  /**
   * The Lunr terms of a query, with their boosts: what was typed, and for a French form of the
   * vocabulary the archive's English forms; each spelling weighs the same whatever its length.
   */
  function termsToQuery(concepts: Concept[], matchers: Matcher[], extra: string[]): { terms: Map<string, { boost: number; prefix: boolean }>; searched: number[][] } {
    const out = new Map<string, { boost: number; prefix: boolean }>();
    const searched: number[][] = concepts.map(() => []);
    const add = (term: string, boost: number, prefix = false) => {
      const key = prefix ? `${term}*` : term;
      if (term && (out.get(key)?.boost ?? 0) < boost) out.set(key, { boost, prefix });
    };
    concepts.forEach((concept, c) => {
      const stems = concept.alternatives.map((words) => new Set(words.map(stem)));
      // A longer spelling that holds a shorter one adds postings to score, not results: "trafficking" is enough.
      const holdsAnother = (a: number) => stems.some((other, b) => b !== a && other.size < stems[a]!.size && [...other].every((t) => stems[a]!.has(t)));
      matchers[c]!.forEach((slots, a) => {
        const spelling = concept.alternatives[a]!;
        const typed = spelling.join(' ') === concept.typed.join(' ');
        if (!typed && (!concept.french || holdsAnother(a))) return;
        searched[c]!.push(a);
        slots.forEach((slot, w) => {
          const exact = stem(spelling[w]!);
          for (const t of slot.terms) add(t, t === exact ? (typed ? BOOST.typed : BOOST.vocabulary / slots.length) : BOOST.typo);
          if (slot.prefix) add(slot.prefix, BOOST.prefix, true);
        });
      });
    });
    for (const e of extra) add(stem(e), BOOST.acronym);
    return { terms: out, searched };
  }

  /** Acronyms of the organisations the query names in full: the index carries them on every document naming one. */
  function acronymsNamedIn(text: string): string[] {
    const folded = fold(text);
    return currentAcronyms().filter((a) => a.folded.some((name) => name.length > 8 && folded.includes(name))).map((a) => a.acronym);
  }

  /** A snippet, its highlights, and which of them answer only through a translation or a typo. */
  function snippetOf(text: string, terms: Token[], matched: Set<string>, prefixes: string[], compiled: Compiled): Pick<SearchHit, 'snippet' | 'highlights' | 'loose'> {
    const { snippet, highlights, marked } = cutSnippet(text, terms, matched, prefixes);
    const loose = marked.flatMap((t, highlight) => {
      const how = looseMatch(compiled, t.term);
      return how ? [{ highlight, query: how.typed, via: how.via }] : [];
    });
    return { snippet, highlights, ...(loose.length ? { loose } : {}) };
  }

  function cutSnippet(text: string, terms: Token[], matched: Set<string>, prefixes: string[]): { snippet: string; highlights: [number, number][]; marked: Token[] } {
    const isMatch = (t: string) => matched.has(t) || prefixes.some((p) => t.startsWith(p));
    // The forms of a UN symbol share its span: marked once.
    const at = new Set<number>();
    const hits = terms.filter((t) => isMatch(t.term) && !at.has(t.start) && at.add(t.start));
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
    const marked = hits.filter((t) => t.start >= start && t.end <= end);
    return { snippet, highlights: marked.map((t): [number, number] => [t.start + shift, t.end + shift]), marked };
  }

  /** A section's passages, tokenised once: each word as an index term, and the set of them. */
  const tokenised = new Map<string, { passage: Passage; tokens: Token[]; terms: Set<string> }[]>();
  function passagesOf(sectionKey: string) {
    let cached = tokenised.get(sectionKey);
    if (cached) {
      // Read again: moved to the end, so that the least recently read section is the one dropped.
      tokenised.delete(sectionKey);
      tokenised.set(sectionKey, cached);
    } else {
      cached = options.passagesOf(sectionKey).map((passage) => {
        const tokens = tokensOf(passage.text);
        return { passage, tokens, terms: new Set(tokens.map((t) => t.term)) };
      });
      if (tokenised.size >= CACHED_SECTIONS) tokenised.delete(tokenised.keys().next().value!);
      tokenised.set(sectionKey, cached);
    }
    return cached;
  }

  function bestPassage(sectionKey: string, compiled: Compiled): Best | null {
    let best: Best | null = null;
    for (const { passage, tokens, terms } of passagesOf(sectionKey)) {
      const possible = coveredCount(compiled, terms);
      if (possible === 0 || (best && possible < best.stats.concepts)) continue;
      const stats = passageStats(tokens, compiled);
      if (!best || betterPassage(stats, best.stats) < 0) best = { passage, tokens, stats };
      // Every concept in one sentence, side by side: no passage can do better.
      const n = compiled.matchers.length;
      if (best.stats.sentence === n && (n < 2 || best.stats.adjacent >= n - 1)) break;
    }
    return best;
  }

  interface Candidate {
    shard: LoadedShard;
    doc: DocMeta;
    score: number;
    /** The index terms that matched it, as a set once needed. */
    matched: string[];
    terms?: Set<string>;
    coverage: number;
    inTitle: boolean;
    /** It answers some query word as typed (not only through a translation or a typo). */
    exact: boolean;
    best?: Best | null;
  }

  /**
   * What only a result's passages tell: a section covers a concept only if its title or one of
   * its passages does (words scattered over several passages do not count), and the closer the
   * words stand in that passage (same sentence, next to each other), the higher it ranks.
   */
  const termsOfHit = (hit: Candidate) => (hit.terms ??= new Set(hit.matched));

  const titleTokens = new WeakMap<DocMeta, Token[]>();
  const titleOf = (doc: DocMeta) => {
    let tokens = titleTokens.get(doc);
    if (!tokens) titleTokens.set(doc, (tokens = tokensOf(doc.kicker ? `${doc.kicker} ${doc.title}` : doc.title)));
    return tokens;
  };

  const plainTitles = new WeakMap<DocMeta, Token[]>();
  const plainTitleOf = (doc: DocMeta) => {
    let tokens = plainTitles.get(doc);
    if (!tokens) plainTitles.set(doc, (tokens = tokensOf(doc.title)));
    return tokens;
  };

  function refine(hit: Candidate, compiled: Compiled): void {
    const title = passageStats(titleOf(hit.doc), compiled);
    hit.inTitle = title.concepts > 0;
    let stats = title;
    if (hit.doc.type === 'section') {
      hit.best = bestPassage(hit.doc.ref, compiled);
      hit.coverage = Math.min(hit.coverage, Math.max(title.concepts, hit.best?.stats.concepts ?? 0));
      if (hit.best) stats = hit.best.stats;
    }
    hit.score *= proximityFactor(stats, compiled.matchers.length);
  }

  /**
   * Relevance: every concept covered above some of them; at equal coverage, a title or name that
   * answers above a passing mention; then Lunr's score weighed by proximity. Coverage from the
   * index terms is an upper bound: results are refined from the best down until a page of them
   * (at most three pages read) are known to cover at least as much as any result not yet read.
   */
  function rank(hits: Candidate[], compiled: Compiled, window: number, searched: number[][]): void {
    // A result that answers no query word as typed never ranks above one that does.
    const order = (a: Candidate, b: Candidate) => Number(b.exact) - Number(a.exact) || b.coverage - a.coverage || Number(b.inTitle) - Number(a.inTitle) || b.score - a.score;
    hits.sort((a, b) => b.score - a.score);
    const head = hits.slice(0, RERANKED);
    for (const hit of head) {
      hit.exact = [...termsOfHit(hit)].some((t) => compiled.lookup(t).exact !== 0);
      hit.coverage = coveredCount(compiled, termsOfHit(hit));
      hit.inTitle = titleOf(hit.doc).some((t) => compiled.lookup(t.term).mask !== 0);
    }
    head.sort(order);
    // One concept searched by single words only: every hit covers it, and proximity weighs nothing.
    const settledAlready = compiled.matchers.length === 1 && searched[0]!.every((a) => compiled.matchers[0]![a]!.length === 1);
    let read = settledAlready ? head.length : 0;
    let settled = 0;
    while (!settledAlready && read < head.length && read < 3 * window) {
      const bound = head[read]!.coverage;
      if (read >= window && settled >= window) break;
      refine(head[read]!, compiled);
      read++;
      // Refined coverage only falls, and bounds fall down the list: count those still at or above the next bound.
      const next = head[read]?.coverage ?? 0;
      if (bound >= next) settled = countAtLeast(head, read, next);
    }
    if (!settledAlready) head.splice(0, read, ...head.slice(0, read).sort(order));
    hits.splice(0, head.length, ...head);
  }

  /** How many of the first `read` candidates cover at least `coverage` concepts. */
  function countAtLeast(head: Candidate[], read: number, coverage: number): number {
    let count = 0;
    for (let i = 0; i < read; i++) if (head[i]!.coverage >= coverage) count++;
    return count;
  }

  function toHit(candidate: Candidate, compiled: Compiled, prefixes: string[]): SearchHit {
    const { doc, score } = candidate;
    const terms = termsOfHit(candidate);
    const ref = doc.ref;
    const titleMatches = plainTitleOf(doc).some((t) => terms.has(t.term) || prefixes.some((p) => t.term.startsWith(p)));
    if (doc.type !== 'section') {
      // A figure shows the passage it is read from; another card, its name.
      const read = doc.type === 'figure' && doc.passage && passagesOf(doc.passage.section).find((p) => p.passage.key === doc.passage!.key);
      const shown = read ? snippetOf(read.passage.text, read.tokens, terms, prefixes, compiled) : snippetOf(doc.title, plainTitleOf(doc), terms, prefixes, compiled);
      return { type: doc.type, key: ref, title: doc.title, ...shown, score, issue: doc.issue, section: null };
    }
    const best = candidate.best === undefined ? bestPassage(ref, compiled) : candidate.best;
    const passage = best?.passage;
    const shown = best ? snippetOf(best.passage.text, best.tokens, terms, prefixes, compiled) : snippetOf(doc.title, plainTitleOf(doc), terms, prefixes, compiled);
    return {
      type: titleMatches || !passage ? 'section' : 'passage',
      key: titleMatches || !passage ? ref : passage.key,
      title: doc.title,
      ...shown,
      score,
      issue: doc.issue,
      section: ref,
    };
  }

  /**
   * An entity named by a query word (a country, an organisation, a person whose whole name one
   * concept answers) is lifted to third place, where a question about it (“what does France fund
   * in Moldova?”) shows its card: one card, the one with the rarest name.
   */
  function liftNamed(hits: Candidate[], compiled: Compiled): void {
    if (compiled.matchers.length < 2) return;
    const named = hits.slice(0, RERANKED).filter((h) => LIFTED_TYPES.has(h.doc.type) && namedBy(h.doc, compiled));
    // The card whose name is rarest in the archive (Lunr scores a rare name higher): Moldova, not France.
    const card = named.sort((a, b) => b.score - a.score)[0];
    const at = card ? hits.indexOf(card) : -1;
    if (at <= LIFTED_TO) return;
    hits.splice(at, 1);
    hits.splice(LIFTED_TO, 0, card!);
  }

  /**
   * The cards read from a section result's passages and found by the query too (the event a dated
   * line tells; for a question asking how many, the figures it gives) follow that result: the
   * meeting's card beside the section that tells it, the count beside the section that gives it.
   * From the first READ_FROM_RESULTS results, at most LIFTED_READ cards, each only moved up.
   */
  function liftReadFrom(hits: Candidate[], types: ReadonlySet<string>): void {
    let lifted = 0;
    for (let i = 0; i < Math.min(READ_FROM_RESULTS, hits.length) && lifted < LIFTED_READ; i++) {
      const section = hits[i]!.doc;
      if (section.type !== 'section') continue;
      for (let at = i + 2; at < hits.length && lifted < LIFTED_READ; at++) {
        const card = hits[at]!.doc;
        // A card found only through a translation or a typo is not lifted above a result that answers as typed.
        if (!types.has(card.type) || card.passage?.section !== section.ref || (hits[i + 1]?.exact && !hits[at]!.exact)) continue;
        hits.splice(i + 1, 0, hits.splice(at, 1)[0]!);
        lifted++;
        i++;
      }
    }
  }

  /**
   * A question that asks who (« qui a présidé le comité de pilotage ? ») is answered by the people
   * (or organisations, countries) the best passage names: the first card named in the first
   * result's best passage, and not by the query, is lifted to second place.
   */
  function liftAgents(hits: Candidate[], compiled: Compiled, loaded: LoadedShard[]): void {
    const passage = hits.slice(0, 3).map((h) => (h.doc.type === 'section' ? (h.best ?? bestPassage(h.doc.ref, compiled)) : null)).find(Boolean);
    if (!passage) return;
    const firstAt = new Map<string, number>();
    passage.tokens.forEach((t, i) => firstAt.has(t.term) || firstAt.set(t.term, i));
    // Where a person's whole name stands in the passage (its last word), or -1.
    const namedAt = (doc: DocMeta) => {
      const name = plainTitleOf(doc).filter((t) => isSearchable(t.term));
      if (!name.length || namedBy(doc, compiled) || !name.every((t) => firstAt.has(t.term))) return -1;
      return Math.max(...name.map((t) => firstAt.get(t.term)!));
    };
    let agent: { shard: LoadedShard; doc: DocMeta; at: number } | null = null;
    for (const shard of loaded) {
      for (const doc of shard.docs) {
        if (doc.type !== 'person') continue;
        const at = namedAt(doc);
        if (at >= 0 && (!agent || at < agent.at)) agent = { shard, doc, at };
      }
    }
    if (!agent) return;
    // The card may share no word with the question: it answers it all the same.
    const at = hits.findIndex((h) => h.doc === agent.doc);
    const card = at >= 0 ? hits.splice(at, 1)[0]! : { shard: agent.shard, doc: agent.doc, score: 0, matched: [], coverage: 0, inTitle: false, exact: false };
    hits.splice(1, 0, card);
  }

  /** Whether one concept answers every searchable word of a card's name (or of its acronym). */
  function namedBy(doc: DocMeta, compiled: Compiled): boolean {
    const answersAll = (tokens: Token[]) => {
      const words = tokens.filter((t) => isSearchable(t.term));
      return words.length > 0 && words.reduce((mask, t) => mask & compiled.lookup(t.term).mask, -1) !== 0;
    };
    return answersAll(plainTitleOf(doc)) || (!!doc.kicker && answersAll(tokensOf(doc.kicker)));
  }

  /**
   * What the result says beside its hits: the filters alone left nothing; or a query word is
   * answered nowhere, with the look-alike it was not taken for (« Rien pour « juin » ; voir
   * « joined » ? »); or nothing at all was found.
   */
  function outcomeHint(query: SearchQuery, raw: Candidate[], kept: Candidate[], compiled: Compiled, concepts: string[], lookAlikes: Map<string, string>): Hint | null {
    // Sorted by date, the first result is not the one that answers best.
    const best = query.sort === 'date' ? undefined : kept[0];
    if (raw.length > 0 && kept.length === 0) return hintOf('search.filtered', { count: String(raw.length) });
    let answered = 0;
    for (const hit of raw) for (const t of hit.matched) answered |= compiled.lookup(t).mask;
    const missing = concepts.filter((_, c) => !(answered & (1 << c)));
    const lookAlike = missing.find((w) => lookAlikes.has(w));
    if (lookAlike) return hintOf('search.look-alike', { query: lookAlike, suggestion: lookAlikes.get(lookAlike)! });
    if (raw.length === 0) return hintOf('search.nothing', { query: query.query.slice(0, QUERY_SHOWN_CHARS) });
    if (missing.length) return hintOf('search.missing', { query: missing.join(', ').slice(0, QUERY_SHOWN_CHARS) });
    // Every word is somewhere, but no result has them all in its title or in one passage.
    return best && best.coverage < concepts.length ? hintOf('search.partial', { count: String(best.coverage), total: String(concepts.length) }) : null;
  }

  function keep(query: SearchQuery) {
    const types = query.types?.length ? new Set(query.types) : null;
    return ({ doc }: { doc: DocMeta | undefined }) => {
      if (!doc) return false;
      if (types && !types.has(doc.type === 'section' ? 'section' : doc.type) && !(doc.type === 'section' && types.has('passage'))) return false;
      if (query.issue && doc.issue !== query.issue) return false;
      if (query.year && doc.year !== query.year && !(doc.date ?? '').startsWith(String(query.year))) return false;
      if (query.country && !doc.countries.includes(query.country)) return false;
      return true;
    };
  }

  return {
    warmUp: () => {
      ensure();
      // The analyser (lexicon, names) is built when the worker is next idle, or by the first query if it comes first.
      setTimeout(prepareAnalyser, 0).unref?.();
    },
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
      const analysis = analyse(input, writtenIn(loaded));
      const concepts = analysis.concepts.slice(0, MAX_TERMS);
      const extra = acronymsNamedIn(input);
      const power = /(^|\s)[+-]\S|\w:\S|[~^*]/.test(input);
      if (concepts.length === 0 && extra.length === 0) {
        const why = analysis.onlyFunctionWords ? hintOf('search.function-words') : hintOf('search.empty');
        return { query: query.query, tookMs: elapsed(started), hits: [], total: 0, ...(hint ?? why) };
      }
      const typing = query.typing ?? true;
      const lookAlikes = new Map<string, string>();
      const asTyped = typedWords(input);
      const matchers = matchersOf(concepts, loaded, typing, lookAlikes, asTyped);
      const prefixes = matchers.flatMap((m) => m.flatMap((slots) => slots.flatMap((s) => (s.prefix ? [s.prefix] : []))));
      const { terms: lunrTerms, searched } = termsToQuery(concepts, matchers, extra);
      const compiled = compile(matchers);
      const queryTerms = [...lunrTerms].map(([term, { boost, prefix }]) => ({ term: prefix ? term.slice(0, -1) : term, boost, prefix }));
      const limit = Math.min(query.limit ?? 30, 100);
      const raw: Candidate[] = [];
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
        const scored = results ? results.map((r) => ({ ref: r.ref, score: r.score, terms: Object.keys(r.matchData.metadata) })) : scoreTerms(shard.index, queryTerms);
        for (const r of scored) raw.push({ shard, doc: shard.docs[Number(r.ref)]!, score: r.score, matched: r.terms, coverage: 0, inTitle: false, exact: false });
      }
      const filtered = raw.filter(keep(query));
      if (query.sort === 'date') {
        filtered.sort((a, b) => (b.doc.date ?? '').localeCompare(a.doc.date ?? '') || b.score - a.score);
      } else {
        rank(filtered, compiled, limit, searched);
        liftNamed(filtered, compiled);
        liftReadFrom(filtered, analysis.asksHowMany ? CARDS_OF_A_COUNT : CARDS_OF_A_PASSAGE);
        if (analysis.asksWho) liftAgents(filtered, compiled, loaded);
      }
      const hits = filtered.slice(0, limit).map((c) => toHit(c, compiled, prefixes));
      hint ??= outcomeHint(query, raw, filtered, compiled, concepts.map((c) => asTyped(c.typed)), lookAlikes);
      return { query: query.query, tookMs: elapsed(started), hits, total: filtered.length, ...(hint ?? { hint: null }) };
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
