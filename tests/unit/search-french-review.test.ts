/**
 * Forms added to the lexicon's table after round 7's review (#28, round 8). The expected English
 * is the archive's word each form was added under (db/vocabulary/lexicon-fr-en.json, reviewed by
 * hand), not the engine's output.
 */
import { describe, expect, it } from 'vitest';
import { translations } from '../../db/search/search-lexicon.std';
import { VOCABULARY, vocabularyAnalyser } from '../../db/search/search-vocabulary.std';
import { isSearchable } from '../../main/services/search/search-query.node';

describe('the forms added after the review of round 7', () => {
  // As the search service builds it: English stop words are function words.
  const analyse = vocabularyAnalyser(VOCABULARY, (word) => !isSearchable(word), translations());
  const english = (query: string) => analyse(query).concepts.flatMap((c) => c.alternatives.map((a) => a.join(' ')));

  it.each([
    ['contrebande', 'smuggling'],
    ['la contrebande', 'smuggling'],
  ])('« %s » is read as “%s”', (french, word) => {
    expect(english(french)).toContain(word);
  });
});
