/**
 * An imported shard as the thread that searches takes it (main/services/search/search-shards.node.ts):
 * a damaged stored index is built again from its documents; damaged documents leave that shard out,
 * said in the log, and never stop search over the others. Also what parseShard refuses, by name.
 */
import { describe, expect, it } from 'vitest';
import { buildShard } from '../../db/search/search-build.std';
import { parseShard, serialiseShard, type SearchDoc, type SerialisedShard } from '../../db/search/search-index.std';
import { importedShard, loadShard, type ShardSource } from '../../main/services/search/search-shards.node';

const DOCS: SearchDoc[] = [
  {
    ref: 'org/quill',
    type: 'organisation',
    title: 'Quill Foundation',
    body: 'steering committee on border crossings',
    aliases: '',
    issue: null,
    year: null,
    date: null,
    countries: [],
  },
];
const NAME = 'imported/0';
const GOOD = serialiseShard(buildShard(NAME, DOCS));

/** A user database's shards as the search thread reads them, with what it was asked to keep and log. */
function source(stored: SerialisedShard | null, docs: string | null) {
  const kept: SerialisedShard[] = [];
  const logged: string[] = [];
  const from: ShardSource = {
    indexed: () => stored,
    documents: () => (docs === null ? null : { digest: 'd1', docs }),
    keep: (_digest, shard) => void kept.push(shard),
  };
  return { from, kept, logged, log: (message: string) => void logged.push(message) };
}

describe('importedShard', () => {
  it('takes a sound stored index as it is, building nothing', () => {
    const s = source(GOOD, JSON.stringify(DOCS));
    expect(importedShard(s.from, NAME, s.log)?.docs.map((d) => d.ref)).toEqual(['org/quill']);
    expect(s.kept).toEqual([]);
    expect(s.logged).toEqual([]);
  });

  for (const [what, idx] of [
    ['text that is not JSON', '{"format":"valise-compact-1","fie'],
    ['an index without its terms', JSON.stringify({ ...JSON.parse(GOOD.idx), postings: undefined })],
    ['a term that is not a list', JSON.stringify({ ...JSON.parse(GOOD.idx), postings: [7] })],
    [
      'Lunr JSON without field vectors',
      JSON.stringify({ version: '2.3.9', fields: [], invertedIndex: [], pipeline: [] }),
    ],
  ] as const)
    it(`builds a stored index holding ${what} again from its documents, and keeps it`, () => {
      const s = source({ ...GOOD, idx }, JSON.stringify(DOCS));
      const shard = importedShard(s.from, NAME, s.log);
      expect(shard?.docs.map((d) => d.ref)).toEqual(['org/quill']);
      expect(() => loadShard(shard!)).not.toThrow();
      expect(s.kept).toHaveLength(1);
      expect(s.logged).toEqual([expect.stringContaining(`stored search index of ${NAME} is damaged`)]);
    });

  it('leaves a shard out, logged, when its documents are damaged too', () => {
    const s = source({ ...GOOD, idx: 'nonsense' }, '[{"ref":');
    expect(importedShard(s.from, NAME, s.log)).toBeNull();
    expect(s.kept).toEqual([]);
    expect(s.logged).toEqual([
      expect.stringContaining('is damaged'),
      expect.stringContaining(`search documents of ${NAME} are damaged`),
    ]);
  });

  it('leaves out a shard whose documents are not a list', () => {
    const s = source(null, '{"ref":"org/quill"}');
    expect(importedShard(s.from, NAME, s.log)).toBeNull();
    expect(s.logged).toHaveLength(1);
  });
});

describe('parseShard', () => {
  it('names the damaged shard and what is wrong', () => {
    expect(() => parseShard({ ...GOOD, docs: '{}' })).toThrow(
      `the search shard ${NAME} is damaged: its documents are not a list`,
    );
    expect(() => parseShard({ ...GOOD, idx: 'null' })).toThrow(/imported\/0 is damaged: its index is not an object/);
    expect(() => parseShard({ ...GOOD, idx: '{"format":"valise-compact-1"}' })).toThrow(/has no list of fields/);
  });
});
