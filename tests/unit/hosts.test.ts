/**
 * Which e2e host a machine gets (tests/e2e/support/hosts.ts), and what `npm test`'s pretest step does
 * about Electron's binary (tests/e2e/support/electron-install.ts), for machines other than this one: a
 * developer's macOS or Windows machine with a network and no Debian Chromium, CI where nothing can
 * be downloaded. The machine (environment, files) and the installer are stand-ins; nothing is
 * downloaded.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decide, ELECTRON_INSTALLER, ensureElectron } from '../e2e/support/electron-install';
import {
  chooseHost,
  chromiumBinary,
  DEBIAN_CHROMIUM,
  electronBinary,
  PROJECT_ROOT,
  type Machine,
} from '../e2e/support/hosts';

const ELECTRON_PKG = join(PROJECT_ROOT, 'node_modules', 'electron');

/** A machine with exactly these files (path → content) and this environment. */
function machine(files: Record<string, string>, env: NodeJS.ProcessEnv = {}): Machine {
  return {
    env,
    exists: (path) => path in files,
    read: (path) => {
      if (!(path in files)) throw new Error(`ENOENT ${path}`);
      return files[path]!;
    },
  };
}
const withElectron = { [join(ELECTRON_PKG, 'path.txt')]: 'electron', [join(ELECTRON_PKG, 'dist', 'electron')]: '' };

