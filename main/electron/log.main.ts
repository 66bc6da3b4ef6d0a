/**
 * Logging to a rotating file in the user data folder (electron-log: main.log, rolled to
 * main.old.log at 1 MB). Uncaught errors in main are logged and shown, and the app keeps running.
 *
 * The file is `<userData>/logs/main.log` on every OS: electron-log's own default on macOS is
 * ~/Library/Logs/<name>, outside the user data folder, so a portable VALISE_USER_DATA run would
 * leave its log behind and the same run would keep it in different places on different machines.
 *
 * Main's logger only: `log.initialize()` is not called, because it would add electron-log's own
 * preload to every page (a second bridge, `window.__electronLog`, and an IPC channel that takes
 * log lines from any frame). The page reports its errors through the contract (app:reportError).
 * electron-log listens on that channel as soon as it is loaded: the listeners are taken off, so
 * that ipcMain answers the contract's channels and nothing else.
 */
import { app, dialog, ipcMain } from 'electron';
import log from 'electron-log/main';
import { join } from 'node:path';

const MAX_LOG_BYTES = 1024 * 1024;
/** The channel electron-log opens in main for pages' log lines. */
const ELECTRON_LOG_CHANNEL = '__ELECTRON_LOG__';

/** The log file in a user data folder. */
export function logFileIn(userData: string): string {
  return join(userData, 'logs', 'main.log');
}

export interface Logging {
  write: (message: string, error?: unknown) => void;
  /** Where the log is written, to tell the user. */
  file: () => string;
}

/** Call once the user data folder is set (useUserDataFrom). */
export function startLogging(): Logging {
  log.transports.file.resolvePathFn = () => logFileIn(app.getPath('userData'));
  log.transports.file.maxSize = MAX_LOG_BYTES;
  log.transports.file.level = 'info';
  ipcMain.removeHandler(ELECTRON_LOG_CHANNEL);
  ipcMain.removeAllListeners(ELECTRON_LOG_CHANNEL);
  const file = () => log.transports.file.getFile().path;
  process.on('uncaughtException', (error) => {
    log.error('uncaught exception in main', error);
    if (app.isReady())
      dialog.showErrorBox(
        'Valise hit an unexpected error',
        `${error.message}\n\nValise keeps running; the details are in the log:\n${file()}`,
      );
  });
  process.on('unhandledRejection', (reason) => log.error('unhandled rejection in main', reason));
  return { write: (message, error) => (error ? log.error(message, error) : log.info(message)), file };
}
