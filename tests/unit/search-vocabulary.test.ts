/**
 * The French–English vocabulary (db/vocabulary/fr-en.json), entry by entry, against the real
 * archive: what a French diplomat types finds what the archive says in English.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fold, stem } from '../../db/search/search-text.std';
import { openContentDatabase } from '../../main/services/library/content.node';
import { contentSearch, type SearchService } from '../../main/services/search/search.node';
import { VOCABULARY, vocabularyAnalyser } from '../../db/search/search-vocabulary.std';
import { ASSETS, contentDb } from '../support/content';

let search: SearchService;
beforeAll(() => {
  search = contentSearch(openContentDatabase(contentDb()));
});
const run = (query: string) => search.search({ query, typing: false });
const marked = (hit: { snippet: string; highlights: [number, number][] }) =>
  hit.highlights.map(([s, e]) => hit.snippet.slice(s, e));

/** The newsletter's own text, folded, read from the source files (not from the engine). */
const archiveText = readdirSync(ASSETS)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => fold(readFileSync(join(ASSETS, f), 'utf8')).replace(/\s+/g, ' '))
  .join(' ');
const inArchive = (phrase: string) =>
  new RegExp(`(^|[^\\p{L}])${fold(phrase).replace(/[-\s]+/g, '[-\\s]+')}($|[^\\p{L}])`, 'u').test(archiveText);

const analyse = vocabularyAnalyser(VOCABULARY, () => false);
const entries = VOCABULARY.entries.map((e) => [e.id, e] as const);

describe('the vocabulary file', () => {
  it('holds the acronyms, terms and places the issue names', () => {
    const ids = new Set(VOCABULARY.entries.map((e) => e.id));
    for (const id of [
      'unodc',
      'iom',
      'ilo',
      'eu',
      'coe',
      'un',
      'unhcr',
      'nato',
      'greta',
      'miprof',
      'osce',
      'human-trafficking',
      'migrant-smuggling',
      'smugglers',
      'minors',
      'children',
      'sexual-exploitation',
      'forced-labour',
      'victims',
      'organised-crime',
      'judicial-cooperation',
      'north-macedonia',
    ]) {
      expect(ids, id).toContain(id);
    }
  });

  it('gives every form to one entry only', () => {
    const owner = new Map<string, string>();
    for (const e of VOCABULARY.entries) {
      for (const form of [...e.fr, ...e.en]) {
        const key = fold(form);
        expect(owner.get(key) ?? e.id, `${form} is in ${owner.get(key)} and ${e.id}`).toBe(e.id);
        owner.set(key, e.id);
      }
    }
    expect(owner.size).toBeGreaterThan(100);
  });
});

describe('function words', () => {
  it('never swallow a form of the vocabulary (French « un » is the UN)', () => {
    const functionWords = new Set(VOCABULARY.functionWords.map(fold));
    for (const entry of VOCABULARY.entries) {
      for (const form of [...entry.en, ...entry.fr])
        expect(
          (fold(form).match(/[\p{L}\p{N}]+/gu) ?? []).some((w) => !functionWords.has(w)),
          `${entry.id}: ${form}`,
        ).toBe(true);
    }
  });
});

describe.each(entries)('vocabulary entry %s', (id, entry) => {
  it.each(entry.fr)('reads “%s” as this one concept', (form) => {
    const { concepts } = analyse(form);
    expect(concepts.map((c) => c.entry)).toEqual([id]);
  });

  const english = entry.en.filter(inArchive);
  it.runIf(english.length > 0)(`finds the archive's English (${english.join(', ')}) from the French`, () => {
    const wanted = new Set(english.flatMap((e) => (fold(e).match(/[\p{L}\p{N}]+/gu) ?? []).map(stem)));
    const french = entry.fr.find((f) => !entry.en.some((e) => fold(e) === fold(f))) ?? entry.fr[0]!;
    const top = run(french).hits.slice(0, 5);
    expect(top.length, `results for ${french}`).toBeGreaterThan(0);
    expect(
      top.some((hit) => marked(hit).some((w) => wanted.has(stem(w)))),
      `a word of ${english.join(' / ')} marked in the top 5 for ${french}`,
    ).toBe(true);
  });
});

describe('French function words', () => {
  it.each(VOCABULARY.functionWords)('are not searched: “%s” alone finds nothing and says why', (word) => {
    const result = run(word === 'l' || word === 'd' ? `${word}'` : word);
    expect(result.hits).toEqual([]);
    expect(result.hint).toMatch(/not searched on their own/);
  });

  it('say why when a query is only function words', () => {
    const result = run('de la');
    expect(result.hits).toEqual([]);
    expect(result.hint).toMatch(/^Words such as “de”, “la” or “des” are not searched/);
  });

  it('no longer make “Macédoine du Nord” find what only shares “du”', () => {
    const result = run('Macédoine du Nord');
    expect(result.hits[0]?.key).toBe('country/north-macedonia');
    expect(result.hits.map((h) => h.key)).not.toContain('org/les-amis-du-bus-des-femmes');
  });

  it('no longer make “Conseil de l’Europe” find what only shares “des”', () => {
    const result = run("Conseil de l'Europe");
    expect(result.hits[0]?.key).toBe('org/council-of-europe');
    expect(result.hits.map((h) => h.key)).not.toContain('org/terre-des-hommes-albania');
  });
});

describe('French acronyms', () => {
  it('ONUDC finds UNODC first, and the passages that name it', () => {
    const result = run('ONUDC');
    expect(result.hits[0]?.key).toBe('org/unodc');
    expect(result.hits.filter((h) => h.type === 'section' || h.type === 'passage').length).toBeGreaterThan(3);
  });

  it('OIM finds IOM first', () => {
    expect(run('OIM').hits[0]?.key).toBe('org/iom');
  });

  it('the French name of UNODC finds it', () => {
    expect(run('Office des Nations unies contre la drogue et le crime').hits[0]?.key).toBe('org/unodc');
  });
});

describe('countries by every name the gazetteer knows', () => {
  it.each([
    ['Ivory Coast', 'country/cote-divoire'],
    ['Côte d’Ivoire', 'country/cote-divoire'],
    ['Macédoine du Nord', 'country/north-macedonia'],
    ['Suède', 'country/sweden'],
  ])('“%s” finds %s first', (query, key) => {
    expect(run(query).hits[0]?.key).toBe(key);
  });
});
