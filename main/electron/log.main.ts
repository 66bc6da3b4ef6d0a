/**
 * Logging to a rotating file in the user data folder (electron-log: main.log, rolled to
 * main.old.log at 1 MB). Uncaught errors in main are logged and shown, and the app keeps running.
 */
import { app, dialog } from 'electron';
import log from 'electron-log/main';

export function startLogging(): (message: string, error?: unknown) => void {
  log.transports.file.maxSize = 1024 * 1024;
  log.transports.file.level = 'info';
  log.initialize();
  const write = (message: string, error?: unknown) => (error ? log.error(message, error) : log.info(message));
  process.on('uncaughtException', (error) => {
    log.error('uncaught exception in main', error);
    if (app.isReady()) dialog.showErrorBox('Valise hit an unexpected error', `${error.message}\n\nValise keeps running; the details are in the log:\n${log.transports.file.getFile().path}`);
  });
  process.on('unhandledRejection', (reason) => log.error('unhandled rejection in main', reason));
  return write;
}
