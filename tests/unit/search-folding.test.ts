/**
 * What search-text.std.ts promises a reader, on a small index of our own built in this process by
 * the archive's own buildShard and searched by the search service: a word is found however its
 * case, accents, apostrophes, plural or printed form differ between the text and the query,
 * because the index and the query read a text through the same fold, tokenizer and stemmer.
 *
 * Built in-process so that the mutation group `search-text` (#27) can judge index-time and
 * query-time folding together for every mutant, without building the whole archive again: a
 * mutant of this module changes the index built here as it would change the bundled archive's.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildShard } from '../../db/search/search-build.std';
import type { SearchDoc } from '../../db/search/search-index.std';
import { stem, termsOf } from '../../db/search/search-text.std';
import { createSearchService, type Passage, type SearchService } from '../../main/services/search/search.node';

/** Each section's text, written for these tests (not the archive's): one thing to find in each. */
const SECTIONS: Record<string, string> = {
  accents: 'Margot Wallström met the ministers in Tirana. Mrs Čolaković spoke after her.',
  plain: 'The report by Anna Wallstrom was published in the spring.',
  apostrophes: 'The Commissioner’s findings were adopted by consensus.',
  possessive: 'Volunteers opened the victims’ shelter and the children’s playground near the harbour.',
  irregular: 'Two children and three women were identified; the men were questioned.',
  persons: 'Every person consulted asked for a guardian.',
  people: 'Local people organised a vigil.',
  quoted: 'Homes for the so-called ’’street children’’ of the capital.',
  stemming: 'Girls were trafficked across the mountains by a network.',
  figures: 'The fund received €163,500 in 2018, and the ministry 240\u202f000 euros.',
  decimal: 'The target SDG 16.2 concerns violence against children.',
  symbol: 'The commission adopted E/CN.15/2018/L.3/Rev.1 in May.',
  addendum: 'The addendum A/HRC/35/Add12 was circulated before the session.',
  abbreviation: 'See the annex, paragraph Rev.4, for the amendments.',
  contact: 'Write to hotline@example.org or to caro_charpTEH for help.',
  slash: 'Adults and/or witnesses may ask for protection.',
  agreed: 'The partners agreed on a common plan.',
  filler: 'The delegates reviewed the budget and thanked the hosts for their welcome.',
};

const ref = (name: string) => `folding/${name}`;
const passages = new Map<string, Passage[]>(
  Object.entries(SECTIONS).map(([name, text]) => [ref(name), [{ key: `${ref(name)}/p1`, text }]]),
);
const DOCS: SearchDoc[] = Object.entries(SECTIONS).map(([name, text]) => ({
  ref: ref(name),
  type: 'section',
  title: 'Notes',
  body: text,
  aliases: '',
  issue: 'folding',
  year: 2020,
  date: '2020-01-01',
  countries: [],
}));

let search: SearchService;
beforeAll(() => {
  const shard = buildShard('folding', DOCS);
  search = createSearchService({
    loadShards: () => [shard],
    passagesOf: (key) => passages.get(key) ?? [],
    acronyms: () => [],
  });
});

/** The sections a query finds (a section, or a passage of it), by name, in no order. */
function found(query: string): string[] {
  const hits = search.search({ query, typing: false }).hits;
  const names = hits.map((h) => (h.section ?? h.key).replace('folding/', ''));
  return [...new Set(names)].sort();
}

/** The section a query's first hit is in. */
function top(query: string): string | undefined {
  const hit = search.search({ query, typing: false }).hits[0];
  return hit && (hit.section ?? hit.key).replace('folding/', '');
}

/** The words a query's hits mark in their snippets. */
function marked(query: string): string[] {
  return search
    .search({ query, typing: false })
    .hits.flatMap((h) => h.highlights.map(([a, b]) => h.snippet.slice(a, b)))
    .sort();
}

describe('case and accents, folded in the index and in the query', () => {
  it('finds a name written with an accent when typed without one, and the other way round', () => {
    expect(found('wallstrom')).toEqual(['accents', 'plain']);
    expect(found('Wallström')).toEqual(['accents', 'plain']);
    expect(found('WALLSTRÖM')).toEqual(['accents', 'plain']);
  });

  it('folds letters with more than one mark, and a capital with its mark', () => {
    expect(found('colakovic')).toEqual(['accents']);
    expect(found('ČOLAKOVIĆ')).toEqual(['accents']);
  });

  it('marks the word as written, accent and all', () => {
    expect(marked('wallstrom')).toEqual(['Wallstrom', 'Wallström']);
  });
});

describe('apostrophes', () => {
  it('finds a possessive with a curly apostrophe by its noun, and the noun by a possessive', () => {
    expect(found('commissioner')).toEqual(['apostrophes']);
    expect(found("commissioner's")).toEqual(['apostrophes']);
    expect(found('commissioner’s')).toEqual(['apostrophes']);
    expect(found('shelter')).toEqual(['possessive']);
    expect(found('victims')).toEqual(['possessive']);
    expect(found("victims'")).toEqual(['possessive']);
    // Two apostrophes for a closing quote, as a typewriter writes it.
    expect(found('street')).toEqual(['quoted']);
  });
});

