/**
 * Asking a worker_threads worker, and answering in one: numbered requests, one reply each (a
 * value or an error), progress on the way, and messages that want no reply. Both of main's
 * workers speak it: the analysis worker (off-thread.node.ts) and the search worker
 * (search-off-thread.node.ts). The worker starts on the first message, so opening the services
 * never waits for it, and never keeps a process alive on its own (the CLI and the tests exit).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parentPort, Worker } from 'node:worker_threads';

export interface WorkerEntry {
  /** The worker's script. */
  file: string;
  /** For a TypeScript entry run from source: ['--import', 'tsx']. */
  execArgv?: string[];
}

/**
 * A worker built beside main's index.js (electron-vite bundles each worker there), if there is one:
 * not when running from source. This module may be bundled into a shared chunk (out/main/chunks/),
 * so the folder above is looked in too.
 */
export function builtWorker(fileName: string, dir = __dirname): WorkerEntry | null {
  // Absolute: a Worker takes a relative path only as './…', and `dir` may be relative to the working folder.
  const file = [resolve(dir, fileName), resolve(dir, '..', fileName)].find((f) => existsSync(f));
  return file ? { file } : null;
}

/**
 * An error as it crosses a worker's port: its name, its message, and its own fields that are plain
 * data (an SqliteError's `code`, an import refusal's `problem` and catalogue message). The transport
 * knows no error class: the client's `revive` makes one of its own kinds again.
 */
export interface SerialisedError {
  name: string;
  message: string;
  [field: string]: unknown;
}

/** Whether a field's value is plain data that crosses a port as it is (a function or a handle does not). */
const isPlainData = (value: unknown): boolean => {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return true;
  if (typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return (
    (proto === Object.prototype || proto === null || Array.isArray(value)) &&
    Object.values(value as object).every(isPlainData)
  );
};

export function serialiseError(error: unknown): SerialisedError {
  const e = error instanceof Error ? error : new Error(String(error));
  const fields = Object.fromEntries(Object.entries(e).filter(([, value]) => isPlainData(value)));
  return { ...fields, name: e.name, message: e.message };
}

/** The error again: as `revive` makes it (an error class of the caller's), else an Error with the same name and fields. */
export function reviveError(error: SerialisedError, revive?: (error: SerialisedError) => Error | null): Error {
  return revive?.(error) ?? Object.assign(new Error(error.message), error);
}

/** The id of a reply to a message that wanted none: only when carrying it out failed. */
const TOLD = 0;
/** The message that asks a worker to close what it holds and end. */
const CLOSE = 'close';
/**
 * How long a worker is given to end by itself before it is terminated. Terminating a thread that
 * holds better-sqlite3 connections can crash the whole process (WiseLibs/better-sqlite3#1476,
 * #1507): a worker closes its connections and ends on its own.
 */
const CLOSE_GRACE_MS = 2000;

export type Reply =
  { id: number; progress: [number, number] } | { id: number; value: unknown } | { id: number; error: SerialisedError };

/** A message to a worker. On the wire a request also carries its `id`, which its reply carries back. */
export interface Message {
  op: string;
}

type Wire<M> = M & { id?: number };

export interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  onProgress?: (done: number, total: number) => void;
}

export interface AskOptions {
  onProgress?: (done: number, total: number) => void;
  /** Aborting sends `{ op: 'cancel', request: id }` (a message with no reply); the worker decides what stops. */
  signal?: AbortSignal;
}

export interface WorkerClient<M extends Message> {
  /** A request: resolves with the worker's value, rejects with its error or when the worker fails. */
  ask<T>(request: M, options?: AskOptions): Promise<T>;
  /** A message that wants no reply (delivered in order with the requests). */
  tell(message: M): void;
  close(): Promise<void>;
}

/**
 * A reply given to the request waiting for it (progress, a value or an error). A message told (not
 * asked) that failed in the worker is returned: what the worker holds can no longer be trusted.
 */
export function settle(
  pending: Map<number, Pending>,
  reply: Reply,
  revive?: (error: SerialisedError) => Error | null,
): Error | null {
  if (reply.id === TOLD && 'error' in reply) return reviveError(reply.error, revive);
  const waiting = pending.get(reply.id);
  if (!waiting) return null;
  if ('progress' in reply) {
    waiting.onProgress?.(...reply.progress);
    return null;
  }
  pending.delete(reply.id);
  if ('error' in reply) waiting.reject(reviveError(reply.error, revive));
  else waiting.resolve(reply.value);
  return null;
}

