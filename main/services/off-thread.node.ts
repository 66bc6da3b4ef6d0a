/**
 * The main thread's side of the analysis worker (analysis-worker.node.ts): reading a PDF,
 * extracting an issue and computing the library with it run in a worker_threads worker, so the
 * main process answers the window (searches, bookmarks) while an import is analysed. The
 * services keep their interfaces: with no worker (the CLI, the tests, a source checkout run by
 * tsx) the same functions run in-process.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { KeyObject } from 'node:crypto';
import type { EntityRecord } from '../../db/pipeline/entities/extract-entities.std';
import type { ExtractedIssue } from '../../db/pipeline/extract-issue.std';
import { ImportError, type ImportProblem } from './import-error.node';
import type { Analysed, Candidate } from './import.node';
import type { BuiltIssue } from './imported-issues.node';
import type { PreparedBuild } from './library.node';

/** The worker's file in a build (electron-vite bundles it beside main's index.js). */
export const WORKER_FILE = 'analysis-worker.js';

export interface WorkerEntry {
  /** The worker's script. */
  file: string;
  /** For a TypeScript entry run from source: ['--import', 'tsx']. */
  execArgv?: string[];
}

/**
 * The built worker beside main's index.js, if there is one (not when running from source). This
 * module may be bundled into a shared chunk (out/main/chunks/), so the folder above is looked in too.
 */
export function builtWorker(dir = __dirname): WorkerEntry | null {
  const file = [join(dir, WORKER_FILE), join(dir, '..', WORKER_FILE)].find((f) => existsSync(f));
  return file ? { file } : null;
}

export type Extracted = { issue: ExtractedIssue; entities: EntityRecord[] } | { error: SerialisedError };

export interface SerialisedError {
  name: string;
  message: string;
  problem?: ImportProblem;
  localised?: ImportError['localised'];
}

export interface OffThread {
  analyse(name: string, bytes: Uint8Array, options: { trustedKeys: Map<string, KeyObject>; onProgress?: (done: number, total: number) => void; signal?: AbortSignal }): Promise<Analysed>;
  extract(candidates: Candidate[]): Promise<Extracted[]>;
  prepare(request: { contentDbPath: string; userDbPath: string; adding: BuiltIssue[] }): Promise<PreparedBuild>;
  close(): Promise<void>;
}

export type Request =
  | { op: 'analyse'; id: number; name: string; bytes: Uint8Array; trustedKeys: [string, KeyObject][] }
  | { op: 'extract'; id: number; candidates: Candidate[] }
  | { op: 'prepare'; id: number; contentDbPath: string; userDbPath: string; adding: BuiltIssue[] }
  | { op: 'cancel'; id: number };

/** A request before it is numbered. */
type Unnumbered = Request extends infer R ? (R extends Request ? Omit<R, 'id'> : never) : never;

export type Reply = { id: number; progress: [number, number] } | { id: number; value: unknown } | { id: number; error: SerialisedError };

export function serialiseError(error: unknown): SerialisedError {
  const e = error instanceof Error ? error : new Error(String(error));
  return { name: e.name, message: e.message, ...(e instanceof ImportError ? { problem: e.problem, localised: e.localised } : {}) };
}

export function reviveError(error: SerialisedError): Error {
  if (error.problem) return new ImportError(error.problem, error.message, error.localised);
  return Object.assign(new Error(error.message), { name: error.name });
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  onProgress?: (done: number, total: number) => void;
}

/** Starts the worker on the first request, so that opening the services never waits for it. */
export function startOffThread(entry: WorkerEntry): OffThread {
  let worker: Worker | null = null;
  const pending = new Map<number, Pending>();
  let next = 1;
  let failure: Error | null = null;
  const failAll = (error: Error) => {
    failure = error;
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };
  const started = (): Worker => {
    if (worker) return worker;
    worker = new Worker(entry.file, { execArgv: entry.execArgv ?? [] });
    // The worker never keeps the process alive on its own: the CLI and the tests exit when done.
    worker.unref();
    worker.on('message', (reply: Reply) => {
      const waiting = pending.get(reply.id);
      if (!waiting) return;
      if ('progress' in reply) return void waiting.onProgress?.(...reply.progress);
      pending.delete(reply.id);
      if ('error' in reply) waiting.reject(reviveError(reply.error));
      else waiting.resolve(reply.value);
    });
    worker.on('error', failAll);
    worker.on('exit', (code) => failAll(new Error(`the analysis worker stopped (exit code ${code})`)));
    return worker;
  };
  const ask = <T>(request: Unnumbered, extra: { onProgress?: Pending['onProgress']; signal?: AbortSignal } = {}): Promise<T> => {
    if (failure) return Promise.reject(failure);
    const id = next++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress: extra.onProgress });
      const thread = started();
      extra.signal?.addEventListener('abort', () => thread.postMessage({ op: 'cancel', id }), { once: true });
      thread.postMessage({ ...request, id });
    });
  };
  return {
    analyse: (name, bytes, options) => ask<Analysed>({ op: 'analyse', name, bytes, trustedKeys: [...options.trustedKeys] }, options),
    extract: (candidates) => ask<Extracted[]>({ op: 'extract', candidates }),
    prepare: (request) => ask<PreparedBuild>({ op: 'prepare', ...request }),
    close: async () => {
      pending.clear();
      failure = new Error('the analysis worker was closed');
      await worker?.terminate();
    },
  };
}
