/**
 * The query analyser's rules (db/search/search-vocabulary.std.ts) on queries and small vocabularies
 * written for them (#27): what each rule promises a French reader, one rule at a time, without
 * the archive's database. The survivors of search-rules' mutation run that nothing else killed.
 */
import { describe, expect, it } from 'vitest';
import {
  compoundsOf,
  frameWords,
  VOCABULARY,
  vocabularyAnalyser,
  type AnalyseContext,
  type CompoundContext,
  type Translations,
  type Vocabulary,
} from '../../db/search/search-vocabulary.std';

const analyse = vocabularyAnalyser(VOCABULARY, () => false);
const entries = (query: string) => analyse(query).concepts.map((c) => c.entry);
const typed = (query: string) => analyse(query).concepts.map((c) => c.typed.join(' '));
const writes = (...words: string[]): AnalyseContext => ({ isEnglish: (w) => words.includes(w) });

describe('the words that only frame a French question', () => {
  it('reads « eu » and « un » alone as the EU and the UN', () => {
    expect(entries('eu')).toEqual(['eu']);
    expect(entries('un')).toEqual(['un']);
  });

  it.each([
    'les réunions a eu lieu',
    'les réunions ont eu lieu',
    'la réunion avait eu lieu',
    'les réunions avaient eu lieu',
    'la réunion aura eu lieu',
    'les réunions auront eu lieu',
    'la réunion aurait eu lieu',
    'les réunions auraient eu lieu',
    'après avoir eu lieu',
    'la réunion ayant eu lieu',
  ])('does not search the EU for « eu » after avoir: « %s »', (query) => {
    expect(entries(query)).not.toContain('eu');
    expect(typed(query)).toContain('lieu');
  });

  it.each(['a-t-il eu lieu', 'a-t-elle eu lieu', 'ont-ils eu lieu', 'ont-elles eu lieu', 'a-t-on eu des nouvelles'])(
    'nor in an inverted question: « %s »',
    (query) => {
      expect(entries(query)).not.toContain('eu');
    },
  );

  it.each([
    ['quel jour', 'jour'],
    ['quel mois', 'mois'],
    ['quels mois', 'mois'],
    ['quelle date', 'date'],
    ['en quelle année', 'annee'],
  ])('does not search the noun of « %s », which asks when', (query, noun) => {
    expect(typed(query)).not.toContain(noun);
    expect(typed(`le ${noun} de la conférence`)).toContain(noun);
  });

  // Round 9: the answer to « quels pays » is a place's name, which the passage writes without “country”;
  // « quels sont les pays », « quelle était la date » ask as « quels pays », « quelle date ».
  it.each([
    ['quels pays sont touchés', 'pays'],
    ['quel pays finance le fonds', 'pays'],
    ['dans quelle ville la réunion', 'ville'],
    ['quelles villes accueillent', 'villes'],
    ['quels sont les pays touchés', 'pays'],
    ['quelle était la date de la réunion', 'date'],
    ['quelle est la ville hôte', 'ville'],
  ])('does not search the noun « quel » asks about in « %s » (a place, or when)', (query, noun) => {
    expect(typed(query)).not.toContain(noun);
    expect(typed(`les ${noun} de la région`)).toContain(noun);
  });

  // Round 9: « quel genre de victimes » searched gender; the noun before « de » asks what kind.
  it.each([
    ['quel type de projets', 'type'],
    ["quels types d'exploitation", 'types'],
    ['quel genre de victimes', 'genre'],
    ['quelle sorte de soutien', 'sorte'],
    ['quels sont les types de traite', 'types'],
  ])('does not search the noun of « %s », which asks what kind', (query, noun) => {
    expect(typed(query)).not.toContain(noun);
    expect(typed(query).length).toBeGreaterThan(0);
  });

  it('searches « genre » where no « quel … de » frames it: « égalité de genre », « quel genre »', () => {
    expect(typed('égalité de genre')).toContain('genre');
    expect(typed('quel genre')).toContain('genre');
  });

  it.each([
    "l'un des pays",
    "qu'un enfant disparaisse",
    "lorsqu'un enfant disparaît",
    "puisqu'un enfant disparaît",
    "quoiqu'un enfant disparaisse",
    "quelqu'un a disparu",
    "le fonds d'un donateur",
  ])('does not search the UN for « un » after an elided word: « %s »', (query) => {
    expect(entries(query)).not.toContain('un');
  });

  it('reads « un » after an elided word as the article when nobody says UN was written in capitals', () => {
    expect(frameWords(['d', 'un'])).toEqual(new Set([1]));
    expect(frameWords(['d', 'un'], true)).toEqual(new Set());
  });
});