describe('the e2e host', () => {
  it('is Electron when its binary is installed, whatever Chromium there is', () => {
    const m = machine({ ...withElectron, [DEBIAN_CHROMIUM]: '' });
    expect(electronBinary(m)).toBe(join(ELECTRON_PKG, 'dist', 'electron'));
    expect(chooseHost(m)).toEqual({
      name: 'electron',
      why: `Electron binary at ${join(ELECTRON_PKG, 'dist', 'electron')}`,
    });
  });

  it('is not Electron right after `npm install` of Electron 42+ (no path.txt yet), nor when path.txt names a missing file', () => {
    expect(electronBinary(machine({}))).toBeNull();
    expect(electronBinary(machine({ [join(ELECTRON_PKG, 'path.txt')]: 'electron' }))).toBeNull();
    expect(chooseHost(machine({})).name).toBe('chromium');
  });

  it('finds the binary under ELECTRON_OVERRIDE_DIST_PATH when it is set', () => {
    const m = machine(
      { [join(ELECTRON_PKG, 'path.txt')]: 'electron', [join('/opt/electron', 'electron')]: '' },
      { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' },
    );
    expect(electronBinary(m)).toBe(join('/opt/electron', 'electron'));
  });

  it('uses Debian’s Chromium where it is installed', () => {
    const m = machine({ [DEBIAN_CHROMIUM]: '' });
    expect(chromiumBinary(m)).toBe(DEBIAN_CHROMIUM);
    expect(chooseHost(m)).toEqual({
      name: 'chromium',
      why: `no Electron binary installed; Debian's Chromium at ${DEBIAN_CHROMIUM}`,
    });
  });

  it('uses CHROMIUM_PATH first, even where Debian’s Chromium is installed', () => {
    const m = machine({ [DEBIAN_CHROMIUM]: '' }, { CHROMIUM_PATH: '/snap/bin/chromium' });
    expect(chromiumBinary(m)).toBe('/snap/bin/chromium');
    expect(chooseHost(m).why).toContain('Chromium at /snap/bin/chromium (CHROMIUM_PATH)');
  });

  it('falls back to Playwright’s own Chromium where there is neither CHROMIUM_PATH nor Debian’s Chromium, and says so', () => {
    const m = machine({});
    // undefined: `chromium.launch({ executablePath: undefined })` launches Playwright's bundled browser.
    expect(chromiumBinary(m)).toBeUndefined();
    const host = chooseHost(m);
    expect(host.name).toBe('chromium');
    expect(host.why).toContain("Playwright's own Chromium");
    expect(host.why).toContain(`no ${DEBIAN_CHROMIUM}`);
  });

  it('is the one VALISE_E2E_HOST names, and says why', () => {
    expect(chooseHost(machine({}, { VALISE_E2E_HOST: 'electron' }))).toEqual({
      name: 'electron',
      why: 'VALISE_E2E_HOST=electron',
    });
    const forced = chooseHost(machine({ ...withElectron }, { VALISE_E2E_HOST: 'chromium' }));
    expect(forced.name).toBe('chromium');
    expect(forced.why).toContain("VALISE_E2E_HOST=chromium; Playwright's own Chromium");
    // Anything else is not a host name: detection decides.
    expect(chooseHost(machine({ ...withElectron }, { VALISE_E2E_HOST: 'firefox' })).name).toBe('electron');
  });
});

describe('the pretest step (Electron’s installer)', () => {
  const installerThere = (path: string) => path === ELECTRON_INSTALLER;

  it('runs node_modules/electron/install.js when downloads are allowed', () => {
    expect(ELECTRON_INSTALLER).toBe(join(ELECTRON_PKG, 'install.js'));
    expect(decide({}, installerThere)).toEqual({ action: 'install', installer: ELECTRON_INSTALLER });
  });

  it('skips the installer when ELECTRON_SKIP_BINARY_DOWNLOAD is set (any value, as Electron read it), and does not fail', () => {
    for (const value of ['1', 'true', '0'])
      expect(decide({ ELECTRON_SKIP_BINARY_DOWNLOAD: value }, installerThere).action).toBe('skip');
    const ran: string[] = [];
    const log: string[] = [];
    const code = ensureElectron({
      env: { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
      installerExists: installerThere,
      install: (s) => (ran.push(s), 0),
      binary: () => null,
      log: (l) => log.push(l),
    });
    expect(code).toBe(0);
    expect(ran).toEqual([]);
    expect(log.join('\n')).toMatch(/installer not run: ELECTRON_SKIP_BINARY_DOWNLOAD is set/);
  });

  it('runs the installer once, then reports the binary it installed', () => {
    const ran: string[] = [];
    const log: string[] = [];
    const code = ensureElectron({
      env: {},
      installerExists: installerThere,
      install: (s) => (ran.push(s), 0),
      binary: () => '/project/node_modules/electron/dist/electron',
      log: (l) => log.push(l),
    });
    expect(code).toBe(0);
    expect(ran).toEqual([ELECTRON_INSTALLER]);
    expect(log.at(-1)).toContain("Electron's binary is installed: /project/node_modules/electron/dist/electron");
  });

  it('fails the run, saying how to go on without Electron, when the installer fails or leaves no binary', () => {
    const log: string[] = [];
    expect(
      ensureElectron({
        env: {},
        installerExists: installerThere,
        install: () => 1,
        binary: () => null,
        log: (l) => log.push(l),
      }),
    ).toBe(1);
    expect(log.at(-1)).toMatch(/installer failed \(exit 1\).*ELECTRON_SKIP_BINARY_DOWNLOAD=1/);
    expect(
      ensureElectron({
        env: {},
        installerExists: installerThere,
        install: () => null,
        binary: () => null,
        log: (l) => log.push(l),
      }),
    ).toBe(1);
    expect(log.at(-1)).toContain('(exit none)');
    expect(
      ensureElectron({
        env: {},
        installerExists: installerThere,
        install: () => 0,
        binary: () => null,
        log: (l) => log.push(l),
      }),
    ).toBe(1);
    expect(log.at(-1)).toContain('no Electron binary is where tests/e2e/support/hosts.ts looks');
  });

  it('is what `npm test` runs first, and passes where ELECTRON_SKIP_BINARY_DOWNLOAD is set, as in .ci/run', () => {
    const scripts = (
      JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    ).scripts;
    expect(scripts.pretest).toBe('tsx tests/e2e/support/ensure-electron.node.ts');
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(PROJECT_ROOT, 'tests', 'e2e', 'support', 'ensure-electron.node.ts')],
      {
        cwd: PROJECT_ROOT,
        env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
        encoding: 'utf8',
      },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("[pretest] Electron's installer not run: ELECTRON_SKIP_BINARY_DOWNLOAD is set");
  });

  it('says so, without failing, when the electron package itself is missing', () => {
    const log: string[] = [];
    expect(
      ensureElectron({
        env: {},
        installerExists: () => false,
        install: () => 0,
        binary: () => null,
        log: (l) => log.push(l),
      }),
    ).toBe(0);
    expect(log[0]).toContain('install.js is missing');
  });
});
