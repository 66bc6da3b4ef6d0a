/**
 * A query made ready for the index (#25, lifted out of createSearchService): its concepts (the
 * analyser), each concept's words with their typo neighbours and prefix (matchers), the Lunr terms
 * and boosts searched, the acronyms of names typed in full. Pure over the loaded shards.
 */
import lunr from 'lunr';
import { fold, stem, wordsOf } from '../../../db/search/search-text.std';
import type { Alias, Matcher, Slot } from '../../../db/search/search-rank.std';
import {
  VOCABULARY,
  vocabularyAnalyser,
  type AnalyseContext,
  type Concept,
} from '../../../db/search/search-vocabulary.std';
import { translations } from '../../../db/search/search-lexicon.std';
import { SHORTEST_TYPO_WORD } from '../../../db/search/search-index.std';
import { knownIn, neighboursIn, type LoadedShard } from './search-shards.node';

const STOP = lunr.generateStopWordFilter(
  'a able about across after all almost also am among an and any are as at be because been but by can cannot could dear did do does either else ever every for from get got had has have he her hers him his how however i if in into is it its just least let like likely may me might most must my neither no nor not of off often on only or other our own rather said say says she should since so some than that the their them then there these they this tis to too twas us wants was we were what when where which while who whom why will with would yet you your'.split(
    ' ',
  ),
);
export const isSearchable = (word: string) => STOP(new lunr.Token(word, {}), 0, []) !== undefined;
let analyser: ReturnType<typeof vocabularyAnalyser> | null = null;
/** The query's concepts: the reviewed vocabulary, then the gazetteer, CLDR and the lexicon (built at the first query). */
export const prepareAnalyser = () =>
  (analyser ??= vocabularyAnalyser(VOCABULARY, (word) => !isSearchable(word), translations()));
export const analyse = (query: string, context: AnalyseContext) => prepareAnalyser()(query, context);
/** Most concepts a query searches (each is a bit in a mask; Lunr scores every term). */
export const MAX_TERMS = 12;
/** Lunr boosts: the word as typed, its vocabulary spellings, its typo neighbours, its prefix, the acronym of a name typed in full. */
export const BOOST = { typed: 10, vocabulary: 8, typo: 3, prefix: 4, acronym: 6 };
/**
 * Longest word matched with typos. Lunr's fuzzy automaton grows much faster than the word: 64
 * letters took 0.6 s, 250 took 13 s and 500 ran main out of memory (found by the generated
 * hostile requests, tests/integration/hostile-ipc.test.ts). The archive's longest word has 18.
 */
export const MAX_FUZZY_CHARS = 20;

/**
 * Lunr's own syntax with typos bounded as the plain query bounds them: at most two edits, and
 * none past MAX_FUZZY_CHARS letters. `oY*]G~98` hung main (found by the hostile requests).
 */
export const boundedSyntax = (input: string) =>
  input.replace(/(\S*?)~(\d+)/g, (_, term: string, edits: string) =>
    term.length > MAX_FUZZY_CHARS ? term : `${term}~${Math.min(Number(edits), 2)}`,
  );

