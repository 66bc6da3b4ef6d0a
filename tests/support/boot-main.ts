/**
 * Boots the built Electron entry (`out/main/index.js`, with its preload and renderer beside it)
 * under Node against the Electron double: `require('electron')` from the bundle and from the
 * packages it loads answers the double, and the bundle's paths (preload, renderer, content
 * database) are the build's own. Each boot is a fresh module, as each launch is a fresh process.
 *
 * `packaged` boots a packaged app instead (tests/support/package-app.ts): its `resources/` folder
 * with the asar extracted as `app.asar/`, so that every path the app computes (`__dirname`,
 * `process.resourcesPath`) is the packaged one; `app.isPackaged` is true and `process.resourcesPath`
 * set while it runs.
 */
import Module, { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { once } from 'node:events';
import { tempDir } from './temp-dir';
import { createElectronDouble, type ElectronDouble, type InstanceLocks } from './electron-double';
import type { BrowserWindowDouble } from './electron-double/windows';

export const PROJECT_ROOT = resolve(__dirname, '..', '..');
export const MAIN_BUNDLE = join(PROJECT_ROOT, 'out', 'main', 'index.js');

type Load = (request: string, parent: unknown, isMain: boolean) => unknown;
const moduleInternals = Module as unknown as { _load: Load };
const realLoad = moduleInternals._load;
/** The double that answers `require('electron')` while a bundle is being loaded. */
let loading: ElectronDouble | null = null;

function installHook(): void {
  if (moduleInternals._load !== realLoad) return;
  moduleInternals._load = function load(this: unknown, request, parent, isMain) {
    if (request === 'electron' && loading) return loading.electron;
    return realLoad.call(this, request, parent, isMain);
  };
}

/** Modules that hold on to the `electron` they first got: loaded again for each boot. */
function forgetElectronModules(bundle: string): void {
  const cache = createRequire(bundle).cache;
  for (const key of Object.keys(cache)) {
    if (key === bundle || key.includes(join('node_modules', 'electron-log'))) delete cache[key];
  }
}

export interface BootOptions {
  /** The process environment for this launch (VALISE_USER_DATA, VALISE_CONTENT_DB…). */
  env?: Record<string, string | undefined>;
  locks?: InstanceLocks;
  /** Arranges the double before the main script runs (displays, dialog answers…). */
  before?: (double: ElectronDouble) => void;
  /** The packaged app's `resources/` folder, its asar extracted there as `app.asar/`. */
  packaged?: { resourcesPath: string };
  /**
   * The OS the main script believes it runs on while it loads (`process.platform`, read by the
   * modules it loads then, such as electron-log for its default paths), and the double's paths.
   */
  platform?: NodeJS.Platform;
}

export interface Booted {
  double: ElectronDouble;
  /** Resolves when the launch has settled: a window shown, or the app ended. */
  settled: Promise<void>;
  quit(): Promise<void>;
}

export function tempAppData(): string {
  return tempDir('valise-electron-');
}

/** Sets the launch's environment; returns what puts the previous one back. */
function applyEnv(env: Record<string, string | undefined>): () => void {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  const set = (values: Record<string, string | undefined>) => {
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  set(env);
  return () => set(saved);
}

/** A launch settles when its first window is shown or the app has ended, whichever comes first. */
function settledOf(double: ElectronDouble): Promise<void> {
  if (double.app.exitCode !== null) return Promise.resolve();
  const shown = new Promise<void>((done) => {
    const watch = (window: { once(event: string, listener: () => void): void }) => window.once('show', done);
    double.app.on('browser-window-created', (_event: unknown, window: Parameters<typeof watch>[0]) => watch(window));
  });
  return Promise.race([shown, once(double.app, 'quit').then(() => undefined)]);
}

/** Sets a property of `process` (resourcesPath, platform); returns what puts the previous one back. */
function setOnProcess(name: 'resourcesPath' | 'platform', value: string | undefined): () => void {
  const saved = Object.getOwnPropertyDescriptor(process, name);
  if (value === undefined) return () => {};
  Object.defineProperty(process, name, { value, configurable: true, enumerable: true, writable: false });
  return () => {
    if (saved) Object.defineProperty(process, name, saved);
    else delete (process as unknown as Record<string, unknown>)[name];
  };
}

/** The app a boot runs: the build in out/, or a packaged one. */
function appOf(options: BootOptions): { bundle: string; appPath: string } {
  if (!options.packaged) return { bundle: MAIN_BUNDLE, appPath: PROJECT_ROOT };
  const appPath = join(options.packaged.resourcesPath, 'app.asar');
  return { bundle: join(appPath, 'out', 'main', 'index.js'), appPath };
}

export function bootMain(options: BootOptions = {}): Booted {
  const { bundle, appPath } = appOf(options);
  if (!existsSync(bundle))
    throw new Error(`No built app at ${bundle}: run \`npm run build\` first (\`npm test\` does).`);
  // The main process reads its environment when ready too: it stays set until the app quits.
  const restoreEnv = applyEnv(options.env ?? {});
  const double = createElectronDouble({
    appPath,
    appData: tempAppData(),
    locks: options.locks,
    packaged: !!options.packaged,
    platform: options.platform,
  });
  options.before?.(double);
  installHook();
  forgetElectronModules(bundle);
  const listeners = {
    exception: process.listeners('uncaughtException'),
    rejection: process.listeners('unhandledRejection'),
  };
  const restoreResources = setOnProcess('resourcesPath', options.packaged?.resourcesPath);
  const settled = settledOf(double);
  loading = double;
  const restorePlatform = setOnProcess('platform', options.platform);
  try {
    createRequire(bundle)(bundle);
  } finally {
    restorePlatform();
    loading = null;
  }
  double.app.emitReady();
  const restoreProcessListeners = () => {
    for (const l of process.listeners('uncaughtException'))
      if (!listeners.exception.includes(l)) process.off('uncaughtException', l);
    for (const l of process.listeners('unhandledRejection'))
      if (!listeners.rejection.includes(l)) process.off('unhandledRejection', l);
  };
  return {
    double,
    settled,
    async quit() {
      const ended = once(double.app, 'quit');
      double.app.quit();
      if (double.app.exitCode === null) await ended;
      restoreProcessListeners();
      restoreResources();
      restoreEnv();
    },
  };
}

/** The app's one window. */
export function mainWindow(double: ElectronDouble): BrowserWindowDouble {
  const [window] = double.BrowserWindow.getAllWindows();
  if (!window) throw new Error('The app has no window');
  return window;
}
