/**
 * Electron entry: one instance, logging, then the start-up (startup.main.ts) once Electron is
 * ready. Everything else lives in plain Node modules under main/services and main/ipc.
 */
import type { BrowserWindow } from 'electron';
import { app } from 'electron';
import { startLogging } from './log.main';
import { registerAppScheme } from './protocol.main';
import { failStartup, launch, useUserDataFrom } from './startup.main';

const userDataProblem = useUserDataFrom(process.env);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  const { write: log, file: logFile } = startLogging();
  let window: BrowserWindow | null = null;

  app.on('second-instance', () => {
    if (!window || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  void app.whenReady().then(() => {
    try {
      if (userDataProblem) throw userDataProblem;
      window = launch(__dirname, log, logFile);
    } catch (error) {
      failStartup(error, log, logFile());
    }
  });

  app.on('window-all-closed', () => app.quit());
}
