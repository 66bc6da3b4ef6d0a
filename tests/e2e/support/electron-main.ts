/**
 * Driving Electron's main process from a spec (Electron host only): click an application-menu
 * item as the user would, and answer the native dialogs it opens. `electronApp.evaluate` runs its
 * function in main, serialised: it may use only its arguments and what Electron passes it.
 */
import type { ElectronApplication } from '@playwright/test';

/** What a stubbed dialog was asked: which method, and its options (the window argument left out). */
export interface DialogCall {
  method: string;
  options: {
    title?: string;
    defaultPath?: string;
    properties?: string[];
    filters?: { name: string; extensions: string[] }[];
    message?: string;
  };
}

/**
 * Replaces Electron's native dialogs: `showOpenDialog` and `showSaveDialog` answer what is given
 * (cancelled if nothing is), `showMessageBox` answers its cancel button. Every call is recorded,
 * for `dialogCalls`. Valise's menu calls `dialog.showOpenDialog(...)` through the module object at
 * the time of the click, so replacing the method there is what it sees.
 */
export async function stubDialogs(
  app: ElectronApplication,
  answers: { open?: string[]; save?: string },
): Promise<void> {
  await app.evaluate(({ dialog }, { open, save }) => {
    const store = globalThis as { valiseDialogCalls?: { method: string; options: unknown }[] };
    store.valiseDialogCalls = [];
    const record = (method: string, args: unknown[]) => {
      const options = (args.at(-1) ?? {}) as Record<string, unknown>;
      // Only what can cross back to the test (a BrowserWindow cannot).
      store.valiseDialogCalls!.push({
        method,
        options: JSON.parse(
          JSON.stringify({
            title: options.title,
            defaultPath: options.defaultPath,
            properties: options.properties,
            filters: options.filters,
            message: options.message,
          }),
        ),
      });
    };
    const stubbed = dialog as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    stubbed.showOpenDialog = async (...args) => {
      record('showOpenDialog', args);
      return open ? { canceled: false, filePaths: open } : { canceled: true, filePaths: [] };
    };
    stubbed.showSaveDialog = async (...args) => {
      record('showSaveDialog', args);
      return save ? { canceled: false, filePath: save } : { canceled: true, filePath: '' };
    };
    stubbed.showMessageBox = async (...args) => {
      record('showMessageBox', args);
      const options = (args.at(-1) ?? {}) as { cancelId?: number };
      return { response: options.cancelId ?? 0, checkboxChecked: false };
    };
  }, answers);
}

export async function dialogCalls(app: ElectronApplication): Promise<DialogCall[]> {
  return app.evaluate(
    () => ((globalThis as { valiseDialogCalls?: DialogCall[] }).valiseDialogCalls ?? []) as DialogCall[],
  );
}

/**
 * Clicks an item of the application menu, found by its labels from the menu bar down (`['File',
 * 'Import issue…']`; a mnemonic's `&` is ignored). Fails, naming what is there, if an item is
 * missing. The click runs the item's own handler, as a click in the menu bar does.
 */
export async function clickMenu(app: ElectronApplication, labels: string[]): Promise<void> {
  await app.evaluate(({ Menu }, path) => {
    let items = Menu.getApplicationMenu()?.items ?? [];
    let item: Electron.MenuItem | undefined;
    for (const label of path) {
      item = items.find((candidate) => candidate.label.replace(/&/g, '') === label);
      if (!item)
        throw new Error(`no menu item “${label}” in [${items.map((i) => i.label.replace(/&/g, '')).join(', ')}]`);
      items = item.submenu?.items ?? [];
    }
    if (!item) throw new Error('no menu path given');
    if (item.enabled === false) throw new Error(`the menu item “${path.join(' › ')}” is disabled`);
    item.click();
  }, labels);
}

/**
 * Fetches a URL from main through the app's default session (`session.defaultSession.fetch`:
 * Chromium's network stack, which runs the session's webRequest handlers; no page, so no
 * Content-Security-Policy). Returns `reached: HTTP <status>` or `refused: <error>`.
 */
export async function fetchThroughSession(app: ElectronApplication, url: string): Promise<string> {
  return app.evaluate(async ({ session }, target) => {
    try {
      const response = await session.defaultSession.fetch(target);
      return `reached: HTTP ${response.status}`;
    } catch (error) {
      return `refused: ${String(error)}`;
    }
  }, url);
}

/**
 * Loads a URL as the page of a second, hidden window of the default session: a top-level load,
 * which no CSP governs, in a window without Valise's navigation guard; only the session stands
 * between it and the network. The window is destroyed after. Returns `reached: <url>` or
 * `refused: <error>` (with the error's cause, if it has one).
 */
export async function loadInHiddenWindow(app: ElectronApplication, url: string): Promise<string> {
  return app.evaluate(async ({ BrowserWindow }, target) => {
    const window = new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true } });
    try {
      await window.loadURL(target);
      return `reached: ${window.webContents.getURL()}`;
    } catch (error) {
      const cause = (error as { cause?: unknown }).cause;
      return `refused: ${String(error)}${cause ? ` (cause: ${String(cause)})` : ''}`;
    } finally {
      window.destroy();
    }
  }, url);
}
