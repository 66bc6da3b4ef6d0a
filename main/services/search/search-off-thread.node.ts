/**
 * Search as main's handlers and the library ask it: answered by the search worker
 * (search-worker.node.ts), off Electron's main thread, so that a query never holds the window's
 * other requests and a query typed while an import is saved waits for nothing but itself. The
 * worker holds the shards and reads passages through its own read-only connection; the library
 * tells it what changes (the user database attached, a shard changed or removed), in order with the
 * queries. A changed shard is told by name: the thread that searches reads it from the user
 * database, building its index there if it is missing or stale (search-shards.node.ts,
 * importedShard). In-process (the CLI, the tests, a source checkout) the same service answers at once.
 *
 * If the worker fails, search goes on in-process with every change it was told, and says so in
 * the log: a query is never lost to a dead worker.
 */
import type { SearchQuery, SearchResult } from '../../../common/contract/contract.std';
import type { SearchService } from './search.node';
import { importedShard, type ShardSource } from './search-shards.node';
import type { QuickIndex } from './search-quick.node';
import { workerClient, type WorkerEntry } from '../workers/worker-rpc.node';

/** The worker's file in a build (electron-vite bundles it beside main's index.js). */
export const SEARCH_WORKER_FILE = 'search-worker.js';

/** The search service as the window reaches it: each answer may come from another thread. */
export interface AsyncSearchService {
  search(query: SearchQuery): Promise<SearchResult>;
  /** Loads the index ahead of the first query (after the first screen). */
  warmUp(): void;
  /** An imported shard changed: the thread that searches reads it (or builds its index) from the user database. */
  addShard(name: string): void;
  removeShard(name: string): void;
}

/** The library's search: it also follows the user database attached to the bundle's connection. */
export interface LibrarySearch extends AsyncSearchService {
  attached(userDbPath: string): void;
  close(): Promise<void>;
}

export type SearchMessage =
  | { op: 'open'; contentDbPath: string }
  | { op: 'attach'; path: string }
  | { op: 'add'; name: string }
  | { op: 'remove'; name: string }
  | { op: 'warmUp' }
  | { op: 'search'; query: SearchQuery };

/**
 * The service answering on this thread (it shares the library's connection: attaching is already
 * done). A changed shard is read from `source` at the next query, not when told: it is told inside
 * the save's transaction, which must not hold the user database while an index is built.
 */
export function inProcessSearch(
  search: SearchService,
  source: ShardSource | null = null,
  log: (message: string, error?: unknown) => void = () => {},
): LibrarySearch {
  const changed = new Set<string>();
  const catchUp = () => {
    for (const name of changed) {
      const shard = source && importedShard(source, name, log);
      if (shard) search.addShard(shard);
      else search.removeShard(name);
    }
    changed.clear();
  };
  return {
    // Answered in full at once: never partial.
    search: async ({ partial: _partial, ...query }) => (catchUp(), search.search(query)),
    warmUp: () => (catchUp(), search.warmUp()),
    addShard: (name) => void changed.add(name),
    removeShard: (name) => (changed.delete(name), search.removeShard(name)),
    attached: () => {},
    close: async () => {},
  };
}

/** A shard's change (false: removed) made to a service on this thread. */
function applyChange(service: AsyncSearchService, name: string, present: boolean): void {
  if (present) service.addShard(name);
  else service.removeShard(name);
}

/**
 * The small index (search-quick.node.ts), made when a query first needs it and dropped at a
 * change; an error making or asking it is logged, and the query waits for the full index.
 */
function smallIndex(make: (() => QuickIndex) | undefined, log: (message: string, error?: unknown) => void) {
  let index: QuickIndex | null = null;
  return {
    answer(query: SearchQuery): SearchResult | null {
      if (!make) return null;
      try {
        return (index ??= make()).search(query);
      } catch (error) {
        log('the small search index could not answer: waiting for the full one', error);
        return null;
      }
    },
    drop: () => void (index = null),
  };
}

/**
 * The service in the search worker, started by warmUp() (after the first screen) or the first
 * query: started as the services opened, its boot took the second core from the first screen's
 * rendering (launch to interactive about 100 ms later, tests/bench/startup.bench.ts). Changes told
 * before it starts wait for it. `fallback` makes the in-process service over the library's
 * connection, should the worker fail. A change is sent once the task that told it is over (a
 * microtask): told inside the save's transaction, the worker would read the shard before it is
 * committed.
 *
 * Until the worker has answered once (its index loaded), a query that takes a partial answer is
 * answered at once from `quick`, the small index of titles and names (#26 item 4), made at the
 * first such query and again after a change; the page then asks again for the complete answer.
 */
export function searchOffThread(
  entry: WorkerEntry,
  contentDbPath: string,
  fallback: () => AsyncSearchService,
  log: (message: string, error?: unknown) => void = () => {},
  quick?: () => QuickIndex,
): LibrarySearch {
  let inProcess: AsyncSearchService | null = null;
  // Read through a call: TypeScript would keep `inProcess` narrowed to null across an await.
  const takenOver = (): AsyncSearchService | null => inProcess;
  // Each shard's last change (false: removed), replayed on the in-process service if the worker fails.
  const shards = new Map<string, boolean>();
  const takeOver = (error: Error) => {
    log('the search worker failed: searching on the main thread', error);
    try {
      const service = fallback();
      for (const [name, shard] of shards) applyChange(service, name, shard);
      inProcess = service;
    } catch (failed) {
      // Called from the worker's error event: never thrown there. Queries are then refused, with why.
      log('searching on the main thread failed too', failed);
    }
  };
  const client = workerClient<SearchMessage>(entry, { onFailure: takeOver });
  // The worker has answered (its index is loaded): no partial answer is needed any more.
  let ready = false;
  const small = smallIndex(quick, log);
  const partialAnswer = (query: SearchQuery) => (ready ? null : small.answer(query));
  const waiting: SearchMessage[] = [{ op: 'open', contentDbPath }];
  const start = () => {
    for (const message of waiting.splice(0)) client.tell(message);
  };
  const send = (message: SearchMessage) => {
    if (waiting.length > 0) waiting.push(message);
    else client.tell(message);
  };
  // Changes told in this task, sent after it (a microtask), or before a query asked in the same task.
  const told: SearchMessage[] = [];
  const flush = () => {
    for (const message of told.splice(0)) send(message);
  };
  const change = (name: string, present: boolean) => {
    shards.set(name, present);
    small.drop();
    if (inProcess) return applyChange(inProcess, name, present);
    if (told.length === 0) queueMicrotask(flush);
    told.push(present ? { op: 'add', name } : { op: 'remove', name });
  };
  return {
    search: async ({ partial, ...query }) => {
      flush();
      start();
      if (inProcess) return inProcess.search(query);
      const early = partial ? partialAnswer(query) : null;
      if (early) return early;
      try {
        const answer = await client.ask<SearchResult>({ op: 'search', query });
        ready = true;
        return answer;
      } catch (error) {
        // Asked as the worker failed: answered here. An error of the search itself is the query's.
        const local = takenOver();
        if (local) return local.search(query);
        throw error;
      }
    },
    warmUp: () => {
      flush();
      start();
      if (inProcess) return inProcess.warmUp();
      // Asked, not told: its answer says the index is loaded.
      client.ask({ op: 'warmUp' }).then(
        () => void (ready = true),
        () => {},
      );
    },
    addShard: (name) => change(name, true),
    removeShard: (name) => change(name, false),
    attached: (path) => (flush(), send({ op: 'attach', path })),
    close: () => client.close(),
  };
}
