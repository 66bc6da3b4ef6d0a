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
import { acrossProcesses } from '../support/electron-double/ipc';
import { runPreload } from '../support/electron-double/preload';
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

describe('a sandboxed preload', () => {
  it('may require electron, events, timers and url, and nothing else', () => {
    const dir = tempDir();
    const write = (name: string, code: string) => {
      writeFileSync(join(dir, name), code);
      return join(dir, name);
    };
    const electron = { contextBridge: {}, ipcRenderer: {} };
    const ok = write('ok.js', "require('electron'); require('events'); require('timers'); require('url');");
    expect(() => runPreload({ filePath: ok, sandbox: true, contextIsolation: true, electron })).not.toThrow();
    for (const name of ['fs', 'node:path', 'zod']) {
      const file = write(`needs-${name.replace(':', '-')}.js`, `require('${name}');`);
      expect(() => runPreload({ filePath: file, sandbox: true, contextIsolation: true, electron }), name).toThrow(`module not found: ${name}`);
    }
    expect(() => runPreload({ filePath: 'relative.js', sandbox: true, contextIsolation: true, electron })).toThrow(/absolute path/);
  });
});
