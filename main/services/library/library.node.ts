/**
 * The library the reader sees: the bundled archive plus the user's imported issues. With nothing
 * imported it is the bundled database itself. An import builds the library once (the pipeline's
 * sections and paragraphs for the new issue, the entities found again over all issues so that a
 * person named in a new issue and an old one is one person, each imported issue's search shard)
 * and keeps the build in the user database (migration 0003). Opening reads that build where it
 * lies: the user database is attached to the bundle's read-only connection and temporary views
 * put both together under the content database's own table names, so opening costs the same with
 * 0 or 50 imported issues. The bundle is never written.
 *
 * The build carries the stamp of the pipeline that made it. After the first screen (warmUp), a
 * build made by another pipeline is rebuilt in the background, one issue at a time, with a
 * progress notice; the old build is read until the new one is written. Only an issue with no build
 * at all (a user database of schema 2, before 0003) is built while opening, once.
 *
 * An imported issue that no longer extracts (its stored text or overlay refused by this version's
 * pipeline) is left out, kept in the user database, and named in a notice.
 */
import type Database from 'better-sqlite3';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { openContentService, type ContentService } from './content.node';
import type { ExtractedIssue } from '../../../db/pipeline/extract-issue.std';
import type { KeyLedger } from './entity-keys.node';
import type { BuiltIssue, BuiltStore, LibraryBuild, StoredIssue } from './imported-issues.node';
import {
  buildAdding,
  bundleFacts,
  extractOrNotice,
  stampOf,
  writeLibrary,
  type BundleFacts,
  type LibrarySource,
  type PreparedBuild,
} from './library-build.node';
import type { LibraryChange, OffThread, WriteOutcome } from '../workers/off-thread.node';
import { attachBuild } from './library-views.node';
import { inProcessSearch, type AsyncSearchService, type LibrarySearch } from '../search/search-off-thread.node';
import { contentSearch } from '../search/search.node';
import { localised } from '../../../common/contract/messages.std';
import type { UserDbNotice } from '../user-data/user-db.node';

export interface LibraryStorage {
  list(): StoredIssue[];
  built: BuiltStore;
  keys: KeyLedger;
  /** The user database's file, attached read-only to read the build; null when it cannot be. */
  path: string | null;
  /** Whether the user database can be written (a build is only kept where it can). */
  writable: boolean;
  now: () => Date;
  /**
   * The user database's data_version: it changes when another connection (the CLI importing or
   * removing an issue while the app is open) commits to it, never with this process's own writes.
   */
  dataVersion?: () => number;
}

export interface Library {
  content(): ContentService;
  search: AsyncSearchService;
  /** Keys of the bundled issues (which an import cannot replace). */
  bundledKeys: Set<string>;
  /** Takes the imported issues in again, after one was added or removed. */
  refresh(): void;
  /**
   * Computes off the main thread, while the page reviews an import, the library with these issues
   * added, so that saving only writes it. Resolves when ready; without a worker (the CLI), computed
   * in-process, still before the save's write transaction.
   */
  prepare(issues: { issue: ExtractedIssue; builtFrom: string }[]): Promise<void>;
  /**
   * With the analysis worker: the change is written there, with the library built ahead, in one
   * short BEGIN IMMEDIATE transaction of its own connection, and what it wrote is then read here
   * (the main thread only learns that issues were added). Null without a worker: the caller
   * writes in its own transaction and calls refresh.
   */
  writer: ((change: LibraryChange) => Promise<WriteOutcome>) | null;
  /** Rebuilds, in the background, the issues built by another pipeline; resolves when done. */
  rebuild(): Promise<number>;
  /** Imported issues left out because they no longer extract, and a rebuild under way. */
  notices(): UserDbNotice[];
  /** Closes the bundle's connection at once; resolves when the search worker (if any) has ended. */
  close(): Promise<void>;
}

/** What the library runs off the main thread; without either, all of it runs in-process. */
export interface LibraryWorkers {
  /** PDF reading, extraction and the build computed ahead of saving. */
  analysis?: OffThread | null;
  /** The search service over this bundle's connection (by default in-process: contentSearch). */
  search?: (bundle: Database.Database) => LibrarySearch;
}

function rebuilding(done: number, total: number): UserDbNotice {
  return { kind: 'rebuilding', ...localised('library.rebuilding', { done: String(done), total: String(total) }) };
}

/** The content service, with a key recorded as renamed or merged answering for the key it resolves to. */
function resolving(content: ContentService, resolve: (key: string) => string | null): ContentService {
  const through = <T>(key: string, read: (k: string) => T | null): T | null => {
    const found = read(key);
    if (found !== null) return found;
    const to = resolve(key);
    return to ? read(to) : null;
  };
  return {
    ...content,
    getEntity: (key) => through(key, (k) => content.getEntity(k)),
    describe: (key) => through(key, (k) => content.describe(k)),
    countryOf: (key) => content.countryOf(key) ?? (resolve(key) ? content.countryOf(resolve(key)!) : null),
    exists: (key) => content.exists(key) || (resolve(key) !== null && content.exists(resolve(key)!)),
  };
}

