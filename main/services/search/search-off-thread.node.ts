/**
 * Search as main's handlers and the library ask it: answered by the search worker
 * (search-worker.node.ts), off Electron's main thread, so that a query never holds the window's
 * other requests and a query typed while an import is saved waits for nothing but itself. The
 * worker holds the shards and reads passages through its own read-only connection; the library
 * tells it what changes (the user database attached, a shard added or removed), in order with the
 * queries. In-process (the CLI, the tests, a source checkout) the same service answers at once.
 *
 * If the worker fails, search goes on in-process with every change it was told, and says so in
 * the log: a query is never lost to a dead worker.
 */
import type { SearchQuery, SearchResult } from '../../../common/contract/contract.std';
import { parseShard, type SerialisedShard } from '../../../db/search/search-index.std';
import type { SearchService } from './search.node';
import type { QuickIndex } from './search-quick.node';
import { workerClient, type WorkerEntry } from '../workers/worker-rpc.node';

/** The worker's file in a build (electron-vite bundles it beside main's index.js). */
export const SEARCH_WORKER_FILE = 'search-worker.js';

/** The search service as the window reaches it: each answer may come from another thread. */
export interface AsyncSearchService {
  search(query: SearchQuery): Promise<SearchResult>;
  /** Loads the index ahead of the first query (after the first screen). */
  warmUp(): void;
  /** A shard as stored (JSON text): parsed by the thread that searches. */
  addShard(shard: SerialisedShard): void;
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
  | { op: 'add'; shard: SerialisedShard }
  | { op: 'remove'; name: string }
  | { op: 'warmUp' }
  | { op: 'search'; query: SearchQuery };

/** The service answering on this thread (it shares the library's connection: attaching is already done). */
export function inProcessSearch(search: SearchService): LibrarySearch {
  return {
    // Answered in full at once: never partial.
    search: async ({ partial: _partial, ...query }) => search.search(query),
    warmUp: () => search.warmUp(),
    addShard: (shard) => search.addShard(parseShard(shard)),
    removeShard: (name) => search.removeShard(name),
    attached: () => {},
    close: async () => {},
  };
}

/** A shard's change (null: removed) made to a service on this thread. */
function applyChange(service: SearchService, name: string, shard: SerialisedShard | null): void {
  if (shard) service.addShard(parseShard(shard));
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
 * connection, should the worker fail.
 *
 * Until the worker has answered once (its index loaded), a query that takes a partial answer is
 * answered at once from `quick`, the small index of titles and names (#26 item 4), made at the
 * first such query and again after a change; the page then asks again for the complete answer.
 */
export function searchOffThread(
  entry: WorkerEntry,
  contentDbPath: string,
  fallback: () => SearchService,
  log: (message: string, error?: unknown) => void = () => {},
  quick?: () => QuickIndex,
): LibrarySearch {
  let inProcess: SearchService | null = null;
  // Read through a call: TypeScript would keep `inProcess` narrowed to null across an await.
  const takenOver = (): SearchService | null => inProcess;
  // Each shard's last change (null: removed), replayed on the in-process service if the worker fails.
  const shards = new Map<string, SerialisedShard | null>();
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
  const change = (name: string, shard: SerialisedShard | null) => {
    shards.set(name, shard);
    small.drop();
    if (inProcess) return applyChange(inProcess, name, shard);
    send(shard ? { op: 'add', shard } : { op: 'remove', name });
  };
  return {
    search: async ({ partial, ...query }) => {
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
      start();
      if (inProcess) return inProcess.warmUp();
      // Asked, not told: its answer says the index is loaded.
      client.ask({ op: 'warmUp' }).then(
        () => void (ready = true),
        () => {},
      );
    },
    addShard: (shard) => change(shard.name, shard),
    removeShard: (name) => change(name, null),
    attached: (path) => send({ op: 'attach', path }),
    close: () => client.close(),
  };
}
