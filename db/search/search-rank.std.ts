/**
 * How well a result answers a query's concepts: how many it covers (all the words above some of
 * them), whether its title names one, and how close the words stand in its best passage (next to
 * each other, or in one sentence). Pure: the search service feeds it index terms and passages.
 * A text is tokenised once (tokensOf, cached by the caller); a query's matchers are compiled once,
 * so that each word of a passage costs one map lookup.
 */
import { termsOf } from './search-text.std';

/** One word of a spelling: the index terms that answer it (its stem, its typo neighbours), or a prefix. */
export interface Slot {
  terms: Set<string>;
  prefix: string | null;
  /** The spelling is a translation of what was typed (a French word's English), not the typed word itself. */
  translated?: boolean;
  /** Of `terms`, those that are typo neighbours of the typed word, not the word. */
  typos?: Set<string>;
  /** What was typed for the concept, as the person typed it (folded): said beside a loose match. */
  typed?: string;
}

/** How an index term answers a query word when it is not the word itself: through a translation or a typo. */
export interface LooseMatch {
  via: 'translation' | 'typo';
  typed: string;
}

const isExact = (slot: Slot, term: string) => !slot.translated && !slot.typos?.has(term);

/** A concept ready to match: one alternative (every slot answered) is enough. */
export type Matcher = Slot[][];

/** A text's words as index terms, with where they stand and which sentence they are in. */
export interface Token {
  term: string;
  start: number;
  end: number;
  sentence: number;
}

const SENTENCE_END = /[.!?;]\s/;

export function tokensOf(text: string): Token[] {
  let sentence = 0;
  return termsOf(text).map((t, i, all) => {
    // Stryker disable next-line UpdateOperator: equivalent, sentence numbers are only compared for equality, never ordered.
    if (i > 0 && SENTENCE_END.test(text.slice(all[i - 1]!.end, t.start + 1))) sentence++;
    return { ...t, sentence };
  });
}

/** What an index term answers: its slots, the concepts (a bit mask), and those it answers as typed (`exact`). */
export interface Answered {
  slots: Slot[];
  mask: number;
  exact: number;
}

/** A query's matchers, and for any index term the slots and concepts (a bit mask) it answers. */
export interface Compiled {
  matchers: Matcher[];
  lookup(term: string): Answered;
  /** The acronyms (index terms) that answer the concepts of their names (see compile). */
  aliases: string[];
}

/** An acronym as an index term, and the index terms of its name's words (UNVTF: united, nation, victim, trust, fund). */
export interface Alias {
  term: string;
  words: string[];
}

/**
 * Fewest of the query's concepts an acronym's name must answer for the acronym to answer them: a
 * passage that writes “UNVTF” speaks of a fund for victims; with one concept, every organisation
 * with “victims” in its name would answer « victimes ».
 */
const ALIAS_CONCEPTS = 2;

const NONE: Answered = { slots: [], mask: 0, exact: 0 };

/** How a term answers when it answers no query word as typed: the first loose way, or null. */
export function looseMatch(compiled: Compiled, term: string): LooseMatch | null {
  const { slots, mask, exact } = compiled.lookup(term);
  if (!mask || exact) return null;
  const slot = slots[0]!;
  return { via: slot.typos?.has(term) ? 'typo' : 'translation', typed: slot.typed ?? '' };
}

export function compile(matchers: Matcher[], aliases: readonly Alias[] = []): Compiled {
  // Exact terms in one map; prefixes (at most the last word's) checked beside it. Most words of a
  // passage answer nothing and cost one failed lookup.
  const exact = new Map<string, Answered>();
  const prefixed: { slot: Slot; concept: number }[] = [];
  matchers.forEach((alternatives, concept) => {
    for (const slot of alternatives.flat()) {
      for (const term of slot.terms) {
        const entry = exact.get(term) ?? { slots: [], mask: 0, exact: 0 };
        if (!entry.slots.includes(slot)) entry.slots.push(slot);
        entry.mask |= 1 << concept;
        if (isExact(slot, term)) entry.exact |= 1 << concept;
        exact.set(term, entry);
      }
      if (slot.prefix !== null) prefixed.push({ slot, concept });
    }
  });
  const accepted = aliases.filter((alias) => answerAsName(exact, alias));
  // With a prefix, each distinct word of the passages read is checked against it once per query.
  const withPrefixes = new Map<string, Answered>();
  const lookPrefixes = (term: string): Answered => {
    const found = exact.get(term) ?? NONE;
    const extra = prefixed.filter(({ slot }) => term.startsWith(slot.prefix!) && !found.slots.includes(slot));
    if (!extra.length) return found;
    // A prefix is what is being typed: it answers as typed.
    const mask = extra.reduce((m, e) => m | (1 << e.concept), found.mask);
    return {
      slots: [...found.slots, ...extra.map((e) => e.slot)],
      mask,
      exact: extra.reduce((m, e) => m | (1 << e.concept), found.exact),
    };
  };
  return {
    matchers,
    aliases: accepted.map((a) => a.term),
    lookup(term) {
      if (!prefixed.length) return exact.get(term) ?? NONE;
      let found = withPrefixes.get(term);
      if (!found) withPrefixes.set(term, (found = lookPrefixes(term)));
      return found;
    },
  };
}

