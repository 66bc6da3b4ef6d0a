/**
 * A test double of the Electron main-process API, covering what Valise uses, faithful where
 * Valise's behaviour depends on it (see each module). One double plays one process; doubles that
 * share `locks` play processes on one machine (single instance lock).
 */
import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AppDouble, type InstanceLocks } from './app';
import { DialogDouble, NativeThemeDouble, menuModule, screenModule, shellModule } from './desktop';
import { IpcMainDouble } from './ipc';
import { ProtocolDouble, SessionDouble } from './network';
import { browserWindowClass, type Display, type LoadFailure, type WindowWorld } from './windows';

export type { Display } from './windows';
export type { InstanceLocks } from './app';

const FULL_HD: Display = {
  id: 1,
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  workArea: { x: 0, y: 0, width: 1920, height: 1040 },
  scaleFactor: 1,
};

export interface DoubleOptions {
  appPath: string;
  /** The folder Electron would call appData; userData is `<appData>/<productName>` until set. */
  appData: string;
  locks?: InstanceLocks;
  /** `app.isPackaged`. */
  packaged?: boolean;
  platform?: NodeJS.Platform;
}

export function createElectronDouble(options: DoubleOptions) {
  mkdirSync(join(options.appData, 'tmp'), { recursive: true });
  const events = new EventEmitter();
  const state = { displays: [FULL_HD], pdfBytes: Buffer.from('%PDF-1.7\n%%EOF\n'), loadFailures: [] as LoadFailure[] };
  let closeAll = () => {};
  const app = new AppDouble({
    appPath: options.appPath,
    appData: options.appData,
    locks: options.locks ?? new Map(),
    closeAllWindows: () => closeAll(),
    packaged: options.packaged,
    platform: options.platform,
  });
  const ipcMain = new IpcMainDouble();
  const protocol = new ProtocolDouble(() => app.isReady());
  const session = new SessionDouble();
  const world: WindowWorld = {
    app,
    ipcMain,
    protocol,
    session,
    displays: () => state.displays,
    pdfBytes: () => state.pdfBytes,
    nextLoadFailure: () => state.loadFailures.shift(),
  };
  const windows = browserWindowClass(world);
  closeAll = windows.closeAll;
  const { BrowserWindow } = windows;
  const Menu = menuModule(() => BrowserWindow.getFocusedWindow());
  const dialog = new DialogDouble();
  const shell = shellModule();

  const electron = {
    app,
    BrowserWindow,
    ipcMain,
    protocol,
    net: { fetch: session.fetch },
    session: { defaultSession: session },
    webContents: { getAllWebContents: () => BrowserWindow.getAllWindows().map((w) => w.webContents) },
    Menu,
    dialog,
    shell,
    nativeTheme: new NativeThemeDouble(),
    screen: screenModule(
      () => app.isReady(),
      () => state.displays,
    ),
  };
  return { electron, state, events, app, BrowserWindow, ipcMain, protocol, session, Menu, dialog, shell };
}
export type ElectronDouble = ReturnType<typeof createElectronDouble>;