/** The worker started, unreferenced (it never keeps a process alive), its replies and failures heard; or why it could not start. */
function spawn(
  entry: WorkerEntry,
  onReply: (reply: Reply) => void,
  onFailure: (error: Error) => void,
): { worker: Worker; exited: Promise<void> } | Error {
  let worker: Worker;
  try {
    worker = new Worker(entry.file, { execArgv: entry.execArgv ?? [] });
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
  worker.unref();
  worker.on('message', onReply);
  worker.on('error', onFailure);
  const exited = new Promise<void>((resolve) =>
    worker.once('exit', (code) => {
      onFailure(new Error(`the worker ${entry.file} stopped (exit code ${code})`));
      resolve();
    }),
  );
  return { worker, exited };
}

/**
 * The client of a worker. Every request waiting when the worker fails (an uncaught error, an exit)
 * or a message told that it could not carry out, is rejected with why, so is every later one, and
 * `onFailure` is told once.
 */
export function workerClient<M extends Message>(
  entry: WorkerEntry,
  options: { onFailure?: (error: Error) => void; revive?: (error: SerialisedError) => Error | null } = {},
): WorkerClient<M> {
  let worker: Worker | null = null;
  const pending = new Map<number, Pending>();
  let next = TOLD + 1;
  let failure: Error | null = null;
  const rejectPending = (error: Error) => {
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };
  const failAll = (error: Error) => {
    if (failure) return;
    failure = error;
    rejectPending(error);
    options.onFailure?.(error);
  };
  const answered = (reply: Reply) => {
    const told = settle(pending, reply, options.revive);
    if (told) stop(told);
  };
  let exited: Promise<void> | null = null;
  /** Asks the worker to end, and terminates it only if it has not within CLOSE_GRACE_MS. */
  const end = async () => {
    if (!worker || !exited) return;
    worker.postMessage({ op: CLOSE });
    const late = setTimeout(() => void worker?.terminate(), CLOSE_GRACE_MS);
    await exited;
    clearTimeout(late);
  };
  const stop = (error: Error) => {
    failAll(error);
    void end();
  };
  const started = (): Worker | null => {
    if (worker || failure) return worker;
    const thread = spawn(entry, answered, failAll);
    // Out of threads or memory: failed as a worker that broke, so that the caller's fallback serves.
    if (thread instanceof Error) {
      failAll(thread);
      return null;
    }
    worker = thread.worker;
    exited = thread.exited.then(() => void (exited = null));
    return worker;
  };
  return {
    ask<T>(request: M, extra: AskOptions = {}): Promise<T> {
      if (failure) return Promise.reject(failure);
      const id = next++;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress: extra.onProgress });
        const thread = started();
        extra.signal?.addEventListener('abort', () => thread?.postMessage({ op: 'cancel', request: id }), {
          once: true,
        });
        thread?.postMessage({ ...request, id } satisfies Wire<M>);
      });
    },
    tell: (message) => {
      started()?.postMessage(message satisfies Wire<M>);
    },
    close: async () => {
      // Nothing waits for ever: a request still waiting is refused (not a failure: no fallback starts).
      const closed = new Error('the worker was closed');
      failure ??= closed;
      rejectPending(closed);
      await end();
    },
  };
}

/**
 * The worker's side: each request's answer (or error) goes back under its id; a message with no
 * id is only carried out, and if that fails the client is told (under TOLD) and stops the worker.
 * `answer` may throw or reject: the error is sent back, never left uncaught. On CLOSE, `close`
 * lets go of what the worker holds (its connections) and the worker ends once nothing is running.
 */
export function serveRequests<M extends Message>(
  answer: (message: M, request: { id: number; progress: (done: number, total: number) => void }) => unknown,
  close: () => void = () => {},
): void {
  const port = parentPort!;
  port.on('message', ({ id, ...message }: Wire<M>) => {
    if (message.op === CLOSE) {
      close();
      return port.close();
    }
    const progress = (done: number, total: number) => {
      if (id !== undefined) port.postMessage({ id, progress: [done, total] } satisfies Reply);
    };
    Promise.resolve()
      .then(() => answer(message as unknown as M, { id: id ?? TOLD, progress }))
      .then(
        (value) => id !== undefined && port.postMessage({ id, value } satisfies Reply),
        (error: unknown) => port.postMessage({ id: id ?? TOLD, error: serialiseError(error) } satisfies Reply),
      );
  });
}
