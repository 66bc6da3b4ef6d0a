/**
 * What happens once Electron is ready: the sealed session, the app scheme, the services behind
 * the IPC contract, the menu and the window. A start-up that cannot go on never leaves a process
 * running with no window: the user is told why in a dialog, and the app quits.
 */
import { app, dialog, type BrowserWindow } from 'electron';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  formatMessage,
  type MessageId,
  type MessageLanguage,
  type MessageParams,
} from '../../common/contract/messages.std';
import { openServices } from '../services/create.node';
import { interfaceLanguageIn } from '../services/user-data/interface-language.node';
import { ContentDatabaseError } from '../services/library/content.node';
import { bindIpc } from './ipc.main';
import { installMenu } from './menu.main';
import { showLoadFailures } from './load-failure.main';
import { guardNavigation, sealSession } from './offline.main';
import { serveRenderer } from './protocol.main';
import { smokeResultFile } from './smoke.main';
import { createMainWindow, preloadPathFrom } from './window.main';
import { loadWindowState, rememberWindowState } from './window-state.main';

/** Longest wait for the page's first idle moment before search loads its index anyway. */
const PAGE_IDLE_TIMEOUT_MS = 2_000;
/**
 * Resolves in the page when it is first idle after the first screen (requestIdleCallback; a
 * page without it, at its next task). Run by main: the page itself asks nothing for it.
 */
const PAGE_IDLE = `new Promise((done) => (window.requestIdleCallback ? window.requestIdleCallback(() => done(true), { timeout: ${PAGE_IDLE_TIMEOUT_MS} }) : setTimeout(() => done(true), 0)))`;
/** The exit code of a start-up that could not go on. */
const STARTUP_FAILED = 1;

export type Log = (message: string, error?: unknown) => void;

/** Why the user data folder VALISE_USER_DATA names cannot be used: said once the app can show a dialog. */
export class UserDataError extends Error {
  constructor(
    readonly dir: string,
    readonly reason: string,
  ) {
    super(`The data folder ${dir} (VALISE_USER_DATA) cannot be used: ${reason}`);
  }
}

/** The folder a run keeps its data in, when not Electron's own: VALISE_USER_DATA, or a new temporary one for a smoke run. */
function userDataFolder(env: NodeJS.ProcessEnv): string | undefined {
  if (env.VALISE_USER_DATA) return env.VALISE_USER_DATA;
  // A smoke run never touches the user's own data.
  if (smokeResultFile(env)) return mkdtempSync(join(tmpdir(), 'valise-smoke-'));
  return undefined;
}

/**
 * Tests, portable and smoke runs point the user data folder elsewhere; it must be set before ready.
 * A relative VALISE_USER_DATA is taken from the working folder, as a shell means it (app.setPath
 * takes only an absolute path, and would throw before any window could say why). A folder that
 * cannot be made is returned as a UserDataError, for failStartup to explain once Electron is ready.
 */
export function useUserDataFrom(env: NodeJS.ProcessEnv): UserDataError | null {
  const folder = userDataFolder(env);
  if (!folder) return null;
  const absolute = resolve(folder);
  try {
    mkdirSync(absolute, { recursive: true });
    app.setPath('userData', absolute);
    return null;
  } catch (error) {
    return new UserDataError(absolute, error instanceof Error ? error.message : String(error));
  }
}

/** The packaged app's resources (`process.resourcesPath`), or, unpackaged, the project's files. */
function resourcePath(mainDir: string, packaged: string[], unpackaged: string[]): string {
  return app.isPackaged ? join(process.resourcesPath, ...packaged) : join(mainDir, ...unpackaged);
}

function contentDbPath(mainDir: string): string {
  if (process.env.VALISE_CONTENT_DB) return process.env.VALISE_CONTENT_DB;
  // Beside the asar, never in it: better-sqlite3 opens a real file (electron-builder.yml extraResources).
  return resourcePath(mainDir, ['content', 'content.sqlite'], ['..', 'content', 'content.sqlite']);
}

/** The PDF a smoke run imports (assets/smoke, shipped as an extra resource). */
export function smokePdfPath(mainDir: string): string {
  return resourcePath(mainDir, ['smoke', 'smoke.pdf'], ['..', '..', 'assets', 'smoke', 'smoke.pdf']);
}

