/** How search cuts a text into words: numbers as printed, UN symbols, decimals (#28). */
import { describe, expect, it } from 'vitest';
import { symbolParts, wordsOf } from '../../db/search/search-text.std';

const words = (text: string) => wordsOf(text).map((w) => w.word);

describe('numbers as printed (#28)', () => {
  it.each([
    ['163,500', 'English thousands'],
    ['163.500', 'thousands with a dot'],
    ['163 500', 'a space'],
    ['163\u00a0500', 'a no-break space'],
    ['163\u202f500', 'a narrow no-break space, as French typesetting writes it'],
    ['€163,500', 'with its currency sign'],
    ['163500', 'no separator'],
  ])('reads %j (%s) as 163500', (text) => {
    expect(words(text)).toEqual(['163500']);
  });

  it('reads every group of a larger number', () => {
    expect(words('€1,830,000 in 2018')).toEqual(['1830000', 'in', '2018']);
  });

  it('keeps a decimal number whole, written the English or the French way', () => {
    expect(words('SDG 16.2.')).toEqual(['SDG', '16.2']);
    expect(words('ODD 16,2')).toEqual(['ODD', '16.2']);
  });

  it('does not join two numbers that are not groups of three', () => {
    expect(words('between 2015 and 2017, 12 countries')).toEqual(['between', '2015', 'and', '2017', '12', 'countries']);
    expect(words('5-7 June 2018')).toEqual(['5', '7', 'June', '2018']);
  });
});

describe('UN symbols (#28)', () => {
  it('reads a symbol as its parts, without slashes or dots', () => {
    expect(words('E/CN.15/2018/L.3/Rev.1')).toEqual(['ECN15', '2018', 'L3', 'Rev1']);
    expect(symbolParts('A/RES/70/1')).toEqual(['ARES', '70', '1']);
  });

  it('reads the loose ways of typing one alike', () => {
    expect(words('ecn.15 l.8 rev1')).toEqual(['ecn15', 'l8', 'rev1']);
    expect(words('ecn15 2018 l3 rev.1')).toEqual(['ecn15', '2018', 'l3', 'rev1']);
  });

  it('reads words joined by a slash, with no digit, as words, each where it stands', () => {
    expect(words('and/or')).toEqual(['and', 'or']);
    const text = 'adults and/or witnesses';
    expect(wordsOf(text).map((w) => text.slice(w.start, w.end))).toEqual(['adults', 'and', 'or', 'witnesses']);
  });

  it('joins a one-letter part to the next, and keeps one that ends the symbol', () => {
    expect(symbolParts('A/73/L')).toEqual(['A73', 'L']);
    // Only a letter joins: a one-digit part stays itself.
    expect(symbolParts('A/HRC/RES/5/1')).toEqual(['AHRC', 'RES', '5', '1']);
    expect(words('see A/73/L here')).toEqual(['see', 'A73', 'L', 'here']);
  });

  it('gives every part the span of the whole symbol, for highlighting', () => {
    const parts = wordsOf('see E/CN.15/2018/L.3 here');
    expect(parts.map((p) => [p.start, p.end])).toEqual([
      [0, 3],
      [4, 20],
      [4, 20],
      [4, 20],
      [21, 25],
    ]);
  });
});
