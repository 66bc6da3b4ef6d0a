/**
 * The review of the lexicon's table (#28, round 7): the script lists the entries a French reader
 * has one way to type (thinEntries), and the forms the review added are read as their English. The
 * expected English is the archive's word each form was added under (db/vocabulary/lexicon-fr-en.json
 * reviewed by hand), not the engine's output.
 */
import { describe, expect, it } from 'vitest';
import { thinEntries } from '../../db/search/search-lexicon.std';

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
