/**
 * The Electron double is only worth the tests that use it where it behaves as Electron does.
 * These pin the behaviours Valise depends on, each as Electron's documentation states it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/boot-main';
import { tempDir } from '../support/content';
import { createElectronDouble } from '../support/electron-double';
import { acrossProcesses, contextBridgeFor } from '../support/electron-double/ipc';
import { runPreload } from '../support/electron-double/preload';
import { cspSandboxes } from '../support/electron-double/windows';
import { matchesPattern, originOf } from '../support/electron-double/web-rules';

const double = () => createElectronDouble({ appPath: PROJECT_ROOT, appData: tempDir() });

describe('URLs, as main (Node) and the page (Chromium) see them', () => {
  it('Node gives an app: URL the origin "null"; Chromium gives a standard scheme a tuple origin', () => {
    expect(new URL('app://valise/index.html').origin).toBe('null');
    expect(originOf('app://valise/index.html', new Set(['app']))).toBe('app://valise');
    expect(originOf('app://valise/index.html', new Set())).toBe('null');
    expect(originOf('file:///tmp/x.html', new Set())).toBe('file://');
    expect(originOf('http://127.0.0.1:5190/x', new Set())).toBe('http://127.0.0.1:5190');
    expect(originOf('about:blank', new Set(), 'app://valise')).toBe('app://valise');
    expect(originOf('blob:app://valise/3c1e-77', new Set(['app']))).toBe('app://valise');
    expect(originOf('blob:https://example.org/3c1e', new Set())).toBe('https://example.org');
    expect(originOf('data:text/html,<p>x</p>', new Set(['app']))).toBe('null');
  });

  it('makes a document sandboxed by its CSP opaque, unless the sandbox allows its own origin', () => {
    expect(cspSandboxes(new Headers({ 'Content-Security-Policy': "default-src 'self'; sandbox" }))).toBe(true);
    expect(cspSandboxes(new Headers({ 'Content-Security-Policy': 'sandbox allow-scripts' }))).toBe(true);
    expect(cspSandboxes(new Headers({ 'Content-Security-Policy': 'sandbox allow-scripts allow-same-origin' }))).toBe(
      false,
    );
    expect(cspSandboxes(new Headers({ 'Content-Security-Policy': "default-src 'self'; script-src 'self'" }))).toBe(
      false,
    );
  });

  it('matches WebRequest patterns as Chromium does', () => {
    expect(matchesPattern('http://*/*', 'http://127.0.0.1:8080/a?b')).toBe(true);
    expect(matchesPattern('http://*/*', 'https://example.org/')).toBe(false);
    expect(matchesPattern('*://*.example.org/*', 'https://www.example.org/x')).toBe(true);
    expect(matchesPattern('ws://*/*', 'wss://example.org/')).toBe(false);
  });
});

describe('the app object', () => {
  it('refuses a user data folder that does not exist, and the screen before ready', () => {
    const d = double();
    expect(() => d.app.setPath('userData', join(tempDir(), 'missing'))).toThrow(/does not exist/);
    expect(() => d.electron.screen.getAllDisplays()).toThrow(/before the app 'ready'/);
    d.app.emitReady();
    expect(d.electron.screen.getAllDisplays()).toHaveLength(1);
  });

  it('registers privileged schemes only before ready, and protocol handlers only after', () => {
    const d = double();
    expect(() => d.protocol.handle('app', () => new Response(''))).toThrow(/after app is ready/);
    d.app.emitReady();
    expect(() => d.protocol.registerSchemesAsPrivileged([{ scheme: 'app' }])).toThrow(/before app is ready/);
  });
});

describe('IPC', () => {
  it('carries structured clones only, and one handler per channel', () => {
    expect(() => acrossProcesses({ run: () => 1 })).toThrow('An object could not be cloned.');
    expect(acrossProcesses({ a: [1, { b: 'c' }] })).toEqual({ a: [1, { b: 'c' }] });
    const d = double();
    d.ipcMain.handle('x', () => 1);
    expect(() => d.ipcMain.handle('x', () => 2)).toThrow(/second handler/);
  });
});

