/**
 * BrowserWindow, its webContents and their frames. A window's page is loaded through the
 * double's protocol handlers, file reader or WebRequest filter; each new document gets a new
 * main frame (the old one is detached, so a late IPC event has no sender frame) and runs the
 * session's and the window's preloads. There is no renderer: a test acts as the page through
 * `contents.mainWorld` (what the preload exposed) or a frame's raw `ipcRenderer`.
 */
import { EventEmitter } from 'node:events';
import { runInContext } from 'node:vm';
import { IpcRendererDouble, acrossProcesses, contextBridgeFor, type IpcMainDouble } from './ipc';
import type { ProtocolDouble, SessionDouble } from './network';
import { newWorld, runPreload } from './preload';
import { originOf } from './web-rules';
import { preventable, type AppDouble } from './app';

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Display {
  id: number;
  bounds: Rectangle;
  workArea: Rectangle;
  scaleFactor: number;
}

export interface WindowWorld {
  app: AppDouble;
  ipcMain: IpcMainDouble;
  protocol: ProtocolDouble;
  session: SessionDouble;
  displays: () => Display[];
  /** What `printToPDF` returns: the test decides the bytes. */
  pdfBytes: () => Buffer;
  /** A load the test makes fail as Chromium's network stack would (error code and name), once. */
  nextLoadFailure: () => LoadFailure | undefined;
}

export interface LoadFailure {
  code: number;
  description: string;
}

/**
 * Whether a document's Content-Security-Policy header sandboxes it without allow-same-origin: then
 * Chromium gives it an opaque origin, whatever its URL.
 */
export function cspSandboxes(headers: Headers): boolean {
  const directives = (headers.get('content-security-policy') ?? '').split(/[;,]/).map((d) => d.trim().split(/\s+/));
  return directives.some(
    ([name, ...tokens]) => name?.toLowerCase() === 'sandbox' && !tokens.includes('allow-same-origin'),
  );
}

export interface DocumentOptions {
  /** A sandboxed document (`Content-Security-Policy: sandbox`, an `<iframe sandbox>`): its origin is opaque ("null"), whatever its URL. */
  sandboxed?: boolean;
}

/** Electron's defaults for web preferences (sandbox and context isolation on since Electron 20). */
const DEFAULT_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  webviewTag: false,
};
const DEFAULT_SIZE = { width: 800, height: 600 };
let nextId = 1;

export class FrameDouble {
  readonly routingId = nextId++;
  readonly processId = 1;
  readonly origin: string;
  detached = false;
  readonly ipcRenderer: IpcRendererDouble;
  readonly frames: FrameDouble[] = [];

  constructor(
    readonly contents: WebContentsDouble,
    readonly url: string,
    readonly parent: FrameDouble | null,
    options: DocumentOptions = {},
  ) {
    this.origin = options.sandboxed
      ? 'null'
      : originOf(url, contents.world.protocol.standardSchemes(), parent?.origin ?? null);
    this.ipcRenderer = new IpcRendererDouble(this, contents.world.ipcMain);
    parent?.frames.push(this);
  }

  get top(): FrameDouble {
    return this.parent ? this.parent.top : this;
  }

  detach(): void {
    this.detached = true;
    for (const child of this.frames) child.detach();
  }
}

export class WebContentsDouble extends EventEmitter {
  readonly id = nextId++;
  mainFrame: FrameDouble;
  /** The page's JavaScript world: what the preloads exposed with contextBridge. */
  mainWorld: Record<string, unknown> = {};
  readonly preloadErrors: unknown[] = [];
  readonly printed: object[] = [];
  readonly pdfRequests: object[] = [];
  responseHeaders = new Headers();
  status = 0;
  private title = '';
  private firstUrl = '';
  private destroyed = false;
  private loading = false;
  private windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | null = null;

  constructor(
    readonly world: WindowWorld,
    readonly preferences: Record<string, unknown>,
  ) {
    super();
    this.mainFrame = new FrameDouble(this, '', null);
  }

  get session(): SessionDouble {
    return this.world.session;
  }

  getURL = () => this.mainFrame.url;
  getTitle = () => this.title;
  getLastWebPreferences = () => ({ ...this.preferences });
  isDestroyed = () => this.destroyed;
  isCrashed = () => false;
  isLoading = () => this.loading;
  setWindowOpenHandler = (handler: WebContentsDouble['windowOpenHandler']) => void (this.windowOpenHandler = handler);
  send = (channel: string, ...args: unknown[]) => this.mainFrame.ipcRenderer.deliver(channel, args);
  print = (options: object = {}, callback?: (success: boolean) => void) =>
    void (this.printed.push(options), callback?.(true));

  printToPDF = async (options: object): Promise<Buffer> => {
    this.pdfRequests.push(options);
    return this.world.pdfBytes();
  };

