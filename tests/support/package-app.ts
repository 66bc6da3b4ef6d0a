/**
 * Packages the app here, offline, with electron-builder and the real electron-builder.yml (only
 * `electronDist`, `electronVersion` and the output folder are given on its command line), for the
 * `--dir` target of this machine's OS and arch, as `npm run dist` packages it on a CI runner before
 * making the installers: `resources/app.asar`, `app.asar.unpacked/` and the extra resources.
 *
 * Electron's binary cannot be downloaded here, so `electronDist` is a stand-in (standInElectron): a
 * folder shaped like Electron's Linux zip as electron-builder uses it, whose `electron` is a shell
 * script carrying Electron's fuse wire (the sentinel @electron/fuses looks for, then the fuses'
 * default states from electron/electron's build/fuses/fuses.json5), so electron-builder flips the
 * fuses the configuration asks for and the test can read them back. What the stand-in hides:
 * Electron itself (Chromium, its Node, the asar reading, the sandbox helper, whether the fuses at
 * those positions do what they say), the installers (deb, NSIS, dmg) and signing; those are tried
 * by the workflow's smoke jobs on GitHub's runners (docs/packaging.md).
 */
import { extractAll, listPackage, statFile } from '@electron/asar';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './boot-main';
import { tempDir } from './content';

/** The sentinel before Electron's fuse wire (@electron/fuses). */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's fuses in wire order with their default states (build/fuses/fuses.json5, version 1): '1' on, '0' off. */
export const DEFAULT_FUSES = ['1', '0', '1', '1', '0', '0', '0', '1', '1'];
const FUSE_WIRE_VERSION = 1;

export const ELECTRON_VERSION = (
  JSON.parse(readFileSync(join(PROJECT_ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')) as {
    version: string;
  }
).version;

/** A folder electron-builder takes as an unpacked Electron distribution for Linux. */
export function standInElectron(dir = tempDir('valise-electron-dist-')): string {
  const wire = Buffer.concat([
    Buffer.from(FUSE_SENTINEL),
    Buffer.from([FUSE_WIRE_VERSION, DEFAULT_FUSES.length]),
    Buffer.from(DEFAULT_FUSES.join('')),
  ]);
  const script = Buffer.from('#!/bin/sh\necho "A stand-in for Electron: it runs nothing." >&2\nexit 1\n# fuse wire: ');
  writeFileSync(join(dir, 'electron'), Buffer.concat([script, wire, Buffer.from('\n')]));
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'LICENSE'), 'A stand-in for Electron’s LICENSE.\n');
  mkdirSync(join(dir, 'locales'));
  writeFileSync(join(dir, 'locales', 'en-US.pak'), '');
  mkdirSync(join(dir, 'resources'));
  return dir;
}

/** The fuse states in a packaged executable, as '0'/'1' characters in wire order. */
export function fusesOf(executable: string): string[] {
  const bytes = readFileSync(executable);
  const at = bytes.indexOf(FUSE_SENTINEL);
  if (at < 0) throw new Error(`no fuse wire in ${executable}`);
  const length = bytes[at + FUSE_SENTINEL.length + 1]!;
  const start = at + FUSE_SENTINEL.length + 2;
  return [...bytes.subarray(start, start + length)].map((b) => String.fromCharCode(b));
}

export interface Package {
  /** The packaged app's folder (linux-unpacked…). */
  appDir: string;
  resources: string;
  asar: string;
  executable: string;
  /** What electron-builder printed. */
  output: string;
}

/** Runs electron-builder on the build in out/ (npm run build first). Throws with its output if it fails. */
export function packageApp(outDir = tempDir('valise-package-')): Package {
  const electronDist = standInElectron();
  const args = [
    join(PROJECT_ROOT, 'node_modules', 'electron-builder', 'cli.js'),
    '--dir',
    '--linux',
    `--${process.arch}`,
    '--publish',
    'never',
    '--projectDir',
    PROJECT_ROOT,
    `-c.electronDist=${electronDist}`,
    `-c.electronVersion=${ELECTRON_VERSION}`,
    `-c.directories.output=${outDir}`,
  ];
  const run = spawnSync(process.execPath, args, {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true' },
  });
  rmSync(electronDist, { recursive: true, force: true });
  const output = `${run.stdout}${run.stderr}`;
  if (run.status !== 0) throw new Error(`electron-builder failed (${run.status ?? run.signal}):\n${output}`);
  const appDir = join(
    outDir,
    readdirSync(outDir).find((name) => name.endsWith('-unpacked'))!,
  );
  const resources = join(appDir, 'resources');
  return { appDir, resources, asar: join(resources, 'app.asar'), executable: join(appDir, 'valise'), output };
}

export interface AsarEntry {
  /** The path inside the asar, from its root, with `/` ("out/main/index.js"). */
  path: string;
  size: number;
  unpacked: boolean;
}

/** Every file the asar lists (folders left out), with its size and whether it is kept unpacked. */
export function asarFiles(asar: string): AsarEntry[] {
  const files: AsarEntry[] = [];
  for (const listed of listPackage(asar, { isPack: false })) {
    const path = listed.replace(/\\/g, '/').replace(/^\//, '');
    const entry = statFile(asar, path, false) as { size?: number; unpacked?: boolean; files?: unknown; link?: string };
    if (entry.files || entry.link) continue;
    files.push({ path, size: entry.size ?? 0, unpacked: !!entry.unpacked });
  }
  return files;
}

/** The bytes of a folder's files, recursively. */
export function folderBytes(dir: string): number {
  return (readdirSync(dir, { recursive: true }) as string[]).reduce((sum, name) => {
    const stat = statSync(join(dir, name));
    return stat.isFile() ? sum + stat.size : sum;
  }, 0);
}

/**
 * The packaged `resources/` as the app sees it from inside Electron: the asar extracted to a folder
 * named `app.asar` (files kept unpacked read from `app.asar.unpacked`, as Electron's asar support
 * reads them), and the other resources copied beside it. Extracted, not read in place: Node cannot
 * read an asar, and teaching the double to (patching fs, require, the ES module loader, worker
 * threads and dlopen as Electron does) would be a second asar implementation to trust; extracted,
 * every path the app computes is the packaged one, and a module the asar lacks cannot be found
 * (the folder is outside the project, so no node_modules of the project is on its path).
 */
export function extractResources(resources: string, into = tempDir('valise-packaged-')): string {
  const extracted = join(into, 'resources');
  mkdirSync(extracted);
  for (const name of readdirSync(resources)) {
    if (name === 'app.asar') extractAll(join(resources, name), join(extracted, name));
    else cpSync(join(resources, name), join(extracted, name), { recursive: true });
  }
  return extracted;
}
