/**
 * Which host the e2e suite drives. Electron when its binary is installed; otherwise Chromium
 * against the development web host: Debian's Chromium where it is (`CHROMIUM_PATH`, or
 * /usr/bin/chromium), else Playwright's own Chromium (a developer's macOS or Windows machine).
 * Detection reads electron's path.txt and checks the file exists, because `require('electron')`
 * would start a download where there is no binary. `npm test`'s pretest step
 * (ensure-electron.node.ts) installs the binary first wherever downloads are allowed.
 *
 * Each function takes what it reads (the environment, a file-exists check) as optional arguments,
 * so tests/unit/hosts.test.ts can try every case without touching the machine.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const PROJECT_ROOT = resolve(__dirname, '..', '..', '..');
export type HostName = 'electron' | 'chromium';

/** Where Debian's package puts Chromium. */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export interface Machine {
  env: NodeJS.ProcessEnv;
  exists: (path: string) => boolean;
  read: (path: string) => string;
}
const THIS_MACHINE: Machine = { env: process.env, exists: existsSync, read: (path) => readFileSync(path, 'utf8') };

export function electronBinary(machine: Machine = THIS_MACHINE): string | null {
  const pkg = join(PROJECT_ROOT, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  if (!machine.exists(pathFile)) return null;
  const relativePath = machine.read(pathFile);
  const binary = machine.env.ELECTRON_OVERRIDE_DIST_PATH
    ? join(machine.env.ELECTRON_OVERRIDE_DIST_PATH, relativePath)
    : join(pkg, 'dist', relativePath);
  return machine.exists(binary) ? binary : null;
}

/**
 * The Chromium the Chromium host launches: `CHROMIUM_PATH` if set, else Debian's if installed,
 * else `undefined`, which tells Playwright to launch its own bundled Chromium (installed by
 * `npx playwright install chromium`). Pass the result straight to `chromium.launch({ executablePath })`.
 */
export function chromiumBinary(machine: Pick<Machine, 'env' | 'exists'> = THIS_MACHINE): string | undefined {
  if (machine.env.CHROMIUM_PATH) return machine.env.CHROMIUM_PATH;
  return machine.exists(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined;
}

/** Says which Chromium `chromiumBinary()` gives, in words for the run's log. */
export function describeChromium(machine: Pick<Machine, 'env' | 'exists'> = THIS_MACHINE): string {
  const binary = chromiumBinary(machine);
  if (machine.env.CHROMIUM_PATH) return `Chromium at ${binary} (CHROMIUM_PATH)`;
  if (binary) return `Debian's Chromium at ${binary}`;
  return `Playwright's own Chromium (no CHROMIUM_PATH, no ${DEBIAN_CHROMIUM}; \`npx playwright install chromium\` if it is missing)`;
}

export function chooseHost(machine: Machine = THIS_MACHINE): { name: HostName; why: string } {
  const forced = machine.env.VALISE_E2E_HOST;
  if (forced === 'electron') return { name: forced, why: 'VALISE_E2E_HOST=electron' };
  if (forced === 'chromium') return { name: forced, why: `VALISE_E2E_HOST=chromium; ${describeChromium(machine)}` };
  const electron = electronBinary(machine);
  return electron
    ? { name: 'electron', why: `Electron binary at ${electron}` }
    : { name: 'chromium', why: `no Electron binary installed; ${describeChromium(machine)}` };
}