/** Writes a preload script into a new folder; returns its path. */
function preloadFile(code: string, name = 'preload.js'): string {
  const file = join(tempDir(), name);
  writeFileSync(file, code);
  return file;
}

describe('a sandboxed preload', () => {
  it('may require electron, events, timers and url, and nothing else', () => {
    const electron = { contextBridge: {}, ipcRenderer: {} };
    const ok = preloadFile(
      "require('electron'); require('electron/renderer'); require('events'); require('node:timers'); require('url');",
    );
    expect(() => runPreload({ filePath: ok, sandbox: true, contextIsolation: true, electron })).not.toThrow();
    for (const name of ['fs', 'node:path', 'zod', 'module']) {
      const file = preloadFile(`require('${name}');`);
      expect(() => runPreload({ filePath: file, sandbox: true, contextIsolation: true, electron }), name).toThrow(
        `module not found: ${name}`,
      );
    }
    expect(() => runPreload({ filePath: 'relative.js', sandbox: true, contextIsolation: true, electron })).toThrow(
      /absolute path/,
    );
  });

  it('runs with exactly Electron’s sandbox globals, in a world of its own whose global is its window', () => {
    // lib/sandboxed_renderer/preload.ts: the preload's parameters are require, process, exports,
    // module, Buffer, global, setImmediate and clearImmediate; the isolated world adds the web's globals.
    const seen: Record<string, unknown> = {};
    const file = preloadFile(`
      const record = require('electron').record;
      for (const name of ['require', 'process', 'exports', 'module', 'Buffer', 'global', 'setImmediate', 'clearImmediate', '__filename', '__dirname', 'window', 'document', 'setTimeout', 'console', 'URL', 'TextEncoder'])
        record(name, eval('typeof ' + name));
      record('window is global is globalThis', window === global && global === globalThis);
      record('Node on the global', ['process', 'Buffer', 'require', 'setImmediate', 'module'].filter((name) => name in globalThis));
      record('process keys', Object.keys(process).filter((k) => !k.startsWith('_')).sort());
      globalThis.leaked = 1;
    `);
    runPreload({
      filePath: file,
      sandbox: true,
      contextIsolation: true,
      electron: { record: (name: string, value: unknown) => void (seen[name] = value) },
    });
    const defined = Object.entries(seen)
      .filter(([, v]) => v !== 'undefined' && typeof v === 'string')
      .map(([k]) => k);
    expect(defined).toEqual([
      'require',
      'process',
      'exports',
      'module',
      'Buffer',
      'global',
      'setImmediate',
      'clearImmediate',
      'window',
      'setTimeout',
      'console',
      'URL',
      'TextEncoder',
    ]);
    expect(seen['window is global is globalThis']).toBe(true);
    expect(seen['Node on the global']).toEqual([]);
    expect(seen['process keys']).toEqual(
      expect.arrayContaining([
        'type',
        'sandboxed',
        'contextIsolated',
        'platform',
        'versions',
        'env',
        'argv',
        'pid',
        'crash',
        'getProcessMemoryInfo',
      ]),
    );
    expect(seen['process keys']).not.toContain('cwd');
    expect(seen['process keys']).not.toContain('mainModule');
    expect('leaked' in globalThis, 'the preload’s globals stay in its own world').toBe(false);
  });
});

