/**
 * The Electron app booted from its build against the double, as a test drives it: launched in
 * a fresh user data folder, its window, and the page's side of the preload bridge.
 */
import { afterEach } from 'vitest';
import { bootMain, mainWindow, type BootOptions, type Booted } from './boot-main';
import { tempDir } from './content';
import type { BrowserWindowDouble } from './electron-double/windows';

export interface PageBridge {
  invoke(
    channel: unknown,
    args?: unknown,
  ): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;
  onEvent(listener: (event: unknown) => void): () => void;
}

export interface Launched extends Booted {
  userData: string;
  window: () => BrowserWindowDouble;
  /** What the page sees as `window.valise`. */
  page: () => PageBridge;
}

/** Call at the top of a test file: returns a launcher whose apps quit after each test. */
export function appPerTest(): (options?: BootOptions & { userData?: string }) => Promise<Launched> {
  const running: Booted[] = [];
  afterEach(async () => {
    for (const booted of running.splice(0)) await booted.quit();
  });
  return async (options = {}) => {
    const userData = options.userData ?? tempDir('valise-user-');
    const booted = bootMain({ ...options, env: { VALISE_USER_DATA: userData, ...options.env } });
    running.push(booted);
    await booted.settled;
    const window = () => mainWindow(booted.double);
    return { ...booted, userData, window, page: () => window().webContents.mainWorld.valise as PageBridge };
  };
}
