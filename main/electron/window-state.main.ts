/** The window's size and position, remembered across runs, and kept on a screen that still exists. */
import { screen, type BrowserWindow, type Rectangle } from 'electron';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DEFAULT = { width: 1180, height: 820 };
const STATE_FILE = 'window-state.json';

export interface WindowState {
  bounds: Partial<Rectangle>;
  maximized: boolean;
}

/** At least this much of the window's top edge must lie on a screen for the saved place to be kept. */
const MIN_VISIBLE_PX = 64;

type Area = Rectangle;
const overlap = (a0: number, a1: number, b0: number, b1: number) => Math.min(a1, b1) - Math.max(a0, b0);

/** Whether enough of the window's top strip (where its title bar is) lies on one of the screens. */
function reachable(bounds: Area, areas: Area[]): boolean {
  return areas.some(
    (a) =>
      overlap(bounds.x, bounds.x + bounds.width, a.x, a.x + a.width) >= MIN_VISIBLE_PX &&
      overlap(bounds.y, bounds.y + MIN_VISIBLE_PX, a.y, a.y + a.height) >= MIN_VISIBLE_PX,
  );
}

/** The saved bounds, or, when they are off every screen, the saved size (no larger than a screen) for Electron to centre. */
function placed(saved: Partial<Rectangle>, areas: Area[]): Partial<Rectangle> {
  const width = Math.min(saved.width ?? DEFAULT.width, Math.max(...areas.map((a) => a.width)));
  const height = Math.min(saved.height ?? DEFAULT.height, Math.max(...areas.map((a) => a.height)));
  const { x, y } = saved;
  if (typeof x === 'number' && typeof y === 'number' && reachable({ x, y, width, height }, areas))
    return { x, y, width, height };
  return { width, height };
}

export function loadWindowState(userData: string): WindowState {
  try {
    const saved = JSON.parse(readFileSync(join(userData, STATE_FILE), 'utf8')) as WindowState;
    const areas = screen.getAllDisplays().map((d) => d.workArea);
    return { bounds: placed(saved.bounds ?? {}, areas), maximized: saved.maximized === true };
  } catch {
    return { bounds: DEFAULT, maximized: false };
  }
}

/** A move or resize is saved once the window has stood still this long. */
const SAVE_DELAY_MS = 400;

/** Writes the state; a data folder that cannot be written only means the default size next time. */
function writeState(window: BrowserWindow, userData: string): void {
  if (window.isDestroyed()) return;
  const state: WindowState = { bounds: window.getNormalBounds(), maximized: window.isMaximized() };
  try {
    writeFileSync(join(userData, STATE_FILE), JSON.stringify(state));
  } catch {
    // Nothing to tell the user: the window opens at its default size next time.
  }
}

export function rememberWindowState(window: BrowserWindow, userData: string): void {
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    clearTimeout(timer);
    timer = setTimeout(() => writeState(window, userData), SAVE_DELAY_MS);
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) window.on(event as 'resize', save);
  window.on('close', () => {
    clearTimeout(timer);
    writeState(window, userData);
  });
}