describe('contextBridge, copying as Electron documents it', () => {
  /** What the page gets of `api` as a preload in its own world exposes it. */
  function exposed(code: string): Record<string, unknown> {
    const world: Record<string, unknown> = {};
    const file = preloadFile(`require('electron').contextBridge.exposeInMainWorld('api', (() => { ${code} })());`);
    runPreload({
      filePath: file,
      sandbox: true,
      contextIsolation: true,
      electron: { contextBridge: contextBridgeFor(world, true) },
    });
    return world.api as Record<string, unknown>;
  }

  it('clones Uint8Array, Date, Map, Set and RegExp, as structured clones in the page’s own world', () => {
    const api = exposed(
      `return { bytes: new Uint8Array([1, 2, 3]), date: new Date(Date.UTC(2024, 8, 1)), map: new Map([['a', 1]]), set: new Set(['x']), re: /a+/g };`,
    );
    expect(api.bytes).toBeInstanceOf(Uint8Array);
    expect([...(api.bytes as Uint8Array)]).toEqual([1, 2, 3]);
    expect(api.date).toBeInstanceOf(Date);
    expect((api.date as Date).toISOString()).toBe('2024-09-01T00:00:00.000Z');
    expect(api.map).toBeInstanceOf(Map);
    expect([...(api.map as Map<string, number>)]).toEqual([['a', 1]]);
    expect(api.set).toBeInstanceOf(Set);
    expect(api.re).toBeInstanceOf(RegExp);
    expect(String(api.re)).toBe('/a+/g');
  });

  it('copies an Error as a new Error with its message only, and a class instance as its own values without its prototype', () => {
    const api = exposed(`
      class Point { constructor() { this.x = 1; } norm() { return 1; } get twice() { return 2; } }
      const error = Object.assign(new TypeError('refused'), { code: 'E_NO' });
      return { error, point: new Point(), withGetter: { get computed() { return 42; } }, symbol: Symbol.for('s') };`);
    expect(api.error).toBeInstanceOf(Error);
    expect(api.error).toMatchObject({ message: 'refused', name: 'Error' });
    expect((api.error as { code?: string }).code).toBeUndefined();
    expect(api.point).toEqual({ x: 1 });
    expect(Object.getPrototypeOf(api.point)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(api.withGetter, 'computed')).toMatchObject({ value: 42 });
    expect(api.symbol).toBe(Symbol.for('s'));
  });

  it('proxies functions and promises: arguments and results are copied each way, errors thrown arrive as Errors', async () => {
    const api = exposed(`
      let kept;
      return {
        keep(value) { kept = value; return kept instanceof Date; },
        kept: () => kept,
        later: () => Promise.resolve(new Map([['k', new Uint8Array([9])]])),
        refuse: () => Promise.reject(Object.assign(new RangeError('no'), { detail: 1 })),
        fail() { throw new Error('thrown in the preload'); },
      };`);
    const keep = api.keep as (value: unknown) => boolean;
    const argument = { when: new Date(0) };
    expect(keep(argument)).toBe(false);
    const kept = (api.kept as () => { when: Date })();
    expect(kept).not.toBe(argument);
    expect(kept.when).toBeInstanceOf(Date);
    const later = await (api.later as () => Promise<Map<string, Uint8Array>>)();
    expect(later).toBeInstanceOf(Map);
    expect(later.get('k')).toBeInstanceOf(Uint8Array);
    await expect((api.refuse as () => Promise<never>)()).rejects.toMatchObject({ message: 'no', name: 'Error' });
    expect(() => (api.fail as () => void)()).toThrow('thrown in the preload');
  });

  it('refuses what cannot be cloned, and an API over an existing name', () => {
    expect(() => exposed('return { map: new WeakMap() };')).toThrow(/could not be cloned/);
    const world: Record<string, unknown> = { taken: 1 };
    expect(() => contextBridgeFor(world, true).exposeInMainWorld('taken', {})).toThrow(/existing property/);
    expect(() => contextBridgeFor({}, false).exposeInMainWorld('api', {})).toThrow(/contextIsolation/);
  });
});

describe('executeJavaScript', () => {
  it('runs in the page’s main world, and its result comes back cloned', async () => {
    const d = double();
    d.app.emitReady();
    const window = new d.BrowserWindow({ show: false });
    window.webContents.mainWorld = { answer: (n: number) => Promise.resolve({ n, at: new Date(0) }) };
    const result = (await window.webContents.executeJavaScript('window.answer(41 + 1)')) as { n: number; at: Date };
    expect(result).toEqual({ n: 42, at: new Date(0) });
    await expect(window.webContents.executeJavaScript('window.missing.call()')).rejects.toThrow();
  });
});
