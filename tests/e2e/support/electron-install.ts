/**
 * Before `npm test`: Electron's binary, where downloads are allowed. Electron 42+ no longer
 * downloads it at `npm install` but at first use, so right after `npm install` the e2e suite
 * would find no binary and fall back to the Chromium host. `npm test`'s pretest step
 * (ensure-electron.node.ts) therefore runs Electron's own installer (node_modules/electron/
 * install.js: downloads the binary for this platform unless it is already there, checks it against
 * the package's checksums, writes path.txt), unless ELECTRON_SKIP_BINARY_DOWNLOAD is set, as it is
 * in .ci/run where Electron's binary cannot be downloaded.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { electronBinary, PROJECT_ROOT } from './hosts';

export const ELECTRON_INSTALLER = join(PROJECT_ROOT, 'node_modules', 'electron', 'install.js');

export type Decision = { action: 'skip'; why: string } | { action: 'install'; installer: string };

/** Whether to run Electron's installer. Any non-empty ELECTRON_SKIP_BINARY_DOWNLOAD skips, as Electron's own install step always read it. */
export function decide(env: NodeJS.ProcessEnv, installerExists: (path: string) => boolean = existsSync): Decision {
  if (env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    return {
      action: 'skip',
      why: `ELECTRON_SKIP_BINARY_DOWNLOAD is set: Electron's binary is not downloaded; the e2e suite runs on the host tests/e2e/support/hosts.ts finds`,
    };
  }
  if (!installerExists(ELECTRON_INSTALLER)) {
    return {
      action: 'skip',
      why: `${ELECTRON_INSTALLER} is missing: is the electron package installed (npm install)?`,
    };
  }
  return { action: 'install', installer: ELECTRON_INSTALLER };
}

/** Runs a Node script and returns its exit status (null if it could not start or was killed). */
export type Installer = (script: string) => number | null;
const runWithNode: Installer = (script) =>
  spawnSync(process.execPath, [script], { stdio: 'inherit', cwd: PROJECT_ROOT }).status;

export interface EnsureOptions {
  env?: NodeJS.ProcessEnv;
  install?: Installer;
  installerExists?: (path: string) => boolean;
  binary?: () => string | null;
  log?: (line: string) => void;
}

/** Decides, runs the installer if needed, says what it did; returns the exit code for the pretest step. */
export function ensureElectron(options: EnsureOptions = {}): number {
  const {
    env = process.env,
    install = runWithNode,
    installerExists = existsSync,
    binary = () => electronBinary(),
    log = (line) => console.log(line),
  } = options;
  const decision = decide(env, installerExists);
  if (decision.action === 'skip') {
    log(`[pretest] Electron's installer not run: ${decision.why}.`);
    return 0;
  }
  log(
    `[pretest] running Electron's installer (node ${decision.installer}): downloads Electron's binary unless it is already installed…`,
  );
  const status = install(decision.installer);
  if (status !== 0) {
    log(
      `[pretest] Electron's installer failed (exit ${status ?? 'none'}). Where Electron cannot be downloaded, set ELECTRON_SKIP_BINARY_DOWNLOAD=1 and the e2e suite runs on the Chromium host.`,
    );
    return 1;
  }
  const found = binary();
  if (!found) {
    log(
      `[pretest] Electron's installer finished, but no Electron binary is where tests/e2e/support/hosts.ts looks (node_modules/electron/path.txt and the file it names).`,
    );
    return 1;
  }
  log(`[pretest] Electron's binary is installed: ${found}; the e2e suite runs on the Electron host.`);
  return 0;
}