  /**
   * Loads a document as Electron does: fetched through the protocol, file reader or network filter
   * (data: URLs too); a document sent with a sandboxing CSP gets an opaque origin. A load that fails
   * emits did-fail-load and rejects as `loadURL` does.
   */
  async load(url: string): Promise<void> {
    this.firstUrl ||= url;
    this.loading = true;
    try {
      const failure = this.world.nextLoadFailure();
      // Chromium reports a load's outcome later, never within the call that started it.
      if (failure) await new Promise((resolve) => setImmediate(resolve));
      if (failure) throw this.failed(url, failure, new Error(failure.description));
      const response = await this.fetchDocument(url);
      this.status = response.status;
      this.responseHeaders = response.headers;
      const html = await response.text();
      this.title = /<title>([^<]*)<\/title>/i.exec(html)?.[1] ?? url;
      this.commitDocument(url, { sandboxed: cspSandboxes(response.headers) });
    } finally {
      this.loading = false;
    }
    this.emit('dom-ready');
    this.emit('did-finish-load');
  }

  /** A new document in the main frame (what a navigation commits), with its preloads run. */
  commitDocument(url: string, options: DocumentOptions = {}): FrameDouble {
    this.mainFrame.detach();
    this.mainFrame = new FrameDouble(this, url, null, options);
    this.mainWorld = {};
    this.runPreloads();
    return this.mainFrame;
  }

  /** Loads the app's own page again (what the window's first load was). */
  loadAppAgain(): Promise<void> {
    return this.load(this.firstUrl);
  }

  /** A sub-frame (an iframe) in the page; sub-frames get no preload (nodeIntegrationInSubFrames off). */
  attachFrame(url: string, parent: FrameDouble = this.mainFrame, options: DocumentOptions = {}): FrameDouble {
    return new FrameDouble(this, url, parent, options);
  }

  /**
   * `executeJavaScript`: the code runs in the page's main world (where `window.valise` is), as a
   * script; what it evaluates to (awaited, if a promise) comes back to main as a structured clone.
   */
  executeJavaScript = async (code: string, _userGesture?: boolean): Promise<unknown> => {
    if (this.destroyed) throw new Error('Render frame was disposed before WebFrameMain could be accessed');
    const { context } = newWorld(this.mainWorld);
    return acrossProcesses(await (runInContext(code, context) as unknown));
  };

  /** The renderer process ends (a crash, an OOM kill…): its frame is gone, and `render-process-gone` says why. */
  crashRenderer(reason = 'crashed', exitCode = 139): void {
    this.mainFrame.detach();
    this.mainWorld = {};
    this.emit('render-process-gone', preventable(), { reason, exitCode });
  }

  /** The page sets document.title. */
  setPageTitle(title: string): void {
    this.title = title;
    this.emit('page-title-updated', preventable(), title);
  }

  /** A navigation the page starts (a link, `location.href = …`): `will-navigate` may prevent it. */
  async navigateFromPage(url: string): Promise<{ prevented: boolean }> {
    const event = { ...preventable(), url, isMainFrame: true };
    this.emit('will-navigate', event, url);
    if (event.defaultPrevented) return { prevented: true };
    await this.load(url);
    return { prevented: false };
  }

  /** `window.open(url)` from the page: what the window open handler answers (Electron allows by default). */
  openFromPage(url: string): { action: 'allow' | 'deny' } {
    return this.windowOpenHandler ? this.windowOpenHandler({ url }) : { action: 'allow' };
  }

  /** A `<webview>` the page tries to attach: true when it was refused. */
  attachWebviewFromPage(): boolean {
    const event = preventable();
    this.emit('will-attach-webview', event, {}, {});
    return event.defaultPrevented;
  }

  /** A request from the page (fetch, img…): through the protocol handler or the session's filter. */
  async fetchFromPage(url: string): Promise<Response> {
    const scheme = new URL(url).protocol.slice(0, -1);
    if (this.world.protocol.isProtocolHandled(scheme)) return this.world.protocol.request(url);
    return this.session.fetch(url);
  }

  destroy(): void {
    this.destroyed = true;
    this.mainFrame.detach();
    this.emit('destroyed');
  }

  private async fetchDocument(url: string): Promise<Response> {
    try {
      return await this.fetchFromPage(url);
    } catch (error) {
      throw this.failed(url, { code: -2, description: 'ERR_FAILED' }, error);
    }
  }

  /** A failed load of the main frame: did-fail-load, and the error `loadURL` rejects with. */
  private failed(url: string, { code, description }: LoadFailure, cause: unknown): Error {
    this.emit(
      'did-fail-load',
      preventable(),
      code,
      description,
      url,
      true,
      this.mainFrame.processId,
      this.mainFrame.routingId,
    );
    return new Error(`${description} (${code}) loading '${url}'`, { cause });
  }