export interface Launched {
  window: BrowserWindow;
  /** Stages a file for the import screen, as File › Import issue… does; returns its upload id. */
  stageImport: (name: string, bytes: Uint8Array) => string;
  /** The exit code the app quits with once its services are closed (0 unless set). */
  setExitCode: (code: number) => void;
}

/** Opens everything and shows the window. Throws if the services cannot open. */
export function launch(mainDir: string, log: Log, logFile: () => string): Launched {
  log(
    `Valise ${app.getVersion()} starting (Electron ${process.versions.electron ?? '?'}, ${process.platform} ${process.arch}${app.isPackaged ? ', packaged' : ''})`,
  );
  const { services, dispatch, close } = openServices({
    contentDbPath: contentDbPath(mainDir),
    userDataDir: app.getPath('userData'),
    appVersion: app.getVersion(),
    host: 'electron',
    log,
  });
  const exit = { code: 0 };
  closeBeforeQuitting(close, () => exit.code);
  sealSession(log);
  serveRenderer(join(mainDir, '..', 'renderer'));
  bindIpc(dispatch, log);
  const menu = {
    dispatch,
    archiveVersion: services.content.archiveVersion(),
    stageImport: (name: string, bytes: Uint8Array) => services.imports.stage(name, bytes),
    language: () => services.language.get(),
  };
  installMenu(menu);
  // The page tells main its language at start and on each switch in Settings: the menu follows.
  services.language.onChange(() => installMenu(menu));
  const window = createMainWindow(preloadPathFrom(mainDir), loadWindowState(app.getPath('userData')));
  guardNavigation(window, log, () => services.language.get());
  showLoadFailures(window, { log, logFile, language: () => services.language.get() });
  rememberWindowState(window, app.getPath('userData'));
  warmUpWhenIdle(window.webContents, () => services.search.warmUp());
  return { window, stageImport: menu.stageImport, setExitCode: (code) => void (exit.code = code) };
}

/**
 * Search starts its worker and loads its index as soon as the first screen is idle (#26 item 4),
 * not a fixed time after it: started with the services, its boot took the second core from the
 * first screen's rendering. A page that cannot say (closed, or the script refused) warms it up at
 * once; a query before then starts it too, and is answered partially meanwhile.
 */
function warmUpWhenIdle(contents: Electron.WebContents, warmUp: () => void): void {
  let quitting = false;
  app.on('will-quit', () => void (quitting = true));
  contents.once('did-finish-load', () => {
    void contents
      .executeJavaScript(PAGE_IDLE)
      .catch(() => {})
      .then(() => quitting || warmUp());
  });
}

/** Holds the quit until the services are closed (a running backup finishes first), then quits with the exit code asked. */
function closeBeforeQuitting(close: () => Promise<void>, exitCode: () => number): void {
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    void close().finally(() => {
      closed = true;
      // app.quit() always ends with 0; the windows are already closed, and the services too.
      if (exitCode() === 0) app.quit();
      else app.exit(exitCode());
    });
  });
}

function explain(error: unknown, language: MessageLanguage): { title: string; detail: string } {
  const say = (id: MessageId, params: MessageParams = {}) => formatMessage(id, params, language);
  if (error instanceof UserDataError) {
    return {
      title: say('startup.failed-title'),
      detail: say('startup.user-data', { dir: error.dir, reason: error.reason }),
    };
  }
  if (error instanceof ContentDatabaseError) {
    return { title: say('startup.archive-title'), detail: say('startup.archive-detail', { reason: error.message }) };
  }
  return {
    title: say('startup.failed-title'),
    detail: say('startup.failed-detail', { reason: error instanceof Error ? error.message : String(error) }),
  };
}

/** The language the user last chose (kept by main), for a start-up that fails before the page is up. */
function lastLanguage(): MessageLanguage {
  try {
    return interfaceLanguageIn(app.getPath('userData')).get();
  } catch {
    return 'en';
  }
}

/** Says why Valise cannot start, in the user's language, then quits: never a running process without a window. */
export function failStartup(error: unknown, log: Log, logFile: string): void {
  log('start-up failed', error);
  const language = lastLanguage();
  const { title, detail } = explain(error, language);
  dialog.showErrorBox(title, formatMessage('startup.log', { detail, file: logFile }, language));
  app.exit(STARTUP_FAILED);
}
