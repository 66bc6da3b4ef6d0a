/**
 * The packaged app here: electron-builder packages the build (tests/support/package-app.ts: the
 * real electron-builder.yml, a stand-in for Electron's binary), the app payload is measured, and
 * the packaged main bundle runs in smoke mode five times under the Electron double, from its
 * package (app.isPackaged, process.resourcesPath): launch to interactive (the page's first IPC
 * call answered) and launch to the result file (the bundled PDF imported and found), each from
 * the moment the boot starts. Targets (#23): payload ≤ 25 MB; smoke run under 10 s. What the
 * double leaves out (Electron's own start, Chromium loading the page) the workflow's smoke jobs
 * measure on each runner. Writes tests/bench/results/package.json.
 */
import { once } from 'node:events';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import type { SmokeResult } from '../../main/electron/smoke.main';
import { bootMain } from '../support/boot-main';
import { tempDir } from '../support/content';
import { extractResources, folderBytes, packageApp } from '../support/package-app';

const RUNS = 5;
const MB = 1024 * 1024;
const PAYLOAD_BUDGET = 25 * MB;
const SMOKE_TARGET_MS = 10_000;

async function smokeRun(resourcesPath: string) {
  const resultFile = join(tempDir(), 'smoke.json');
  const start = performance.now();
  const booted = bootMain({ packaged: { resourcesPath }, env: { VALISE_SMOKE_RESULT: resultFile } });
  await once(booted.double.app, 'quit');
  await booted.quit();
  const result = JSON.parse(readFileSync(resultFile, 'utf8')) as SmokeResult;
  if (!result.ok) throw new Error(`the smoke run failed: ${result.error}`);
  return { toInteractiveMs: result.launchToInteractiveMs! - start, toResultMs: result.launchToResultMs - start };
}

async function main() {
  const packagedAt = performance.now();
  const pack = packageApp();
  const packagingMs = performance.now() - packagedAt;
  const sizes = {
    asarBytes: statSync(pack.asar).size,
    unpackedBytes: folderBytes(join(pack.resources, 'app.asar.unpacked')),
    contentBytes: folderBytes(join(pack.resources, 'content')),
    payloadBytes: folderBytes(pack.resources),
  };
  const extracted = extractResources(pack.resources);
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await smokeRun(extracted));
  const median = (key: keyof (typeof runs)[number]) =>
    [...runs.map((r) => r[key])].sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
  const summary = {
    toInteractiveMs: median('toInteractiveMs'),
    toResultMs: median('toResultMs'),
    packagingMs,
    ...sizes,
  };
  const load = loadavg()[0]!;
  console.log(
    `\nThe packaged app (electron-builder --dir, stand-in Electron; smoke mode under the Electron double, median of ${RUNS}; load ${load.toFixed(1)})`,
  );
  console.log(
    `  app payload          ${(sizes.payloadBytes / MB).toFixed(2).padStart(6)} MB (asar ${(sizes.asarBytes / MB).toFixed(2)}, unpacked ${(sizes.unpackedBytes / MB).toFixed(2)}, content ${(sizes.contentBytes / MB).toFixed(2)})  target ≤ 25 MB: ${sizes.payloadBytes <= PAYLOAD_BUDGET ? 'met' : 'MISSED'}`,
  );
  console.log(`  launch to interactive ${summary.toInteractiveMs.toFixed(0).padStart(6)} ms`);
  console.log(
    `  launch to result      ${summary.toResultMs.toFixed(0).padStart(6)} ms  target < 10 s: ${summary.toResultMs < SMOKE_TARGET_MS ? 'met' : 'MISSED'}`,
  );
  console.log(`  packaging             ${packagingMs.toFixed(0).padStart(6)} ms`);
  const out = join(__dirname, 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(
    join(out, 'package.json'),
    `${JSON.stringify({ date: new Date().toISOString(), load, runs, summary }, null, 2)}\n`,
  );
  for (const dir of [dirname(pack.appDir), dirname(extracted)]) rmSync(dir, { recursive: true, force: true });
}

void main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
