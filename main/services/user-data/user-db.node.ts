/**
 * Opens the user database (bookmarks, notes) in the user's data folder, never in the bundle.
 * WAL, foreign keys, synchronous FULL (an acknowledged write survives a crash), migrations.
 *
 * At start a database that cannot be opened or fails `integrity_check` is moved aside (never
 * deleted), the newest good backup is restored, and a notice says what happened and where the
 * damaged file is. So that opening does not grow with the library, the start checks the tables
 * the user writes (bookmarks, tags, and any table not named below); the library's tables (the
 * imported issues' text, the keys given, and what was built from them, which grow with every
 * import) are checked after the first screen, one at a time (checkLibrary). Damage found there is
 * told, and marks the database for a whole check at the next start, which recovers it as above. A database written by a newer Valise is opened read-only, with a notice.
 * A data folder or database that cannot be written (permissions, a read-only disk) is not taken
 * for damage: a copy is opened read-only, so the bookmarks are shown, and a notice says that
 * changes cannot be saved.
 */
import Database from 'better-sqlite3';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localised, type LocalisedMessage } from '../../../common/contract/messages.std';
import { LATEST_USER_VERSION, migrate, userVersionOf } from '../../../db/user/migrate.node';

export const USER_DB_FILE = 'valise-user.sqlite';
export const BACKUP_DIR = 'backups';
export const BACKUPS_KEPT = 5;
/** A backup being copied back: renamed into place only once whole, so a crash never leaves half of one. */
const RESTORING = '.restoring';

export interface UserDbNotice extends LocalisedMessage {
  kind: 'recovered' | 'started-empty' | 'read-only' | 'unreadable-issue' | 'damaged-build' | 'rebuilding';
  damagedFile?: string;
  restoredFrom?: string;
}

export interface UserDb {
  db: Database.Database;
  path: string;
  readOnly: boolean;
  notices: UserDbNotice[];
  /** Copies the live database with SQLite's backup API and keeps the newest BACKUPS_KEPT copies. */
  backup(): Promise<string>;
  /** Closes at once, or once a running backup has finished (never cutting one short). */
  close(): Promise<void>;
  /** Checks the library's tables after the first screen; false (with a notice) if one is damaged. */
  checkLibrary(): Promise<boolean>;
}

/** The library's tables, which grow with every import: checked after the first screen, not at start. */
const LIBRARY_TABLE = /^(built_\w+|imported_issues|entity_keys|key_aliases)$/;
/** Beside the database: damage was found after start, so the next start checks every table. */
const CHECK_ALL = '.check-all';

const stamp = (date: Date) => date.toISOString().replace(/[:.]/g, '-');

function healthy(path: string): boolean {
  let db: Database.Database | null = null;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    return db.pragma('integrity_check', { simple: true }) === 'ok' && userVersionOf(db) <= LATEST_USER_VERSION;
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

/** Errors that say the file or its folder cannot be written, which is not damage. */
const CANNOT_WRITE = /^(EACCES|EPERM|EROFS|SQLITE_READONLY\w*|SQLITE_CANTOPEN)$/;

export function isCannotWrite(error: unknown): boolean {
  return CANNOT_WRITE.test(String((error as { code?: unknown } | null)?.code ?? ''));
}

const tablesOf = (db: Database.Database): string[] =>
  db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];

/** `integrity_check` of one table and its indexes; the name comes from sqlite_schema and is quoted. */
const tableIsSound = (db: Database.Database, table: string): boolean =>
  db.pragma(`integrity_check("${table.replaceAll('"', '""')}")`, { simple: true }) === 'ok';

/** The whole file when a check is due (or the file is unreadable), else the user's own tables. */
function soundAtStart(db: Database.Database, path: string): boolean {
  if (existsSync(path + CHECK_ALL)) return db.pragma('integrity_check', { simple: true }) === 'ok';
  return tablesOf(db)
    .filter((t) => !LIBRARY_TABLE.test(t))
    .every((t) => tableIsSound(db, t));
}

/**
 * How long a write waits for another process's (the CLI importing while the app is open): longer
 * than the longest write transaction, an import's save with its library build (#29). Every write
 * transaction takes its lock up front (BEGIN IMMEDIATE: better-sqlite3's `.immediate()`), so a
 * transaction that read first never fails with SQLITE_BUSY when it comes to write.
 */
export const USER_DB_BUSY_MS = 30_000;

