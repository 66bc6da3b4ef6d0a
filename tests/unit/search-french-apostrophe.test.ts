/**
 * Apostrophes and short words as a French reader types them (#28, round 7): a name with an
 * apostrophe inside (O'Brien) is found typed with ', with ’ or without it; a French elision
 * (« l'Est ») is two words in a query, and the text's elided words are indexed by their rest too
 * (round 9: « D'Alema » is found by « alema », « dalema »); a short word the function-word lists
 * drop is searched where an article makes it a noun (« Europe de l'Est », « l'an », « le but »). On a small index of our own
 * (the texts below, written for these tests) built by the archive's own buildShard, and on the
 * analyser with the real vocabulary and lexicon.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildShard } from '../../db/search/search-build.std';
import type { SearchDoc } from '../../db/search/search-index.std';
import { translations } from '../../db/search/search-lexicon.std';
import { elisionForms, indexWord, joinedName, stem, termsOf } from '../../db/search/search-text.std';
import { VOCABULARY, vocabularyAnalyser } from '../../db/search/search-vocabulary.std';
import { isSearchable } from '../../main/services/search/search-query.node';
import { createSearchService, type SearchService } from '../../main/services/search/search.node';

const SECTIONS: Record<string, string> = {
  irish: "Mr Sean O'Brien of the delegation opened the meeting.",
  curly: 'Ms Mary O’Connor chaired the panel.',
  brien: 'Brien is the name of a village.',
  east: 'Victims from Eastern Europe were identified at the border.',
  possessive: "France's contribution to the fund was announced.",
  filler: 'The delegates reviewed the budget and thanked the hosts.',
  italian: "Mr Massimo D'Alema addressed the conference.",
  chad: 'The delegation travelled to N’Djamena in March.',
  ivory: "Victims from Côte d'Ivoire were identified.",
  article: "Le rapport d'un expert sur l'an passé.",
};
const DOCS: SearchDoc[] = Object.entries(SECTIONS).map(([name, body]) => ({
  ref: name,
  type: 'section',
  title: 'Notes',
  body,
  aliases: '',
  issue: 'apostrophe',
  year: 2020,
  date: '2020-01-01',
  countries: [],
}));

let search: SearchService;
beforeAll(() => {
  const shard = buildShard('apostrophe', DOCS);
  search = createSearchService({
    loadShards: () => [shard],
    passagesOf: (key) => [{ key: `${key}/p1`, text: SECTIONS[key] ?? '' }],
    acronyms: () => [],
  });
});
const found = (query: string) => [
  ...new Set(search.search({ query, typing: false }).hits.map((h) => h.section ?? h.key)),
];
const marked = (query: string) =>
  search.search({ query, typing: false }).hits.flatMap((h) => h.highlights.map(([s, e]) => h.snippet.slice(s, e)));

describe('a name with an apostrophe inside', () => {
  it.each(["O'Brien", 'O’Brien', 'OBrien', 'obrien'])("« %s » finds O'Brien, not the village of Brien", (query) => {
    expect(found(query)).toEqual(['irish']);
  });

  it("finds a name printed with ’ typed with ' or without it", () => {
    expect(found("O'Connor")).toEqual(['curly']);
    expect(found('oconnor')).toEqual(['curly']);
  });

  it.each(["O'Brien's", 'O’Brien’s', "O'Brien'", "o'brien's"])(
    "« %s », a possessive, finds O'Brien, not the village of Brien",
    (query) => {
      expect(found(query)).toEqual(['irish']);
    },
  );

  it('reads a possessive of a name with an apostrophe as the index does', () => {
    expect(indexWord("O'Brien's")).toBe('obrien');
    expect(indexWord('O’Brien’')).toBe('obrien');
    expect(stem("O'Brien's")).toBe(stem('obrien'));
  });

  it('finds a misspelt name with an apostrophe by its word without it', () => {
    expect(found("O'Brian")).toEqual(['irish']);
  });

  it('marks the name as printed', () => {
    expect(marked('obrien')).toEqual(["O'Brien"]);
  });

  it('joins a name, not a French elision nor an English possessive or contraction', () => {
    expect(joinedName("o'brien")).toBe('obrien');
    expect(joinedName("dell'acqua")).toBe('dellacqua');
    expect(joinedName("o'neill")).toBe('oneill');
    expect(joinedName("l'europe")).toBe("l'europe");
    expect(joinedName("qu'il")).toBe("qu'il");
    expect(joinedName("jusqu'a")).toBe("jusqu'a");
    expect(joinedName("aujourd'hui")).toBe("aujourd'hui");
    expect(joinedName("france's")).toBe("france's");
    expect(joinedName("don't")).toBe("don't");
    expect(joinedName("we're")).toBe("we're");
    expect(joinedName("o'brien'")).toBe("o'brien'");
    expect(joinedName('obrien')).toBe('obrien');
    expect(stem('O’Brien')).toBe(stem('obrien'));
  });

  it.each([
    "l'europe",
    "d'un",
    "j'ai",
    "m'a",
    "n'est",
    "s'agit",
    "t'a",
    "c'est",
    "qu'il",
    "jusqu'a",
    "lorsqu'il",
    "puisqu'il",
    "quoiqu'il",
    "quelqu'un",
    "presqu'ile",
    "aujourd'hui",
  ])('leaves the French elision « %s » to the analyser', (word) => {
    expect(joinedName(word)).toBe(word);
  });

  it.each(["france's", "don't", "i'd", "we're", "we've", "i'll", "i'm"])(
    'leaves the English possessive or contraction “%s” alone',
    (word) => {
      expect(joinedName(word)).toBe(word);
    },
  );

  it("keeps a possessive's word and an elided word found", () => {
    expect(found("France's")).toEqual(['possessive']);
    expect(found("l'Europe de l'Est")).toEqual(['east']);
  });
});

describe('a name or a word with an elided D’, N’, L’ inside the indexed text (round 9)', () => {
  it.each([
    ["D'Alema", 'italian'],
    ['D’Alema', 'italian'],
    ['Alema', 'italian'],
    ['dalema', 'italian'],
    ["N'Djamena", 'chad'],
    ['Djamena', 'chad'],
    ['ndjamena', 'chad'],
    ['ivoire', 'ivory'],
    ['divoire', 'ivory'],
    ["d'Ivoire", 'ivory'],
  ])('« %s » finds the text that writes it with its elision', (query, section) => {
    expect(found(query)).toEqual([section]);
  });

  it('finds a misspelt name by its word without the elision', () => {
    expect(found('Djamina')).toEqual(['chad']);
  });

  it('marks the word as printed, elision and all', () => {
    expect(marked('alema')).toEqual(["D'Alema"]);
    expect(marked('ndjamena')).toEqual(['N’Djamena']);
  });

  it('reads a word with an elision as written, its rest and the two joined', () => {
    expect(elisionForms("D'Alema")).toEqual(["D'Alema", 'alema', 'dalema']);
    expect(elisionForms('N’Djamena')).toEqual(['N’Djamena', 'djamena', 'ndjamena']);
    expect(elisionForms("l'illustration")).toEqual(["l'illustration", 'illustration', 'lillustration']);
    expect(termsOf("Côte d'Ivoire").map((t) => t.term)).toEqual(['cote', "d'ivoir", 'ivoir', 'divoir']);
  });

  it('reads no rest of two letters (the UN, a year) nor a name or a possessive', () => {
    expect(elisionForms("d'un")).toEqual(["d'un"]);
    expect(elisionForms("l'an")).toEqual(["l'an"]);
    expect(elisionForms("O'Brien")).toEqual(["O'Brien"]);
    expect(elisionForms("France's")).toEqual(["France's"]);
    expect(elisionForms('Alema')).toEqual(['Alema']);
    expect(found('UN')).not.toContain('article');
    expect(found('year')).not.toContain('article');
  });
});

describe('a short word that is a noun after an article', () => {
  // As the search service builds it: English stop words (an, but) are function words.
  const analyse = vocabularyAnalyser(VOCABULARY, (word) => !isSearchable(word), translations());
  const english = (query: string) => analyse(query).concepts.flatMap((c) => c.alternatives.map((a) => a.join(' ')));

  it("« Europe de l'Est » searches the East with Europe", () => {
    expect(english("Europe de l'Est")).toEqual(expect.arrayContaining(['eastern', 'europe']));
    expect(english('Europe de l’Est')).toEqual(expect.arrayContaining(['eastern', 'europe']));
    expect(found("Europe de l'Est")).toEqual(['east']);
  });

  it('« l’an », « le but » are nouns: year, aim', () => {
    expect(english("l'an dernier")).toContain('year');
    expect(english('le but du fonds')).toContain('aim');
    expect(english('les buts du fonds')).toContain('aim');
    expect(english('un but commun')).toContain('aim');
  });

  it('leaves the verb and the English stop word out where no article stands before them', () => {
    expect(english("c'est quoi la traite ?")).not.toContain('east');
    expect(english('qui est le président')).not.toContain('east');
    expect(english('par an')).not.toContain('year');
    expect(english('la France est partie')).not.toContain('east');
    expect(analyse("c'est").onlyFunctionWords).toBe(true);
    expect(analyse("l'est").onlyFunctionWords).toBe(false);
    expect(english("l'est")).toContain('east');
    expect(english('est de la France')).not.toContain('east');
    expect(analyse("qui l'a présidé ?").concepts.map((c) => c.typed)).toEqual([['preside']]);
  });

  it('« Est-Ouest » searches the East with the West, and « est-ce », « Sud-Est » are as before (round 9)', () => {
    expect(english('dialogue Est-Ouest')).toEqual(expect.arrayContaining(['dialogue', 'east', 'western']));
    expect(english('relations ouest-est')).toEqual(expect.arrayContaining(['east', 'western']));
    expect(english('est-ce que la France finance ?')).not.toContain('east');
    expect(analyse('qui est-il ?').onlyFunctionWords).toBe(true);
    expect(english('Europe du Sud-Est')).toEqual(['south east europe']);
    expect(english('le sud est touché')).not.toContain('east');
  });

  it('reads « à peine » as hardly, not a sentence; « la peine » stays one (round 9)', () => {
    expect(english('la France a à peine financé')).not.toContain('punish');
    expect(english('la France a à peine financé')).toContain('fund');
    expect(analyse('à peine').onlyFunctionWords).toBe(true);
    expect(english('peine de prison')).toContain('punish');
    expect(english('les peines prononcées')).toContain('punish');
  });

  it('reads UN in capitals as the UN, never as the article before a noun', () => {
    expect(english('UN but not in Serbia')).not.toContain('aim');
    expect(english('UN but not in Serbia')).toEqual(expect.arrayContaining(['united nations', 'serbia']));
    expect(english('UN an')).not.toContain('year');
  });

  it('reads « un » before « but », « an » as the article, not the UN', () => {
    expect(english('un but commun')).not.toContain('united nations');
    expect(english('un but commun')).toEqual(expect.arrayContaining(['aim', 'common']));
    expect(english('un an après')).not.toContain('united nations');
    expect(english('un an après')).toContain('year');
    expect(english('rapport un')).toContain('united nations');
    expect(english('un fonds')).toContain('united nations');
  });
});
