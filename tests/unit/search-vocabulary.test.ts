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
import {
  frenchOrdinal,
  lexiconWords,
  VOCABULARY,
  vocabularyAnalyser,
  type AnalyseContext,
  type Translations,
  type Vocabulary,
} from '../../db/search/search-vocabulary.std';
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

/**
 * The analyser's rules on a small vocabulary written for them (#27: each case kills a mutant the
 * archive's own vocabulary let live). Function words are the real ones; the entries and names are
 * invented where the archive has no case of the rule.
 */
describe('the rules a query is read by', () => {
  const vocabulary: Vocabulary = {
    functionWords: VOCABULARY.functionWords,
    entries: [
      { id: 'human-trafficking', kind: 'term', fr: ['traite des êtres humains'], en: ['trafficking in human beings'] },
      {
        id: 'anti-trafficking',
        kind: 'term',
        fr: ['lutte contre la traite'],
        en: ['anti-trafficking', 'antitrafficking'],
      },
    ],
  };
  const translations: Translations = {
    generated: [
      {
        id: 'city:thessaloniki',
        kind: 'place',
        fr: ['Salonique', 'Thessalonique'],
        en: ['Thessaloniki'],
        country: 'Greece',
      },
      { id: 'city:nova-gorica', kind: 'place', fr: [], en: ['Nova Gorica'], country: 'Slovenia' },
      { id: 'city:kyiv', kind: 'place', fr: [], en: ['Kyiv', 'Kiev'], country: 'Ukraine' },
    ],
    lexicon: [
      { french: 'place', english: ['square'] },
      // “place” is an English word of the lexicon, as in the real one: the archive's « place » is English.
      { french: 'lieu', english: ['place'] },
      { french: 'intermédiation', english: [] },
    ],
    key: (w) => w,
  };
  const read = vocabularyAnalyser(vocabulary, () => false, translations);
  const writes = (...words: string[]): AnalyseContext => ({ isEnglish: (w) => words.includes(w) });
  const only = (query: string, context?: AnalyseContext) => {
    const { concepts } = read(query, context);
    expect(concepts, query).toHaveLength(1);
    return concepts[0]!;
  };

  it('asks who for « qui », who and whom, and how many for « combien », how many and how much', () => {
    expect(read('who funds the shelters?').asksWho).toBe(true);
    expect(read('to whom was the report sent?').asksWho).toBe(true);
    expect(read('the shelters').asksWho).toBe(false);
    expect(read('how much funding').asksHowMany).toBe(true);
    expect(read('how many victims').asksHowMany).toBe(true);
    expect(read('how the victims were found').asksHowMany).toBe(false);
    expect(read('how long did it last').asksHowMany).toBe(false);
    expect(read('many victims').asksHowMany).toBe(false);
    expect(read('too much paperwork for the victims').asksHowMany).toBe(false);
  });

  it('says a query is only function words when every word is one', () => {
    expect(read('de la').onlyFunctionWords).toBe(true);
    expect(read('de la traite').onlyFunctionWords).toBe(false);
  });

  it('reads a word the archive writes as written, and a French word it does not write by the lexicon', () => {
    expect(only('place', writes('place'))).toEqual({
      typed: ['place'],
      alternatives: [['place']],
      entry: null,
      french: false,
    });
    expect(only('place').alternatives).toEqual([['square']]);
    expect(only('place').entry).toBe('lexicon:place');
  });

  it('searches a French word the lexicon has no English for, and the archive does not write, as typed', () => {
    expect(only('intermédiation').alternatives).toEqual([['intermediation']]);
  });

  it('searches a French phrase as typed only where the archive writes every word of it', () => {
    const typed = ['traite', 'etres', 'humains'];
    expect(only('traite des êtres humains', writes('humains')).alternatives).not.toContainEqual(typed);
    expect(only('traite des êtres humains', writes(...typed)).alternatives).toContainEqual(typed);
  });

  it('keeps two spellings apart that differ by a space or a hyphen', () => {
    expect(only('antitrafficking').alternatives).toEqual(
      expect.arrayContaining([['anti', 'trafficking'], ['antitrafficking']]),
    );
    expect(only('antitrafficking').french).toBe(false);
  });

  it('searches a generated name as typed and in English, not by its other French names', () => {
    const concept = only('Salonique', writes('salonique', 'thessalonique', 'thessaloniki'));
    expect(concept.alternatives).toEqual([['salonique'], ['thessaloniki']]);
    expect(concept.alternatives).not.toContainEqual(['greece']);
  });

  it('searches a city the archive never names as its country, and one it names under any name as that name', () => {
    expect(only('Salonique')).toMatchObject({ alternatives: [['thessaloniki'], ['greece']], french: true });
    // “Nova” is written elsewhere in the archive, “Gorica” nowhere: the city is not named.
    expect(only('Nova Gorica', writes('nova')).alternatives).toContainEqual(['slovenia']);
    // The archive writes Kyiv: « Kiev » is searched as the city, not as Ukraine.
    const kiev = only('Kiev', writes('kyiv'));
    expect(kiev.alternatives).not.toContainEqual(['ukraine']);
    expect(kiev.french).toBe(false);
  });

  it('reads a French ordinal as the English one, and a word that only contains one as a word', () => {
    expect(only('6e')).toEqual({ typed: ['6e'], alternatives: [['6e'], ['6th']], entry: 'ordinal', french: true });
    expect(only('zagreb')).toEqual({ typed: ['zagreb'], alternatives: [['zagreb']], entry: null, french: false });
    expect(frenchOrdinal('x2e')).toBeNull();
    expect(frenchOrdinal('2ex')).toBeNull();
  });

  it('gives a lexicon form without a letter no words', () => {
    expect(lexiconWords('…', (words) => words)).toEqual([]);
  });
});

