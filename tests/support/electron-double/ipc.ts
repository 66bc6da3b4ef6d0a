/**
 * IPC as Electron carries it: `ipcRenderer.invoke` in a frame reaches the one `ipcMain.handle`
 * handler of its channel with an event naming the sender frame (null once the frame is gone);
 * arguments and results cross as structured clones (a function or a class instance's methods do
 * not); main's `webContents.send` reaches the listeners of the frame's `ipcRenderer.on`.
 */
import { EventEmitter } from 'node:events';
import { types } from 'node:util';
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
    if (!handler)
      throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
    const event: InvokeEvent = {
      sender: frame.contents,
      senderFrame: frame.detached ? null : frame,
      frameId: frame.routingId,
      processId: frame.processId,
    };
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

  invoke = (channel: string, ...args: unknown[]): Promise<unknown> =>
    this.ipcMain.invokeFrom(this.frame, channel, args);

  /** Main's `webContents.send` arriving in this frame. */
  deliver(channel: string, args: unknown[]): void {
    this.emit(channel, { sender: this, senderId: 0 }, ...acrossProcesses(args));
  }
}

/**
 * Whether Electron's contextBridge proxies a value key by key (its IsPlainObject,
 * shell/renderer/api/electron_api_context_bridge.cc): any object that is not one of the kinds V8
 * knows by type. A class instance is one: its own enumerable values are copied, its prototype (and
 * so its methods) is not.
 */
function isPlainObject(value: object): boolean {
  return !(
    types.isDate(value) ||
    types.isArgumentsObject(value) ||
    types.isBoxedPrimitive(value) ||
    types.isNativeError(value) ||
    types.isRegExp(value) ||
    types.isPromise(value) ||
    types.isMap(value) ||
    types.isSet(value) ||
    types.isMapIterator(value) ||
    types.isSetIterator(value) ||
    types.isWeakMap(value) ||
    types.isWeakSet(value) ||
    types.isArrayBuffer(value) ||
    types.isArrayBufferView(value) ||
    Array.isArray(value) ||
    types.isSharedArrayBuffer(value) ||
    types.isGeneratorObject(value) ||
    types.isModuleNamespaceObject(value) ||
    types.isProxy(value)
  );
}

/** A function of one world as the other world gets it: arguments copied in, the result (or the error thrown) copied out. */
function proxyFunction(fn: (...args: unknown[]) => unknown, receiver: unknown): (...args: unknown[]) => unknown {
  return (...args: unknown[]) => {
    let result: unknown;
    try {
      result = fn.apply(
        receiver,
        args.map((a) => bridgeCopy(a)),
      );
    } catch (error) {
      throw bridgeCopy(error);
    }
    return bridgeCopy(result);
  };
}

/**
 * contextBridge's copy of a value into the other world, rule by rule as Electron's
 * PassValueToOtherContext applies them (and docs/api/context-bridge.md states them):
 * - primitives (symbols and bigints too) pass as they are;
 * - a function becomes a proxy whose arguments and result are copied again, so the page never
 *   holds a preload object; a promise becomes a promise of the copy (a rejection too);
 * - an Error becomes a new Error with its message only (its name, stack and own properties are lost);
 * - an array is copied element by element; a plain object (a class instance too) key by key, its
 *   own enumerable properties read once (getters run), its prototype dropped;
 * - anything else (Date, RegExp, Map, Set, ArrayBuffer, typed arrays…) crosses as a structured
 *   clone, and what cannot be cloned (a WeakMap, a Map holding a function…) throws.
 * One object met twice in a value is copied once (cycles kept), as Electron's object cache does.
 */
export function bridgeCopy(value: unknown, seen = new Map<object, unknown>(), receiver?: unknown): unknown {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return value;
  if (seen.has(value)) return seen.get(value);
  if (typeof value === 'function')
    return remember(seen, value, proxyFunction(value as (...args: unknown[]) => unknown, receiver));
  if (types.isPromise(value))
    return remember(
      seen,
      value,
      (value as Promise<unknown>).then(
        (v) => bridgeCopy(v),
        (e: unknown) => Promise.reject(bridgeCopy(e)),
      ),
    );
  if (types.isNativeError(value)) return remember(seen, value, new Error((value as Error).message));
  if (Array.isArray(value)) {
    const copy: unknown[] = remember(seen, value, []);
    for (const item of value) copy.push(bridgeCopy(item, seen, value));
    return copy;
  }
  if (isPlainObject(value)) {
    const copy: Record<string, unknown> = remember(seen, value, {});
    // Own data properties even for "__proto__" (CreateDataProperty), never the prototype's setter.
    for (const [key, inner] of Object.entries(value))
      Object.defineProperty(copy, key, {
        value: bridgeCopy(inner, seen, value),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    return copy;
  }
  return remember(seen, value, structuredClone(value));
}

function remember<T>(seen: Map<object, unknown>, original: object, copy: T): T {
  seen.set(original, copy);
  return copy;
}

export function contextBridgeFor(world: Record<string, unknown>, contextIsolation: boolean) {
  return {
    exposeInMainWorld(key: string, api: unknown): void {
      if (!contextIsolation) throw new Error('contextBridge API can only be used when contextIsolation is enabled');
      if (key in world)
        throw new Error(`Cannot bind an API on top of an existing property on the window object: ${key}`);
      world[key] = bridgeCopy(api);
    },
  };
}
