/**
 * IPC as Electron carries it: `ipcRenderer.invoke` in a frame reaches the one `ipcMain.handle`
 * handler of its channel with an event naming the sender frame (null once the frame is gone);
 * arguments and results cross as structured clones (a function or a class instance's methods do
 * not); main's `webContents.send` reaches the listeners of the frame's `ipcRenderer.on`.
 */
import { EventEmitter } from 'node:events';
import type { FrameDouble, WebContentsDouble } from './windows';

type Handler = (event: InvokeEvent, ...args: unknown[]) => unknown;

export interface InvokeEvent {
  sender: WebContentsDouble;
  senderFrame: FrameDouble | null;
  frameId: number;
  processId: number;
}

/** Electron serialises with the structured clone algorithm, and refuses what it cannot clone. */
export function acrossProcesses<T>(value: T): T {
  try {
    return structuredClone(value);
  } catch {
    throw new Error('An object could not be cloned.');
  }
}

export class IpcMainDouble extends EventEmitter {
  private readonly handlers = new Map<string, Handler>();

  handle = (channel: string, handler: Handler): void => {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  };

  removeHandler = (channel: string): void => void this.handlers.delete(channel);
  channels = (): string[] => [...this.handlers.keys()];

  /** What a frame's `ipcRenderer.invoke` does on the main side. */
  async invokeFrom(frame: FrameDouble, channel: string, args: unknown[]): Promise<unknown> {
    const sent = acrossProcesses(args);
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
    const event: InvokeEvent = { sender: frame.contents, senderFrame: frame.detached ? null : frame, frameId: frame.routingId, processId: frame.processId };
    try {
      return acrossProcesses(await handler(event, ...sent));
    } catch (error) {
      throw new Error(`Error invoking remote method '${channel}': ${String(error)}`, { cause: error });
    }
  }
}

/** The renderer side of one frame: what `require('electron').ipcRenderer` is in its preload. */
export class IpcRendererDouble extends EventEmitter {
  constructor(
    private readonly frame: FrameDouble,
    private readonly ipcMain: IpcMainDouble,
  ) {
    super();
  }

  invoke = (channel: string, ...args: unknown[]): Promise<unknown> => this.ipcMain.invokeFrom(this.frame, channel, args);

  /** Main's `webContents.send` arriving in this frame. */
  deliver(channel: string, args: unknown[]): void {
    this.emit(channel, { sender: this, senderId: 0 }, ...acrossProcesses(args));
  }
}

/**
 * contextBridge: what the preload exposes is copied into the page's world, own properties
 * recursively (cycles kept, as Electron keeps them); functions become proxies whose arguments
 * and results are copied again, so the page never holds a preload object, only copies.
 */
export function bridgeCopy(value: unknown, seen = new Map<object, unknown>()): unknown {
  if (typeof value === 'function') {
    return (...args: unknown[]) => bridgeCopy((value as (...a: unknown[]) => unknown)(...args.map((a) => bridgeCopy(a))));
  }
  if (value instanceof Promise) return value.then((v) => bridgeCopy(v));
  if (!value || typeof value !== 'object') return value;
  if (seen.has(value)) return seen.get(value);
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [] : {};
  seen.set(value, copy);
  for (const [key, inner] of Object.entries(value)) (copy as Record<string, unknown>)[key] = bridgeCopy(inner, seen);
  return copy;
}

export function contextBridgeFor(world: Record<string, unknown>, contextIsolation: boolean) {
  return {
    exposeInMainWorld(key: string, api: unknown): void {
      if (!contextIsolation) throw new Error('contextBridge API can only be used when contextIsolation is enabled');
      if (key in world) throw new Error(`Cannot bind an API on top of an existing property on the window object: ${key}`);
      world[key] = bridgeCopy(api);
    },
  };
}
