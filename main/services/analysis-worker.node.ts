/**
 * The analysis worker (worker_threads): reads PDFs, extracts issues and computes the library
 * with an issue added, off the main thread (see off-thread.node.ts). It opens its own read-only
 * connections to the bundle and the user database; it never writes.
 */
import Database from 'better-sqlite3';
import { parentPort } from 'node:worker_threads';
import { entitiesOf } from '../../db/build-content.node';
import { keyLedger } from './entity-keys.node';
import { analyseFile, extractCandidate } from './import.node';
import { builtStore } from './imported-issues.node';
import { bundleFacts, buildLibrary, type BundleFacts } from './library.node';
import { serialiseError, type Extracted, type Reply, type Request } from './off-thread.node';

const port = parentPort!;
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

async function answer(request: Exclude<Request, { op: 'cancel' }>): Promise<unknown> {
  switch (request.op) {
    case 'analyse': {
      const controller = new AbortController();
      running.set(request.id, controller);
      try {
        return await analyseFile(request.name, request.bytes, {
          trustedKeys: new Map(request.trustedKeys),
          signal: controller.signal,
          onProgress: (done, total) => port.postMessage({ id: request.id, progress: [done, total] } satisfies Reply),
        });
      } finally {
        running.delete(request.id);
      }
    }
    case 'extract':
      return request.candidates.map((candidate): Extracted => {
        try {
          const issue = extractCandidate(candidate);
          return { issue, entities: entitiesOf([issue]) };
        } catch (error) {
          return { error: serialiseError(error) };
        }
      });
    case 'prepare': {
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
  }
}

port.on('message', (request: Request) => {
  if (request.op === 'cancel') return void running.get(request.id)?.abort();
  answer(request).then(
    (value) => port.postMessage({ id: request.id, value } satisfies Reply),
    (error: unknown) => port.postMessage({ id: request.id, error: serialiseError(error) } satisfies Reply),
  );
});