function open(path: string): Database.Database {
  const db = new Database(path, { timeout: USER_DB_BUSY_MS });
  try {
    if (!soundAtStart(db, path)) throw new Error('integrity_check failed');
    rmSync(path + CHECK_ALL, { force: true });
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Opens the database, or restores the newest good backup if it is damaged (never if it is only unwritable). */
function openOrRecover(dir: string, path: string, now: () => Date, notices: UserDbNotice[]): Database.Database {
  try {
    return open(path);
  } catch (error) {
    if (isCannotWrite(error)) throw error;
    notices.push(recover(dir, path, now, (error as Error).message));
    return open(path);
  }
}

export function backupsIn(dir: string): string[] {
  const folder = join(dir, BACKUP_DIR);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => /^valise-user-.*\.sqlite$/.test(name))
    .sort()
    .reverse()
    .map((name) => join(folder, name));
}

const backupDate = (backup: string): string => /valise-user-(.*)\.sqlite$/.exec(backup)?.[1] ?? backup;

/** Copies a backup into place: to a side file first, then renamed, so the copy is whole or absent. */
function restoreFrom(backup: string, path: string): void {
  copyFileSync(backup, path + RESTORING);
  renameSync(path + RESTORING, path);
}

function recover(dir: string, path: string, now: () => Date, reason: string): UserDbNotice {
  const damagedFile = join(dir, `valise-user.damaged-${stamp(now())}.sqlite`);
  renameSync(path, damagedFile);
  for (const suffix of ['-wal', '-shm']) if (existsSync(path + suffix)) renameSync(path + suffix, damagedFile + suffix);
  const backup = backupsIn(dir).find(healthy);
  if (!backup) {
    return {
      kind: 'started-empty',
      ...localised('db.started-empty', { reason, damagedFile }),
      damagedFile,
    };
  }
  restoreFrom(backup, path);
  return {
    kind: 'recovered',
    ...localised('db.recovered', { reason, damagedFile, backupDate: backupDate(backup) }),
    damagedFile,
    restoredFrom: backup,
  };
}

/** A restore that was cut short (the app stopped while copying a backup back) is done again. */
function resumeRestore(dir: string, path: string): UserDbNotice | null {
  if (existsSync(path) || !existsSync(path + RESTORING)) return null;
  // Stryker disable next-line ObjectLiteral,BooleanLiteral: equivalent, the file was just seen to exist, so `force` changes nothing (#27)
  rmSync(path + RESTORING, { force: true });
  const backup = backupsIn(dir).find(healthy);
  if (!backup) return null;
  restoreFrom(backup, path);
  return {
    kind: 'recovered',
    ...localised('db.restore-resumed', { backupDate: backupDate(backup) }),
    restoredFrom: backup,
  };
}

/**
 * The user's database when its folder or file cannot be written: a copy (with its write-ahead
 * log, which holds acknowledged changes) in a temporary folder, migrated there, opened read-only.
 */
function openReadOnlyCopy(dir: string, reason: string): UserDb {
  const path = join(dir, USER_DB_FILE);
  const copyDir = mkdtempSync(join(tmpdir(), 'valise-read-only-'));
  const copy = join(copyDir, USER_DB_FILE);
  for (const suffix of ['', '-wal']) if (existsSync(path + suffix)) copyFileSync(path + suffix, copy + suffix);
  const writable = new Database(copy);
  if (userVersionOf(writable) <= LATEST_USER_VERSION) migrate(writable);
  writable.close();
  const db = new Database(copy, { readonly: true, fileMustExist: true });
  const notice: UserDbNotice = {
    kind: 'read-only',
    ...localised('db.unwritable', { dir, reason }),
  };
  return {
    db,
    path,
    readOnly: true,
    notices: [notice],
    backup: () => Promise.reject(new Error(`${dir} cannot be written`)),
    // A copy, read-only: damage could not be marked for the next start, and nothing is built here.
    checkLibrary: () => Promise.resolve(true),
    close: async () => {
      db.close();
      rmSync(copyDir, { recursive: true, force: true });
    },
  };
}

export function openUserDatabase(dir: string, options: { now?: () => Date } = {}): UserDb {
  try {
    return openWritable(dir, options.now ?? (() => new Date()));
  } catch (error) {
    if (!isCannotWrite(error)) throw error;
    return openReadOnlyCopy(dir, (error as Error).message);
  }
}

/** WAL, synchronous FULL, foreign keys, migrations; closes the database if any of it cannot be written. */
function makeWritable(db: Database.Database): void {
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
}

function openWritable(dir: string, now: () => Date): UserDb {
  mkdirSync(join(dir, BACKUP_DIR), { recursive: true });
  const path = join(dir, USER_DB_FILE);
  const notices: UserDbNotice[] = [];
  const resumed = resumeRestore(dir, path);
  if (resumed) notices.push(resumed);
  let db = openOrRecover(dir, path, now, notices);
  let readOnly = false;
  if (userVersionOf(db) > LATEST_USER_VERSION) {
    db.close();
    db = new Database(path, { readonly: true, fileMustExist: true });
    readOnly = true;
    notices.push({
      kind: 'read-only',
      ...localised('db.newer-version'),
    });
  } else {
    makeWritable(db);
  }
  return { db, path, readOnly, notices, ...backups(db, dir, now), checkLibrary: () => checkLibrary(db, path, notices) };
}

/** One library table per turn of the event loop, so the window's requests are not held up. */
async function checkLibrary(db: Database.Database, path: string, notices: UserDbNotice[]): Promise<boolean> {
  for (const table of tablesOf(db).filter((t) => LIBRARY_TABLE.test(t))) {
    await new Promise((resolve) => setImmediate(resolve));
    if (!db.open) return true;
    if (tableIsSound(db, table)) continue;
    writeFileSync(path + CHECK_ALL, `${table}\n`);
    notices.push({ kind: 'damaged-build', ...localised('db.build-damaged', { table }) });
    return false;
  }
  return true;
}

/** Backups of a writable database, and a close that waits for the one running. */
function backups(db: Database.Database, dir: string, now: () => Date): Pick<UserDb, 'backup' | 'close'> {
  let running: Promise<string> | null = null;
  let closing = false;
  const copy = async () => {
    const target = join(dir, BACKUP_DIR, `valise-user-${stamp(now())}.sqlite`);
    await db.backup(target);
    for (const old of backupsIn(dir).slice(BACKUPS_KEPT)) rmSync(old, { force: true });
    return target;
  };
  return {
    backup() {
      if (closing) return Promise.reject(new Error('The bookmarks database is closing: no backup started.'));
      const job = (running ?? Promise.resolve('')).catch(() => '').then(copy);
      running = job;
      void job.finally(() => running === job && (running = null)).catch(() => {});
      return job;
    },
    async close() {
      closing = true;
      const pending = running;
      if (pending) await pending.catch(() => undefined);
      if (db.open) db.close();
    },
  };
}