describe("Lunr's own syntax, folded and stemmed as a plain query", () => {
  it('finds a word typed with an accent, in capitals or inflected', () => {
    // Its own index, built in the test (not in beforeAll), so that mutation testing's per-test
    // coverage sees this test reach the pipeline it guards.
    const service = createSearchService({
      loadShards: () => [buildShard('syntax', DOCS)],
      passagesOf: (key) => passages.get(key) ?? [],
      acronyms: () => [],
    });
    const sections = (query: string) =>
      [...new Set(service.search({ query, typing: false }).hits.map((h) => h.section ?? h.key))].sort();
    expect(sections('+WALLSTRÖM')).toEqual([ref('accents'), ref('plain')]);
    expect(sections('+agreed')).toEqual([ref('agreed')]);
    expect(sections('+trafficking -mountains')).toEqual([]);
  });
});

describe('highlights', () => {
  it('marks a word with its apostrophes as written in the passage', () => {
    expect(marked('victims')).toEqual(['victims’']);
    expect(marked('children').filter((w) => w.startsWith('children’’'))).toEqual(['children’’']);
  });
});

describe('plurals and stems', () => {
  it('finds an irregular plural by its singular, and the singular by its plural', () => {
    expect(found('child')).toEqual(['decimal', 'irregular', 'possessive', 'quoted']);
    expect(found('woman')).toEqual(['irregular']);
    expect(found('man')).toEqual(['irregular']);
    expect(found('people')).toEqual(['people', 'persons']);
    expect(found('persons')).toEqual(['people', 'persons']);
  });

  it('stems the other endings alike in the index and the query', () => {
    expect(found('trafficking')).toEqual(['stemming']);
    expect(found('networks')).toEqual(['stemming']);
    expect(stem('children')).toBe(stem('child'));
    expect(stem('Trafficked')).toBe(stem('trafficking'));
  });

  it('answers a word that is a property of every object as any other word', () => {
    expect(() => search.search({ query: 'constructor toString', typing: false })).not.toThrow();
    expect(stem('constructor')).not.toContain('function');
  });
});

describe('numbers and symbols as printed', () => {
  it('finds an amount typed with or without its separators', () => {
    expect(found('163500')).toEqual(['figures']);
    expect(found('163,500')).toEqual(['figures']);
    expect(found('240000')).toEqual(['figures']);
    expect(found('240 000')).toEqual(['figures']);
  });

  it('finds a decimal written the French way', () => {
    expect(found('16,2')).toEqual(['decimal']);
  });

  it('finds a UN symbol typed loosely, and marks the symbol', () => {
    expect(found('ecn15')).toEqual(['symbol']);
    expect(found('l3rev1')).toEqual(['symbol']);
    expect(found('L.3')).toEqual(['symbol']);
    expect(marked('l3rev1')).toEqual(['E/CN.15/2018/L.3/Rev.1']);
  });

  it('finds an abbreviation with a number typed without its dot', () => {
    expect(found('rev4')).toEqual(['abbreviation']);
  });

  it('keeps an address and a handle whole', () => {
    expect(found('hotline@example.org')).toEqual(['contact']);
    expect(found('example')).toEqual([]);
    expect(found('caro_charpteh')).toEqual(['contact']);
  });

  it('finds a UN symbol by its parts written together, or its letters and digits apart', () => {
    expect(found('2018l3')).toEqual(['symbol']);
    expect(found('ecn152018l3rev1')).toEqual(['symbol']);
    // Another section has 2018 too: the one with every word comes first.
    expect(top('cn 15 2018 l 3')).toBe('symbol');
    // A part written without its dot (Add12) is also its letters and its digits.
    expect(found('add')).toEqual(['addendum']);
    expect(found('12')).toEqual(['addendum']);
  });

  it('reads words joined by a slash, with no digit, as two words, not a symbol', () => {
    expect(found('adults')).toEqual(['slash']);
    expect(found('andor')).toEqual([]);
  });
});

describe('an index stored by an earlier build', () => {
  it('is searched: its fold is named as it always was', () => {
    const fresh = buildShard('stored', DOCS);
    // What every stored shard's serialised search pipeline names (the bundled archive's, imported issues').
    const stored = { ...fresh, index: { ...fresh.index, pipeline: ['valiseFold', 'stemmer'] } };
    const service = createSearchService({
      loadShards: () => [stored],
      passagesOf: (key) => passages.get(key) ?? [],
      acronyms: () => [],
    });
    expect(service.search({ query: 'wallstrom', typing: false }).hits.length).toBeGreaterThan(0);
  });
});

describe('termsOf, for highlighting', () => {
  it('gives each word its stem and where it stands', () => {
    const text = 'Children’s shelters';
    expect(termsOf(text)).toEqual([
      { term: stem('child'), start: 0, end: 10 },
      { term: stem('shelter'), start: 11, end: 19 },
    ]);
  });
});
