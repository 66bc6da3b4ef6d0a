/** Proximity, measured on the archive's own passages: words in one sentence, words next to each other. */
import { beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { stem } from '../../db/search/search-text.std';
import {
  betterPassage,
  compile,
  passageStats,
  proximityFactor,
  tokensOf,
  type Matcher,
  type PassageStats,
} from '../../db/search/search-rank.std';
import { contentDb } from '../support/content';

let passage: (key: string) => string;
beforeAll(() => {
  const db = new Database(contentDb(), { readonly: true });
  const statement = db.prepare<[string], { text: string }>('SELECT text FROM paragraphs WHERE key = ?');
  passage = (key) => statement.get(key)!.text;
});
/** One concept per word, each answered by its stem alone. */
const query = (...words: string[]) =>
  compile(words.map((w): Matcher => [[{ terms: new Set([stem(w)]), prefix: null }]]));
const stats = (key: string, ...words: string[]) => passageStats(tokensOf(passage(key)), query(...words));

const FALCONI = '2018-no-10/and-parallel-events/ambassador-jean-louis-falconi-underlined';
const DECLARATION =
  '2021-the-2021-programming-of-cooperation/14th-un-congress-on-crime-prevention/at-the-beginning-of-the';
const TRAFCIN = '2018-no-10/and-parallel-events/the-results-of-this-work';

describe('proximity', () => {
  it('counts the words of one sentence', () => {
    // “…the importance of financial investigations in inquiries against migrant smuggling.”
    expect(stats(FALCONI, 'financial', 'smuggling')).toMatchObject({ concepts: 2, sentence: 2 });
    // The declaration names migrant smuggling in one sentence and financial investigations in the next.
    expect(stats(DECLARATION, 'financial', 'smuggling')).toMatchObject({ concepts: 2, sentence: 1 });
    expect(proximityFactor(stats(FALCONI, 'financial', 'smuggling'), 2)).toBeGreaterThan(
      proximityFactor(stats(DECLARATION, 'financial', 'smuggling'), 2),
    );
  });

  it('counts words next to each other', () => {
    // “financial investigations” side by side, against “head of the TRAFCIN investigations division, explained the advantages of financial intelligence”.
    const together = stats(FALCONI, 'financial', 'investigations');
    const apart = stats(TRAFCIN, 'financial', 'investigations');
    expect(together.adjacent).toBeGreaterThan(0);
    expect(apart).toMatchObject({ concepts: 2, sentence: 2, adjacent: 0 });
    expect(proximityFactor(together, 2)).toBeGreaterThan(proximityFactor(apart, 2));
  });

  it('weighs nothing for a single word', () => {
    expect(proximityFactor(stats(FALCONI, 'financial'), 1)).toBe(1);
  });
});

describe('a prefix being typed', () => {
  it('answers the words it starts, and only those, however many words are looked up', () => {
    const compiled = compile([
      [[{ terms: new Set([stem('financial')]), prefix: null }]],
      [[{ terms: new Set<string>(), prefix: 'smugg' }]],
    ]);
    // “…the importance of financial investigations in inquiries against migrant smuggling.”
    expect(passageStats(tokensOf(passage(FALCONI)), compiled)).toMatchObject({ concepts: 2, sentence: 2 });
    expect(compiled.lookup(stem('smuggling')).mask).toBe(0b10);
    expect(compiled.lookup(stem('migrant')).mask).toBe(0);
    expect(compiled.lookup(stem('financial')).mask).toBe(0b01);
  });
});

describe('an acronym answers the words of its name', () => {
  const unvtf = {
    term: stem('unvtf'),
    words: ['united', 'nations', 'voluntary', 'trust', 'fund', 'victims'].map((w) => stem(w)),
  };
  // “France, which has supported the UNVTF financially since 2010, is its fifth largest contributor.”
  const SIDE_EVENT =
    '2021-the-2021-programming-of-cooperation/the-side-event-concerning-the-un/france-which-has-supported-the';

  it('when its name answers two concepts of the query or more', () => {
    const compiled = compile(
      ['fund', 'victims', 'contributor'].map((w): Matcher => [[{ terms: new Set([stem(w)]), prefix: null }]]),
      [unvtf],
    );
    expect(compiled.aliases).toEqual([stem('unvtf')]);
    expect(compiled.lookup(stem('unvtf'))).toMatchObject({ mask: 0b011, exact: 0 });
    expect(passageStats(tokensOf(passage(SIDE_EVENT)), compiled).concepts).toBe(3);
  });

  it('not for one concept: every organisation for victims is not an answer to « victimes »', () => {
    const compiled = compile([[[{ terms: new Set([stem('victims')]), prefix: null }]]], [unvtf]);
    expect(compiled.aliases).toEqual([]);
    expect(compiled.lookup(stem('unvtf')).mask).toBe(0);
  });
});

/**
 * The rules themselves on sentences written for them (not the archive's): what counts as next to
 * each other, which passage the snippet shows, and what proximity may add to a score (#27).
 */
describe('the rules on sentences written for them', () => {
  const passageOf = (text: string, ...words: string[]) => passageStats(tokensOf(text), query(...words));

  it('counts two words with two others between them as next to each other, not three', () => {
    expect(passageOf('Networks for the smuggling of the migrants.', 'smuggling', 'migrants').adjacent).toBe(1);
    expect(passageOf('Networks for the smuggling of all the migrants.', 'smuggling', 'migrants').adjacent).toBe(0);
  });

  it('shows the passage with more words, then more in one sentence, then closer together', () => {
    const best = (...all: PassageStats[]) => [...all].sort(betterPassage)[0];
    const more = { concepts: 3, sentence: 1, adjacent: 0 };
    const fewer = { concepts: 2, sentence: 2, adjacent: 2 };
    const oneSentence = { concepts: 2, sentence: 2, adjacent: 0 };
    const twoSentences = { concepts: 2, sentence: 1, adjacent: 1 };
    const close = { concepts: 2, sentence: 2, adjacent: 2 };
    const apart = { concepts: 2, sentence: 2, adjacent: 1 };
    for (const [winner, loser] of [
      [more, fewer],
      [oneSentence, twoSentences],
      [close, apart],
    ] as const) {
      expect(best(winner, loser)).toBe(winner);
      expect(best(loser, winner)).toBe(winner);
    }
  });

  it('adds as much for every word side by side in one sentence, however many words the query has', () => {
    const whole = (concepts: number) =>
      proximityFactor({ concepts, sentence: concepts, adjacent: concepts - 1 }, concepts);
    expect(whole(3)).toBe(whole(2));
    expect(whole(5)).toBe(whole(2));
    // Half the pairs side by side earn half of what standing side by side adds.
    const sentenceOnly = proximityFactor({ concepts: 5, sentence: 5, adjacent: 0 }, 5);
    const half = proximityFactor({ concepts: 5, sentence: 5, adjacent: 2 }, 5);
    expect(half - sentenceOnly).toBeCloseTo((whole(5) - sentenceOnly) / 2);
  });

  it('adds no more for words side by side again and again than for every word side by side once', () => {
    // A long passage can set the query's words side by side many times: “smuggling of migrants… migrants smuggled”.
    for (const concepts of [2, 3, 5]) {
      const once = proximityFactor({ concepts, sentence: concepts, adjacent: concepts - 1 }, concepts);
      expect(proximityFactor({ concepts, sentence: concepts, adjacent: concepts + 3 }, concepts)).toBe(once);
    }
  });
});

describe('an acronym typed as a word of the query', () => {
  it('answers as typed, not as the name its other words spell', () => {
    const unvtf = { term: stem('unvtf'), words: ['trust', 'fund', 'victims'].map((w) => stem(w)) };
    const compiled = compile(
      ['unvtf', 'fund', 'victims'].map((w): Matcher => [[{ terms: new Set([stem(w)]), prefix: null }]]),
      [unvtf],
    );
    expect(compiled.aliases).toEqual([]);
    expect(compiled.lookup(stem('unvtf'))).toMatchObject({ mask: 0b001, exact: 0b001 });
  });
});
