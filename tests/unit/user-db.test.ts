import Database from 'better-sqlite3';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LATEST_USER_VERSION, migrate, NewerDatabaseError, userVersionOf } from '../../db/user/migrate.node';
import { MIGRATIONS } from '../../db/user/migrations/index.node';
import { createBookmarkService } from '../../main/services/user-data/bookmarks.node';
import { backupsIn, openUserDatabase, USER_DB_FILE } from '../../main/services/user-data/user-db.node';
import { tempDir } from '../support/content';

const describeAny = (key: string) => ({
  key,
  type: 'passage' as const,
  label: key,
  snapshot: 'text',
  issueKey: null,
  sectionKey: null,
  page: null,
  eventStart: null,
  countries: [],
});

describe('migrations', () => {
  for (const migration of MIGRATIONS) {
    it(`${String(migration.version).padStart(4, '0')}-${migration.name} runs on an in-memory database`, () => {
      const db = new Database(':memory:');
      migrate(
        db,
        MIGRATIONS.filter((m) => m.version <= migration.version),
      );
      expect(userVersionOf(db)).toBe(migration.version);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(
        migrate(
          db,
          MIGRATIONS.filter((m) => m.version <= migration.version),
        ),
      ).toEqual([]);
    });
  }

  it('0002 adds imported issues to a version-1 database and keeps its bookmarks', () => {
    const db = new Database(':memory:');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version === 1),
    );
    const bookmarks = createBookmarkService(db, { readOnly: false, describe: describeAny, exists: () => true });
    bookmarks.add('2018-no-10/editorial');
    expect(
      migrate(
        db,
        MIGRATIONS.filter((m) => m.version <= 2),
      ),
    ).toEqual(['0002-imported-issues']);
    expect(bookmarks.list().map((b) => b.key)).toEqual(['2018-no-10/editorial']);
    const insert = db.prepare(
      "INSERT INTO imported_issues VALUES ('2030-no-1', 'T', 'a.pdf', ?, 'x', 'text', '{}', '2030-01-01')",
    );
    expect(() => insert.run('scan')).toThrow(/CHECK constraint/);
    insert.run('pdf');
    expect(db.prepare('SELECT count(*) AS n FROM imported_issues').get()).toEqual({ n: 1 });
  });

  it('runs in one transaction: a failing migration leaves the database as it was', () => {
    const db = new Database(':memory:');
    const broken = [
      ...MIGRATIONS,
      {
        version: LATEST_USER_VERSION + 1,
        name: 'broken',
        up: (d: Database.Database) => d.exec('CREATE TABLE x (a); SELECT nonsense FROM nowhere;'),
      },
    ];
    expect(() => migrate(db, broken)).toThrow();
    expect(userVersionOf(db)).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'bookmarks'").get()).toEqual({ n: 0 });
  });

  it('refuses a database from a newer Valise', () => {
    const db = new Database(':memory:');
    db.pragma(`user_version = ${LATEST_USER_VERSION + 1}`);
    expect(() => migrate(db)).toThrow(NewerDatabaseError);
  });
});

describe('the user database', () => {
  it('lives in the user data folder, in WAL mode with foreign keys', () => {
    const dir = tempDir();
    const userDb = openUserDatabase(dir);
    expect(userDb.path).toBe(join(dir, USER_DB_FILE));
    expect(userDb.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(userDb.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(userDb.notices).toEqual([]);
  });

  it('keeps rotating backups made with the backup API', async () => {
    const dir = tempDir();
    let t = Date.UTC(2026, 0, 1);
    const userDb = openUserDatabase(dir, { now: () => new Date((t += 60_000)) });
    const bookmarks = createBookmarkService(userDb.db, { readOnly: false, describe: describeAny, exists: () => true });
    for (let i = 0; i < 7; i++) {
      bookmarks.add(`k/${i}`);
      await userDb.backup();
    }
    const backups = backupsIn(dir);
    expect(backups).toHaveLength(5);
    const newest = new Database(backups[0]!, { readonly: true });
    expect(newest.prepare('SELECT count(*) AS n FROM bookmarks').get()).toEqual({ n: 7 });
  });

  it('moves a damaged database aside, restores the newest good backup, and says so', async () => {
    const dir = tempDir();
    const first = openUserDatabase(dir);
    createBookmarkService(first.db, { readOnly: false, describe: describeAny, exists: () => true }).add('kept/1');
    await first.backup();
    first.close();
    writeFileSync(join(dir, USER_DB_FILE), 'this is not a database '.repeat(500));
    for (const suffix of ['-wal', '-shm'])
      if (existsSync(join(dir, USER_DB_FILE + suffix))) writeFileSync(join(dir, USER_DB_FILE + suffix), '');

    const reopened = openUserDatabase(dir);
    expect(reopened.notices).toHaveLength(1);
    expect(reopened.notices[0]).toMatchObject({ kind: 'recovered' });
    expect(existsSync(reopened.notices[0]!.damagedFile!)).toBe(true);
    expect(reopened.notices[0]!.message).toContain(reopened.notices[0]!.damagedFile!);
    const list = createBookmarkService(reopened.db, {
      readOnly: false,
      describe: describeAny,
      exists: () => true,
    }).list();
    expect(list.map((b) => b.key)).toEqual(['kept/1']);
    expect(readdirSync(dir).filter((f) => f.includes('damaged'))).toHaveLength(1);
  });

  it('starts empty, keeping the damaged file, when no backup is good', () => {
    const dir = tempDir();
    writeFileSync(join(dir, USER_DB_FILE), Buffer.alloc(8192, 7));
    const userDb = openUserDatabase(dir);
    expect(userDb.notices[0]).toMatchObject({ kind: 'started-empty' });
    expect(existsSync(userDb.notices[0]!.damagedFile!)).toBe(true);
    expect(userDb.notices[0]!.message).toContain(`It was moved to ${userDb.notices[0]!.damagedFile!};`);
  });

  it('opens a database from a newer Valise read-only, and refuses changes with a reason', () => {
    const dir = tempDir();
    const first = openUserDatabase(dir);
    createBookmarkService(first.db, { readOnly: false, describe: describeAny, exists: () => true }).add('a/1');
    first.db.pragma(`user_version = ${LATEST_USER_VERSION + 5}`);
    first.close();
    const userDb = openUserDatabase(dir);
    expect(userDb.readOnly).toBe(true);
    expect(userDb.notices[0]).toMatchObject({ kind: 'read-only' });
    const bookmarks = createBookmarkService(userDb.db, {
      readOnly: true,
      readOnlyReason: userDb.notices[0],
      describe: describeAny,
      exists: () => true,
    });
    expect(bookmarks.list()).toHaveLength(1);
    expect(() => bookmarks.add('a/2')).toThrow(/newer version of Valise/);
  });
});

describe('closing', () => {
  it('waits for a running backup, which completes and is a good copy', async () => {
    const dir = tempDir();
    const userDb = openUserDatabase(dir);
    createBookmarkService(userDb.db, { readOnly: false, describe: describeAny, exists: () => true }).add('a/1');
    const backup = userDb.backup();
    const closed = userDb.close();
    expect(userDb.db.open, 'still open while the backup runs').toBe(true);
    const file = await backup;
    await closed;
    expect(userDb.db.open).toBe(false);
    const copy = new Database(file, { readonly: true });
    expect(copy.prepare('SELECT item_key FROM bookmarks').all()).toEqual([{ item_key: 'a/1' }]);
    copy.close();
    await expect(userDb.backup()).rejects.toThrow(/closing/);
  });
});
