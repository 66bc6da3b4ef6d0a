/**
 * Binds the contract to Electron's ipcMain: one handler per contract channel (an unknown channel
 * has no handler at all), each refusing a sender that is not the app's own page before anything
 * reaches the dispatcher: no frame (it navigated away or is gone), a sub-frame, or a frame whose
 * origin or URL is not app://valise.
 */
import { ipcMain, type WebFrameMain } from 'electron';
import { CHANNELS, IPC_PREFIX } from '../../common/contract/channels.std';
import type { Envelope } from '../../common/contract/errors.std';
import { localised } from '../../common/contract/messages.std';
import type { Dispatch } from '../ipc/dispatch.node';
import { APP_ORIGIN, isAppUrl } from './protocol.main';

/**
 * `frame.origin` is Chromium's own serialisation ("app://valise" for our standard scheme), not
 * Node's: `new URL(frame.url).origin` would be "null" here (see isAppUrl). The URL is checked too,
 * so that a document whose origin was made opaque (a sandboxed one) is refused.
 */
export function isTrustedFrame(frame: WebFrameMain | null | undefined): boolean {
  if (!frame || frame.parent !== null) return false;
  return frame.origin === APP_ORIGIN && isAppUrl(frame.url);
}

const forbidden: Envelope<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', ...localised('contract.not-from-window') },
};

export function bindIpc(dispatch: Dispatch, log: (message: string) => void): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(`${IPC_PREFIX}${channel}`, (event, args: unknown) => {
      if (isTrustedFrame(event.senderFrame)) return dispatch(channel, args);
      log(`refused IPC ${channel} from ${event.senderFrame?.url ?? 'a frame that is gone'}`);
      return forbidden;
    });
  }
}
