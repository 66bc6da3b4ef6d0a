/**
 * Corruption of every kind the user database can meet: a page damaged in the middle, a damaged
 * newest backup, a crash while a backup is restored, a full disk while saving. Each time the user
 * is told in plain words, nothing a good backup holds is lost, and the damaged file is kept.
 * (An unwritable data folder: electron-lifecycle.test.ts, on a read-only mount.)
 */
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import {
  closeSync,
  copyFileSync,
  existsSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inLanguage, localised, type LocalisedMessage } from '../../common/contract/messages.std';
import { createBookmarkService } from '../../main/services/user-data/bookmarks.node';
import { openServices } from '../../main/services/create.node';
import { backupsIn, openUserDatabase, USER_DB_FILE } from '../../main/services/user-data/user-db.node';
import { contentDb, tempDir } from '../support/content';

const describeAny = (key: string) => ({
  key,
  type: 'passage' as const,
  label: key,
  snapshot: 'a passage of the newsletter '.repeat(40),
  issueKey: null,
  sectionKey: null,
  page: null,
  eventStart: null,
  countries: [],
});
const PAGE = 4096;

/** A database of many pages, with `count` bookmarks, and one backup of it. Closed. */
async function seeded(dir: string, count: number, at = Date.UTC(2026, 10, 1)): Promise<string> {
  const userDb = openUserDatabase(dir, { now: () => new Date(at) });
  const bookmarks = createBookmarkService(userDb.db, { readOnly: false, describe: describeAny, exists: () => true });
  for (let i = 0; i < count; i++) bookmarks.add(`kept/${i}`);
  const backup = await userDb.backup();
  userDb.db.pragma('wal_checkpoint(TRUNCATE)');
  await userDb.close();
  return backup;
}

/**
 * Overwrites with garbage a page in the middle of the bookmarks' own pages (not the header, and not
 * a page of the library's build, which the start does not check: see the last test).
 */
function damageMiddlePage(file: string): void {
  const db = new Database(file, { readonly: true });
  const pages = db
    .prepare("SELECT pageno FROM dbstat WHERE name = 'bookmarks' ORDER BY pageno")
    .pluck()
    .all() as number[];
  db.close();
  expect(pages.length, 'bookmarks over several pages').toBeGreaterThan(4);
  const page = pages[Math.floor(pages.length / 2)]!;
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(PAGE, 0x5a), 0, PAGE, (page - 1) * PAGE);
  closeSync(fd);
}

const keysIn = (db: Database.Database) =>
  (db.prepare('SELECT item_key FROM bookmarks ORDER BY id').all() as { item_key: string }[]).map((r) => r.item_key);
const expected = (count: number) => Array.from({ length: count }, (_, i) => `kept/${i}`);

