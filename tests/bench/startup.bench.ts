/**
 * First screen: from launch to the library being interactive, on the Chromium host (the web
 * host's services are opened as part of the launch, as Electron's main opens them). Five runs,
 * each a fresh browser and a fresh profile. Writes tests/bench/results/startup.json.
 */
import { chromium } from '@playwright/test';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtWorkersIn, openServices } from '../../main/services/create.node';
import { startWebHost } from '../../main/webhost/server.node';
import { chromiumBinary, PROJECT_ROOT } from '../e2e/hosts';

const RUNS = 5;
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

async function once() {
  const start = performance.now();
  const { dispatch, close } = openServices({
    contentDbPath: join(PROJECT_ROOT, 'out/content/content.sqlite'),
    userDataDir: mkdtempSync(join(tmpdir(), 'valise-bench-user-')),
    appVersion: 'bench',
    host: 'web',
    // The workers the app runs (the search worker starts with warmUp or the first query, as in the app).
    ...builtWorkersIn(join(PROJECT_ROOT, 'out/main')),
  });
  const host = await startWebHost({ rendererDir: join(PROJECT_ROOT, 'out/renderer'), dispatch });
  const servicesMs = performance.now() - start;
  const browser = await chromium.launch({ executablePath: chromiumBinary(), args: ARGS });
  const page = await browser.newPage();
  const navigated = performance.now();
  await page.goto(host.url);
  await page.locator('main[data-screen="library"][data-state="ready"]').waitFor();
  // Interactive: the first issue's link takes a click and the issue screen answers.
  const ready = performance.now();
  await page.locator('.issue-card h2 a').first().click();
  await page.locator('main[data-screen="issue"][data-state="ready"]').waitFor();
  const firstNavigation = performance.now() - ready;
  await browser.close();
  await host.close();
  close();
  return { launchToInteractiveMs: ready - start, pageToInteractiveMs: ready - navigated, servicesMs, firstNavigationMs: firstNavigation };
}

async function main() {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await once());
  const median = (key: keyof (typeof runs)[number]) => [...runs.map((r) => r[key])].sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
  const summary = {
    launchToInteractiveMs: median('launchToInteractiveMs'),
    pageToInteractiveMs: median('pageToInteractiveMs'),
    servicesMs: median('servicesMs'),
    firstNavigationMs: median('firstNavigationMs'),
  };
  console.log(`\nFirst screen, Chromium host (median of ${RUNS} cold starts)`);
  for (const [k, v] of Object.entries(summary)) console.log(`  ${k.padEnd(24)} ${v.toFixed(0).padStart(6)} ms`);
  console.log(`  target: interactive within 1 s of launch — ${summary.launchToInteractiveMs < 1000 ? 'met' : 'MISSED'}`);
  const out = join(__dirname, 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'startup.json'), `${JSON.stringify({ date: new Date().toISOString(), runs, summary }, null, 2)}\n`);
  console.log('wrote tests/bench/results/startup.json');
}

void main();
