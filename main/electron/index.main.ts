/**
 * Electron entry: one instance, logging, then the start-up (startup.main.ts) once Electron is
 * ready, and a smoke run's steps (smoke.main.ts) when one is asked for. Everything else lives in
 * plain Node modules under main/services and main/ipc.
 */
import type { BrowserWindow } from 'electron';
import { app } from 'electron';
import { performance } from 'node:perf_hooks';
import { startLogging } from './log.main';
import { registerAppScheme } from './protocol.main';
import { runSmoke, smokeResultFile, smokeStartFailed } from './smoke.main';
import { failStartup, launch, smokePdfPath, useUserDataFrom } from './startup.main';

const mainScriptAt = performance.now();
const userDataProblem = useUserDataFrom(process.env);
const smokeResult = smokeResultFile(process.env);

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
      const launched = launch(__dirname, log, logFile);
      window = launched.window;
      if (smokeResult)
        void runSmoke(
          {
            contents: window.webContents,
            stageImport: launched.stageImport,
            pdfPath: smokePdfPath(__dirname),
            mainScriptAt,
          },
          smokeResult,
          launched.setExitCode,
        );
    } catch (error) {
      if (smokeResult) smokeStartFailed(smokeResult, error, mainScriptAt, log);
      else failStartup(error, log, logFile());
    }
  });

  app.on('window-all-closed', () => app.quit());
}
