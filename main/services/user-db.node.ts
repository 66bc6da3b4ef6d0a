/**
 * Opens the user database (bookmarks, notes) in the user's data folder, never in the bundle.
 * WAL, foreign keys, synchronous FULL (an acknowledged write survives a crash), migrations.
 *
 * At start a database that cannot be opened or fails `integrity_check` is moved aside (never
 * deleted), the newest good backup is restored, and a notice says what happened and where the
 * damaged file is. A database written by a newer Valise is opened read-only, with a notice.
 */
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { LATEST_USER_VERSION, migrate, userVersionOf } from '../../db/user/migrate.node';

export const USER_DB_FILE = 'valise-user.sqlite';
export const BACKUP_DIR = 'backups';
export const BACKUPS_KEPT = 5;

export interface UserDbNotice {
  kind: 'recovered' | 'started-empty' | 'read-only';
  message: string;
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
  close(): void;
}

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

function open(path: string): Database.Database {
  const db = new Database(path);
  try {
    if (db.pragma('integrity_check', { simple: true }) !== 'ok') throw new Error('integrity_check failed');
    return db;
  } catch (error) {
    db.close();
    throw error;
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

export function openUserDatabase(dir: string, options: { now?: () => Date } = {}): UserDb {
  const now = options.now ?? (() => new Date());
  mkdirSync(join(dir, BACKUP_DIR), { recursive: true });
  const path = join(dir, USER_DB_FILE);
  const notices: UserDbNotice[] = [];
  let db: Database.Database;
  try {
    db = open(path);
  } catch (error) {
    const damagedFile = join(dir, `valise-user.damaged-${stamp(now())}.sqlite`);
    renameSync(path, damagedFile);
    for (const suffix of ['-wal', '-shm']) if (existsSync(path + suffix)) renameSync(path + suffix, damagedFile + suffix);
    const backup = backupsIn(dir).find(healthy);
    const reason = (error as Error).message;
    if (backup) {
      copyFileSync(backup, path);
      notices.push({
        kind: 'recovered',
        message: `Your bookmarks database was damaged (${reason}). It was moved to ${damagedFile}, and the backup of ${backup.match(/valise-user-(.*)\.sqlite$/)![1]} was restored.`,
        damagedFile,
        restoredFrom: backup,
      });
    } else {
      notices.push({
        kind: 'started-empty',
        message: `Your bookmarks database was damaged (${reason}) and no good backup was found. It was moved to ${damagedFile}; Valise started with no bookmarks.`,
        damagedFile,
      });
    }
    db = open(path);
  }
  let readOnly = false;
  if (userVersionOf(db) > LATEST_USER_VERSION) {
    db.close();
    db = new Database(path, { readonly: true, fileMustExist: true });
    readOnly = true;
    notices.push({
      kind: 'read-only',
      message: 'Your bookmarks were saved by a newer version of Valise. They are shown, but cannot be changed here: update Valise to edit them.',
    });
  } else {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    migrate(db);
  }
  return {
    db,
    path,
    readOnly,
    notices,
    async backup() {
      const target = join(dir, BACKUP_DIR, `valise-user-${stamp(now())}.sqlite`);
      await db.backup(target);
      for (const old of backupsIn(dir).slice(BACKUPS_KEPT)) rmSync(old, { force: true });
      return target;
    },
    close: () => db.close(),
  };
}
