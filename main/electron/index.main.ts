/**
 * Electron entry: one instance, logging, the sealed session, the app scheme, the services behind
 * the IPC contract, the menu and the window. Everything else lives in plain Node modules under
 * main/services and main/ipc.
 */
import type { BrowserWindow } from 'electron';
import { app } from 'electron';
import { join } from 'node:path';
import { openServices } from '../services/create.node';
import { bindIpc } from './ipc.main';
import { startLogging } from './log.main';
import { installMenu } from './menu.main';
import { guardNavigation, sealSession } from './offline.main';
import { registerAppScheme, serveRenderer } from './protocol.main';
import { createMainWindow, preloadPathFrom } from './window.main';
import { loadWindowState, rememberWindowState } from './window-state.main';

// Tests and portable runs point the user data folder elsewhere; it must be set before ready.
if (process.env.VALISE_USER_DATA) app.setPath('userData', process.env.VALISE_USER_DATA);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  const log = startLogging();
  let window: BrowserWindow | null = null;

  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  const contentDbPath = () =>
    app.isPackaged ? join(process.resourcesPath, 'content', 'content.sqlite') : join(app.getAppPath(), 'out', 'content', 'content.sqlite');

  void app.whenReady().then(() => {
    sealSession(log);
    serveRenderer(join(__dirname, '../renderer'));
    const { services, dispatch, close } = openServices({
      contentDbPath: process.env.VALISE_CONTENT_DB ?? contentDbPath(),
      userDataDir: app.getPath('userData'),
      appVersion: app.getVersion(),
      host: 'electron',
      log,
    });
    bindIpc(dispatch, log);
    installMenu({ dispatch, archiveVersion: services.content.archiveVersion(), stageImport: (name, bytes) => services.imports.stage(name, bytes) });
    const state = loadWindowState(app.getPath('userData'));
    window = createMainWindow(preloadPathFrom(__dirname), state);
    guardNavigation(window, log);
    rememberWindowState(window, app.getPath('userData'));
    // Search loads its index once the first screen is up, never before.
    window.webContents.once('did-finish-load', () => setTimeout(() => services.search.warmUp(), 500));
    app.on('will-quit', close);
  });

  app.on('window-all-closed', () => app.quit());
}
