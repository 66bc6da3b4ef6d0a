/**
 * First screen: from launch to the library being interactive, on the Chromium host (the web
 * host's services are opened as part of the launch, as Electron's main opens them). Five cold
 * runs, each a fresh browser and a fresh profile: the first launch, which compiles every script.
 * Then five warm runs in one profile kept between launches, primed by earlier launches so that
 * V8's code cache holds the page's scripts: a daily launch, as Electron's app:// code cache gives
 * it (web-host.ts; trace.bench.ts checks in the trace that the cache is used). Writes
 * tests/bench/results/startup.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import {
  LIBRARY_READY,
  launchFirstScreenHost,
  median,
  coldThenWarm,
  type WarmProfile,
  WARM_CONDITIONS,
} from './web-host';

const RUNS = 5;
/** Targets of #26 on the Chromium host (median of 5), quiet machine. */
const TARGET_LAUNCH_MS = 650;
const TARGET_PAGE_MS = 250;

async function once(profile?: WarmProfile) {
  const { url, page, start, servicesMs, close } = await launchFirstScreenHost(profile);
  try {
    const navigated = performance.now();
    await page.goto(url);
    await page.waitFor(LIBRARY_READY);
    // Interactive: the first issue's link takes a click and the issue screen answers.
    const ready = performance.now();
    await page.click('.issue-card h2 a');
    await page.waitFor('main[data-screen="issue"][data-state="ready"]');
    const firstNavigation = performance.now() - ready;
    return {
      launchToInteractiveMs: ready - start,
      pageToInteractiveMs: ready - navigated,
      servicesMs,
      firstNavigationMs: firstNavigation,
    };
  } finally {
    await close();
  }
}

type Run = Awaited<ReturnType<typeof once>>;

function summarise(runs: Run[]): Run {
  const of = (key: keyof Run) => median(runs.map((r) => r[key]));
  return {
    launchToInteractiveMs: of('launchToInteractiveMs'),
    pageToInteractiveMs: of('pageToInteractiveMs'),
    servicesMs: of('servicesMs'),
    firstNavigationMs: of('firstNavigationMs'),
  };
}

function print(title: string, summary: Run): void {
  console.log(`\n${title}`);
  for (const [k, v] of Object.entries(summary)) console.log(`  ${k.padEnd(24)} ${v.toFixed(0).padStart(6)} ms`);
  const verdict = (ms: number, target: number) => (ms <= target ? 'met' : 'MISSED');
  console.log(
    `  target: launch to interactive ≤ ${TARGET_LAUNCH_MS} ms — ${verdict(summary.launchToInteractiveMs, TARGET_LAUNCH_MS)}`,
  );
  console.log(
    `  target: page to interactive ≤ ${TARGET_PAGE_MS} ms — ${verdict(summary.pageToInteractiveMs, TARGET_PAGE_MS)}`,
  );
}

async function main() {
  const loadBefore = loadavg()[0]!;
  const { cold: runs, warm: warmRuns } = await coldThenWarm(RUNS, once);
  const summary = summarise(runs);
  const warm = summarise(warmRuns);
  print(`First screen, Chromium host: the first launch (median of ${RUNS} cold starts, fresh profiles)`, summary);
  print(
    `Daily launch (median of ${RUNS} warm starts, one profile, V8's code cache primed, script streaming off)`,
    warm,
  );
  // A figure measured on a busy machine says so (the load average over the last minute, as `uptime` gives it).
  const load = loadavg()[0]!;
  console.log(`  machine load (1 min): ${loadBefore.toFixed(2)} at the start, ${load.toFixed(2)} at the end`);
  const out = join(__dirname, 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(
    join(out, 'startup.json'),
    `${JSON.stringify({ date: new Date().toISOString(), load, loadBefore, runs, summary, warm: { ...WARM_CONDITIONS, runs: warmRuns, summary: warm } }, null, 2)}\n`,
  );
  console.log('wrote tests/bench/results/startup.json');
}

void main();