/** What an open library holds: its connections and stores, and what it knows of them now. */
interface LibraryState {
  bundle: Database.Database;
  storage: LibraryStorage;
  offThread: OffThread | null;
  search: LibrarySearch;
  bundledKeys: Set<string>;
  source: LibrarySource;
  attached: boolean;
  /** Made when first read, and again after the build changed under it. */
  content: ContentService | null;
  notices: UserDbNotice[];
  progress: UserDbNotice | null;
  /** Shards given to the search service, by name, with their digest: only a changed one is reloaded. */
  pushed: Map<string, string>;
  pushedKnown: boolean;
  /** The build computed ahead in-process (the CLI); with a worker, the worker keeps it. */
  prepared: PreparedBuild | null;
  /** The user database's data_version when this library last read it. */
  seenVersion: number | undefined;
  rebuilt: Promise<number> | null;
}

function attach(st: LibraryState) {
  if (st.attached || !st.storage.path) return;
  attachBuild(st.bundle, st.storage.path);
  st.search.attached(st.storage.path);
  st.attached = true;
}

/**
 * The search service told the shards that changed since it was last told, by name: it reads them
 * from the user database as they are when it does (a save whose transaction then rolled back is
 * followed by a refresh that tells the stored digest again), building an index missing or stale.
 */
function tellSearch(st: LibraryState, shards: Pick<LibraryBuild['shards'][number], 'name' | 'digest'>[]) {
  const names = new Set(shards.map((s) => s.name));
  for (const name of [...st.pushed.keys()].filter((n) => !names.has(n))) {
    st.search.removeShard(name);
    st.pushed.delete(name);
  }
  for (const { name, digest } of shards) {
    if (st.pushed.get(name) === digest) continue;
    st.search.addShard(name);
    st.pushed.set(name, digest);
  }
}

/** The build's shards, by name and documents' digest, as stored. */
const storedShards = (st: LibraryState) =>
  [...st.storage.built.shardDigests()].map(([name, digest]) => ({ name, digest }));

/** What the search service loads at its first query: the shards whose stored index is fresh. */
function knowPushed(st: LibraryState) {
  if (!st.pushedKnown) for (const [name, digest] of st.storage.built.indexedDigests()) st.pushed.set(name, digest);
  st.pushedKnown = true;
}

/**
 * Takes the stored issues in: an issue whose build was made from its current text and overlay
 * is read as built; any other is extracted now (`fresh` gives issues rebuilt in the background).
 */
function refresh(st: LibraryState, stored = st.storage.list(), fresh = new Map<string, BuiltIssue>()) {
  if (stored.length === 0 && !st.attached) return;
  attach(st);
  knowPushed(st);
  const written = writeLibrary(st.source, stored, fresh, st.prepared);
  st.prepared = null;
  st.notices = written.notices;
  tellSearch(st, written.shards);
  st.content = null;
}

/**
 * Another process wrote the library (the CLI imported or removed an issue), or this one's analysis
 * worker did (`always`): what it built is read as it stands, before the next request is answered.
 * The Library, search and the Calendar see it without a restart; nothing is built here.
 */
function followOthers(st: LibraryState, always = false) {
  const version = st.storage.dataVersion?.();
  if (!always && (version === undefined || version === st.seenVersion)) return;
  st.seenVersion = version;
  if (!st.attached && !st.storage.built.any()) return;
  attach(st);
  st.pushedKnown = true;
  tellSearch(st, storedShards(st));
  st.content = null;
}

/** Rebuilds, one issue at a turn, the issues built by another pipeline; resolves with how many. */
async function rebuild(st: LibraryState): Promise<number> {
  if (!st.attached) return 0;
  const current = st.source.pipeline;
  const state = st.storage.built.state();
  // Every build by this pipeline (the usual launch): the stored issues are not read at all.
  if ([...state.values()].every((b) => b.pipeline === current)) return 0;
  const stale = st.storage.list().filter((s) => state.has(s.key) && state.get(s.key)!.pipeline !== current);
  if (stale.length === 0) return 0;
  const fresh = new Map<string, BuiltIssue>();
  for (const [i, one] of stale.entries()) {
    st.progress = rebuilding(i, stale.length);
    await nextTurn();
    // One that cannot be read is left out with a notice by refresh below, as at any launch.
    const { built } = extractOrNotice(one, current);
    if (built) fresh.set(one.key, built);
  }
  st.progress = null;
  // An issue this pipeline no longer extracts keeps its old build.
  refresh(st, st.storage.list(), fresh);
  return fresh.size;
}

