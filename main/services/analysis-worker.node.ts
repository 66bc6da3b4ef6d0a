/**
 * The analysis worker (worker_threads): reads PDFs, extracts issues and computes the library
 * with an issue added, off the main thread (see off-thread.node.ts). It opens its own read-only
 * connections to the bundle and the user database; it never writes.
 */
import Database from 'better-sqlite3';
import { entitiesOf } from '../../db/build-content.node';
import { keyLedger } from './entity-keys.node';
import { analyseFile, extractCandidate } from './import.node';
import { builtStore } from './imported-issues.node';
import { bundleFacts, buildLibrary, type BundleFacts } from './library.node';
import type { Extracted, Request } from './off-thread.node';
import { serialiseError, serveRequests } from './worker-rpc.node';

const running = new Map<number, AbortController>();
let bundle: { path: string; facts: BundleFacts } | null = null;

function factsOf(path: string): BundleFacts {
  if (bundle?.path !== path) {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      bundle = { path, facts: bundleFacts(db) };
    } finally {
      db.close();
    }
  }
  return bundle.facts;
}

async function analyse(request: Extract<Request, { op: 'analyse' }>, { id, progress }: { id: number; progress: (done: number, total: number) => void }) {
  const controller = new AbortController();
  running.set(id, controller);
  try {
    return await analyseFile(request.name, request.bytes, { trustedKeys: new Map(request.trustedKeys), signal: controller.signal, onProgress: progress });
  } finally {
    running.delete(id);
  }
}

function extract(request: Extract<Request, { op: 'extract' }>): Extracted[] {
  return request.candidates.map((candidate): Extracted => {
    try {
      const issue = extractCandidate(candidate);
      return { issue, entities: entitiesOf([issue]) };
    } catch (error) {
      return { error: serialiseError(error) };
    }
  });
}

function prepare(request: Extract<Request, { op: 'prepare' }>) {
  const facts = factsOf(request.contentDbPath);
  const db = new Database(request.userDbPath, { readonly: true, fileMustExist: true });
  try {
    const adding = new Set(request.adding.map((b) => b.issue.key));
    const built = builtStore(db);
    const kept = built.issues().filter((b) => !adding.has(b.issue.key));
    return buildLibrary(facts, [...kept, ...request.adding], keyLedger(db), built.shardDigests());
  } finally {
    db.close();
  }
}

serveRequests<Request>((request, asked) => {
  switch (request.op) {
    case 'analyse':
      return analyse(request, asked);
    case 'extract':
      return extract(request);
    case 'prepare':
      return prepare(request);
    case 'cancel':
      return void running.get(request.request)?.abort();
  }
}, () => {
  // Its connections are opened and closed by each request: a running analysis is cancelled.
  for (const controller of running.values()) controller.abort();
});
