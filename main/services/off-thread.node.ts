/**
 * The main thread's side of the analysis worker (analysis-worker.node.ts): reading a PDF,
 * extracting an issue and computing the library with it run in a worker_threads worker, so the
 * main process answers the window (searches, bookmarks) while an import is analysed. The
 * services keep their interfaces: with no worker (the CLI, the tests, a source checkout run by
 * tsx) the same functions run in-process.
 */
import type { KeyObject } from 'node:crypto';
import type { EntityRecord } from '../../db/pipeline/entities/extract-entities.std';
import type { ExtractedIssue } from '../../db/pipeline/extract-issue.std';
import type { Analysed, Candidate } from './import.node';
import type { BuiltIssue } from './imported-issues.node';
import type { PreparedBuild } from './library.node';
import { workerClient, type SerialisedError, type WorkerEntry } from './worker-rpc.node';

/** The worker's file in a build (electron-vite bundles it beside main's index.js). */
export const WORKER_FILE = 'analysis-worker.js';

export type Extracted = { issue: ExtractedIssue; entities: EntityRecord[] } | { error: SerialisedError };

export interface OffThread {
  analyse(name: string, bytes: Uint8Array, options: { trustedKeys: Map<string, KeyObject>; onProgress?: (done: number, total: number) => void; signal?: AbortSignal }): Promise<Analysed>;
  extract(candidates: Candidate[]): Promise<Extracted[]>;
  prepare(request: { contentDbPath: string; userDbPath: string; adding: BuiltIssue[] }): Promise<PreparedBuild>;
  close(): Promise<void>;
}

export type Request =
  | { op: 'analyse'; name: string; bytes: Uint8Array; trustedKeys: [string, KeyObject][] }
  | { op: 'extract'; candidates: Candidate[] }
  | { op: 'prepare'; contentDbPath: string; userDbPath: string; adding: BuiltIssue[] }
  | { op: 'cancel'; request: number };

/** The analysis worker, started on the first request. */
export function startOffThread(entry: WorkerEntry): OffThread {
  const client = workerClient<Request>(entry);
  return {
    analyse: (name, bytes, options) => client.ask<Analysed>({ op: 'analyse', name, bytes, trustedKeys: [...options.trustedKeys] }, options),
    extract: (candidates) => client.ask<Extracted[]>({ op: 'extract', candidates }),
    prepare: (request) => client.ask<PreparedBuild>({ op: 'prepare', ...request }),
    close: () => client.close(),
  };
}
