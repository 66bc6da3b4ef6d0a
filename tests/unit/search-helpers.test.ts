/**
 * The search service's pure helpers, lifted out of createSearchService (#25), each tested alone:
 * the snippet's cut and highlights, the query's terms and boosts, the words as typed, Lunr syntax
 * bounded, the filters, the count of settled candidates, the passage cache.
 */
import { describe, expect, it } from 'vitest';
import { tokensOf, type Matcher } from '../../db/search/search-rank.std';
import type { Concept } from '../../db/search/search-vocabulary.std';
import type { DocMeta } from '../../db/search/search-index.std';
import { cutSnippet } from '../../main/services/search/search-snippet.node';
import {
  acronymsNamedIn,
  BOOST,
  boundedSyntax,
  termsToQuery,
  typedWords,
} from '../../main/services/search/search-query.node';
import { countAtLeast, keep, type Candidate } from '../../main/services/search/search-results.node';
import { passageCache } from '../../main/services/search/search-shards.node';

const doc = (over: Partial<DocMeta>): DocMeta => ({
  ref: 'r',
  type: 'section',
  title: 't',
  issue: 'i1',
  year: 2018,
  date: '2018-06-01',
  countries: [],
  ...over,
});

describe('cutSnippet', () => {
  it('keeps a short text whole and marks each matched word where it stands', () => {
    const text = 'Child labour and forced labour in Albania.';
    const { snippet, highlights } = cutSnippet(text, tokensOf(text), new Set(['labour']), []);
    expect(snippet).toBe(text);
    expect(highlights.map(([a, b]) => snippet.slice(a, b))).toEqual(['labour', 'labour']);
  });

  it('starts a long text near its first match, after an ellipsis, and cuts its end at a space', () => {
    const text = `${'word '.repeat(40)}Moldova ${'more '.repeat(80)}`;
    const { snippet, highlights } = cutSnippet(text, tokensOf(text), new Set(['moldova']), []);
    expect(snippet.startsWith('…word')).toBe(true);
    expect(snippet.endsWith('more…')).toBe(true);
    expect(snippet.length).toBeLessThanOrEqual(242);
    expect(highlights).toHaveLength(1);
    expect(snippet.slice(...highlights[0]!)).toBe('Moldova');
  });

  it('marks a word by the prefix being typed', () => {
    const text = 'The steering committee met.';
    const { highlights } = cutSnippet(text, tokensOf(text), new Set(), ['commit']);
    expect(highlights.map(([a, b]) => text.slice(a, b))).toEqual(['committee']);
  });
});

describe('the query made ready', () => {
  const concept = (typed: string[], alternatives: string[][], french = false): Concept => ({
    typed,
    alternatives,
    entry: null,
    french,
  });
  const slots = (alternatives: string[][], prefix: string | null = null): Matcher =>
    alternatives.map((words) =>
      words.map((w, i) => ({ terms: new Set([w]), prefix: i === words.length - 1 ? prefix : null })),
    );

  it('boosts the word as typed, a French form’s English spelling less, and a prefix apart', () => {
    const concepts = [concept(['albania'], [['albania']]), concept(['traite'], [['traite'], ['trafficking']], true)];
    const { terms, searched } = termsToQuery(
      concepts,
      [slots([['albania']], 'alban'), slots([['trait'], ['traffick']])],
      ['unodc'],
    );
    expect(terms.get('albania')).toEqual({ boost: BOOST.typed, prefix: false });
    expect(terms.get('alban*')).toEqual({ boost: BOOST.prefix, prefix: true });
    expect(terms.get('traffick')).toEqual({ boost: BOOST.vocabulary, prefix: false });
    expect(terms.get('unodc')).toEqual({ boost: BOOST.acronym, prefix: false });
    expect(searched).toEqual([[0], [0, 1]]);
  });

  it('does not search an English synonym of a word typed in English', () => {
    const { terms, searched } = termsToQuery(
      [concept(['kid'], [['kid'], ['child']])],
      [slots([['kid'], ['child']])],
      [],
    );
    expect([...terms.keys()]).toEqual(['kid']);
    expect(searched).toEqual([[0]]);
  });

  it('names the words as they were typed, accents and case kept', () => {
    expect(typedWords('Macédoine du Nord')(['macedoine', 'nord'])).toBe('Macédoine Nord');
  });

  it('bounds the typos of Lunr syntax to two edits and none on a long word', () => {
    expect(boundedSyntax('kyoto~9')).toBe('kyoto~2');
    expect(boundedSyntax(`${'a'.repeat(30)}~1`)).toBe('a'.repeat(30));
  });

  it('finds the acronym of an organisation named in full, not of a short name', () => {
    const acronyms = [
      { acronym: 'unodc', folded: ['united nations office on drugs and crime'] },
      { acronym: 'ab', folded: ['abc org'] },
    ];
    expect(acronymsNamedIn('what does the United Nations Office on Drugs and Crime fund', acronyms)).toEqual(['unodc']);
    expect(acronymsNamedIn('abc org', acronyms)).toEqual([]);
  });
});

describe('the results kept', () => {
  it('keeps a section for a passage filter, and filters by issue, year or date, and country', () => {
    const section = doc({ type: 'section', countries: ['country/albania'] });
    const person = doc({ type: 'person', year: null, date: null });
    expect(keep({ types: ['passage'] })({ doc: section })).toBe(true);
    expect(keep({ types: ['passage'] })({ doc: person })).toBe(false);
    expect(keep({ issue: 'i2' })({ doc: section })).toBe(false);
    expect(keep({ year: 2018 })({ doc: doc({ year: null, date: '2018-03-01' }) })).toBe(true);
    expect(keep({ year: 2019 })({ doc: section })).toBe(false);
    expect(keep({ country: 'country/albania' })({ doc: section })).toBe(true);
    expect(keep({ country: 'country/serbia' })({ doc: section })).toBe(false);
    expect(keep({})({ doc: undefined })).toBe(false);
  });

  it('counts the first candidates covering at least a number of concepts', () => {
    const head = [3, 1, 2, 3].map((coverage) => ({ coverage }) as Candidate);
    expect(countAtLeast(head, 3, 2)).toBe(2);
    expect(countAtLeast(head, 4, 3)).toBe(2);
  });
});

describe('passageCache', () => {
  it('reads a section once, tokenised, and drops the least recently read first', () => {
    const reads: string[] = [];
    const cache = passageCache((key) => (reads.push(key), [{ key: `${key}-p1`, text: 'Victims of trafficking.' }]), 2);
    expect(cache.of('a')[0]!.terms.has('victim')).toBe(true);
    cache.of('b');
    cache.of('a');
    cache.of('c');
    cache.of('a');
    cache.of('b');
    expect(reads).toEqual(['a', 'b', 'c', 'b']);
    cache.clear();
    cache.of('a');
    expect(reads.at(-1)).toBe('a');
  });
});
