/**
 * The search worker (worker_threads): the search service over its own read-only connection to
 * the bundle, with the user database attached as the library attaches it on main's connection
 * (library-views.node.ts). It holds the index and answers queries; it never writes. Messages come
 * in the order main sent them (search-off-thread.node.ts), so a query follows every change told
 * before it.
 */
import type Database from 'better-sqlite3';
import { parseShard } from '../../../db/search/search-index.std';
import { openContentDatabase } from '../library/content.node';
import { attachBuild } from '../library/library-views.node';
import { contentSearch, type SearchService } from '../search/search.node';
import type { SearchMessage } from '../search/search-off-thread.node';
import { serveRequests } from './worker-rpc.node';

let opened: { db: Database.Database; search: SearchService } | null = null;
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

serveRequests<SearchMessage>(
  (message) => {
    switch (message.op) {
      case 'open':
        return open(message.contentDbPath);
      case 'attach':
        return attachBuild(ready().db, message.path);
      case 'add':
        return ready().search.addShard(parseShard(message.shard));
      case 'remove':
        return ready().search.removeShard(message.name);
      case 'warmUp':
        return ready().search.warmUp();
      case 'search':
        return ready().search.search(message.query);
    }
  },
  () => opened?.db.close(),
);