/** The analyser's rules on queries written for them (#27): what each rule promises a reader. */
describe('« un », the UN, and forms told apart by an accent', () => {
  const typed = (query: string) => analyse(query).concepts.map((c) => c.typed.join(' '));

  it('does not search « un » after an elided word, even as the last word typed', () => {
    expect(typed("le fonds d'un donateur")).toEqual(['fonds', 'donateur']);
    expect(typed("le rapport d'un")).toEqual(['rapport']);
  });

  it('searches the UN where the query writes it in capitals, before other words too', () => {
    expect(typed("le fonds d'UN Women")).toEqual(['fonds', 'un', 'women']);
    expect(typed("d'UN-Women")).toEqual(['un', 'women']);
    expect(typed("le fonds d'UN")).toEqual(['fonds', 'un']);
  });

  it('keeps a lexicon form whose accent alone tells it from a function word, and no other', () => {
    const content = (words: string[]) => words.filter((w) => w !== 'sur' && w !== 'du');
    expect(lexiconWords('sûr', content)).toEqual(['sur']);
    expect(lexiconWords('Dû', content)).toEqual(['du']);
    expect(lexiconWords('sur', content)).toEqual([]);
    expect(lexiconWords('SUR', content)).toEqual([]);
    // Two function words are a phrase of function words, whatever their accents.
    expect(lexiconWords('sûr du', content)).toEqual([]);
  });
});

describe('a country named in French is also searched by its other names the archive writes', () => {
  const translations: Translations = {
    generated: [
      { id: 'country:costa-rica', kind: 'place', fr: ['Costarica', 'Costa Rican', 'Tico Land'], en: ['Costa Rica'] },
    ],
    lexicon: [],
    key: (w) => w,
  };
  const read = vocabularyAnalyser({ functionWords: [], entries: [] }, () => false, translations);
  // The archive writes every word below but « costarica » and « land ».
  const context: AnalyseContext = { isEnglish: (w) => ['costa', 'rica', 'rican', 'tico'].includes(w) };

  it('reads a name the reviewed vocabulary and the generated names both hold as the reviewed entry', () => {
    const both = vocabularyAnalyser(
      {
        functionWords: [],
        entries: [{ id: 'reviewed:costa-rica', kind: 'place', fr: ['Costarica'], en: ['Costa Rica'] }],
      },
      () => false,
      translations,
    );
    expect(both('Costarica', context).concepts.map((c) => c.entry)).toEqual(['reviewed:costa-rica']);
  });

  it('searches a name whose every word the archive writes, and no other', () => {
    const [concept] = read('Costarica', context).concepts;
    expect(concept!.alternatives).toContainEqual(['costa', 'rica']);
    expect(concept!.alternatives).toContainEqual(['costa', 'rican']);
    expect(concept!.alternatives).not.toContainEqual(['tico', 'land']);
    expect(concept!.alternatives).not.toContainEqual(['costarica']);
  });
});

describe('lexicon forms that share a stem', () => {
  // A stand-in for the French stemmer: « organes » and « organisme » share the key « organ ».
  const translations: Translations = {
    generated: [],
    lexicon: [
      { french: 'organisme', english: ['organism'] },
      { french: 'organes', english: ['organs'] },
      { french: 'organisation', english: ['organisation'] },
    ],
    key: (w) => w.slice(0, 5),
  };
  const read = vocabularyAnalyser({ functionWords: [], entries: [] }, () => false, translations);
  const alternatives = (query: string) => read(query).concepts.map((c) => c.alternatives);

  it('reads a word as the form written as typed, not also as those that only share its stem', () => {
    expect(alternatives('organes')).toEqual([[['organs']]]);
  });

  it('reads a name two generated entries hold as one of them, not both mixed (only lexicon forms merge)', () => {
    const names = vocabularyAnalyser({ functionWords: [], entries: [] }, () => false, {
      generated: [
        { id: 'country:north-macedonia', kind: 'place', fr: ['Macédoine'], en: ['North Macedonia'] },
        { id: 'region:macedonia', kind: 'place', fr: ['Macédoine'], en: ['Macedonia'] },
      ],
      lexicon: [],
      key: (w) => w,
    });
    const [concept] = names('Macédoine').concepts;
    const named = ['north macedonia', 'macedonia'].filter((name) =>
      concept!.alternatives.some((a) => a.join(' ') === name),
    );
    expect(named).toHaveLength(1);
  });

  it('reads a word no form is written as by every form that shares its stem', () => {
    expect(alternatives('organiques')[0]).toEqual(expect.arrayContaining([['organs'], ['organism'], ['organisation']]));
  });
});
