/**
 * How the built app starts, runs once, and fails to start, under the Electron double: a second
 * instance focuses the first; saved window bounds off every screen come back on one; a start-up
 * that cannot go on says why and quits, or opens with what works and says what does not.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openServices } from '../../main/services/create.node';
import { bootMain, PROJECT_ROOT } from '../support/boot-main';
import { tempDir } from '../support/content';
import { appPerTest } from '../support/electron-app';
import type { InstanceLocks } from '../support/electron-double';
import { storeUnreadableIssue } from '../support/unreadable-issue';

const launch = appPerTest();
const CONTENT_DB = join(PROJECT_ROOT, 'out', 'content', 'content.sqlite');
const SECOND_SCREEN = {
  id: 2,
  bounds: { x: 1920, y: 0, width: 1280, height: 1024 },
  workArea: { x: 1920, y: 0, width: 1280, height: 1000 },
  scaleFactor: 1,
};

describe('a second launch', () => {
  it('quits without a window, and brings the first one forward', async () => {
    const locks: InstanceLocks = new Map();
    const first = await launch({ locks });
    const window = first.window();
    window.minimize();
    const focused = new Promise((resolve) => window.once('focus', resolve));
    const second = bootMain({ locks, env: { VALISE_USER_DATA: first.userData } });
    await second.settled;
    await focused;
    expect(second.double.app.exitCode).toBe(0);
    expect(second.double.BrowserWindow.getAllWindows()).toEqual([]);
    expect(window.isMinimized()).toBe(false);
    expect(window.isFocused()).toBe(true);
    await second.quit();
  });
});

describe('the window’s place', () => {
  const withSaved = (bounds: object) => {
    const userData = tempDir();
    writeFileSync(join(userData, 'window-state.json'), JSON.stringify({ bounds, maximized: false }));
    return userData;
  };

  it('is where it was left, on a screen that still exists', async () => {
    const userData = withSaved({ x: 2100, y: 40, width: 1000, height: 700 });
    const app = await launch({ userData, before: (d) => void d.state.displays.push(SECOND_SCREEN) });
    expect(app.window().getBounds()).toEqual({ x: 2100, y: 40, width: 1000, height: 700 });
  });

  it('comes back on screen when its screen is gone, or only a sliver of it would show', async () => {
    for (const bounds of [
      { x: 2100, y: 40, width: 1000, height: 700 },
      { x: 1900, y: 1030, width: 1000, height: 700 },
      { x: -990, y: -600, width: 1000, height: 700 },
    ]) {
      const app = await launch({ userData: withSaved(bounds) });
      const { x, y, width, height } = app.window().getBounds();
      const area = app.double.state.displays[0]!.workArea;
      expect({ width, height }).toEqual({ width: 1000, height: 700 });
      expect(
        x >= area.x && y >= area.y && x + width <= area.x + area.width && y + height <= area.y + area.height,
        JSON.stringify(bounds),
      ).toBe(true);
    }
  });

  it('is no larger than the screen', async () => {
    const app = await launch({ userData: withSaved({ x: 0, y: 0, width: 5000, height: 3000 }) });
    expect(app.window().getBounds()).toMatchObject({ width: 1920, height: 1040 });
  });
});

describe('the user data folder and the log', () => {
  it('keeps the log beside the user data on macOS too, not in ~/Library/Logs', async () => {
    const home = tempDir();
    // electron-log chooses its default folder by process.platform as it loads: the main script loads as on a Mac.
    const app = await launch({ platform: 'darwin', env: { HOME: home } });
    expect(app.double.app.getPath('logs')).toBe(join(home, 'Library', 'Logs', 'Valise'));
    expect(readFileSync(join(app.userData, 'logs', 'main.log'), 'utf8')).toContain('Valise');
    expect(existsSync(join(home, 'Library'))).toBe(false);
  });

  it('takes a relative VALISE_USER_DATA from the working folder', async () => {
    const absolute = join(tempDir(), 'portable', 'data');
    mkdirSync(join(absolute, '..'));
    const app = await launch({ userData: relative(process.cwd(), absolute) });
    expect(app.double.app.getPath('userData')).toBe(absolute);
    expect(await app.page().invoke('bookmarks:add', { key: 'person/jean-yves-le-drian' })).toMatchObject({ ok: true });
    expect(readdirSync(absolute)).toEqual(expect.arrayContaining(['logs', 'backups']));
  });

  it('says, in a dialog, why a VALISE_USER_DATA folder cannot be made, and quits with no window', async () => {
    const file = join(tempDir(), 'a-file');
    writeFileSync(file, '');
    const booted = bootMain({ env: { VALISE_USER_DATA: join(file, 'data') } });
    await booted.settled;
    expect(booted.double.app.exitCode).toBe(1);
    expect(booted.double.BrowserWindow.getAllWindows()).toEqual([]);
    expect(booted.double.dialog.calls).toEqual([
      expect.objectContaining({
        method: 'showErrorBox',
        options: {
          title: 'Valise could not start',
          content: expect.stringContaining(
            `The data folder ${join(file, 'data')} (named by VALISE_USER_DATA) cannot be used: ENOTDIR`,
          ),
        },
      }),
    ]);
    await booted.quit();
  });
});

describe('a window whose page fails', () => {
  /** The error page the window shows: its HTML, decoded from the data: URL. */
  const errorPage = (url: string) => {
    expect(url.startsWith('data:text/html;charset=utf-8,'), url.slice(0, 60)).toBe(true);
    return decodeURIComponent(url.slice('data:text/html;charset=utf-8,'.length));
  };

  it('shows an error page, logged, when its first load fails, and its link loads the app again', async () => {
    const app = await launch({
      before: (d) => void d.state.loadFailures.push({ code: -6, description: 'ERR_FILE_NOT_FOUND' }),
    });
    const window = app.window();
    expect(window.isVisible(), 'the window is shown, not left blank and hidden').toBe(true);
    const html = errorPage(window.webContents.getURL());
    expect(html).toContain('<h1>Valise could not show its page</h1>');
    expect(html).toContain('The page did not load (ERR_FILE_NOT_FOUND, -6).');
    expect(html).toContain('<a href="app://valise/index.html">Reload Valise</a>');
    expect(html).toContain(join(app.userData, 'logs', 'main.log'));
    expect(readFileSync(join(app.userData, 'logs', 'main.log'), 'utf8')).toContain(
      'the page did not load: app://valise/index.html (ERR_FILE_NOT_FOUND, -6)',
    );
    expect(await window.webContents.navigateFromPage('app://valise/index.html')).toEqual({ prevented: false });
    expect(await app.page().invoke('app:info', {})).toMatchObject({ ok: true });
  });

  it('shows the error page, in French when French was chosen, when the renderer process goes away', async () => {
    const app = await launch();
    expect(await app.page().invoke('app:setLanguage', { language: 'fr' })).toMatchObject({ ok: true });
    const contents = app.window().webContents;
    contents.crashRenderer('oom', 133);
    await new Promise((resolve) => contents.once('did-finish-load', resolve));
    const html = errorPage(contents.getURL());
    expect(html).toContain(
      'La partie de Valise qui affiche la page s’est arrêtée (oom). Rien de ce qui était enregistré n’est perdu.',
    );
    expect(html).toContain('Recharger Valise');
    expect(readFileSync(join(app.userData, 'logs', 'main.log'), 'utf8')).toContain(
      'the renderer process is gone: oom (exit code 133)',
    );
  });

  it('leaves a navigation the guard refused, and a clean exit of the renderer, without an error page', async () => {
    const app = await launch();
    const contents = app.window().webContents;
    expect(await contents.navigateFromPage('https://example.org/')).toEqual({ prevented: true });
    contents.emit('did-fail-load', {}, -3, 'ERR_ABORTED', 'https://example.org/', true);
    contents.crashRenderer('clean-exit', 0);
    await new Promise((resolve) => setImmediate(resolve));
    expect(contents.getURL()).toBe('app://valise/index.html');
  });
});

