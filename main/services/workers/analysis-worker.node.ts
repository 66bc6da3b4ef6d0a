/**
 * The analysis worker (worker_threads): reads PDFs, extracts issues, computes the library with an
 * issue added while the page reviews it, and writes it when the issue is saved, off the main
 * thread (see off-thread.node.ts). It opens its own connections: read-only to the bundle and, to
 * compute, to the user database; to save, a writable one that takes its lock up front (BEGIN
 * IMMEDIATE) and waits for another writer as the main thread's does (USER_DB_BUSY_MS).
 */
import Database from 'better-sqlite3';
import { keyLedger } from '../library/entity-keys.node';
import { analyseFile, extractWithReview } from '../import/import-analysis.node';
import { builtStore, importedIssueStore } from '../library/imported-issues.node';
import type { ExtractedIssue } from '../../../db/pipeline/extract-issue.std';
import {
  buildAdding,
  bundleFacts,
  stampOf,
  writeLibrary,
  type BundleFacts,
  type PreparedBuild,
} from '../library/library-build.node';
import type { Extracted, Request, WriteOutcome } from './off-thread.node';
import { USER_DB_BUSY_MS } from '../user-data/user-db.node';
import { serialiseError, serveRequests } from './worker-rpc.node';

const running = new Map<number, AbortController>();
let bundle: { path: string; facts: BundleFacts; stamp: string } | null = null;
/** The issues the last `extract` gave, by what they are built from: `prepare` names them, main does not send them back. */
let extracted = new Map<string, ExtractedIssue>();
/** The library computed for the import under review, kept here until it is saved. */
let prepared: { userDbPath: string; build: PreparedBuild } | null = null;

/** What the bundle holds, and the stamp of what this version builds from it: read once (hashing the bundle takes tens of ms). */
function bundleOf(path: string): { facts: BundleFacts; stamp: string } {
  if (bundle?.path !== path) {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      bundle = { path, facts: bundleFacts(db), stamp: stampOf(path) };
    } finally {
      db.close();
    }
  }
  return bundle;
}

async function analyse(
  request: Extract<Request, { op: 'analyse' }>,
  { id, progress }: { id: number; progress: (done: number, total: number) => void },
) {
  const controller = new AbortController();
  running.set(id, controller);
  try {
    return await analyseFile(request.name, request.bytes, {
      trustedKeys: new Map(request.trustedKeys),
      signal: controller.signal,
      onProgress: progress,
    });
  } finally {
    running.delete(id);
  }
}

function extract(request: Extract<Request, { op: 'extract' }>): Extracted[] {
  extracted = new Map();
  return request.candidates.map((candidate): Extracted => {
    try {
      const one = extractWithReview(candidate, request.corrections);
      extracted.set(one.builtFrom, one.issue);
      return one;
    } catch (error) {
      return { error: serialiseError(error) };
    }
  });
}

function prepare(request: Extract<Request, { op: 'prepare' }>): void {
  prepared = null;
  const { facts, stamp } = bundleOf(request.contentDbPath);
  const adding = request.adding.map(({ key, builtFrom }) => {
    const issue = extracted.get(builtFrom);
    // Not extracted here (the worker started again): the save computes the library as it writes.
    if (issue?.key !== key) throw new Error(`the issue ${key} was not extracted in this worker`);
    return { issue, builtFrom, pipeline: stamp };
  });
  const db = new Database(request.userDbPath, { readonly: true, fileMustExist: true });
  try {
    prepared = { userDbPath: request.userDbPath, build: buildAdding(facts, builtStore(db), keyLedger(db), adding) };
  } finally {
    db.close();
  }
}

/** A writable connection to the user database, set as the main thread's is (WAL and foreign keys: removing an issue removes its rows). */
function openForWriting(path: string): Database.Database {
  const db = new Database(path, { fileMustExist: true, timeout: USER_DB_BUSY_MS });
  try {
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * The change and the library with it, in one transaction: all kept, or nothing. A failure to
 * write (a full disk, a database another process holds for longer than the busy wait) is thrown;
 * a library that cannot take the change in is answered as refused, with why.
 */
function write(request: Extract<Request, { op: 'write' }>): WriteOutcome {
  const ahead = prepared?.userDbPath === request.userDbPath ? prepared.build : null;
  prepared = null;
  const db = openForWriting(request.userDbPath);
  let building = false;
  try {
    const store = importedIssueStore(db);
    const { facts, stamp } = bundleOf(request.contentDbPath);
    const source = {
      built: builtStore(db),
      keys: keyLedger(db),
      bundled: () => facts,
      bundledCount: request.bundledCount,
      pipeline: stamp,
      writable: true,
      now: () => new Date(request.at),
    };
    return store.transaction(() => {
      for (const key of request.change.remove) store.remove(key);
      for (const issue of request.change.put) store.put(issue);
      building = true;
      // The build computed ahead is written as it is unless the library changed since (another process wrote).
      return { notices: writeLibrary(source, store.list(), new Map(), ahead).notices };
    });
  } catch (error) {
    if (building) return { refused: error instanceof Error ? error.message : String(error) };
    throw error;
  } finally {
    db.close();
  }
}

serveRequests<Request>(
  (request, asked) => {
    switch (request.op) {
      case 'analyse':
        return analyse(request, asked);
      case 'extract':
        return extract(request);
      case 'prepare':
        return prepare(request);
      case 'write':
        return write(request);
      case 'cancel':
        return void running.get(request.request)?.abort();
    }
  },
  () => {
    // Its connections are opened and closed by each request: a running analysis is cancelled.
    for (const controller of running.values()) controller.abort();
  },
);
