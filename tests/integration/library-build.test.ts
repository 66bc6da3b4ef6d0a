/**
 * Imported issues stored built (#14): a user database of schema 2 made by the code before
 * migration 0003 migrates and keeps every imported issue and bookmark; a launch reads the stored
 * build and never extracts again; a build made by another pipeline is read until it is rebuilt in
 * the background. A user database of schema 3 made by the code before migration 0004 keeps its
 * shard's index; a shard whose index is missing or stale (a crash between the save and the index's
 * build) is built again by search at the next start (#25).
 */
import Database from 'better-sqlite3';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { USER_DB_FILE } from '../../main/services/user-data/user-db.node';
import { LATEST_USER_VERSION } from '../../db/user/migrate.node';
import { digestOf } from '../../main/services/library/library-build.node';
import { tempDir } from '../support/content';
import { servicesPerTest } from '../support/services';

const FIXTURE = join(__dirname, '..', 'fixtures', 'user-db', 'valise-user-schema2.sqlite');
const FIXTURE_3 = join(__dirname, '..', 'fixtures', 'user-db', 'valise-user-schema3.sqlite');
const IMPORTED = ['2018-no-90', '2021-no-91'];
const open = servicesPerTest();

/** A data folder holding a copy of the schema-2 database made by the code of 903f2d2 (or of schema 3, by 80465a6). */
function schema2Folder(fixture = FIXTURE): string {
  const dir = tempDir();
  copyFileSync(fixture, join(dir, USER_DB_FILE));
  return dir;
}

/** Runs `change` on the user database of a closed data folder. */
function edit(dir: string, change: (db: Database.Database) => void) {
  const db = new Database(join(dir, USER_DB_FILE));
  try {
    change(db);
  } finally {
    db.close();
  }
}

const MARK = 'Stored build, read as it was stored.';

/** Writes a mark into the stored build of the first imported issue's first passage; returns its key. */
function markBuild(dir: string, pipeline?: string): string {
  let key = '';
  edit(dir, (db) => {
    key = db
      .prepare<[], { key: string }>(
        "SELECT key FROM built_paragraphs WHERE section_key LIKE '2018-no-90/%' ORDER BY section_key, ord LIMIT 1",
      )
      .get()!.key;
    db.prepare('UPDATE built_paragraphs SET text = ? WHERE key = ?').run(MARK, key);
    if (pipeline) db.prepare('UPDATE built_issues SET pipeline = ?').run(pipeline);
  });
  return key;
}

const passageText = (s: ReturnType<typeof open>, key: string) =>
  s.services.content
    .getIssue(key.split('/')[0]!)!
    .sections.flatMap((x) => x.paragraphs)
    .find((p) => p.key === key)?.text;

describe('a user database of schema 2, made by the code before migration 0003', () => {
  it('migrates: its imported issues are built and readable, and no bookmark is orphaned', async () => {
    const dir = schema2Folder();
    const s = open(dir);
    const keys = s.services.content.listIssues().map((i) => i.key);
    for (const key of IMPORTED) expect(keys).toContain(key);
    const bookmarks = s.services.bookmarks.list();
    expect(bookmarks).toHaveLength(5);
    expect(bookmarks.filter((b) => b.orphaned).map((b) => b.key)).toEqual([]);
    const hits = (await s.services.search.search({ query: 'Le Drian', issue: '2018-no-90' })).hits;
    expect(hits.length).toBeGreaterThan(0);
    await s.close();
    edit(dir, (db) => {
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_USER_VERSION);
      expect(db.prepare('SELECT key FROM built_issues ORDER BY key').all()).toEqual(IMPORTED.map((key) => ({ key })));
      expect((db.prepare('SELECT count(*) AS n FROM built_paragraphs').get() as { n: number }).n).toBeGreaterThan(100);
      // Both imported issues in the first block of ISSUES_PER_SHARD.
      expect(db.prepare('SELECT name FROM built_shards').all()).toEqual([{ name: 'imported/0' }]);
    });
  });
});

