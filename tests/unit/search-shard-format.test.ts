/**
 * The compact stored index (#26 item 4): shards are stored with their postings as lists of
 * document numbers, not Lunr's `{ "12": {} }`; a library whose shards were stored before it (Lunr's
 * own JSON) still loads and answers the same. The old format here is what the previous version
 * wrote: `JSON.stringify` of Lunr's index.
 */
import Database from 'better-sqlite3';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openContentDatabase } from '../../main/services/library/content.node';
import { contentSearch } from '../../main/services/search/search.node';
import { readShards } from '../../db/read-content.node';
import { buildShard } from '../../db/search/search-build.std';
import { COMPACT_FORMAT, isUnread, parseShard, serialiseShard } from '../../db/search/search-index.std';
import { contentDb, tempDir } from '../support/content';

const QUERIES = [
  'trafficking',
  'Moiron Braud',
  'exploitaton',
  'Macédoine du Nord',
  '163,500',
  'ecn.15 l.8 rev1',
  'combien de participants ?',
];

/** A copy of the content database with its shards rewritten as the version before the compact format stored them. */
function oldFormatCopy(): string {
  const file = join(tempDir(), 'content.sqlite');
  copyFileSync(contentDb(), file);
  const db = new Database(file);
  const rows = db.prepare<[], { name: string; idx: string }>('SELECT name, idx FROM search_shards').all();
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) {
    expect(JSON.parse(row.idx).format).toBe(COMPACT_FORMAT);
    const lunrJson = JSON.stringify(parseShard({ name: row.name, docs: '[]', idx: row.idx }).index);
    expect(lunrJson).toContain('"invertedIndex"');
    db.prepare('UPDATE search_shards SET idx = ? WHERE name = ?').run(lunrJson, row.name);
  }
  db.close();
  return file;
}

describe('the compact stored index', () => {
  it("is what the content database stores, smaller than Lunr's JSON", () => {
    const db = new Database(contentDb(), { readonly: true });
    const { idx } = db.prepare<[], { idx: string }>('SELECT idx FROM search_shards').get()!;
    db.close();
    const verbose = JSON.stringify(parseShard({ name: 'x', docs: '[]', idx }).index);
    expect(idx.length).toBeLessThan(verbose.length * 0.8);
  });

  it("loads a library stored before it (Lunr's own JSON) and answers every query the same", () => {
    const compact = contentSearch(openContentDatabase(contentDb()));
    const old = contentSearch(openContentDatabase(oldFormatCopy()));
    for (const query of QUERIES) {
      const a = compact.search({ query, typing: false });
      const b = old.search({ query, typing: false });
      expect(a.hits.length, query).toBeGreaterThan(0);
      expect(
        b.hits.map((h) => [h.key, h.score]),
        query,
      ).toEqual(a.hits.map((h) => [h.key, h.score]));
    }
  });

  it('keeps every posting and the surface words through a round trip', () => {
    const shard = buildShard('imported/0', [
      {
        ref: 'person/zephyrine-quillbottom',
        type: 'person',
        title: 'Zephyrine Quillbottom',
        body: 'chaired the steering committee',
        aliases: '',
        issue: null,
        year: null,
        date: null,
        countries: [],
      },
      {
        ref: 'org/quill',
        type: 'organisation',
        title: 'Quill Foundation',
        body: 'steering',
        aliases: '',
        issue: null,
        year: null,
        date: null,
        countries: [],
      },
    ]);
    const back = parseShard(serialiseShard(shard));
    expect(JSON.parse(JSON.stringify(back.index))).toEqual(JSON.parse(JSON.stringify(shard.index)));
    expect(back.index.words).toContain('quillbottom');
  });

  it("makes a term's postings into Lunr's objects only when they are read", () => {
    const shard = buildShard('imported/0', [
      {
        ref: 'org/quill',
        type: 'organisation',
        title: 'Quill Foundation',
        body: 'steering committee',
        aliases: '',
        issue: null,
        year: null,
        date: null,
        countries: [],
      },
    ]);
    const index = parseShard(serialiseShard(shard)).index as unknown as {
      invertedIndex: [string, Record<string, unknown>][];
    };
    const [, posting] = index.invertedIndex.find(([term]) => term === 'steer')!;
    expect(isUnread(posting, 'body')).toBe(true);
    expect(Object.keys(posting.body as object)).toEqual(['0']);
    expect(isUnread(posting, 'body')).toBe(false);
    expect(isUnread(posting, 'title')).toBe(true);
  });

  it('refuses an index in a format it does not know, saying which', () => {
    expect(() => parseShard({ name: 'x', docs: '[]', idx: '{"format":"valise-compact-9"}' })).toThrow(
      /unknown search index format: valise-compact-9/,
    );
  });

  it('is read by readShards from the database', () => {
    const db = new Database(contentDb(), { readonly: true });
    const shards = readShards(db);
    db.close();
    expect(shards.length).toBeGreaterThan(0);
    expect((shards[0]!.index as { invertedIndex?: unknown[] }).invertedIndex?.length).toBeGreaterThan(500);
  });
});
