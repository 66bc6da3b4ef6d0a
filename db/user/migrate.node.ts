/**
 * Migrations of the user database (bookmarks, notes, imported issues): numbered files under
 * db/user/migrations, run in one transaction that also sets `user_version`. A database written by
 * a newer Valise (user_version above the last migration) is refused for writing.
 */
import type Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations/index.node';

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

export class NewerDatabaseError extends Error {
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(`This user database was written by a newer Valise (schema ${found}; this version knows up to ${known}).`);
    this.name = 'NewerDatabaseError';
  }
}

export const LATEST_USER_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export function userVersionOf(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Brings the database to the latest version; returns the migrations it ran. */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): string[] {
  const current = userVersionOf(db);
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  if (current > latest) throw new NewerDatabaseError(current, latest);
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return [];
  db.transaction(() => {
    for (const m of pending) m.up(db);
    db.pragma(`user_version = ${latest}`);
  })();
  return pending.map((m) => `${String(m.version).padStart(4, '0')}-${m.name}`);
}
