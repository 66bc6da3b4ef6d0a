/**
 * Electron entry: registers the app scheme, opens the services, binds the IPC contract and opens
 * the window. Everything else lives in plain Node modules under main/services and main/ipc.
 */
import { app, session } from 'electron';
import { join } from 'node:path';
import { openServices } from '../services/create.node';
import { bindIpc } from './ipc.main';
import { registerAppScheme, serveRenderer } from './protocol.main';
import { createMainWindow, preloadPathFrom } from './window.main';

registerAppScheme();
// Tests and portable runs point the user data folder elsewhere; it must be set before ready.
if (process.env.VALISE_USER_DATA) app.setPath('userData', process.env.VALISE_USER_DATA);

function contentDbPath(): string {
  return app.isPackaged
    ? join(process.resourcesPath, 'content', 'content.sqlite')
    : join(app.getAppPath(), 'out', 'content', 'content.sqlite');
}

void app.whenReady().then(() => {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  serveRenderer(join(__dirname, '../renderer'));
  const { dispatch, close } = openServices({
    contentDbPath: process.env.VALISE_CONTENT_DB ?? contentDbPath(),
    userDataDir: app.getPath('userData'),
    appVersion: app.getVersion(),
    host: 'electron',
    log: (message, error) => console.error(message, error),
  });
  bindIpc(dispatch);
  createMainWindow(preloadPathFrom(__dirname));
  app.on('will-quit', close);
});

app.on('window-all-closed', () => app.quit());
