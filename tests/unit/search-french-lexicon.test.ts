/**
 * The review of the lexicon's table (#28, round 7): the script lists the entries a French reader
 * has one way to type (thinEntries), and the forms the review added are read as their English. The
 * expected English is the archive's word each form was added under (db/vocabulary/lexicon-fr-en.json
 * reviewed by hand), not the engine's output.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { thinEntries, translations } from '../../db/search/search-lexicon.std';
import { VOCABULARY, vocabularyAnalyser } from '../../db/search/search-vocabulary.std';
import { openContentDatabase } from '../../main/services/library/content.node';
import { isSearchable } from '../../main/services/search/search-query.node';
import { contentSearch, type SearchService } from '../../main/services/search/search.node';
import { contentDb } from '../support/content';

describe('the review worklist (thinEntries)', () => {
  it('lists an entry whose forms are one word as French stemming reads it, not one with two words', () => {
    const table = {
      abolition: 'abolition',
      migration: 'migration, migrations',
      accept: 'accepter, acceptation',
      aid: 'aide, assistance',
      burglary: 'cambriolage, vol avec effraction',
      roadmap: 'feuille de route',
    };
    expect(thinEntries(table)).toEqual(['abolition', 'migration', 'accept', 'roadmap']);
  });
});

describe('the forms the review added (round 7)', () => {
  // As the search service builds it: English stop words are function words.
  const analyse = vocabularyAnalyser(VOCABULARY, (word) => !isSearchable(word), translations());
  const english = (query: string) => analyse(query).concepts.flatMap((c) => c.alternatives.map((a) => a.join(' ')));

  it.each([
    // A verb or an adjective beside its noun.
    ['abolir', 'abolition'],
    ['indemnité', 'compensation'],
    ['détruire', 'destruction'],
    ['incarcération', 'prison'],
    ['réinsérer', 'reintegration'],
    ['exilés', 'migrant'],
    // Other words a French reader uses for the archive's.
    ['cyberdélinquance', 'cybercrime'],
    ['criminalité informatique', 'cybercrime'],
    ['subventions', 'fund'],
    ['dotation', 'fund'],
    ['accompagnement', 'support'],
    ['prise en charge', 'assistance'],
    ['rapatriement', 'return'],
    ['emprisonnement', 'prison'],
    ['forces de l’ordre', 'police'],
    ['condamnation', 'punish'],
    ['immigration', 'migration'],
    ['filières', 'network'],
    ['cambrioler', 'burglary'],
    ['la précarité', 'poverty'],
    ['mineurs isolés', 'unaccompanied'],
    ['passage clandestin', 'smuggling'],
    ['juge', 'magistrate'],
    ['adolescents', 'youth'],
    ['crise sanitaire', 'pandemic'],
    ['crise sanitaire', 'covid'],
    ['spécialistes', 'expert'],
    ['diminuer', 'reduce'],
    ['le parquet', 'procurator'],
    ['méthode', 'methodology'],
    ["l'Europe de l'Ouest", 'western'],
    // Added after round 7's review.
    ['contrebande', 'smuggling'],
    ['la contrebande', 'smuggling'],
  ])('« %s » is read as “%s”', (french, word) => {
    expect(english(french)).toContain(word);
  });
});

describe('the added forms find the archive’s passages', () => {
  let search: SearchService;
  beforeAll(() => {
    search = contentSearch(openContentDatabase(contentDb()));
  });
  const marks = (query: string) =>
    search
      .search({ query, typing: false })
      .hits.slice(0, 3)
      .flatMap((h) => h.highlights.map(([s, e]) => h.snippet.slice(s, e).toLowerCase()));

  it('« cyberdélinquance » finds the passages on cybercrime', () => {
    expect(marks('cyberdélinquance')).toContain('cybercrime');
  });

  it('« produits du crime » finds the criminal assets, « entreprises » the private sector', () => {
    expect(marks('produits du crime')).toEqual(expect.arrayContaining(['criminal', 'assets']));
    expect(marks('entreprises')).toEqual(expect.arrayContaining(['private', 'sector']));
  });

  it('« accompagnement des victimes » finds victim support', () => {
    expect(marks('accompagnement des victimes')).toEqual(expect.arrayContaining(['victim', 'support']));
  });
});