/** A vocabulary that knows the words listed, and reads as one form the prefix and rest listed. */
const knowing = (words: string[], pairs: [string, string][] = []): CompoundContext => ({
  known: (w) => words.includes(w),
  joined: (prefix, rest) => pairs.some(([p, r]) => p === prefix && r === rest),
});

describe('compounds written without their hyphen', () => {
  it.each([
    ['counterterrorism', 'counter', 'terrorism'],
    ['contremesures', 'contre', 'mesures'],
    ['interinstitutionnel', 'inter', 'institutionnel'],
    ['multipartenaires', 'multi', 'partenaires'],
    ['pluridisciplinaire', 'pluri', 'disciplinaire'],
    ['transfrontalier', 'trans', 'frontalier'],
    ['cybercriminalite', 'cyber', 'criminalite'],
    ['extraterritorial', 'extra', 'territorial'],
    ['intracommunautaire', 'intra', 'communautaire'],
    ['antitraite', 'anti', 'traite'],
    ['semiautomatique', 'semi', 'automatique'],
    ['sousgroupes', 'sous', 'groupes'],
    ['vicepresident', 'vice', 'president'],
    ['nonrefoulement', 'non', 'refoulement'],
  ])('reads « %s » as « %s » and « %s » where a form joins them', (word, prefix, rest) => {
    expect(compoundsOf(word, knowing([rest], [[prefix, rest]]))).toEqual([prefix, rest]);
    // Where no form joins them, the word stays whole: the rest alone would change its sense.
    expect(compoundsOf(word, knowing([rest]))).toEqual([word]);
  });

  it('splits a rest of five letters, not of four (« cybercrime », not « transport »)', () => {
    expect(compoundsOf('cybercrime', knowing(['crime'], [['cyber', 'crime']]))).toEqual(['cyber', 'crime']);
    expect(compoundsOf('transport', knowing(['port'], [['trans', 'port']]))).toEqual(['transport']);
  });

  it('keeps a word the archive writes whole, even where a form reads it as two', () => {
    const context = knowing(['contremesures', 'mesures'], [['contre', 'mesures']]);
    expect(compoundsOf('contremesures', context)).toEqual(['contremesures']);
  });

  it('keeps an elision of several letters in front of the prefix (« qu’antitraite »)', () => {
    expect(compoundsOf("qu'antitraite", knowing(['traite'], [['anti', 'traite']]))).toEqual(["qu'anti", 'traite']);
  });
});

describe('compounds written with their hyphen', () => {
  it('reads a hyphenated word as one word when only that is known (« trans-frontalier »)', () => {
    const context = knowing(['frontalier', 'transfrontalier']);
    expect(compoundsOf('trans-frontalier', context)).toEqual(['transfrontalier']);
  });

  it('joins only words the hyphen stands between: « anti- traite » is two words', () => {
    const context = knowing(['traite', 'antitraite']);
    expect(compoundsOf('anti- traite', context)).toEqual(['anti', 'traite']);
  });

  it('reads a compound without its hyphen by a reviewed form written with one', () => {
    const read = vocabularyAnalyser(
      {
        functionWords: [],
        entries: [{ id: 'anti-trafficking', kind: 'term', fr: ['anti-traite'], en: ['anti-trafficking'] }],
      },
      () => false,
    );
    expect(read('antitraite', writes('traite')).concepts.map((c) => c.entry)).toEqual(['anti-trafficking']);
  });
});