  private runPreloads(): void {
    const sandbox = this.preferences.sandbox !== false;
    const contextIsolation = this.preferences.contextIsolation !== false;
    const electron = {
      contextBridge: contextBridgeFor(this.mainWorld, contextIsolation),
      ipcRenderer: this.mainFrame.ipcRenderer,
      webFrame: {},
    };
    const scripts = [...this.session.preloadScripts.filter((s) => s.type === 'frame').map((s) => s.filePath)];
    if (typeof this.preferences.preload === 'string') scripts.push(this.preferences.preload);
    for (const filePath of scripts) {
      try {
        runPreload({ filePath, sandbox, contextIsolation, electron });
      } catch (error) {
        // Electron logs "Unable to load preload script" and goes on with the page.
        this.preloadErrors.push(error);
      }
    }
  }
}

export function browserWindowClass(world: WindowWorld) {
  const windows: BrowserWindowDouble[] = [];
  let focusedId: number | null = null;
  const focused = () => windows.find((w) => w.id === focusedId && !w.isDestroyed()) ?? null;

  class BrowserWindowDouble extends EventEmitter {
    static getAllWindows = () => windows.filter((w) => !w.isDestroyed());
    static getFocusedWindow = () => focused();
    static fromWebContents = (contents: WebContentsDouble) => windows.find((w) => w.webContents === contents) ?? null;

    readonly id = nextId++;
    readonly webContents: WebContentsDouble;
    private bounds: Rectangle;
    private normal: Rectangle;
    private state: 'normal' | 'minimized' | 'maximized' = 'normal';
    private visible: boolean;
    private destroyed = false;
    private shown = false;

    constructor(readonly options: Record<string, unknown> = {}) {
      super();
      if (!world.app.isReady()) throw new Error('Cannot create BrowserWindow before app is ready');
      this.webContents = new WebContentsDouble(world, {
        ...DEFAULT_PREFERENCES,
        ...(options.webPreferences as object),
      });
      this.bounds = this.initialBounds();
      this.normal = { ...this.bounds };
      this.visible = options.show !== false;
      windows.push(this);
      world.app.emit('browser-window-created', preventable(), this);
    }

    loadURL = async (url: string): Promise<void> => {
      await this.webContents.load(url);
      if (!this.shown) {
        this.shown = true;
        this.emit('ready-to-show');
      }
    };

    getBounds = () => ({ ...this.bounds });
    getNormalBounds = () => ({ ...this.normal });
    setBounds = (bounds: Partial<Rectangle>) => {
      this.bounds = { ...this.bounds, ...bounds };
      if (this.state === 'normal') this.normal = { ...this.bounds };
      this.emit('resize');
      this.emit('move');
    };
    isVisible = () => this.visible && !this.destroyed;
    show = () => {
      this.visible = true;
      this.focus();
      this.emit('show');
    };
    hide = () => void (this.visible = false);
    focus = () => {
      focusedId = this.id;
      this.emit('focus');
    };
    isFocused = () => focusedId === this.id;
    minimize = () => this.setState('minimized', 'minimize');
    restore = () => this.setState('normal', 'restore');
    maximize = () => this.setState('maximized', 'maximize');
    unmaximize = () => this.setState('normal', 'unmaximize');
    isMinimized = () => this.state === 'minimized';
    isMaximized = () => this.state === 'maximized';
    isDestroyed = () => this.destroyed;

    close = () => {
      if (this.destroyed) return;
      const event = preventable();
      this.emit('close', event);
      if (!event.defaultPrevented) this.destroy();
    };

    destroy = () => {
      if (this.destroyed) return;
      this.destroyed = true;
      this.webContents.destroy();
      if (focusedId === this.id) focusedId = null;
      this.emit('closed');
      if (BrowserWindowDouble.getAllWindows().length === 0 && !world.app.quitting) world.app.emit('window-all-closed');
    };

    private setState(state: BrowserWindowDouble['state'], event: string) {
      this.state = state;
      this.emit(event);
    }

    /** Electron centres a window without a position on the primary display's work area. */
    private initialBounds(): Rectangle {
      const width = (this.options.width as number | undefined) ?? DEFAULT_SIZE.width;
      const height = (this.options.height as number | undefined) ?? DEFAULT_SIZE.height;
      const area = world.displays()[0]!.workArea;
      const x = (this.options.x as number | undefined) ?? Math.round(area.x + (area.width - width) / 2);
      const y = (this.options.y as number | undefined) ?? Math.round(area.y + (area.height - height) / 2);
      return { x, y, width, height };
    }
  }

  return {
    BrowserWindow: BrowserWindowDouble,
    closeAll: () => {
      for (const window of BrowserWindowDouble.getAllWindows()) window.close();
    },
  };
}
export type BrowserWindowDouble = InstanceType<ReturnType<typeof browserWindowClass>['BrowserWindow']>;
