/**
 * The packaged app, built here and run. electron-builder's configuration is checked against its own
 * JSON schema; then electron-builder packages the build in out/ with the real electron-builder.yml
 * (the `--dir` target, a stand-in for Electron's binary: tests/support/package-app.ts), and the
 * package is checked as users get it: what the asar holds and must not hold, the size of each part
 * against its budget, the fuses electron-builder flipped, and the packaged main bundle run from the
 * package under the Electron double with `app.isPackaged` true and `process.resourcesPath` at the
 * packaged `resources/`: its window, an IPC call, a PDF imported through the analysis worker and
 * found by search, and the smoke mode the workflow's jobs launch each installer in.
 */
import Ajv from 'ajv';
import { execFileSync, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import type * as WorkerThreads from 'node:worker_threads';
import type { WorkerOptions } from 'node:worker_threads';
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { load } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SmokeResult } from '../../main/electron/smoke.main';
import { bootMain, PROJECT_ROOT } from '../support/boot-main';
import { tempDir } from '../support/content';
import { appPerTest } from '../support/electron-app';
import {
  asarFiles,
  DEFAULT_FUSES,
  extractResources,
  folderBytes,
  fusesOf,
  packageApp,
  standInElectron,
  type AsarEntry,
  type Package,
} from '../support/package-app';

