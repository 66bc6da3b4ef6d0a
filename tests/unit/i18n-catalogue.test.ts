/**
 * The French catalogue is whole (#17). Read from the renderer's source with TypeScript's parser:
 *  - every key the page asks `t()` for, and every label a table of labels hands to `t()`, has a
 *    French entry; a key built at run time is refused (its words could not be checked here);
 *  - no French entry is its English key, except the few words that are the same in both
 *    languages (proper names, acronyms, words French shares), listed and reviewed below;
 *  - both sides have the same {{placeholders}};
 *  - no text is written in JSX outside `t()`, nor in an attribute a person reads (aria-label,
 *    title, placeholder, alt).
 * What this cannot see (text that reaches the page some other way) the e2e walk in French checks on
 * the screens themselves (tests/e2e/french.spec.ts).
 */
import { describe, expect, it } from 'vitest';
import { fr } from '../../renderer/src/i18n/fr.dom';
import { SAME_IN_FRENCH, scanRenderer } from '../support/i18n-keys';

const found = scanRenderer();
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('the French catalogue', () => {
  it('has every key the page asks t() for', () => {
    expect(found.keys.length).toBeGreaterThan(200);
    const missing = [
      ...new Set(found.keys.filter(({ key }) => !Object.hasOwn(fr, key)).map(({ key, where }) => `${where}: ${key}`)),
    ];
    expect(missing).toEqual([]);
  });

  it('asks t() for no key built at run time', () => {
    expect(found.dynamic).toEqual([]);
  });

  it('translates each entry: none is its English key unless the word is the same in French', () => {
    const entries = Object.entries(fr);
    expect(entries.length).toBeGreaterThan(200);
    expect(entries.filter(([en, french]) => french === en && !SAME_IN_FRENCH.has(en)).map(([en]) => en)).toEqual([]);
    expect(entries.filter(([, french]) => french.trim() === '').map(([en]) => en)).toEqual([]);
  });

  it('lists as the same in French only words that are entries, and are the same', () => {
    expect([...SAME_IN_FRENCH].filter((en) => fr[en] !== en)).toEqual([]);
  });

  it('keeps the same placeholders on both sides', () => {
    expect(
      Object.entries(fr)
        .filter(([en, french]) => placeholders(en).join() !== placeholders(french).join())
        .map(([en]) => en),
    ).toEqual([]);
  });

  it('leaves no text in JSX outside t(), nor in an attribute a person reads', () => {
    expect(found.jsxText).toEqual([]);
    expect(found.attributes).toEqual([]);
  });
});
