/**
 * Runs a preload script the way Electron does for a frame's new document.
 *
 * Sandboxed (the default), as lib/sandboxed_renderer/preload.ts runs it: the script is the body of a
 * function whose parameters are exactly `require`, `process`, `exports`, `module`, `Buffer`,
 * `global`, `setImmediate` and `clearImmediate` (no `__filename`, no `__dirname`), compiled in the
 * isolated world, a V8 context of its own (here `vm.createContext`): its global object is that
 * world's `window` (`window === global === globalThis`), which has JavaScript's built-ins and the
 * web's globals the double can give (console, timers, URL, TextEncoder…), no DOM (the double has no
 * page), and nothing of Node's: no global `require`, `process`, `Buffer` or `setImmediate`.
 * `require` knows only `electron` (also `electron/renderer`, `electron/common`), `events`, `timers`
 * and `url` (also with `node:`), and throws "module not found" for anything else; `process` is
 * Electron's sandboxed subset (docs/api/process.md › Sandbox). A preload bundle that needs more
 * fails here as it would in the app.
 *
 * Unsandboxed, it is a CommonJS module with Node's `require`, `process`, `__filename` and `__dirname`.
 */
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute } from 'node:path';
import { performance } from 'node:perf_hooks';
import { compileFunction, createContext, runInContext, runInThisContext, type Context } from 'node:vm';

/** The Node modules a sandboxed preload may require (lib/sandboxed_renderer/init.ts). */
const SANDBOX_MODULES = new Set(['events', 'timers', 'url']);
const ELECTRON_MODULES = new Set(['electron', 'electron/renderer', 'electron/common']);
/** The preload function's parameters, in Electron's order. */
export const SANDBOXED_PRELOAD_PARAMETERS = [
  'require',
  'process',
  'exports',
  'module',
  'Buffer',
  'global',
  'setImmediate',
  'clearImmediate',
] as const;

export interface PreloadRun {
  filePath: string;
  sandbox: boolean;
  contextIsolation: boolean;
  electron: Record<string, unknown>;
}

/** The `process` a sandboxed preload gets: an event emitter with Electron's sandboxed subset, nothing else of Node's. */
function sandboxedProcess(contextIsolation: boolean): EventEmitter {
  return Object.assign(new EventEmitter(), {
    type: 'renderer',
    sandboxed: true,
    contextIsolated: contextIsolation,
    contextId: `${process.pid}-1`,
    platform: process.platform,
    arch: process.arch,
    version: process.version,
    versions: { ...process.versions },
    env: { ...process.env },
    argv: [] as string[],
    execPath: process.execPath,
    pid: process.pid,
    mas: false,
    windowsStore: false,
    crash: () => {},
    hang: () => {},
    uptime: () => process.uptime(),
    getCreationTime: () => performance.timeOrigin,
    getHeapStatistics: () => ({}),
    getBlinkMemoryInfo: () => ({}),
    getProcessMemoryInfo: () => Promise.resolve({}),
    getSystemMemoryInfo: () => ({}),
    getSystemVersion: () => '',
    getCPUUsage: () => ({ percentCPUUsage: 0, idleWakeupsPerSecond: 0 }),
  });
}

/** The web's globals an isolated world has, as far as Node can give them (there is no DOM). */
function webGlobals(): Record<string, unknown> {
  return {
    console,
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    queueMicrotask,
    structuredClone,
    atob,
    btoa,
    URL,
    URLSearchParams,
    TextEncoder,
    TextDecoder,
    AbortController,
    AbortSignal,
    Event,
    EventTarget,
    performance,
  };
}

/** A JavaScript world of a page's document: a context of its own, whose global is its `window`, with `own` among its globals. */
export function newWorld(own: Record<string, unknown> = {}): { context: Context; global: object } {
  const context = createContext({ ...webGlobals(), ...own });
  runInContext('globalThis.window = globalThis; globalThis.self = globalThis;', context);
  return { context, global: runInContext('globalThis', context) as object };
}

function sandboxedRequire(electron: Record<string, unknown>, filePath: string): (name: string) => unknown {
  const nodeRequire = createRequire(filePath);
  return (name: string) => {
    if (ELECTRON_MODULES.has(name)) return electron;
    if (SANDBOX_MODULES.has(name.replace(/^node:/, ''))) return nodeRequire(name);
    throw new Error(`module not found: ${name}`);
  };
}

function runSandboxed({ filePath, contextIsolation, electron }: PreloadRun): void {
  const { context, global } = newWorld();
  const preload = compileFunction(readFileSync(filePath, 'utf8'), [...SANDBOXED_PRELOAD_PARAMETERS], {
    parsingContext: context,
    filename: filePath,
  }) as (...args: unknown[]) => void;
  const exports = {};
  preload(
    sandboxedRequire(electron, filePath),
    sandboxedProcess(contextIsolation),
    exports,
    { exports },
    Buffer,
    global,
    setImmediate,
    clearImmediate,
  );
}

function runUnsandboxed({ filePath, electron }: PreloadRun): void {
  const nodeRequire = createRequire(filePath);
  const load = (name: string): unknown => (ELECTRON_MODULES.has(name) ? electron : nodeRequire(name));
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${readFileSync(filePath, 'utf8')}\n})`;
  const compiled = runInThisContext(wrapped, { filename: filePath }) as (...args: unknown[]) => void;
  const module = { exports: {} };
  compiled(module.exports, load, module, filePath, dirname(filePath));
}

export function runPreload(run: PreloadRun): void {
  if (!isAbsolute(run.filePath)) throw new Error(`The preload script must be an absolute path: ${run.filePath}`);
  if (run.sandbox) runSandboxed(run);
  else runUnsandboxed(run);
}
