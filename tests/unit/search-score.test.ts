/**
 * The lean scorer (#15) gives Lunr's own results: same documents, same scores, same order, same
 * matched terms, on the real archive's index, for plain words, several words with their own
 * boosts, a prefix, a prefix that also expands to a word searched exactly, and a word the index
 * does not know.
 */
import lunr from 'lunr';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerSearchPipeline } from '../../db/search/search-text.std';
import { readShards } from '../../db/read-content.node';
import { scoreTerms, type QueryTerm } from '../../db/search/search-score.std';
import { contentDb } from '../support/content';

let index: lunr.Index;
beforeAll(() => {
  registerSearchPipeline();
  const db = new Database(contentDb(), { readonly: true });
  const shards = readShards(db);
  db.close();
  expect(shards.length).toBeGreaterThan(0);
  index = lunr.Index.load(shards[0]!.index);
});

const word = (term: string, boost = 10): QueryTerm => ({ term, boost, prefix: false });
const prefix = (term: string, boost = 4): QueryTerm => ({ term, boost, prefix: true });

/** What lunr.Index.query answers for the same terms, as the search service asked it before. */
function lunrOwn(terms: QueryTerm[]) {
  const results = index.query((q) => {
    for (const { term, boost, prefix: isPrefix } of terms)
      q.term(term, { boost, usePipeline: false, ...(isPrefix ? { wildcard: lunr.Query.wildcard.TRAILING } : {}) });
  });
  return results.map((r) => ({ ref: r.ref, score: r.score, terms: Object.keys(r.matchData.metadata).sort() }));
}

const QUERIES: [string, QueryTerm[]][] = [
  ['one common word', [word('traffick')]],
  ['four words, boosts of their own', [word('financi'), word('investig', 8), word('migrant', 3), word('smuggl', 6)]],
  [
    'a name with its acronym',
    [word('unit'), word('nation'), word('offic'), word('drug'), word('crime'), word('unodc', 6)],
  ],
  ['a prefix', [prefix('traf')]],
  ['a prefix that also expands to a word searched exactly', [word('traffick'), prefix('traf'), word('albania', 3)]],
  ['a word the index does not know, beside one it knows', [word('zzqx'), word('kyoto')]],
];

describe("the lean scorer gives Lunr's own results", () => {
  it.each(QUERIES)('%s', (_, terms) => {
    const expected = lunrOwn(terms);
    expect(expected.length, 'Lunr finds documents').toBeGreaterThan(0);
    const got = scoreTerms(index, terms).map((r) => ({ ...r, terms: [...r.terms].sort() }));
    expect(got).toEqual(expected);
  });
});