describe('a French term the lexicon translates into several English words', () => {
  const vocabulary: Vocabulary = { functionWords: VOCABULARY.functionWords, entries: [] };
  const alternativesOf = (translations: Translations['lexicon'], query: string) =>
    vocabularyAnalyser(vocabulary, () => false, { generated: [], lexicon: translations, key: (w) => w })(
      query,
    ).concepts.map((c) => c.alternatives);

  it('keeps beside each English word the readings of the French word it translates', () => {
    const [human, rights] = alternativesOf(
      [
        { french: 'droit', english: ['law', 'legal right'] },
        { french: 'homme', english: ['men'] },
        { french: "droits de l'homme", english: ['human rights'] },
      ],
      "droits de l'homme",
    );
    // « droits »: rights, law, legal right; « homme », the one typed word left: human, men.
    expect(human).toContainEqual(['human']);
    expect(human).toContainEqual(['men']);
    expect(human).not.toContainEqual(['law']);
    expect(rights).toContainEqual(['rights']);
    expect(rights).toContainEqual(['law']);
    expect(rights).toContainEqual(['legal', 'right']);
    expect(rights).not.toContainEqual(['men']);
  });

  it('gives the typed word left to no English word when several are left (« traite » is not trade)', () => {
    const concepts = alternativesOf(
      [
        { french: 'traite', english: ['trade'] },
        { french: 'personne', english: ['person'] },
        { french: 'traite des personnes', english: ['trafficking in persons'] },
      ],
      'traite des personnes',
    );
    expect(concepts).toHaveLength(3);
    expect(concepts[0]).toContainEqual(['trafficking']);
    expect(concepts[0]).not.toContainEqual(['trade']);
    expect(concepts[2]).toContainEqual(['person']);
  });

  it('is read as a term when the lexicon lists its English twice', () => {
    const concepts = alternativesOf(
      [{ french: "droits de l'homme", english: ['human rights', 'Human Rights'] }],
      "droits de l'homme",
    );
    expect(concepts).toEqual([[['human']], [['rights']]]);
  });

  it.each([
    ['coparrainage', 'co-parrainage'],
    ['co-parrainage', 'coparrainage'],
  ])(
    'reads a French form written in one word and with a hyphen (« %s », « %s ») by the lexicon both ways',
    (...forms) => {
      const lexicon = forms.map((french) => ({ french, english: ['cosponsorship'] }));
      for (const query of forms) expect(alternativesOf(lexicon, query).flat(), query).toContainEqual(['cosponsorship']);
    },
  );

  it('answers with both of two English spellings that differ by a space', () => {
    const [concept] = alternativesOf(
      [{ french: 'antitraite', english: ['anti trafficking', 'antitrafficking'] }],
      'antitraite',
    );
    expect(concept).toContainEqual(['anti', 'trafficking']);
    expect(concept).toContainEqual(['antitrafficking']);
  });

  it('reads a phrase of the lexicon by its content words, as a query’s are read (« la traite des êtres humains »)', () => {
    const alternatives = alternativesOf(
      [{ french: 'traite des êtres humains', english: ['human trafficking'] }],
      'la traite des êtres humains',
    );
    expect(alternatives.flat()).toEqual(expect.arrayContaining([['human'], ['trafficking']]));
  });
});

describe('French forms read by their stems', () => {
  // A stand-in for the French stemmer: words are compared by their first five letters.
  const read = (lexicon: Translations['lexicon']) =>
    vocabularyAnalyser({ functionWords: [], entries: [] }, () => false, {
      generated: [],
      lexicon,
      key: (w) => w.slice(0, 5),
    });

  it('reads a phrase whose every word only shares its stem with a form’s (« travaux forcés »)', () => {
    const alternatives = read([{ french: 'travail forcé', english: ['forced labour'] }])(
      'travaux forcés',
    ).concepts.flatMap((c) => c.alternatives);
    expect(alternatives).toContainEqual(['forced']);
    expect(alternatives).toContainEqual(['labour']);
  });

  it('searches every English spelling of the forms a word shares its stem with, even two that differ by a space', () => {
    const [concept] = read([
      { french: 'organisme', english: ['non profit'] },
      { french: 'organisation', english: ['nonprofit'] },
    ])('organiques').concepts;
    expect(concept!.alternatives).toContainEqual(['non', 'profit']);
    expect(concept!.alternatives).toContainEqual(['nonprofit']);
  });
});

