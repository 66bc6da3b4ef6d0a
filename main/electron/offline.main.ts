/**
 * Offline by construction: the session refuses every request to a network scheme (and logs it),
 * every permission (camera, notifications, geolocation…), every navigation away from the app and
 * every new window. An http(s) link in the content opens in the system browser, after the user
 * confirms.
 */
import { dialog, session, shell, type BrowserWindow } from 'electron';
import { formatMessage, type MessageLanguage } from '../../common/contract/messages.std';
import { isAppUrl } from './protocol.main';

const NETWORK = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'];

export function sealSession(log: (message: string) => void): void {
  const ses = session.defaultSession;
  ses.webRequest.onBeforeRequest({ urls: NETWORK }, (details, callback) => {
    log(`blocked network request: ${details.method} ${details.url}`);
    callback({ cancel: true });
  });
  ses.setPermissionRequestHandler((_contents, permission, callback) => {
    log(`denied permission: ${permission}`);
    callback(false);
  });
  ses.setPermissionCheckHandler(() => false);
}

async function openOutside(window: BrowserWindow, url: string, language: MessageLanguage): Promise<void> {
  const say = (id: Parameters<typeof formatMessage>[0], params = {}) => formatMessage(id, params, language);
  const { response } = await dialog.showMessageBox(window, {
    type: 'question',
    buttons: [say('dialog.open-in-browser'), say('dialog.cancel')],
    defaultId: 1,
    cancelId: 1,
    message: say('dialog.open-link'),
    detail: say('dialog.open-link-detail', { url }),
  });
  if (response === 0) await shell.openExternal(url);
}

/** `language` is the interface language at the moment a link is followed (the confirmation speaks it). */
export function guardNavigation(
  window: BrowserWindow,
  log: (message: string) => void,
  language: () => MessageLanguage = () => 'en',
): void {
  const contents = window.webContents;
  // `event.url`: the positional url argument is deprecated (Electron 25).
  contents.on('will-navigate', (event) => {
    const { url } = event;
    if (isAppUrl(url)) return;
    event.preventDefault();
    log(`refused navigation to ${url}`);
    if (/^https?:\/\//.test(url)) void openOutside(window, url, language());
  });
  contents.setWindowOpenHandler(({ url }) => {
    log(`refused new window for ${url}`);
    if (/^https?:\/\//.test(url)) void openOutside(window, url, language());
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
