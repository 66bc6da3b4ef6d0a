/**
 * Runs a preload script the way Electron does for a frame's new document. Sandboxed (the
 * default), a preload is one script whose `require` knows only `electron` (renderer modules),
 * `events`, `timers` and `url`: a preload bundle that needs anything else fails here as it
 * would in the app. Unsandboxed, it gets Node's `require`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute } from 'node:path';
import { runInThisContext } from 'node:vm';

const SANDBOX_MODULES = new Set(['events', 'timers', 'url']);

export interface PreloadRun {
  filePath: string;
  sandbox: boolean;
  contextIsolation: boolean;
  electron: Record<string, unknown>;
}

/** The preload's own world: a `window` of its own (not the page's), and Electron's renderer `process`. */
function isolatedGlobals(sandbox: boolean, contextIsolation: boolean) {
  const rendererProcess = { type: 'renderer', sandboxed: sandbox, contextIsolated: contextIsolation, platform: process.platform, versions: process.versions, env: {}, argv: [] };
  const window: Record<string, unknown> = {};
  return { process: sandbox ? rendererProcess : Object.assign(Object.create(process), rendererProcess), window, global: window };
}

export function runPreload({ filePath, sandbox, contextIsolation, electron }: PreloadRun): void {
  if (!isAbsolute(filePath)) throw new Error(`The preload script must be an absolute path: ${filePath}`);
  const nodeRequire = createRequire(filePath);
  const load = (name: string): unknown => {
    if (name === 'electron' || name === 'electron/renderer') return electron;
    if (!sandbox) return nodeRequire(name);
    if (SANDBOX_MODULES.has(name) || SANDBOX_MODULES.has(name.replace(/^node:/, ''))) return nodeRequire(name);
    throw new Error(`module not found: ${name}`);
  };
  const globals = isolatedGlobals(sandbox, contextIsolation);
  const wrapped = `(function (exports, require, module, __filename, __dirname, process, window, global) {${readFileSync(filePath, 'utf8')}\n})`;
  const compiled = runInThisContext(wrapped, { filename: filePath }) as (...args: unknown[]) => void;
  const module = { exports: {} };
  compiled(module.exports, load, module, filePath, dirname(filePath), globals.process, globals.window, globals.global);
}
