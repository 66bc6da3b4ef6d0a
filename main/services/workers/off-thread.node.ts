/**
 * The main thread's side of the analysis worker (analysis-worker.node.ts): reading a PDF,
 * extracting an issue and computing the library with it run in a worker_threads worker, so the
 * main process answers the window (searches, bookmarks) while an import is analysed. The
 * services keep their interfaces: with no worker (the CLI, the tests, a source checkout run by
 * tsx) the same functions run in-process.
 */
import type { KeyObject } from 'node:crypto';
import type { Corrections } from '../../../common/contract/import.std';
import type { Analysed, Candidate, ExtractedWithReview } from '../import/import-analysis.node';
import type { StoredIssue } from '../library/imported-issues.node';
import type { UserDbNotice } from '../user-data/user-db.node';
import { ImportError } from '../import/import-error.node';
import { workerClient, type SerialisedError, type WorkerEntry } from './worker-rpc.node';

/** The worker's file in a build (electron-vite bundles it beside main's index.js). */
export const WORKER_FILE = 'analysis-worker.js';

export type Extracted = ExtractedWithReview | { error: SerialisedError };

/** Imported issues taken out and put in (added, or replacing the one of their key), saved as one. */
export interface LibraryChange {
  remove: string[];
  put: StoredIssue[];
}

/** What writing a change gave: the issues left out of the library, or why the library refused it (nothing was kept). */
export type WriteOutcome = { notices: UserDbNotice[] } | { refused: string };

export interface PrepareRequest {
  contentDbPath: string;
  userDbPath: string;
  adding: { key: string; builtFrom: string }[];
}

/** Where the worker writes a change (the library it writes is stamped with the bundle's pipeline, which the worker reads). */
export interface WriteRequest {
  contentDbPath: string;
  userDbPath: string;
  bundledCount: number;
  /** When the change is made (ISO), for the key ledger. */
  at: string;
  change: LibraryChange;
}

/** Errors that cross from the worker as what they were: an ImportError keeps its problem and its catalogue message. */
export function reviveImportError(error: SerialisedError): Error | null {
  return error.name === 'ImportError' && typeof error.problem === 'string'
    ? new ImportError(
        error.problem as ImportError['problem'],
        error.message,
        error.localised as ImportError['localised'],
      )
    : null;
}

export interface OffThread {
  analyse(
    name: string,
    bytes: Uint8Array,
    options: {
      trustedKeys: Map<string, KeyObject>;
      onProgress?: (done: number, total: number) => void;
      signal?: AbortSignal;
    },
  ): Promise<Analysed>;
  /** Each candidate with the corrections, checked, extracted; the worker keeps the issues for `prepare`. */
  extract(candidates: Candidate[], corrections?: Corrections): Promise<Extracted[]>;
  /**
   * Computes the library with these issues added (the ones `extract` gave, named by key and what
   * they are built from), and keeps it in the worker for `write`.
   */
  prepare(request: PrepareRequest): Promise<void>;
  /** Writes the change and the library with it in the worker's own connection (BEGIN IMMEDIATE, busy wait). */
  write(request: WriteRequest): Promise<WriteOutcome>;
  close(): Promise<void>;
}

export type Request =
  | { op: 'analyse'; name: string; bytes: Uint8Array; trustedKeys: [string, KeyObject][] }
  | { op: 'extract'; candidates: Candidate[]; corrections?: Corrections }
  | ({ op: 'prepare' } & PrepareRequest)
  | ({ op: 'write' } & WriteRequest)
  | { op: 'cancel'; request: number };

/** The analysis worker, started on the first request. */
export function startOffThread(entry: WorkerEntry): OffThread {
  const client = workerClient<Request>(entry, { revive: reviveImportError });
  return {
    analyse: (name, bytes, options) =>
      client.ask<Analysed>({ op: 'analyse', name, bytes, trustedKeys: [...options.trustedKeys] }, options),
    extract: (candidates, corrections) => client.ask<Extracted[]>({ op: 'extract', candidates, corrections }),
    prepare: (request) => client.ask<void>({ op: 'prepare', ...request }),
    write: (request) => client.ask<WriteOutcome>({ op: 'write', ...request }),
    close: () => client.close(),
  };
}