describe('a launch', () => {
  it('reads the stored build, never extracts again', async () => {
    const dir = schema2Folder();
    await open(dir).close();
    const key = markBuild(dir);
    const s = open(dir);
    expect(passageText(s, key)).toBe(MARK);
    expect(s.services.userDb.notices).toEqual([]);
  });

  it('with a build by another pipeline: reads the old build, then rebuilds it in the background', async () => {
    const dir = schema2Folder();
    await open(dir).close();
    const key = markBuild(dir, '0:an-older-pipeline');
    const s = open(dir);
    expect(passageText(s, key)).toBe(MARK);
    const rebuilt = s.library.rebuild();
    expect(s.services.userDb.notices.map((n) => n.kind)).toEqual(['rebuilding']);
    expect(await rebuilt).toBe(2);
    expect(passageText(s, key)).not.toBe(MARK);
    expect(passageText(s, key)?.length).toBeGreaterThan(0);
    expect(s.services.userDb.notices).toEqual([]);
    await s.close();
    edit(dir, (db) =>
      expect(db.prepare('SELECT DISTINCT pipeline FROM built_issues').all()).not.toContainEqual({
        pipeline: '0:an-older-pipeline',
      }),
    );
  });

  it('with a build by the pipeline of version 2 (before #28 round 7 read O’Brien as one word), rebuilds it', async () => {
    const dir = schema2Folder();
    await open(dir).close();
    let current = '';
    edit(dir, (db) => {
      current = (db.prepare('SELECT DISTINCT pipeline FROM built_issues').get() as { pipeline: string }).pipeline;
    });
    // The same bundle, the version before: what a user who imported before the round has stored.
    const older = current.replace(/^\d+:/, '2:');
    expect(current).toMatch(/^\d+:[0-9a-f]{32}$/);
    const key = markBuild(dir, older);
    const s = open(dir);
    expect(passageText(s, key)).toBe(MARK);
    expect(await s.library.rebuild()).toBe(2);
    expect(passageText(s, key)).not.toBe(MARK);
    await s.close();
    edit(dir, (db) =>
      expect(db.prepare('SELECT DISTINCT pipeline FROM built_issues').all()).toEqual([{ pipeline: current }]),
    );
  });

  it('with a build by an older version, writes its shards again, so search indexes them anew', async () => {
    const dir = schema2Folder();
    const first = open(dir);
    expect(await finds(first, '2018-no-90')).toBeGreaterThan(0);
    await first.close();
    // What an older version stored: its stamp, and the shard's digest of the documents alone, its
    // index built from them (a search rule has changed since: the index must not stand).
    let olderDigest = '';
    edit(dir, (db) => {
      const { docs } = db.prepare('SELECT docs FROM built_shard_docs').get() as { docs: string };
      olderDigest = digestOf(docs);
      db.prepare('UPDATE built_shard_docs SET digest = ?').run(olderDigest);
      db.prepare('UPDATE built_shards SET digest = ?, idx = \'{"stale":true}\'').run(olderDigest);
      db.prepare("UPDATE built_issues SET pipeline = '2:' || substr(pipeline, instr(pipeline, ':') + 1)").run();
    });
    const s = open(dir);
    expect(await s.library.rebuild()).toBe(2);
    const written = shardRows(dir);
    expect(written.docs).toHaveLength(1);
    expect(written.docs[0]!.digest).not.toBe(olderDigest);
    expect(written.indexes).toEqual([]);
    expect(await finds(s, '2018-no-90')).toBeGreaterThan(0);
    await s.close();
    expect(shardRows(dir).indexes.map((r) => [r.name, r.digest])).toEqual([['imported/0', written.docs[0]!.digest]]);
  });

  it('starts the background rebuild after the first screen (warmUp), not while opening', async () => {
    const dir = schema2Folder();
    await open(dir).close();
    const key = markBuild(dir, '0:an-older-pipeline');
    const s = open(dir);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(passageText(s, key)).toBe(MARK);
    s.services.search.warmUp();
    await s.library.rebuild();
    expect(passageText(s, key)).not.toBe(MARK);
  });

  it('a removed issue takes its build with it', async () => {
    const dir = schema2Folder();
    const s = open(dir);
    s.services.imports.remove('2018-no-90', () => 0);
    expect(s.services.content.getIssue('2018-no-90')).toBeNull();
    expect((await s.services.search.search({ query: 'Le Drian', issue: '2018-no-90' })).hits).toEqual([]);
    expect((await s.services.search.search({ query: 'Le Drian', issue: '2018-no-10' })).hits.length).toBeGreaterThan(0);
    await s.close();
    edit(dir, (db) => expect(db.prepare('SELECT key FROM built_issues').all()).toEqual([{ key: '2021-no-91' }]));
  });
});

