/**
 * The double's `app`: paths, readiness, the single instance lock (scoped to the user data folder,
 * as Electron's is) and quitting, with the events Electron emits in the order it emits them.
 */
import { EventEmitter } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

/** The machine's single instance locks, shared by every double that plays a process on it. */
export type InstanceLocks = Map<string, AppDouble>;

/** A preventable event, as Electron passes to `before-quit`, `will-quit`, `will-navigate`… */
export function preventable() {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

export interface AppDoubleOptions {
  appPath: string;
  appData: string;
  locks: InstanceLocks;
  argv?: string[];
  /** Closes every window, as quitting does before `will-quit`. */
  closeAllWindows: () => void;
  /** A packaged app (`app.isPackaged`): run from its asar, beside `process.resourcesPath`. */
  packaged?: boolean;
  /** The OS Electron runs on, for the paths it gives (process.platform by default). */
  platform?: NodeJS.Platform;
}

/** Electron's `app.commandLine`: the switches Chromium was started with (none, unless a test adds them). */
export class CommandLineDouble {
  private readonly switches = new Map<string, string>();
  appendSwitch = (name: string, value = ''): void => void this.switches.set(name, value);
  hasSwitch = (name: string): boolean => this.switches.has(name);
  getSwitchValue = (name: string): string => this.switches.get(name) ?? '';
  removeSwitch = (name: string): void => void this.switches.delete(name);
}

export class AppDouble extends EventEmitter {
  readonly isPackaged: boolean;
  readonly commandLine = new CommandLineDouble();
  /** How the process ended: by `quit()` (code 0 unless `exit(code)`), or still running (null). */
  exitCode: number | null = null;
  private ready = false;
  private readonly readyPromise: Promise<void>;
  private resolveReady!: () => void;
  private readonly paths = new Map<string, string>();
  private readonly packageJson: { name: string; productName?: string; version: string };
  private readonly argv: string[];

  constructor(private readonly options: AppDoubleOptions) {
    super();
    this.isPackaged = options.packaged ?? false;
    this.readyPromise = new Promise((resolve) => (this.resolveReady = resolve));
    this.packageJson = JSON.parse(
      readFileSync(join(options.appPath, 'package.json'), 'utf8'),
    ) as AppDouble['packageJson'];
    this.paths.set('appData', options.appData);
    this.paths.set('userData', join(options.appData, this.getName()));
    this.paths.set('temp', join(options.appData, 'tmp'));
    // Electron's logs folder: ~/Library/Logs/<name> on macOS, <userData>/logs elsewhere.
    const darwin = (options.platform ?? process.platform) === 'darwin';
    this.paths.set(
      'logs',
      darwin ? join(homedir(), 'Library', 'Logs', this.getName()) : join(options.appData, this.getName(), 'logs'),
    );
    this.argv = options.argv ?? ['electron', options.appPath];
  }

  /** What the test runner does in Electron's place once the main script has run. */
  emitReady(): void {
    if (this.exitCode !== null || this.ready) return;
    this.emit('will-finish-launching');
    this.ready = true;
    this.emit('ready', preventable(), {});
    this.resolveReady();
  }

  isReady = () => this.ready;
  whenReady = () => this.readyPromise;
  getName = () => this.packageJson.productName ?? this.packageJson.name;
  getVersion = () => this.packageJson.version;
  getAppPath = () => this.options.appPath;
  getLocale = () => 'en-US';

  getPath = (name: string): string => {
    const path = this.paths.get(name);
    if (!path) throw new Error(`Failed to get '${name}' path`);
    return path;
  };

  /** Electron throws for a folder that does not exist, and for a name it does not know. */
  setPath = (name: string, path: string): void => {
    if (!this.paths.has(name)) throw new Error(`Failed to set path: unknown name '${name}'`);
    if (!isAbsolute(path) || !existsSync(path)) throw new Error(`Failed to set path: '${path}' does not exist`);
    this.paths.set(name, path);
  };

  requestSingleInstanceLock = (additionalData?: Record<string, unknown>): boolean => {
    const key = this.getPath('userData');
    const holder = this.options.locks.get(key);
    if (holder && holder !== this && holder.exitCode === null) {
      setImmediate(() => holder.emit('second-instance', preventable(), this.argv, process.cwd(), additionalData ?? {}));
      return false;
    }
    this.options.locks.set(key, this);
    return true;
  };

  hasSingleInstanceLock = () => this.options.locks.get(this.getPath('userData')) === this;

  releaseSingleInstanceLock = (): void => {
    const key = this.getPath('userData');
    if (this.options.locks.get(key) === this) this.options.locks.delete(key);
  };

  /** Closes the windows, then `will-quit` and `quit`; `window-all-closed` is not emitted on quit. */
  quit = (): void => {
    if (this.exitCode !== null) return;
    const before = preventable();
    this.emit('before-quit', before);
    if (before.defaultPrevented) return;
    this.quitting = true;
    this.options.closeAllWindows();
    const willQuit = preventable();
    this.emit('will-quit', willQuit);
    if (willQuit.defaultPrevented) return;
    this.end(0);
  };

  /** Ends at once: no event, windows not asked. */
  exit = (code = 0): void => {
    if (this.exitCode === null) this.end(code);
  };

  quitting = false;
  focus = (): void => void this.emit('did-focus');

  private end(code: number): void {
    this.exitCode = code;
    this.releaseSingleInstanceLock();
    this.emit('quit', preventable(), code);
  }
}