/**
 * Makes an acronym answer what its name's words answer, when they answer ALIAS_CONCEPTS concepts
 * or more and the acronym answers nothing itself; never as typed (it is marked as a translation).
 */
function answerAsName(exact: Map<string, Answered>, alias: Alias): boolean {
  if (exact.has(alias.term)) return false;
  const slots = new Set<Slot>();
  let mask = 0;
  for (const word of alias.words) {
    const found = exact.get(word);
    if (!found) continue;
    for (const slot of found.slots) slots.add(slot);
    mask |= found.mask;
  }
  if (bits(mask) < ALIAS_CONCEPTS) return false;
  exact.set(alias.term, { slots: [...slots], mask, exact: 0 });
  return true;
}

/** Which concepts a set of answered slots covers: some alternative with every slot answered. */
function coveredMask(matchers: Matcher[], answered: Set<Slot>): number {
  let mask = 0;
  for (let i = 0; i < matchers.length; i++) {
    for (const slots of matchers[i]!) {
      if (everyIn(slots, answered)) {
        mask |= 1 << i;
        break;
      }
    }
  }
  return mask;
}

function everyIn(slots: Slot[], answered: Set<Slot>): boolean {
  for (const slot of slots) if (!answered.has(slot)) return false;
  return true;
}

/** How many concepts a set of matched index terms (a result's, from the index) covers. */
export function coveredCount(compiled: Compiled, terms: Iterable<string>): number {
  const answered = new Set<Slot>();
  for (const t of terms) for (const slot of compiled.lookup(t).slots) answered.add(slot);
  return bits(coveredMask(compiled.matchers, answered));
}

const bits = (mask: number) => {
  let n = 0;
  for (let m = mask; m; m &= m - 1) n++;
  return n;
};

export interface PassageStats {
  /** Concepts the passage covers (one of their spellings whole). */
  concepts: number;
  /** Most concepts covered in one sentence. */
  sentence: number;
  /** Times two different concepts stand within NEAR words of each other. */
  adjacent: number;
}

/** Words apart that still count as "next to each other" ("smuggling of migrants"). */
const NEAR = 3;

export function passageStats(tokens: Token[], compiled: Compiled): PassageStats {
  const { matchers } = compiled;
  // One loop, two sets reused, no object per word: this runs over every passage read.
  const inPassage = new Set<Slot>();
  const inSentence = new Set<Slot>();
  // Stryker disable next-line UnaryOperator: equivalent, the first word answered ends no sentence either way (the sentence's set is empty).
  let sentence = -1;
  let best = 0;
  let adjacent = 0;
  let lastAt = -NEAR - 1;
  let lastMask = 0;
  const endSentence = () => {
    if (inSentence.size) best = Math.max(best, bits(coveredMask(matchers, inSentence)));
    inSentence.clear();
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const { slots, mask } = compiled.lookup(token.term);
    if (!mask) continue;
    if (token.sentence !== sentence) {
      endSentence();
      sentence = token.sentence;
    }
    for (const slot of slots) {
      inPassage.add(slot);
      inSentence.add(slot);
    }
    if (i - lastAt <= NEAR && (mask & ~lastMask) !== 0) adjacent++;
    lastAt = i;
    lastMask = mask;
  }
  endSentence();
  return { concepts: bits(coveredMask(matchers, inPassage)), sentence: best, adjacent };
}

/** Compares two passages for the snippet: more concepts, then more in one sentence, then closer. */
export const betterPassage = (a: PassageStats, b: PassageStats) =>
  b.concepts - a.concepts || b.sentence - a.sentence || b.adjacent - a.adjacent;

/**
 * The weight proximity adds to a score: up to ×2 when every concept stands in one sentence, up
 * to ×1.5 more when they stand next to each other. Nothing for a one-concept query.
 */
export function proximityFactor(stats: PassageStats, concepts: number): number {
  if (concepts < 2) return 1;
  return 1 + stats.sentence / concepts + (0.5 * Math.min(stats.adjacent, concepts - 1)) / (concepts - 1);
}
