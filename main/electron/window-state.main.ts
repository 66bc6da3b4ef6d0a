/** The window's size and position, remembered across runs, and kept on a screen that still exists. */
import { screen, type BrowserWindow, type Rectangle } from 'electron';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DEFAULT = { width: 1180, height: 820 };

export interface WindowState {
  bounds: Partial<Rectangle>;
  maximized: boolean;
}

export function loadWindowState(userData: string): WindowState {
  try {
    const saved = JSON.parse(readFileSync(join(userData, 'window-state.json'), 'utf8')) as WindowState;
    const { x, y, width, height } = saved.bounds;
    const visible =
      typeof x === 'number' && typeof y === 'number' &&
      screen.getAllDisplays().some(({ workArea: a }) => x < a.x + a.width && x + (width ?? 0) > a.x && y < a.y + a.height && y + (height ?? 0) > a.y);
    return { bounds: visible ? saved.bounds : { width: width ?? DEFAULT.width, height: height ?? DEFAULT.height }, maximized: !!saved.maximized };
  } catch {
    return { bounds: DEFAULT, maximized: false };
  }
}

export function rememberWindowState(window: BrowserWindow, userData: string): void {
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (window.isDestroyed()) return;
      const state: WindowState = { bounds: window.getNormalBounds(), maximized: window.isMaximized() };
      writeFileSync(join(userData, 'window-state.json'), JSON.stringify(state));
    }, 400);
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) window.on(event as 'resize', save);
  window.on('close', () => {
    clearTimeout(timer);
    writeFileSync(join(userData, 'window-state.json'), JSON.stringify({ bounds: window.getNormalBounds(), maximized: window.isMaximized() }));
  });
}