interface ShardRows {
  docs: { name: string; digest: string; docs: string | null }[];
  indexes: { name: string; digest: string; idx: string }[];
}
const shardRows = (dir: string): ShardRows => {
  let rows: ShardRows = { docs: [], indexes: [] };
  edit(dir, (db) => {
    rows = {
      docs: db.prepare('SELECT name, digest, docs FROM built_shard_docs ORDER BY name').all() as ShardRows['docs'],
      indexes: db.prepare('SELECT name, digest, idx FROM built_shards ORDER BY name').all() as ShardRows['indexes'],
    };
  });
  return rows;
};
const finds = async (s: ReturnType<typeof open>, issue: string) =>
  (await s.services.search.search({ query: 'Le Drian', issue })).hits.length;

describe('a user database of schema 3, made by the code before migration 0004', () => {
  it("migrates: the shard's index written with it stands, and finds the imported issues", async () => {
    const dir = schema2Folder(FIXTURE_3);
    let before: ShardRows['indexes'] = [];
    edit(
      dir,
      (db) => (before = db.prepare('SELECT name, digest, idx FROM built_shards').all() as ShardRows['indexes']),
    );
    expect(before.map((r) => r.name)).toEqual(['imported/0']);
    const s = open(dir);
    expect(await finds(s, '2018-no-90')).toBeGreaterThan(0);
    expect(await finds(s, '2021-no-91')).toBeGreaterThanOrEqual(0);
    await s.close();
    const after = shardRows(dir);
    // The index kept byte for byte: nothing was built again; its documents' digest copied, with no documents.
    expect(after.indexes).toEqual(before);
    expect(after.docs).toEqual([{ name: 'imported/0', digest: before[0]!.digest, docs: null }]);
  });

  it('a change writes the documents, and search builds and keeps the index from them', async () => {
    const dir = schema2Folder(FIXTURE_3);
    const s = open(dir);
    s.services.imports.remove('2021-no-91', () => 0);
    const written = shardRows(dir);
    expect(written.docs).toHaveLength(1);
    expect(written.docs[0]!.docs).not.toBeNull();
    // The old index went with the old documents: not built yet (search builds it at its next query).
    expect(written.indexes).toEqual([]);
    expect(await finds(s, '2018-no-90')).toBeGreaterThan(0);
    await s.close();
    const built = shardRows(dir);
    expect(built.indexes.map((r) => [r.name, r.digest])).toEqual([['imported/0', written.docs[0]!.digest]]);
  });
});

describe('a crash between the save and the build of its index', () => {
  for (const [what, damage] of [
    ['missing', (db: Database.Database) => db.exec('DELETE FROM built_shards')],
    ['stale', (db: Database.Database) => db.exec("UPDATE built_shards SET digest = 'stale', idx = '{}'")],
  ] as const) {
    it(`an index ${what} is built again at the next start, and the imported issue found`, async () => {
      const dir = schema2Folder();
      await open(dir).close();
      const { docs } = shardRows(dir);
      expect(docs).toHaveLength(1);
      edit(dir, damage);
      const s = open(dir);
      expect(await finds(s, '2018-no-90')).toBeGreaterThan(0);
      await s.close();
      expect(shardRows(dir).indexes.map((r) => [r.name, r.digest])).toEqual([['imported/0', docs[0]!.digest]]);
    });
  }
});