describe('a damaged user database', () => {
  it('that opens but fails integrity_check: moved aside as it is, the backup restored, the user told', async () => {
    const dir = tempDir();
    await seeded(dir, 60);
    const path = join(dir, USER_DB_FILE);
    damageMiddlePage(path);
    const damagedBytes = readFileSync(path);
    const probe = new Database(path, { readonly: true });
    expect(probe.pragma('integrity_check', { simple: true }), 'the damage opens, and fails the check').not.toBe('ok');
    probe.close();

    const userDb = openUserDatabase(dir);
    expect(userDb.notices).toEqual([
      expect.objectContaining({
        kind: 'recovered',
        message: expect.stringMatching(/^Your bookmarks database was damaged .* was restored\.$/),
      }),
    ]);
    const [notice] = userDb.notices;
    expect(inLanguage(notice!, 'fr')).toMatch(
      new RegExp(
        `^Votre base de signets était endommagée .* déplacée vers ${notice!.damagedFile!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`,
      ),
    );
    expect(readFileSync(userDb.notices[0]!.damagedFile!)).toEqual(damagedBytes);
    expect(keysIn(userDb.db)).toEqual(expected(60));
    await userDb.close();
  });

  it('with a damaged newest backup: skips it for the next good one', async () => {
    const dir = tempDir();
    const older = await seeded(dir, 40, Date.UTC(2026, 10, 1));
    const newer = await seeded(dir, 50, Date.UTC(2026, 10, 2));
    expect(backupsIn(dir)).toEqual([newer, older]);
    damageMiddlePage(newer);
    damageMiddlePage(join(dir, USER_DB_FILE));

    const userDb = openUserDatabase(dir);
    expect(userDb.notices).toEqual([expect.objectContaining({ kind: 'recovered', restoredFrom: older })]);
    expect(keysIn(userDb.db)).toEqual(expected(40));
    expect(existsSync(newer), 'the damaged backup is kept').toBe(true);
    await userDb.close();
  });

  it('with a stale restore file beside a sound database: keeps the database, restores nothing', async () => {
    const dir = tempDir();
    await seeded(dir, 30);
    const path = join(dir, USER_DB_FILE);
    const later = openUserDatabase(dir);
    createBookmarkService(later.db, { readOnly: false, describe: describeAny, exists: () => true }).add(
      'after/the-backup',
    );
    await later.close();
    writeFileSync(`${path}.restoring`, 'half a copy');

    const userDb = openUserDatabase(dir);
    expect(userDb.notices).toEqual([]);
    expect(keysIn(userDb.db)).toContain('after/the-backup');
    await userDb.close();
  });

  it('after a crash while a backup was being restored: restores it again, whole', async () => {
    const dir = tempDir();
    const backup = await seeded(dir, 30);
    const path = join(dir, USER_DB_FILE);
    // The state a crash in the middle of a restore leaves: the damaged file moved aside, half a copy.
    writeFileSync(join(dir, 'valise-user.damaged-2026-11-01T00-00-00-000Z.sqlite'), readFileSync(path));
    rmSync(path);
    writeFileSync(`${path}.restoring`, readFileSync(backup).subarray(0, 3 * PAGE));

    const userDb = openUserDatabase(dir);
    expect(userDb.notices).toEqual([
      expect.objectContaining({
        kind: 'recovered',
        restoredFrom: backup,
        message: expect.stringMatching(
          /stopped while it was restoring.* The backup of 2026-11-01T00-00-00-000Z was restored again/,
        ),
      }),
    ]);
    expect(keysIn(userDb.db)).toEqual(expected(30));
    expect(existsSync(`${path}.restoring`)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes('damaged'))).toHaveLength(1);
    await userDb.close();
  });

  it('while another connection holds changes in its log: the -wal and -shm go aside with it, whole', async () => {
    const dir = tempDir();
    await seeded(dir, 60);
    const path = join(dir, USER_DB_FILE);
    damageMiddlePage(path);
    // A second writer (the CLI importing while the app is open) with a change not yet checkpointed:
    // while it is open, closing the app's connection does not fold the log into the main file.
    const other = new Database(path);
    other.pragma('wal_autocheckpoint = 0');
    createBookmarkService(other, { readOnly: false, describe: describeAny, exists: () => true }).add('in/the-log');
    const wal = readFileSync(`${path}-wal`);
    expect(wal.length, 'the change is in the log, not the main file').toBeGreaterThan(PAGE);
    expect(existsSync(`${path}-shm`)).toBe(true);

    const userDb = openUserDatabase(dir);
    const [notice] = userDb.notices;
    expect(notice).toMatchObject({ kind: 'recovered' });
    const damaged = notice!.damagedFile!;
    expect(readFileSync(`${damaged}-wal`), 'the log moved aside with its database, whole').toEqual(wal);
    expect(existsSync(`${damaged}-shm`)).toBe(true);
    // The restored backup is not read through the damaged file's log.
    expect(keysIn(userDb.db)).toEqual(expected(60));
    // Closed first: `other` removes the log by its old name when it closes.
    await userDb.close();
    const kept = new Database(damaged, { readonly: true });
    expect(kept.prepare("SELECT count(*) AS n FROM bookmarks WHERE item_key = 'in/the-log'").get()).toEqual({ n: 1 });
    kept.close();
    other.close();
  });
});

describe('backups', () => {
  it('are taken at start and after every 25 changes', async () => {
    const dir = tempDir();
    const { dispatch, close } = openServices({
      contentDbPath: contentDb(),
      userDataDir: dir,
      appVersion: 'test',
      host: 'web',
    });
    const settled = () => new Promise((resolve) => setTimeout(resolve, 50));
    const count = async (n: number) => {
      for (let i = 0; i < 100 && backupsIn(dir).length < n; i++) await settled();
      return backupsIn(dir).length;
    };
    expect(await count(1)).toBe(1);
    const { value: entities } = (await dispatch('content:listEntities', { types: ['person', 'organisation'] })) as {
      value: { key: string }[];
    };
    expect(entities.length).toBeGreaterThanOrEqual(25);
    for (const { key } of entities.slice(0, 24))
      expect(await dispatch('bookmarks:add', { key })).toMatchObject({ ok: true });
    await settled();
    expect(backupsIn(dir)).toHaveLength(1);
    expect(await dispatch('bookmarks:add', { key: entities[24]!.key })).toMatchObject({ ok: true });
    expect(await count(2)).toBe(2);
    await close();
  });
});

