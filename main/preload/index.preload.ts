/**
 * The only bridge between the page and main: `window.valise.invoke(channel, args)` for the
 * contract's channels and nothing else, and `window.valise.onEvent(listener)` for the menu's
 * events. No ipcRenderer, no arbitrary channel, no Node.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { APP_EVENT_CHANNEL, IPC_PREFIX, isChannel } from '../../common/contract/channels.std';
import { localised } from '../../common/contract/messages.std';

contextBridge.exposeInMainWorld('valise', {
  invoke(channel: unknown, args: unknown): Promise<unknown> {
    if (!isChannel(channel)) {
      const name = typeof channel === 'string' ? channel.slice(0, 80) : typeof channel;
      return Promise.resolve({
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL', ...localised('contract.unknown-channel', { name }) },
      });
    }
    return ipcRenderer.invoke(`${IPC_PREFIX}${channel}`, args);
  },
  onEvent(listener: (event: unknown) => void): () => void {
    const forward = (_event: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(APP_EVENT_CHANNEL, forward);
    // A block, not `() => ipcRenderer.removeListener(…)`: that returns ipcRenderer itself, which
    // the bridge would copy into the page with its own send and invoke.
    return () => {
      ipcRenderer.removeListener(APP_EVENT_CHANNEL, forward);
    };
  },
});
