/**
 * The helpers the @electron e2e specs drive main with (tests/e2e/support/electron-main.ts), run here
 * against the built app booted on the Electron double, since Electron's binary cannot be
 * downloaded here: `electronApp.evaluate(fn, arg)` is played by calling `fn(electron, arg)`.
 * This shows the helpers find the real menu's items, that the bundle calls the dialog methods
 * they replace, and what the offline checks answer; it cannot show what real Electron does
 * (that is the Electron-host CI's job, .github/workflows/electron.yml).
 */
import type { ElectronApplication } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  clickMenu,
  dialogCalls,
  fetchThroughSession,
  loadInHiddenWindow,
  stubDialogs,
} from '../e2e/support/electron-main';
import { ASSETS, tempDir } from '../support/content';
import { appPerTest, type Launched } from '../support/electron-app';

const launch = appPerTest();
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
const ISSUE = join(ASSETS, '000_1e644c5006785efa.txt');

/** Playwright's handle on main, as far as the helpers use it: `evaluate` runs the function with Electron's exports. */
function playwrightHandle(app: Launched): ElectronApplication {
  const evaluate = async (fn: (electron: unknown, arg: unknown) => unknown, arg: unknown) =>
    fn(app.double.electron, arg);
  return { evaluate } as unknown as ElectronApplication;
}

async function launchWithEvents(): Promise<{ app: Launched; handle: ElectronApplication; events: unknown[] }> {
  const app = await launch();
  const events: unknown[] = [];
  app.page().onEvent((event) => events.push(event));
  return { app, handle: playwrightHandle(app), events };
}

describe('clickMenu and stubDialogs (the e2e helpers) on the built app', () => {
  it('File › Import issue…: the stubbed dialog is the one the menu calls, and its file is staged for review', async () => {
    const { app, handle, events } = await launchWithEvents();
    await stubDialogs(handle, { open: [ISSUE] });
    await clickMenu(handle, ['File', 'Import issue…']);
    await settle();
    expect(events).toEqual([{ type: 'navigate', to: expect.stringMatching(/^\/import\?upload=/) }]);
    const calls = await dialogCalls(handle);
    expect(calls.map((c) => c.method)).toEqual(['showOpenDialog']);
    expect(calls[0]!.options).toMatchObject({ title: 'Import issue', properties: ['openFile'] });
    // The double's own dialog was never asked: the stub replaced what the bundle calls.
    expect(app.double.dialog.calls).toEqual([]);
  });

  it('File › Import issue… cancelled: nothing happens', async () => {
    const { handle, events } = await launchWithEvents();
    await stubDialogs(handle, {});
    await clickMenu(handle, ['File', 'Import issue…']);
    await settle();
    expect((await dialogCalls(handle)).map((c) => c.method)).toEqual(['showOpenDialog']);
    expect(events).toEqual([]);
  });

  it('File › Save as PDF…: writes what printToPDF gave to the path the stub answered, and says so', async () => {
    const { app, handle, events } = await launchWithEvents();
    app.window().webContents.setPageTitle('An issue — Valise');
    const file = join(tempDir(), 'issue.pdf');
    await stubDialogs(handle, { save: file });
    await clickMenu(handle, ['File', 'Save as PDF…']);
    await settle();
    expect(readFileSync(file)).toEqual(app.double.state.pdfBytes);
    expect(events).toEqual([
      { type: 'notice', message: `Saved ${file}`, messageId: 'notice.saved-pdf', params: { file } },
    ]);
    expect((await dialogCalls(handle))[0]!.options).toMatchObject({
      title: 'Save as PDF',
      defaultPath: 'An issue.pdf',
    });
  });

  it('View › Bookmarks and View › Library navigate the page', async () => {
    const { handle, events } = await launchWithEvents();
    await clickMenu(handle, ['View', 'Bookmarks']);
    await clickMenu(handle, ['View', 'Library']);
    expect(events).toEqual([
      { type: 'navigate', to: '/bookmarks' },
      { type: 'navigate', to: '/' },
    ]);
  });

  it('a menu item that is not there fails, naming what is', async () => {
    const { handle } = await launchWithEvents();
    await expect(clickMenu(handle, ['File', 'Import issues…'])).rejects.toThrow(
      /no menu item “Import issues…” in \[Import issue…, Export imported/,
    );
    await expect(clickMenu(handle, ['Fichier'])).rejects.toThrow(
      /no menu item “Fichier” in \[.*File, Edit, View, Help\]/,
    );
  });
});

describe('the offline checks (the e2e helpers) on the built app', () => {
  it('a fetch through the default session is refused by the session before the network', async () => {
    const { app, handle } = await launchWithEvents();
    expect(await fetchThroughSession(handle, 'http://127.0.0.1:9/session-fetch')).toMatch(
      /^refused: .*ERR_BLOCKED_BY_CLIENT/,
    );
    expect(app.double.session.reachedNetwork).toEqual([]);
  });

  it('a hidden window of the session loading an http page is refused, and the window is gone after', async () => {
    const { app, handle } = await launchWithEvents();
    // The double fails the load as ERR_FAILED with the session's ERR_BLOCKED_BY_CLIENT as its
    // cause; Electron fails it as ERR_BLOCKED_BY_CLIENT (-20) itself. Either way the reason shows.
    expect(await loadInHiddenWindow(handle, 'http://127.0.0.1:9/window-load')).toMatch(
      /^refused: .*ERR_BLOCKED_BY_CLIENT/,
    );
    expect(app.double.session.reachedNetwork).toEqual([]);
    expect(app.double.BrowserWindow.getAllWindows()).toHaveLength(1);
  });
});
