/**
 * The search worker (worker_threads): the search service over its own read-only connection to
 * the bundle, with the user database attached as the library attaches it on main's connection
 * (library-views.node.ts). It holds the index and answers queries. An imported shard told changed
 * is read from the user database, and its Lunr index, if missing or stale, built here and kept
 * there (search-shards.node.ts, importedShard): the only write it makes, through a connection of
 * its own. Messages come in the order main sent them (search-off-thread.node.ts), so a query
 * follows every change told before it.
 */
import Database from 'better-sqlite3';
import { openContentDatabase } from '../library/content.node';
import { shardSource } from '../library/imported-issues.node';
import { attachBuild } from '../library/library-views.node';
import { contentSearch, type SearchService } from '../search/search.node';
import type { SearchMessage } from '../search/search-off-thread.node';
import { importedShard, type ShardSource } from '../search/search-shards.node';
import { serveRequests } from './worker-rpc.node';

let opened: { db: Database.Database; search: SearchService } | null = null;
/** The user database's shards, through a connection that can keep an index (read-only if the file cannot be written). */
let shards: { db: Database.Database; source: ShardSource } | null = null;
/**
 * How long keeping an index waits for another writer (a save): not the save's long wait, since
 * queries wait behind it; an index not kept is built again at the next start.
 */
const KEEP_BUSY_MS = 2_000;
/** Why the bundle could not be opened: every later message is answered with it. */
let failed: unknown = null;

function ready(): { db: Database.Database; search: SearchService } {
  if (!opened) throw failed ?? new Error('the search worker was asked before it was opened');
  return opened;
}

/** Opens the bundle; if it cannot, the error goes back (told, not asked): main stops this worker and searches itself. */
function open(contentDbPath: string): void {
  try {
    const db = openContentDatabase(contentDbPath);
    opened = { db, search: contentSearch(db) };
  } catch (error) {
    failed = error;
    throw error;
  }
}

/** The user database attached to the bundle's connection, and opened to read and keep the shards. */
function attach(path: string): void {
  attachBuild(ready().db, path);
  let db: Database.Database;
  try {
    db = new Database(path, { fileMustExist: true, timeout: KEEP_BUSY_MS });
  } catch {
    db = new Database(path, { readonly: true, fileMustExist: true });
  }
  shards = { db, source: shardSource(db) };
}

/** What the worker must say but not answer (a damaged shard left out): to main's standard error, as its own log does. */
const warn = (message: string, error?: unknown) => console.warn(`valise search worker: ${message}`, error ?? '');

/** A shard told changed: as the user database holds it now (gone, it is removed). */
function change(name: string): void {
  const shard = shards && importedShard(shards.source, name, warn);
  if (shard) ready().search.addShard(shard);
  else ready().search.removeShard(name);
}

serveRequests<SearchMessage>(
  (message) => {
    switch (message.op) {
      case 'open':
        return open(message.contentDbPath);
      case 'attach':
        return attach(message.path);
      case 'add':
        return change(message.name);
      case 'remove':
        return ready().search.removeShard(message.name);
      case 'warmUp':
        return ready().search.warmUp();
      case 'search':
        return ready().search.search(message.query);
    }
  },
  () => {
    opened?.db.close();
    shards?.db.close();
  },
);