/** The query's words as typed, by their folded form: a hint or a mark names a word as the person wrote it. */
export function typedWords(input: string): (folded: string[]) => string {
  const byFolded = new Map<string, string>();
  for (const { word } of wordsOf(input))
    for (const part of word.split(/['’]+/)) if (part) byFolded.set(fold(part), part);
  return (folded) => folded.map((w) => byFolded.get(w) ?? w).join(' ');
}

const NO_TYPOS = { near: [] as string[], lookAlike: null };
/** Shortest word whose one-edit neighbours are searched as its typos (shorter: `juin` ~ `join`, `MEAE` ~ `mean`). */
const CONFIDENT_TYPO_CHARS = 5;
/** Shortest word searched with two edits when it has no one-edit neighbour. */
const TWO_EDIT_CHARS = 8;

/**
 * Typos: only for a word the archive does not know; one edit, or two for a long word with no near
 * neighbour. The word is compared with the words the archive uses as written, and what it finds
 * searched by their stems: `exploitaton` is one edit from `exploitation` (and four from its stem
 * `exploit`). A shard built before #28 has no words: its stems stand in. A neighbour is searched
 * only when it is one edit from a word of CONFIDENT_TYPO_CHARS letters or more; otherwise
 * (`juin` ~ `join`, two edits) it is a look-alike, offered in the hint, never listed as an answer.
 */
export function typoNeighbours(
  word: string,
  term: string,
  loaded: LoadedShard[],
): { near: string[]; lookAlike: string | null } {
  if (word.length < SHORTEST_TYPO_WORD || word.length > MAX_FUZZY_CHARS || knownIn(term, loaded)) return NO_TYPOS;
  const near = (distance: number) => [...new Set(loaded.flatMap((s) => neighboursIn(s, word, term, distance)))].sort();
  const one = near(1);
  if (one.length > 0)
    return word.length >= CONFIDENT_TYPO_CHARS
      ? { near: one.map(stem), lookAlike: null }
      : { near: [], lookAlike: one[0]! };
  return word.length < TWO_EDIT_CHARS ? NO_TYPOS : { near: [], lookAlike: near(2)[0] ?? null };
}

/** One word of a concept's spelling made ready to match: its stem, its typo neighbours, its prefix. */
function slotOf(
  word: string,
  concept: Concept,
  isLast: boolean,
  loaded: LoadedShard[],
  typing: boolean,
  lookAlikes: Map<string, string>,
  shown: string,
  translated: boolean,
): Slot {
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
  const prefix = typing && concept.entry === null && isLast && word.length >= 2 && !knownIn(term, loaded) ? word : null;
  return { terms, prefix, translated, typos, typed: shown };
}

/**
 * The query's concepts made ready to match: each word's stem, its typo neighbours in the index
 * (only for a word the index does not know) and, for the last word being typed, its prefix.
 * Look-alikes found on the way are put in `lookAlikes`, by the word as typed.
 */
export function matchersOf(
  concepts: Concept[],
  loaded: LoadedShard[],
  typing: boolean,
  lookAlikes: Map<string, string>,
  asTyped: (folded: string[]) => string,
): Matcher[] {
  const last = concepts.length - 1;
  return concepts.map((concept, c) => {
    const typed = concept.typed.join(' ');
    const shown = asTyped(concept.typed);
    return concept.alternatives.map((words) => {
      // A French form's other spellings are its translations; a word typed in English keeps its synonyms exact.
      const translated = concept.loose === true || (concept.french && words.join(' ') !== typed);
      return words.map((word) => slotOf(word, concept, c === last, loaded, typing, lookAlikes, shown, translated));
    });
  });
}

export type QueryTerms = Map<string, { boost: number; prefix: boolean }>;

/**
 * The Lunr terms of a query, with their boosts: what was typed, and for a French form of the
 * vocabulary the archive's English forms; each spelling weighs the same whatever its length.
 * `searched` lists, by concept, the spellings searched.
 */
export function termsToQuery(
  concepts: Concept[],
  matchers: Matcher[],
  extra: string[],
): { terms: QueryTerms; searched: number[][] } {
  const out: QueryTerms = new Map();
  const searched: number[][] = concepts.map(() => []);
  const add = (term: string, boost: number, prefix = false) => {
    const key = prefix ? `${term}*` : term;
    if (term && (out.get(key)?.boost ?? 0) < boost) out.set(key, { boost, prefix });
  };
  concepts.forEach((concept, c) => {
    const stems = concept.alternatives.map((words) => new Set(words.map(stem)));
    // A longer spelling that holds a shorter one adds postings to score, not results: "trafficking" is enough.
    const holdsAnother = (a: number) =>
      stems.some((other, b) => b !== a && other.size < stems[a]!.size && [...other].every((t) => stems[a]!.has(t)));
    matchers[c]!.forEach((slots, a) => {
      const spelling = concept.alternatives[a]!;
      const typed = spelling.join(' ') === concept.typed.join(' ');
      if (!typed && (!concept.french || holdsAnother(a))) return;
      searched[c]!.push(a);
      slots.forEach((slot, w) => {
        const exact = stem(spelling[w]!);
        for (const t of slot.terms)
          add(t, t === exact ? (typed ? BOOST.typed : BOOST.vocabulary / slots.length) : BOOST.typo);
        if (slot.prefix) add(slot.prefix, BOOST.prefix, true);
      });
    });
  });
  for (const e of extra) add(stem(e), BOOST.acronym);
  return { terms: out, searched };
}

/** An organisation's acronym, lower case, and its names folded. */
export interface Acronym {
  acronym: string;
  folded: string[];
  /** As an index term, with the index terms of its names' words: a passage that writes it speaks of them (see compile). */
  alias: Alias;
}

/** An acronym as an index term, and its names' searchable words as index terms. */
export const aliasOf = (acronym: string, names: string[]): Alias => ({
  term: stem(acronym.toLowerCase()),
  words: [...new Set(names.flatMap((name) => wordsOf(fold(name)).map((w) => stem(w.word))))].filter(isSearchable),
});
/** A name shorter than this is not looked for in the query (too likely inside another word). */
const SHORTEST_NAMED = 9;

/** Acronyms of the organisations the query names in full: the index carries them on every document naming one. */
export function acronymsNamedIn(text: string, acronyms: Pick<Acronym, 'acronym' | 'folded'>[]): string[] {
  const folded = fold(text);
  return acronyms
    .filter((a) => a.folded.some((name) => name.length >= SHORTEST_NAMED && folded.includes(name)))
    .map((a) => a.acronym);
}
