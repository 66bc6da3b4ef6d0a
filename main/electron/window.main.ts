/** The main window: sandboxed, context-isolated, no Node in the page, only the preload bridge. */
import { BrowserWindow } from 'electron';
import { join } from 'node:path';
import { APP_ORIGIN } from './protocol.main';
import type { WindowState } from './window-state.main';

export function createMainWindow(preloadPath: string, state: WindowState): BrowserWindow {
  const window = new BrowserWindow({
    ...state.bounds,
    minWidth: 720,
    minHeight: 480,
    title: 'Valise',
    show: false,
    backgroundColor: '#f7f5f0',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      enableBlinkFeatures: '',
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // The scripts' compiled code is cached at their first load, not only once they have been seen
      // twice (Chromium's heat check), so that the next launch can take it from the cache (#26).
      v8CacheOptions: 'bypassHeatCheck',
    },
  });
  window.once('ready-to-show', () => {
    if (state.maximized) window.maximize();
    window.show();
  });
  // A failed load rejects here and is answered by did-fail-load (load-failure.main.ts).
  window.loadURL(`${APP_ORIGIN}/index.html`).catch(() => {});
  return window;
}

export function preloadPathFrom(mainDir: string): string {
  return join(mainDir, '../preload/index.js');
}
