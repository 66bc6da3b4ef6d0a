/**
 * Binds the contract to Electron's ipcMain: one handler per contract channel (an unknown channel
 * has no handler at all), each refusing a sender frame that is not the app's own page before
 * anything reaches the dispatcher.
 */
import { ipcMain, type WebFrameMain } from 'electron';
import { CHANNELS, IPC_PREFIX } from '../../common/channels.std';
import type { Envelope } from '../../common/errors.std';
import type { Dispatch } from '../ipc/dispatch.node';
import { APP_ORIGIN } from './protocol.main';

export function isTrustedFrame(frame: WebFrameMain | null): boolean {
  if (!frame) return false;
  try {
    return new URL(frame.url).origin === APP_ORIGIN;
  } catch {
    return false;
  }
}

const forbidden: Envelope<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'This request did not come from the Valise window.' },
};

export function bindIpc(dispatch: Dispatch, log: (message: string) => void): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(`${IPC_PREFIX}${channel}`, (event, args: unknown) => {
      if (isTrustedFrame(event.senderFrame)) return dispatch(channel, args);
      log(`refused IPC ${channel} from ${event.senderFrame?.url ?? 'an unknown frame'}`);
      return forbidden;
    });
  }
}
