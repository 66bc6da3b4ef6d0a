/**
 * The built Electron shell under the double: the app scheme and what it refuses, the window's
 * web preferences read back, the navigation guard, and the sealed offline session.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../common/app/csp.std';
import { PROJECT_ROOT } from '../support/boot-main';
import { appPerTest } from '../support/electron-app';

const launch = appPerTest();
/** Lets what main does after a dialog's answer (awaited promises) happen. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('app://valise/', () => {
  it('serves the built page with the CSP and nosniff', async () => {
    const { double } = await launch();
    const before = double.session.filesRead.length;
    const response = await double.protocol.request('app://valise/index.html');
    expect(response.status).toBe(200);
    expect(double.session.filesRead.slice(before)).toEqual([join(PROJECT_ROOT, 'out', 'renderer', 'index.html')]);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toBe(readFileSync(join(PROJECT_ROOT, 'out', 'renderer', 'index.html'), 'utf8'));
  });

  it('serves the page’s own script, as JavaScript', async () => {
    const { double } = await launch();
    const html = await (await double.protocol.request('app://valise/')).text();
    const script = /src="(?:\.?\/)?(assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script, 'the page names its script').toBeDefined();
    const response = await double.protocol.request(`app://valise/${script}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
  });

  const REFUSED: [string, number, RequestInit?][] = [
    ['app://valise/..%2f..%2f..%2f..%2fetc%2fpasswd', 403],
    ['app://valise/%2e%2e%2f%2e%2e%2fpackage.json', 403],
    ['app://valise/%5c..%5c..%5cpackage.json', 403],
    ['app://valise/assets/%5c..%5c..%5c..%5cpackage.json', 403],
    ['app://valise/../../package.json', 404],
    ['app://valise/%2e%2e/%2e%2e/package.json', 404],
    ['app://valise/%', 400],
    ['app://valise/%E0%A4%A', 400],
    ['app://other/index.html', 404],
    ['app://valise/no-such-file.js', 404],
    ['app://valise/assets', 404],
    ['app://valise/index.html', 405, { method: 'POST', body: 'x' }],
  ];
  for (const [url, status, init] of REFUSED) {
    it(`refuses ${init?.method ?? 'GET'} ${url} with ${status}, without throwing`, async () => {
      const { double } = await launch();
      const before = double.session.filesRead.length;
      const response = await double.protocol.request(url, init);
      expect(response.status).toBe(status);
      expect(await response.text()).not.toMatch(/"name"|root:/);
      expect(double.protocol.handlerErrors).toEqual([]);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(double.session.filesRead.slice(before), 'refused before any file is read').toEqual([]);
    });
  }
});

describe('the app scheme', () => {
  it('is registered before ready as standard (origin, relative URLs), secure (a secure context), able to fetch, with V8’s code cache', async () => {
    const { double } = await launch();
    expect(double.protocol.privileged.get('app')).toEqual({
      standard: true,
      secure: true,
      supportFetchAPI: true,
      codeCache: true,
    });
  });
});

describe('the window', () => {
  it('is sandboxed and isolated, with no Node in the page, and shows the app’s page', async () => {
    const app = await launch();
    const window = app.window();
    const prefs = window.webContents.getLastWebPreferences();
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      v8CacheOptions: 'bypassHeatCheck',
    });
    expect(prefs.preload).toBe(join(PROJECT_ROOT, 'out', 'preload', 'index.js'));
    expect(existsSync(prefs.preload as string)).toBe(true);
    expect(window.webContents.preloadErrors).toEqual([]);
    expect(window.webContents.getURL()).toBe('app://valise/index.html');
    expect(window.isVisible()).toBe(true);
  });
});

describe('the navigation guard', () => {
  it('keeps the page in the app, and opens a web link outside only once the user agrees', async () => {
    const app = await launch();
    const contents = app.window().webContents;
    expect(await contents.navigateFromPage('file:///etc/passwd')).toEqual({ prevented: true });
    expect(await contents.navigateFromPage('app://other/index.html')).toEqual({ prevented: true });
    expect(app.double.dialog.calls).toEqual([]);

    expect(await contents.navigateFromPage('https://www.osce.org/')).toEqual({ prevented: true });
    await settle();
    expect(app.double.dialog.calls).toHaveLength(1);
    expect(app.double.dialog.calls[0]!.options).toMatchObject({
      message: 'Open this link in your web browser?',
      detail: expect.stringContaining('https://www.osce.org/'),
    });
    expect(app.double.shell.opened).toEqual([]);

    app.double.dialog.answer('showMessageBox', { response: 0 });
    expect(contents.openFromPage('https://www.unodc.org/')).toEqual({ action: 'deny' });
    await settle();
    expect(app.double.dialog.calls).toHaveLength(2);
    expect(app.double.shell.opened).toEqual(['https://www.unodc.org/']);
    expect(app.double.BrowserWindow.getAllWindows()).toHaveLength(1);
  });

  it('lets the app move between its own pages, and refuses a webview', async () => {
    const app = await launch();
    const contents = app.window().webContents;
    expect(await contents.navigateFromPage('app://valise/index.html')).toEqual({ prevented: false });
    expect(contents.getURL()).toBe('app://valise/index.html');
    expect(contents.openFromPage('app://valise/index.html')).toEqual({ action: 'deny' });
    expect(contents.attachWebviewFromPage()).toBe(true);
  });
});

describe('the offline session', () => {
  it('cancels every network request before it leaves, from the page and from main, and logs it', async () => {
    const app = await launch();
    const contents = app.window().webContents;
    for (const url of [
      'https://example.org/',
      'http://127.0.0.1:8080/x',
      'ws://example.org/socket',
      'wss://example.org/',
      'ftp://example.org/f',
    ]) {
      await expect(contents.fetchFromPage(url), url).rejects.toThrow(/ERR_BLOCKED_BY_CLIENT/);
    }
    await expect(app.double.electron.net.fetch('https://example.org/')).rejects.toThrow(/ERR_BLOCKED_BY_CLIENT/);
    expect(app.double.session.reachedNetwork).toEqual([]);
    expect((await contents.fetchFromPage('app://valise/index.html')).status).toBe(200);
    expect(readFileSync(join(app.userData, 'logs', 'main.log'), 'utf8')).toContain(
      'blocked network request: GET https://example.org/',
    );
  });

  it('refuses every permission the page asks for or checks', async () => {
    const app = await launch();
    for (const permission of ['notifications', 'media', 'geolocation', 'clipboard-read', 'openExternal']) {
      expect(await app.double.session.requestPermission(permission), permission).toBe(false);
      expect(app.double.session.checkPermission(permission, 'app://valise'), permission).toBe(false);
    }
  });
});
