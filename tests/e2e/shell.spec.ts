/** What only the Electron shell can show: the window's security flags. */
import { expect, test } from './fixtures';

test('the window is sandboxed and isolated, with no Node in the page', { tag: '@electron' }, async ({ valise }) => {
  await valise.screen('library');
  const prefs = await valise.electronApp!.evaluate(({ BrowserWindow }) => {
    const window = BrowserWindow.getAllWindows()[0]!;
    // Not in Electron's typings, but the one place the effective preferences can be read back.
    const contents = window.webContents as unknown as { getLastWebPreferences(): Electron.WebPreferences };
    const p = contents.getLastWebPreferences();
    return { contextIsolation: p.contextIsolation, sandbox: p.sandbox, nodeIntegration: p.nodeIntegration, webSecurity: p.webSecurity, url: window.webContents.getURL() };
  });
  expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
  expect(prefs.url).toMatch(/^app:\/\/valise\//);
  expect(await valise.page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
});