// A real full disk: a 1 MB tmpfs, which only root may mount here.
const canMount = process.platform === 'linux' && process.getuid?.() === 0;
describe.skipIf(!canMount)('a full disk while saving', () => {
  const mounts: string[] = [];
  afterAll(() => {
    // Lazily: a failed test may still hold the database open there.
    for (const dir of mounts) execFileSync('umount', ['-l', dir]);
  });

  it('refuses the change with DISK_FULL in plain words, keeps all that was saved, and saves again once there is room', async () => {
    const dir = tempDir();
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir]);
    mounts.push(dir);
    const { dispatch, close } = openServices({
      contentDbPath: contentDb(),
      userDataDir: dir,
      appVersion: 'test',
      host: 'web',
    });
    const filler = join(dir, 'filler');
    writeFileSync(filler, Buffer.alloc(700 * 1024));
    const { value: entities } = (await dispatch('content:listEntities', {
      types: ['person', 'organisation', 'event', 'figure'],
    })) as { value: { key: string }[] };
    const saved: string[] = [];
    let refused: unknown = null;
    for (const { key } of entities) {
      const added = await dispatch('bookmarks:add', { key });
      const noted = added.ok
        ? await dispatch('bookmarks:update', { id: (added.value as { id: number }).id, note: 'n'.repeat(20_000) })
        : added;
      if (!added.ok || !noted.ok) {
        refused = noted;
        break;
      }
      saved.push(key);
    }
    expect(saved.length, 'some changes fit').toBeGreaterThan(0);
    expect(refused).toEqual({ ok: false, error: { code: 'DISK_FULL', ...localised('error.disk-full') } });
    expect(inLanguage((refused as { error: LocalisedMessage }).error, 'fr')).toMatch(/^Votre disque est plein/);
    const listed = (await dispatch('bookmarks:list', {})) as { value: { key: string; note: string }[] };
    expect(
      listed.value
        .filter((b) => b.note.length === 20_000)
        .map((b) => b.key)
        .sort(),
    ).toEqual([...saved].sort());
    rmSync(filler);
    const last = entities[saved.length + 1]!.key;
    expect(await dispatch('bookmarks:add', { key: last })).toMatchObject({ ok: true });
    await close();
  });
});

const SCHEMA2 = join(__dirname, '..', 'fixtures', 'user-db', 'valise-user-schema2.sqlite');

/** Overwrites the root page of one table with garbage: that table, and only it, fails its check. */
function damageTable(file: string, table: string): void {
  const db = new Database(file, { readonly: true });
  const root = db.prepare('SELECT rootpage FROM sqlite_schema WHERE name = ?').pluck().get(table) as number;
  db.close();
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(PAGE, 0x5a), 0, PAGE, (root - 1) * PAGE);
  closeSync(fd);
}

describe("damage in the library's tables (the imported issues and what was built from them)", () => {
  it.each(['built_paragraphs', 'imported_issues'])(
    'in %s: not looked for at start, found after the first screen and told, and the next start restores a backup',
    async (table) => {
      const dir = tempDir();
      copyFileSync(SCHEMA2, join(dir, USER_DB_FILE));
      const built = openServices({ contentDbPath: contentDb(), userDataDir: dir, appVersion: 'test', host: 'web' });
      const bookmarks = built.services.bookmarks.list().map((b) => b.key);
      expect(bookmarks, 'the fixture holds bookmarks').toHaveLength(5);
      await built.close(); // Waits for the backup taken at start, which holds the build.
      const path = join(dir, USER_DB_FILE);
      damageTable(path, table);

      const first = openUserDatabase(dir);
      expect(first.notices, 'the start checks only the user’s own tables').toEqual([]);
      expect(await first.checkLibrary()).toBe(false);
      expect(first.notices).toEqual([
        expect.objectContaining({
          kind: 'damaged-build',
          message: expect.stringContaining(`damaged (${table}). Your bookmarks are safe; restart Valise`),
        }),
      ]);
      expect(inLanguage(first.notices[0]!, 'fr')).toMatch(
        new RegExp(`^Une partie de ce que Valise conserve .* endommagée \\(${table}\\)`),
      );
      await first.close();

      const next = openUserDatabase(dir);
      expect(next.notices).toEqual([expect.objectContaining({ kind: 'recovered', damagedFile: expect.any(String) })]);
      expect(existsSync(next.notices[0]!.damagedFile!), 'the damaged file is kept').toBe(true);
      expect(next.db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(await next.checkLibrary()).toBe(true);
      expect(
        (next.db.prepare('SELECT item_key FROM bookmarks ORDER BY item_key').pluck().all() as string[]).sort(),
      ).toEqual([...bookmarks].sort());
      await next.close();
    },
  );
});