describe('a start-up that cannot go on', () => {
  it('without its content database: says so in a dialog, and quits with no window', async () => {
    const booted = bootMain({
      env: { VALISE_USER_DATA: tempDir(), VALISE_CONTENT_DB: join(tempDir(), 'missing.sqlite') },
    });
    await booted.settled;
    expect(booted.double.app.exitCode).toBe(1);
    expect(booted.double.BrowserWindow.getAllWindows()).toEqual([]);
    expect(booted.double.dialog.calls).toEqual([
      expect.objectContaining({
        method: 'showErrorBox',
        options: {
          title: 'Valise cannot open its archive of newsletters',
          content: expect.stringContaining('missing.sqlite'),
        },
      }),
    ]);
    await booted.quit();
  });

  it('with an imported issue that no longer extracts: opens with the rest, and says which one', async () => {
    const userData = tempDir();
    await storeUnreadableIssue(userData);
    const app = await launch({ userData });
    const issues = (await app.page().invoke('content:listIssues', {})).value as { key: string }[];
    expect(issues.map((i) => i.key).sort()).toEqual(['2018-no-10', '2021-the-2021-programming-of-cooperation']);
    const status = (await app.page().invoke('bookmarks:status', {})).value as {
      notices: { kind: string; message: string }[];
    };
    expect(status.notices).toEqual([
      expect.objectContaining({
        kind: 'unreadable-issue',
        messageId: 'library.unreadable-issue',
        message: expect.stringContaining('“Winter 2026” (winter-2026.pdf) cannot be read'),
      }),
    ]);
  });

  // Root ignores file modes: as root (CI) the folder is bind-mounted read-only, which holds even
  // for root (EROFS); otherwise its modes are taken away. Neither exists on Windows.
  it.skipIf(process.platform === 'win32')(
    'with a data folder that cannot be written: shows the bookmarks read-only, says so, and refuses changes',
    async () => {
      const userData = tempDir();
      const seeded = openServices({
        contentDbPath: CONTENT_DB,
        userDataDir: userData,
        appVersion: 'test',
        host: 'web',
      });
      seeded.services.bookmarks.add('person/jean-yves-le-drian');
      await seeded.close();
      const restore = makeUnwritable(userData);
      try {
        const app = await launch({ userData });
        expect(app.double.app.exitCode).toBeNull();
        expect(app.double.BrowserWindow.getAllWindows()).toHaveLength(1);
        const page = app.page();
        expect(await page.invoke('bookmarks:status', {})).toMatchObject({
          ok: true,
          value: {
            readOnly: true,
            notices: [
              {
                kind: 'read-only',
                messageId: 'db.unwritable',
                message: expect.stringContaining('cannot write to your data folder'),
              },
            ],
          },
        });
        expect(await page.invoke('bookmarks:list', {})).toMatchObject({
          ok: true,
          value: [{ key: 'person/jean-yves-le-drian' }],
        });
        expect(await page.invoke('bookmarks:add', { key: 'person/alexis-lamek' })).toMatchObject({
          ok: false,
          error: { code: 'FORBIDDEN' },
        });
        await app.quit();
      } finally {
        restore();
      }
    },
    60_000,
  );
});

/** Makes a folder unwritable for this process; returns what makes it writable again. */
function makeUnwritable(dir: string): () => void {
  if (process.getuid?.() === 0) {
    execFileSync('mount', ['--bind', dir, dir]);
    execFileSync('mount', ['-o', 'remount,ro,bind', dir]);
    return () => execFileSync('umount', ['-l', dir]);
  }
  const paths = [dir, ...(readdirSync(dir, { recursive: true }) as string[]).map((name) => join(dir, name))];
  const modes = paths.map((path) => [path, statSync(path).mode] as const);
  for (const path of paths) chmodSync(path, statSync(path).isDirectory() ? 0o555 : 0o444);
  return () => {
    for (const [path, mode] of modes) chmodSync(path, mode);
  };
}