describe('a short word an article makes a noun (« l’Est », « l’an », « le but »)', () => {
  // English stop words as the search service drops them ("an", "but", "in" among them).
  const stopWords = new Set(['an', 'but', 'in', 'not', 'the']);
  const read = vocabularyAnalyser(VOCABULARY, (w) => stopWords.has(w));
  const words = (query: string) => read(query).concepts.flatMap((c) => c.typed);
  const ids = (query: string) => read(query).concepts.map((c) => c.entry);

  it.each([
    ["Europe de l'Est", 'est'],
    ['Europe de l’Est', 'est'],
    ['les pays de l’Est', 'est'],
    ["l'an dernier", 'an'],
    ['un an après', 'an'],
    ['le but commun', 'but'],
    ['un but commun', 'but'],
  ])('searches the noun of « %s »: %s', (query, noun) => {
    expect(words(query)).toContain(noun);
  });

  it.each(['il est parti', 'an agreement', 'late but signed'])(
    'drops it where no article makes it a noun: « %s »',
    (query) => {
      expect(words(query).filter((w) => ['est', 'an', 'but'].includes(w))).toEqual([]);
      expect(words(query).length).toBeGreaterThan(0);
    },
  );

  it.each(['un an après', 'un but commun', 'depuis un an'])(
    'does not search the UN for the article « un » before a noun: « %s »',
    (query) => {
      expect(ids(query)).not.toContain('un');
    },
  );

  it('reads UN written in capitals as the UN, and the English “but” after it as no aim: “UN but not in Serbia”', () => {
    expect(ids('UN but not in Serbia')).toContain('un');
    expect(words('UN but not in Serbia')).not.toContain('but');
  });

  it('still reads « l’Est » as the East in a query that writes UN in capitals', () => {
    expect(words("UN Europe de l'Est")).toEqual(expect.arrayContaining(['un', 'est']));
  });
});

describe('a name of several words', () => {
  const read = vocabularyAnalyser(
    { functionWords: [], entries: [{ id: 'nova-gorica', kind: 'place', fr: [], en: ['Nova Gorica'] }] },
    () => false,
  );

  it('is read from its words in their order, not from a word and the one before it', () => {
    expect(read('Nova Gorica').concepts.map((c) => c.entry)).toEqual(['nova-gorica']);
    expect(read('Gorica Nova').concepts.map((c) => c.entry)).toEqual([null, null]);
  });
});

describe('the forms of a vocabulary entry', () => {
  const stopWords = new Set(['the', 'us']);
  const read = (entry: Vocabulary['entries'][number]) =>
    vocabularyAnalyser({ functionWords: VOCABULARY.functionWords, entries: [entry] }, (w) => stopWords.has(w));

  it('gives no empty spelling for a form of stop words alone, which every passage would answer', () => {
    const usa = read({ id: 'united-states', kind: 'place', fr: ['États-Unis'], en: ['United States', 'US'] });
    const [concept] = usa('États-Unis').concepts;
    expect(concept!.alternatives).toContainEqual(['united', 'states']);
    expect(concept!.alternatives.every((a) => a.length > 0)).toBe(true);
  });

  it('takes no French form of function words alone', () => {
    const hague = read({ id: 'the-hague', kind: 'place', fr: ['La', 'La Haye'], en: ['The Hague'] });
    expect(hague('La Haye').concepts.map((c) => c.alternatives)).toEqual([[['hague']]]);
  });

  it.each(['Europol', 'Terre des Hommes'])(
    'reads a name written alike in French and English (« %s ») as the archive’s English, not as French',
    (name) => {
      const concept = read({ id: 'name', kind: 'term', fr: [name], en: [name] })(name).concepts[0]!;
      expect(concept.entry).toBe('name');
      expect(concept.french).toBe(false);
    },
  );
});

describe('a word of a French query the archive does not write', () => {
  const read = vocabularyAnalyser(
    {
      functionWords: VOCABULARY.functionWords,
      entries: [{ id: 'human-trafficking', kind: 'term', fr: ['traite des êtres humains'], en: ['human trafficking'] }],
    },
    () => false,
  );
  const loose = (query: string) => read(query, writes('human', 'trafficking')).concepts.map((c) => c.loose ?? false);

  it('answers loosely from four letters, the shortest word the archive’s word lists hold', () => {
    expect(loose('traite des êtres humains vols')).toEqual([false, true]);
    expect(loose('traite des êtres humains vol')).toEqual([false, false]);
  });

  it('leaves a number with its unit alone (« 500km »)', () => {
    expect(loose('traite des êtres humains 500km')).toEqual([false, false]);
  });
});