const root = PROJECT_ROOT;
interface BuilderConfig {
  productName: string;
  appId: string;
  files: string[];
  extraResources: unknown[];
  asarUnpack: string[];
  npmRebuild: boolean;
  electronFuses: Record<string, boolean>;
  linux: { target: string[]; maintainer?: string };
  win: { target: string[] };
  mac: { target: { target: string; arch: string[] }[]; identity?: string | null };
}
const config = load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const schema = JSON.parse(readFileSync(join(root, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8')) as object;
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  homepage?: string;
  dependencies: Record<string, string>;
};

describe('electron-builder.yml', () => {
  it('is valid against electron-builder’s schema', () => {
    const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
    const validate = ajv.compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('builds the Linux deb (no AppImage), Windows NSIS, and macOS dmg for Apple silicon and Intel, as Valise', () => {
    expect(config.productName).toBe('Valise');
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(config.linux.target).toEqual(['deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual([{ target: 'dmg', arch: ['arm64', 'x64'] }]);
  });

  it('gives the deb what electron-builder’s FpmTarget requires: a maintainer with an e-mail, and a homepage', () => {
    expect(config.linux.maintainer).toMatch(/^[^<>]+ <[^@<>\s]+@[^@<>\s]+>$/);
    expect(packageJson.homepage).toMatch(/^https:\/\//);
  });

  it('signs the macOS app ad hoc after its fuses are flipped', () => {
    expect(config.mac.identity).toBe('-');
    expect(config.electronFuses.resetAdHocDarwinSignature).toBe(true);
  });

  it('ships the content database and the smoke run’s PDF as extra resources, and unpacks the native module', () => {
    expect(config.extraResources).toContainEqual({ from: 'out/content/content.sqlite', to: 'content/content.sqlite' });
    expect(config.extraResources).toContainEqual({ from: 'assets/smoke/smoke.pdf', to: 'smoke/smoke.pdf' });
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
    expect(config.npmRebuild).toBe(false);
  });
});

/** Each part of the app payload (Electron itself left out) and its budget, in bytes. */
const MB = 1024 * 1024;
const BUDGETS = { 'app.asar': 15 * MB, 'app.asar.unpacked': 5 * MB, content: 4 * MB, smoke: 0.1 * MB, total: 25 * MB };

let pack: Package;
let files: AsarEntry[];
let extracted: string;
const made: string[] = [];

beforeAll(() => {
  pack = packageApp(tempDir('valise-package-'));
  made.push(dirname(pack.appDir));
  files = asarFiles(pack.asar);
  extracted = extractResources(pack.resources);
  made.push(dirname(extracted));
}, 300_000);

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const paths = () => new Set(files.map((f) => f.path));

/** The packages a built folder's scripts require or import (Node's built-ins, electron and relative paths left out). */
function packagesLoadedBy(dir: string): string[] {
  const scripts = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.js'));
  const specifiers = scripts.flatMap((f) =>
    [...readFileSync(join(dir, f), 'utf8').matchAll(/\b(?:require|import)\("([^"]+)"\)/g)].map((m) => m[1]!),
  );
  return [
    ...new Set(specifiers.filter((s) => !s.startsWith('.') && !s.startsWith('node:') && s !== 'electron')),
  ].sort();
}

describe('the package electron-builder makes from it', () => {
  it('holds what the app loads: main, both workers, the preload, the renderer, each runtime dependency, and the resources', () => {
    expect(files.length, 'the asar lists files').toBeGreaterThan(50);
    const inAsar = paths();
    const built = (dir: string) =>
      (readdirSync(join(root, 'out', dir), { recursive: true }) as string[]).filter(
        (f) => statSync(join(root, 'out', dir, f)).isFile() && !f.endsWith('.map'),
      );
    for (const dir of ['main', 'preload', 'renderer']) {
      const wanted = built(dir);
      expect(wanted.length, `out/${dir} was built`).toBeGreaterThan(0);
      for (const file of wanted)
        expect(inAsar.has(`out/${dir}/${file.replace(/\\/g, '/')}`), `out/${dir}/${file}`).toBe(true);
    }
    for (const file of [
      'out/main/index.js',
      'out/main/analysis-worker.js',
      'out/main/search-worker.js',
      'out/preload/index.js',
      'out/renderer/index.html',
      'package.json',
    ]) {
      expect(inAsar.has(file), file).toBe(true);
    }
    for (const file of [
      'node_modules/pdfjs-dist/legacy/build/pdf.mjs',
      'node_modules/pdfjs-dist/legacy/build/pdf.worker.mjs',
      'node_modules/lunr/lunr.js',
      `node_modules/better-sqlite3/prebuilds/${process.platform}-${process.arch}.node`,
    ]) {
      expect(inAsar.has(file), file).toBe(true);
    }
    // Every package the built main and its workers load (require or import), as Node resolves it from the packaged main.
    const packagedMain = join(extracted, 'app.asar', 'out', 'main', 'index.js');
    const loaded = packagesLoadedBy(join(root, 'out', 'main'));
    expect(loaded).toEqual(
      expect.arrayContaining(['better-sqlite3', 'lunr', 'pdfjs-dist/legacy/build/pdf.mjs', 'zod']),
    );
    for (const specifier of loaded) {
      const entry = createRequire(packagedMain).resolve(specifier);
      expect(
        entry.startsWith(join(extracted, 'app.asar', 'node_modules')),
        `${specifier} resolves inside the package: ${entry}`,
      ).toBe(true);
    }
    for (const name of Object.keys(packageJson.dependencies))
      expect(inAsar.has(`node_modules/${name}/package.json`), name).toBe(true);
    expect(existsSync(join(pack.resources, 'content', 'content.sqlite')), 'resources/content/content.sqlite').toBe(
      true,
    );
    expect(existsSync(join(pack.resources, 'smoke', 'smoke.pdf')), 'resources/smoke/smoke.pdf').toBe(true);
  });

  it('keeps every native binary unpacked, and only this platform’s better-sqlite3 prebuild', () => {
    const natives = files.filter((f) => f.path.endsWith('.node'));
    expect(natives.map((f) => f.path)).toEqual([
      `node_modules/better-sqlite3/prebuilds/${process.platform}-${process.arch}.node`,
    ]);
    for (const file of natives) {
      expect(file.unpacked, file.path).toBe(true);
      expect(existsSync(join(pack.resources, 'app.asar.unpacked', file.path)), file.path).toBe(true);
    }
  });

  it('holds nothing the app never loads: no @napi-rs/canvas, source maps, tests, sources, SQLite’s sources or type declarations', () => {
    const forbidden: [string, RegExp][] = [
      ['@napi-rs/canvas (pdfjs-dist’s optional renderer)', /(^|\/)@napi-rs\//],
      ['a source map', /\.map$/],
      ['the tests', /^tests\/|\.test\.[cm]?[jt]s$/],
      ['the project’s sources', /^(main|renderer|common|db|assets)\/|\.tsx?$/],
      ['SQLite’s or the addon’s sources', /better-sqlite3\/(deps|src)\/|\.(c|cc|cpp|h|hpp|gyp)$/],
      ['a type declaration', /\.d\.[cm]?ts$/],
      ['pdfjs-dist beyond its legacy build', /pdfjs-dist\/(build|web|image_decoders|cmaps|standard_fonts|wasm|iccs)\//],
    ];
    for (const [what, pattern] of forbidden) {
      expect(
        files.filter((f) => pattern.test(f.path)).map((f) => f.path),
        what,
      ).toEqual([]);
    }
  });

  it('keeps each part of the payload within its budget (reported)', () => {
    const sizes = {
      'app.asar': statSync(pack.asar).size,
      'app.asar.unpacked': folderBytes(join(pack.resources, 'app.asar.unpacked')),
      content: folderBytes(join(pack.resources, 'content')),
      smoke: folderBytes(join(pack.resources, 'smoke')),
      total: folderBytes(pack.resources),
    };
    console.log(
      `[packaging] app payload (resources/, without Electron), budget in brackets:\n${Object.entries(sizes)
        .map(
          ([part, bytes]) =>
            `  ${part.padEnd(18)} ${(bytes / MB).toFixed(2).padStart(6)} MB  (≤ ${(BUDGETS[part as keyof typeof BUDGETS] / MB).toFixed(1)} MB)`,
        )
        .join('\n')}`,
    );
    for (const [part, bytes] of Object.entries(sizes)) {
      expect(bytes, `${part} is not empty`).toBeGreaterThan(0);
      expect(bytes, `${part}: ${bytes} bytes`).toBeLessThanOrEqual(BUDGETS[part as keyof typeof BUDGETS]);
    }
  });

  it('flips the fuses electron-builder.yml sets, and leaves the others as Electron ships them', () => {
    const order = [
      'runAsNode',
      'enableCookieEncryption',
      'enableNodeOptionsEnvironmentVariable',
      'enableNodeCliInspectArguments',
      'enableEmbeddedAsarIntegrityValidation',
      'onlyLoadAppFromAsar',
      'loadBrowserProcessSpecificV8Snapshot',
      'grantFileProtocolExtraPrivileges',
    ];
    const expected = DEFAULT_FUSES.map((state, i) => {
      const set = config.electronFuses[order[i] ?? ''];
      return set === undefined ? state : set ? '1' : '0';
    });
    expect(fusesOf(pack.executable)).toEqual(expected);
    expect(expected.slice(0, 6)).toEqual(['0', '1', '0', '0', '1', '1']);
  });
});

const launch = appPerTest();

/** The scripts of the worker threads started while watching (worker_threads' Worker, wrapped). */
function watchWorkers(): { files: string[]; stop: () => void } {
  const threads = createRequire(__filename)('node:worker_threads') as typeof WorkerThreads;
  const Real = threads.Worker;
  const files: string[] = [];
  class Watched extends Real {
    constructor(file: string | URL, options?: WorkerOptions) {
      files.push(String(file));
      super(file, options);
    }
  }
  threads.Worker = Watched;
  return { files, stop: () => void (threads.Worker = Real) };
}

/** A word of a PDF as poppler's pdftotext reads it (not Valise's reading): its longest. */
function wordOf(pdf: string): string {
  const words = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).match(/\p{L}{5,}/gu) ?? [];
  expect(words.length, 'pdftotext reads words in the PDF').toBeGreaterThan(0);
  return words.reduce((a, b) => (b.length > a.length ? b : a));
}

type Page = ReturnType<Awaited<ReturnType<typeof launch>>['page']>;

/** Imports a file as the import screen does: sent in a chunk, analysed, followed, saved. Returns the issue's key. */
async function importAsThePage(page: Page, name: string, bytes: Buffer): Promise<string> {
  const begun = await page.invoke('import:begin', { name, size: bytes.length });
  const { uploadId } = begun.value as { uploadId: string };
  expect(await page.invoke('import:chunk', { uploadId, index: 0, data: bytes.toString('base64') })).toMatchObject({
    ok: true,
  });
  const { jobId } = (await page.invoke('import:analyse', { uploadId })).value as { jobId: string };
  let job = { state: 'running', error: null as string | null };
  while (job.state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 20));
    job = (await page.invoke('import:progress', { jobId })).value as typeof job;
  }
  expect(job, 'the import job ended done').toMatchObject({ state: 'done' });
  const saved = await page.invoke('import:save', { jobId, onDuplicate: 'keep-both' });
  expect(saved).toMatchObject({ ok: true });
  return (saved.value as { keys: string[] }).keys[0]!;
}

describe('the packaged app, run from its package under the Electron double', () => {
  it('opens its window from the asar, answers the page, imports a PDF through the analysis worker and finds a word of it', async () => {
    const workers = watchWorkers();
    try {
      const app = await launch({ packaged: { resourcesPath: extracted } });
      expect(app.double.app.isPackaged).toBe(true);
      expect(app.double.app.exitCode, 'still running: the start-up found its content database').toBeNull();
      const contents = app.window().webContents;
      expect([contents.getURL(), contents.status, contents.preloadErrors]).toEqual([
        'app://valise/index.html',
        200,
        [],
      ]);
      expect(contents.getTitle()).toBe('Valise');
      const page = app.page();
      expect(await page.invoke('app:info', {})).toMatchObject({ ok: true, value: { version: expect.any(String) } });
      const pdf = join(extracted, 'smoke', 'smoke.pdf');
      const key = await importAsThePage(page, 'smoke.pdf', readFileSync(pdf));
      const word = wordOf(pdf);
      const found = (await page.invoke('search:query', { query: word, issue: key })).value as {
        total: number;
        hits: { issue: string | null }[];
      };
      expect(found.total, `“${word}” found in ${key}`).toBeGreaterThan(0);
      expect(found.hits.every((hit) => hit.issue === key)).toBe(true);
      const packagedMain = join(extracted, 'app.asar', 'out', 'main');
      expect(workers.files, 'the workers run are the packaged ones').toEqual(
        expect.arrayContaining([join(packagedMain, 'analysis-worker.js'), join(packagedMain, 'search-worker.js')]),
      );
    } finally {
      workers.stop();
    }
  }, 60_000);

  it('in smoke mode, imports and finds its bundled PDF, writes that it worked, and quits (the time reported)', async () => {
    const resultFile = join(tempDir(), 'smoke.json');
    const booted = bootMain({
      packaged: { resourcesPath: extracted },
      env: { VALISE_SMOKE_RESULT: resultFile, VALISE_USER_DATA: undefined },
    });
    await once(booted.double.app, 'quit');
    await booted.quit();
    const result = JSON.parse(readFileSync(resultFile, 'utf8')) as SmokeResult;
    expect(result, JSON.stringify(result, null, 2)).toMatchObject({
      ok: true,
      packaged: true,
      error: null,
      noSandbox: false,
    });
    expect(result.steps.map((s) => [s.step, s.ok])).toEqual([
      ['window', true],
      ['ipc', true],
      ['import', true],
      ['search', true],
    ]);
    expect(booted.double.app.exitCode).toBe(0);
    console.log(
      `[packaging] packaged smoke run under the double: main script to result ${result.launchToResultMs - result.mainScriptAtMs} ms, to interactive ${result.launchToInteractiveMs! - result.mainScriptAtMs} ms (target < 10 s; load ${loadavg()[0]!.toFixed(1)})`,
    );
  }, 60_000);
});

describe('what the workflow’s smoke jobs check of each installed app', () => {
  const fusesCli = join(root, 'node_modules', '@electron', 'fuses', 'dist', 'bin.js');
  const checkFuses = (executable: string) => {
    const printed = join(tempDir(), 'fuses.txt');
    writeFileSync(
      printed,
      execFileSync(process.execPath, [fusesCli, 'read', '--app', executable], {
        encoding: 'utf8',
        env: { ...process.env, FORCE_COLOR: '0' },
      }),
    );
    return spawnSync('bash', [join(root, 'tests', 'smoke', 'check-fuses.sh'), printed], { encoding: 'utf8' });
  };

  it('tests/smoke/check-fuses.sh passes the packaged app’s fuses as @electron/fuses prints them, and names each one Electron ships unflipped', () => {
    expect(checkFuses(pack.executable)).toMatchObject({ status: 0 });
    const dist = standInElectron();
    made.push(dist);
    const unflipped = checkFuses(join(dist, 'electron'));
    expect(unflipped.status).toBe(1);
    expect(unflipped.stdout.trim().split('\n')).toEqual(
      [
        'RunAsNode is Disabled',
        'EnableCookieEncryption is Enabled',
        'EnableNodeOptionsEnvironmentVariable is Disabled',
        'EnableNodeCliInspectArguments is Disabled',
        'EnableEmbeddedAsarIntegrityValidation is Enabled',
        'OnlyLoadAppFromAsar is Enabled',
        'GrantFileProtocolExtraPrivileges is Disabled',
      ].map((f) => `::error::the installed app's fuse is not so: ${f}`),
    );
  });

  it('checks every fuse electron-builder.yml sets, with the @electron/fuses the packaging uses', () => {
    const script = readFileSync(join(root, 'tests', 'smoke', 'check-fuses.sh'), 'utf8');
    const checked = [...script.matchAll(/'(\w+) is (Enabled|Disabled)'/g)].map(([, fuse, state]) => [
      fuse!.charAt(0).toLowerCase() + fuse!.slice(1),
      state === 'Enabled',
    ]);
    const set = Object.entries(config.electronFuses).filter(([key]) => key !== 'resetAdHocDarwinSignature');
    expect(checked.sort()).toEqual(set.sort());
    const version = (
      JSON.parse(readFileSync(join(root, 'node_modules', '@electron', 'fuses', 'package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
    const workflow = readFileSync(join(root, '.github', 'workflows', 'electron.yml'), 'utf8');
    const used = [...workflow.matchAll(/@electron\/fuses@([\d.]+)/g)].map((m) => m[1]);
    expect(used.length, 'the smoke jobs read the fuses').toBe(3);
    expect(new Set(used)).toEqual(new Set([version]));
  });
});
