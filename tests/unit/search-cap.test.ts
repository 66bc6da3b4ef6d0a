/**
 * The build-time cap on postings (#15): a term in more than POSTINGS_CAP documents keeps, in each
 * field, the documents where it weighs most. Built from the real archive's documents, repeated
 * until common words pass the cap.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { entitiesOf, extractDirectory } from '../../db/build-content.node';
import { acronymTable, searchDocsOf } from '../../db/search/search-docs.std';
import { buildShard, POSTINGS_CAP } from '../../db/search/search-build.std';
import type { SearchDoc } from '../../db/search/search-index.std';
import { ASSETS } from '../support/content';

interface Serialised {
  invertedIndex: [string, Record<string, Record<string, object>> & { _index: number }][];
  fieldVectors: [string, number[]][];
}

let docs: SearchDoc[];
let index: Serialised;
const COPIES = 10;
beforeAll(() => {
  const issues = extractDirectory(ASSETS);
  const entities = entitiesOf(issues);
  const real = issues.flatMap((issue) => searchDocsOf(issue, entities, acronymTable(entities), () => []));
  docs = Array.from({ length: COPIES }, () => real).flat();
  index = buildShard('capped', docs).index as Serialised;
});
const posting = (term: string) => index.invertedIndex.find(([t]) => t === term)![1];
/** The term's weight in a document's field vector, read from the serialised index. */
const weight = (term: string, field: string, ref: string) => {
  const p = posting(term);
  const vector = index.fieldVectors.find(([r]) => r === `${field}/${ref}`)![1];
  for (let i = 0; i < vector.length; i += 2) if (vector[i] === p._index) return vector[i + 1]!;
  return 0;
};

describe('postings cap', () => {
  it('keeps at most POSTINGS_CAP documents for a word in most of them', () => {
    const inBody = docs.filter((d) => /traffick/i.test(d.body)).length;
    expect(inBody, 'documents whose body says trafficking').toBeGreaterThan(POSTINGS_CAP);
    expect(Object.keys(posting('traffick').body!)).toHaveLength(POSTINGS_CAP);
  });

  it('keeps those where the word weighs most', () => {
    const p = posting('traffick');
    const kept = new Set(Object.keys(p.body!));
    const all = index.fieldVectors
      .filter(([r]) => r.startsWith('body/'))
      .map(([r]) => r.slice(5))
      .filter((ref) => weight('traffick', 'body', ref) > 0);
    const dropped = all.filter((ref) => !kept.has(ref));
    expect(dropped.length).toBeGreaterThan(0);
    const lowestKept = Math.min(...[...kept].map((ref) => weight('traffick', 'body', ref)));
    expect(Math.max(...dropped.map((ref) => weight('traffick', 'body', ref)))).toBeLessThanOrEqual(lowestKept);
  });

  it('leaves a rarer word whole', () => {
    const inBody = docs.filter((d) => /Kyoto/i.test(d.body)).length;
    expect(inBody).toBeGreaterThan(0);
    expect(inBody).toBeLessThan(POSTINGS_CAP);
    expect(Object.keys(posting('kyoto').body!)).toHaveLength(inBody);
  });
});