/**
 * Opening: only issues never built (a database of schema 2, before 0003) are built now. A shard
 * whose index is missing or stale (the app stopped between a save and the index's build) is told
 * to search, which builds it when it starts.
 */
function openBuilt(st: LibraryState) {
  if (!st.storage.built.any()) return;
  attach(st);
  knowPushed(st);
  tellSearch(st, storedShards(st));
  const fresh = new Map<string, BuiltIssue>();
  const left: UserDbNotice[] = [];
  for (const one of st.storage.built.unbuilt()) {
    const { built, notice } = extractOrNotice(one, st.source.pipeline);
    if (built) fresh.set(one.key, built);
    else left.push(notice);
  }
  if (fresh.size > 0) refresh(st, st.storage.list(), fresh);
  st.notices = left;
}

/** The library with these issues added, computed while the page reviews them: in the worker (kept there for the save), or here. */
async function prepare(st: LibraryState, issues: { issue: ExtractedIssue; builtFrom: string }[]) {
  const { storage, offThread } = st;
  if (!storage.path || !storage.writable) return;
  st.prepared = null;
  try {
    if (offThread)
      await offThread.prepare({
        contentDbPath: st.bundle.name,
        userDbPath: storage.path,
        adding: issues.map(({ issue, builtFrom }) => ({ key: issue.key, builtFrom })),
      });
    else
      st.prepared = buildAdding(
        st.source.bundled(),
        storage.built,
        storage.keys,
        issues.map((i) => ({ ...i, pipeline: st.source.pipeline })),
      );
  } catch {
    // Saving builds it then, where it writes.
  }
}

/** The change written by the analysis worker; what it wrote is then read as another process's write is. */
async function writeOffThread(
  st: LibraryState,
  offThread: OffThread,
  userDbPath: string,
  change: LibraryChange,
): Promise<WriteOutcome> {
  const outcome = await offThread.write({
    contentDbPath: st.bundle.name,
    userDbPath,
    bundledCount: st.bundledKeys.size,
    at: st.storage.now().toISOString(),
    change,
  });
  if ('notices' in outcome) {
    followOthers(st, true);
    st.notices = outcome.notices;
  }
  return outcome;
}

/** Where the build is written from: the stores, and the bundle read once (its facts, its stamp). */
function librarySource(bundle: Database.Database, storage: LibraryStorage, bundledCount: number): LibrarySource {
  let facts: BundleFacts | null = null;
  let stamp: string | null = null;
  return {
    built: storage.built,
    keys: storage.keys,
    bundled: () => (facts ??= bundleFacts(bundle)),
    bundledCount,
    get pipeline() {
      return (stamp ??= stampOf(bundle.name));
    },
    writable: storage.writable,
    now: storage.now,
  };
}

export function openLibrary(bundle: Database.Database, storage: LibraryStorage, workers: LibraryWorkers = {}): Library {
  const bundledKeys = new Set(
    bundle
      .prepare<[], { key: string }>('SELECT key FROM main.issues')
      .all()
      .map((r) => r.key),
  );
  const search =
    workers.search?.(bundle) ??
    inProcessSearch(
      contentSearch(() => bundle),
      storage.built,
    );
  const st: LibraryState = {
    bundle,
    storage,
    offThread: workers.analysis ?? null,
    search,
    bundledKeys,
    source: librarySource(bundle, storage, bundledKeys.size),
    attached: false,
    content: null,
    notices: [],
    progress: null,
    pushed: new Map(),
    pushedKnown: false,
    prepared: null,
    seenVersion: storage.dataVersion?.(),
    rebuilt: null,
  };
  openBuilt(st);
  const resolve = (key: string) => (st.attached ? storage.keys.resolve(key) : null);
  const { offThread } = st;
  return {
    content: () => {
      followOthers(st);
      return resolving((st.content ??= openContentService(bundle)), resolve);
    },
    search: {
      ...search,
      search: (query) => {
        followOthers(st);
        return search.search(query);
      },
      // After the first screen: the index loads, and a build by another pipeline is redone.
      warmUp: () => {
        search.warmUp();
        st.rebuilt ??= rebuild(st);
      },
    },
    bundledKeys,
    refresh: () => refresh(st),
    prepare: (issues) => prepare(st, issues),
    writer:
      offThread && storage.path && storage.writable
        ? (change) => writeOffThread(st, offThread, storage.path!, change)
        : null,
    rebuild: () => (st.rebuilt ??= rebuild(st)),
    notices: () => [...st.notices, ...(st.progress ? [st.progress] : [])],
    close: () => {
      bundle.close();
      return search.close();
    },
  };
}
