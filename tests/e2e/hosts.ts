/**
 * Which host the e2e suite drives. Electron when its binary is installed; otherwise Debian's
 * Chromium against the development web host. Detection reads electron's path.txt and checks the
 * file exists, because `require('electron')` would start a download where there is no binary.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const PROJECT_ROOT = resolve(__dirname, '..', '..');
export type HostName = 'electron' | 'chromium';

export function electronBinary(): string | null {
  const pkg = join(PROJECT_ROOT, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = process.env.ELECTRON_OVERRIDE_DIST_PATH
    ? join(process.env.ELECTRON_OVERRIDE_DIST_PATH, readFileSync(pathFile, 'utf8'))
    : join(pkg, 'dist', readFileSync(pathFile, 'utf8'));
  return existsSync(binary) ? binary : null;
}

export function chromiumBinary(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

export function chooseHost(): { name: HostName; why: string } {
  const forced = process.env.VALISE_E2E_HOST;
  if (forced === 'electron' || forced === 'chromium') return { name: forced, why: 'VALISE_E2E_HOST' };
  const electron = electronBinary();
  return electron
    ? { name: 'electron', why: `Electron binary at ${electron}` }
    : { name: 'chromium', why: `no Electron binary installed; Chromium at ${chromiumBinary()}` };
}
