/**
 * Where the first screen's time goes (#26): five cold starts on the Chromium host (launched as
 * startup.bench.ts launches it), each recorded as a Chromium performance trace from navigation to
 * the library being ready. Prints, as medians:
 * - the page's milestones (User Timing marks the bootstrap sets, renderer/src/app/timing.dom.ts):
 *   modules evaluated, i18n set up, React's first commit, the library's data, the library ready;
 * - the renderer main thread's time by kind, self time from the trace: script compile, script
 *   execution (React's render included), style, layout, paint, HTML, garbage collection;
 * - the first IPC (its request and its answer), the font files fetched, the first contentful paint;
 * - the cumulative layout shift up to two frames after the library is ready;
 * - the first screen's JavaScript, gzipped, from the build's manifest.
 * Then the same from five warm starts in one profile primed so that V8's code cache holds the page's
 * scripts (a daily launch, web-host.ts), with the scripts compiled from that cache counted from the
 * trace (`v8.compile`/`v8.compileModule` events with `consumedCacheSize`): a warm run that did not
 * use the cache shows as such, rather than being assumed.
 * Writes tests/bench/results/trace.json, and the last cold run's raw trace to
 * out/bench/first-screen.trace.json (open it in Chromium's DevTools, Performance, or Perfetto).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  firstScreenFiles,
  FIRST_SCREEN_BUDGET_BYTES,
  RENDERER_MANIFEST,
  type Manifest,
} from '../../common/app/first-screen.std';
import { PROJECT_ROOT } from '../e2e/support/hosts';
import {
  LIBRARY_READY,
  launchFirstScreenHost,
  median,
  coldThenWarm,
  type WarmProfile,
  WARM_CONDITIONS,
} from './web-host';
import type { BenchPage } from './cdp-page';

const RUNS = 5;
const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'v8',
  'disabled-by-default-v8.compile',
  'blink.user_timing',
  'loading',
];
const MILESTONES = [
  'i18n-start',
  'i18n-ready',
  'boot',
  'language-ready',
  'data-wait-end',
  'render',
  'first-commit',
  'library-data',
  'library-ready',
];

/** The kinds of main-thread work, by trace event name; what no rule names is "other". */
const KINDS: [kind: string, names: RegExp][] = [
  // Parsing and compiling: whole scripts and modules, functions compiled when first called (lazily), and tier-up.
  [
    'script parse and compile',
    /^(v8\.compile|v8\.compileModule|V8\.Compile\w*|V8\.Parse\w*|V8\.PreParse\w*|v8\.produceCache|v8\.produceModuleCache|CacheScript|V8\.BytecodeBudgetInterrupt\w*)$/,
  ],
  [
    'script execution (React included)',
    /^(EvaluateScript|v8\.evaluateModule|FunctionCall|v8\.run|v8\.callFunction|RunMicrotasks|TimerFire|FireAnimationFrame|FireIdleCallback|EventDispatch|V8\.Execute)$/,
  ],
  ['garbage collection', /GC/],
  ['style', /^(UpdateLayoutTree|ParseAuthorStyleSheet|RecalculateStyles)$/],
  ['layout', /^(Layout|UpdateLayout)$/],
  ['paint', /^(Paint|PrePaint|Layerize|UpdateLayer|CompositeLayers|Commit|PaintImage|UpdateLayerTree)$/],
  ['HTML', /^ParseHTML$/],
  ['loading (network, document)', /^(DocumentLoader|URLLoader|ResourceRequestSender|ThrottlingURLLoader)::/],
];

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** The thread's own CPU time over the event, where the trace has it. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { consumedCacheSize?: number; cacheRejected?: boolean } };
}

/** The page's scripts compiled up to `endTs`, and how many of them (and how many bytes) came from V8's code cache. */
export function codeCacheUse(
  events: TraceEvent[],
  pid: number,
  endTs: number,
): { scripts: number; fromCache: number; cacheBytes: number; rejected: number } {
  const compiles = events.filter(
    (e) => e.pid === pid && e.ph === 'X' && e.ts <= endTs && (e.name === 'v8.compile' || e.name === 'v8.compileModule'),
  );
  const consumed = compiles.filter((e) => (e.args?.data?.consumedCacheSize ?? 0) > 0);
  return {
    scripts: compiles.length,
    fromCache: consumed.length,
    cacheBytes: consumed.reduce((sum, e) => sum + e.args!.data!.consumedCacheSize!, 0),
    rejected: compiles.filter((e) => e.args?.data?.cacheRejected === true).length,
  };
}

/** Milliseconds of self time (an event's duration less its children's) by kind, on the page's main thread, up to `endTs`. */
export function selfTimeByKind(events: TraceEvent[], pid: number, tid: number, endTs: number): Record<string, number> {
  const spans = events
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur !== undefined && e.ts <= endTs)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const self = new Map<TraceEvent, number>(spans.map((e) => [e, e.dur!]));
  const stack: TraceEvent[] = [];
  for (const span of spans) {
    while (stack.length && stack.at(-1)!.ts + stack.at(-1)!.dur! <= span.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) self.set(parent, self.get(parent)! - span.dur!);
    stack.push(span);
  }
  const totals: Record<string, number> = Object.fromEntries([...KINDS.map(([k]) => [k, 0]), ['other', 0]]);
  for (const [span, us] of self) {
    const kind = KINDS.find(([, names]) => names.test(span.name))?.[0] ?? 'other';
    totals[kind]! += Math.max(0, us) / 1000;
  }
  return totals;
}

/**
 * Milliseconds of CPU the page's main thread spent in its tasks from navigation to `endTs` (the
 * top-level tasks' thread time): unlike their wall time, it leaves out the waits for a core, so that
 * it can be compared between runs on a busy machine.
 */
export function mainThreadCpuMs(events: TraceEvent[], pid: number, tid: number, endTs: number): number {
  const start = events.find((e) => e.name === 'navigationStart' && e.pid === pid)?.ts ?? -Infinity;
  const tasks = events.filter(
    (e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.name === 'RunTask' && e.ts >= start && e.ts <= endTs,
  );
  return tasks.reduce((sum, task) => sum + (task.tdur ?? 0), 0) / 1000;
}

/** Milliseconds the page's main thread spent collecting source positions (V8.CollectSourcePositions) up to `endTs`. */
export function sourcePositionsMs(events: TraceEvent[], pid: number, tid: number, endTs: number): number {
  return (
    events
      .filter(
        (e) =>
          e.pid === pid && e.tid === tid && e.ph === 'X' && e.name === 'V8.CollectSourcePositions' && e.ts <= endTs,
      )
      .reduce((sum, e) => sum + e.dur!, 0) / 1000
  );
}

/** The page's renderer main thread: the CrRendererMain thread of the process that set the bootstrap's marks. */
function pageMainThread(events: TraceEvent[]): { pid: number; tid: number; readyTs: number } {
  const ready = events.find((e) => e.name === 'valise:library-ready');
  if (!ready)
    throw new Error(
      'The trace has no valise:library-ready mark: is the renderer built from this tree (npm run build)?',
    );
  const main = events.find(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === ready.pid && e.args?.name === 'CrRendererMain',
  );
  if (!main) throw new Error('The trace names no renderer main thread for the page.');
  return { pid: ready.pid, tid: main.tid, readyTs: ready.ts };
}

/** Collects layout shifts (not those after input) from the page's start, for the cumulative layout shift. */
const WATCH_SHIFTS = `
  window.__shifts = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shifts += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
`;

interface PageFigures {
  marks: Record<string, number>;
  firstContentfulPaint: number;
  firstIpcSent: number;
  firstIpcAnswered: number;
  ipcBeforeReady: number;
  fontFiles: number;
  cumulativeLayoutShift: number;
}

/** How long the bench waits for the first contentful paint's entry after ready. */
const FCP_WAIT_MS = 2_000;

/** What the page itself measured: its marks, its first paint, its first IPC, its fonts and its layout shift. */
async function pageFigures(page: BenchPage): Promise<PageFigures> {
  // Two frames after ready, so that a shift caused by the data is counted.
  await page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');
  // The first contentful paint is reported when the frame is presented, which can come after those
  // two frames when the first paint is the one at ready (the library drawn with its data, #26 round 5).
  await page.evaluate(`new Promise((done) => {
    new PerformanceObserver((list, observer) => {
      if (list.getEntriesByName('first-contentful-paint').length === 0) return;
      observer.disconnect();
      done();
    }).observe({ type: 'paint', buffered: true });
    setTimeout(done, ${FCP_WAIT_MS});
  })`);
  return page.evaluate<PageFigures>(`(() => {
    const milestones = ${JSON.stringify(MILESTONES)};
    const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
    const resources = performance.getEntriesByType('resource');
    const ipc = resources.filter((r) => r.name.includes('/__valise/ipc'));
    return {
      marks: Object.fromEntries(milestones.map((m) => [m, at('valise:' + m)])),
      firstContentfulPaint: at('first-contentful-paint'),
      firstIpcSent: ipc[0]?.startTime ?? NaN,
      firstIpcAnswered: ipc[0]?.responseEnd ?? NaN,
      ipcBeforeReady: ipc.filter((r) => r.responseEnd <= at('valise:library-ready')).length,
      fontFiles: resources.filter((r) => /\\.(woff2?|ttf|otf)(\\?|$)/.test(r.name)).length,
      cumulativeLayoutShift: window.__shifts,
    };
  })()`);
}

interface Run {
  figures: PageFigures;
  mainThread: Record<string, number>;
  cpuMs: number;
  /** V8.CollectSourcePositions on the page's main thread up to ready (cdp-page.ts: what the DevTools' Runtime domain cost). */
  sourcePositionsMs: number;
  codeCache: ReturnType<typeof codeCacheUse>;
  trace: Buffer;
}

async function once(profile?: WarmProfile): Promise<Run> {
  const { url, browser, page, close } = await launchFirstScreenHost(profile);
  let figures: PageFigures;
  let trace: Buffer;
  try {
    await page.addInitScript(WATCH_SHIFTS);
    await browser.startTracing(CATEGORIES);
    await page.goto(url);
    await page.waitFor(LIBRARY_READY);
    figures = await pageFigures(page);
    trace = await browser.stopTracing();
  } finally {
    await close();
  }
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const { pid, tid, readyTs } = pageMainThread(events);
  return {
    figures,
    mainThread: selfTimeByKind(events, pid, tid, readyTs),
    cpuMs: mainThreadCpuMs(events, pid, tid, readyTs),
    codeCache: codeCacheUse(events, pid, readyTs),
    sourcePositionsMs: sourcePositionsMs(events, pid, tid, readyTs),
    trace,
  };
}

/** The first screen's JavaScript, gzipped, in KB, from the build's manifest. */
function firstScreenKb(): number {
  const dir = join(PROJECT_ROOT, 'out', 'renderer');
  const manifest = JSON.parse(readFileSync(join(dir, RENDERER_MANIFEST), 'utf8')) as Manifest;
  return (
    firstScreenFiles(manifest).reduce((sum, file) => sum + gzipSync(readFileSync(join(dir, file))).length, 0) / 1024
  );
}

/** One figure's line; a milestone the page did not mark (a build older than the bench) prints as "—". */
const row = (label: string, ms: number | null, unit = 'ms') =>
  console.log(
    `  ${label.padEnd(40)} ${(Number.isFinite(ms) ? ms!.toFixed(unit === 'ms' ? 0 : 3) : '—').padStart(7)} ${unit}`,
  );

function summarise(runs: Run[]) {
  const med = (pick: (r: Run) => number) => median(runs.map(pick));
  const marks = Object.fromEntries(MILESTONES.map((m) => [m, med((r) => r.figures.marks[m]!)]));
  const kinds = Object.fromEntries(Object.keys(runs[0]!.mainThread).map((k) => [k, med((r) => r.mainThread[k]!)]));
  return {
    marks,
    mainThreadMs: kinds,
    mainThreadCpuMs: med((r) => r.cpuMs),
    sourcePositionsMs: med((r) => r.sourcePositionsMs),
    firstContentfulPaintMs: med((r) => r.figures.firstContentfulPaint),
    firstIpcSentMs: med((r) => r.figures.firstIpcSent),
    firstIpcAnsweredMs: med((r) => r.figures.firstIpcAnswered),
    ipcBeforeReady: med((r) => r.figures.ipcBeforeReady),
    fontFiles: med((r) => r.figures.fontFiles),
    cumulativeLayoutShift: med((r) => r.figures.cumulativeLayoutShift),
    worstLayoutShift: Math.max(...runs.map((r) => r.figures.cumulativeLayoutShift)),
    scriptsCompiled: med((r) => r.codeCache.scripts),
    scriptsFromCodeCache: med((r) => r.codeCache.fromCache),
    fewestScriptsFromCodeCache: Math.min(...runs.map((r) => r.codeCache.fromCache)),
    codeCacheKb: med((r) => r.codeCache.cacheBytes) / 1024,
    firstScreenKb: firstScreenKb(),
  };
}

function print(title: string, summary: ReturnType<typeof summarise>): void {
  console.log(`\n${title}`);
  console.log(' Milestones, from navigation:');
  for (const [m, ms] of Object.entries(summary.marks)) row(`valise:${m}`, ms);
  row('first contentful paint', summary.firstContentfulPaintMs);
  row('first IPC sent', summary.firstIpcSentMs);
  row('first IPC answered', summary.firstIpcAnsweredMs);
  console.log(' Renderer main thread up to the library ready (self time):');
  for (const [k, ms] of Object.entries(summary.mainThreadMs)) row(k, ms);
  row('CPU of its tasks, waits for a core left out', summary.mainThreadCpuMs);
  row('V8.CollectSourcePositions (wall time)', summary.sourcePositionsMs);
  console.log(' Other:');
  row('scripts compiled before ready', summary.scriptsCompiled, '');
  row("of them from V8's code cache (median)", summary.scriptsFromCodeCache, '');
  row("of them from V8's code cache (fewest)", summary.fewestScriptsFromCodeCache, '');
  row('code cache used (median)', summary.codeCacheKb, 'KB');
  row('IPC calls answered before ready', summary.ipcBeforeReady, '');
  row('font files fetched', summary.fontFiles, '');
  row('cumulative layout shift (median)', summary.cumulativeLayoutShift, '');
  row('cumulative layout shift (worst run)', summary.worstLayoutShift, '');
  row(`first screen JS, gzipped (budget ${FIRST_SCREEN_BUDGET_BYTES / 1024} KB)`, summary.firstScreenKb, 'KB');
}

async function main() {
  const loadBefore = loadavg()[0]!;
  const { cold: runs, warm: warmRuns } = await coldThenWarm(RUNS, once);
  const summary = summarise(runs);
  const warm = summarise(warmRuns);
  const load = loadavg()[0]!;
  const loads = `machine load ${loadBefore.toFixed(2)} at the start, ${load.toFixed(2)} at the end`;
  print(
    `Where the first screen's time goes, Chromium host: the first launch (median of ${RUNS} cold starts; ${loads})`,
    summary,
  );
  print(
    `The same, daily launch (median of ${RUNS} warm starts in one profile, V8's code cache primed, script streaming off)`,
    warm,
  );
  const kept = (list: Run[]) =>
    list.map(({ figures, mainThread, cpuMs, codeCache, sourcePositionsMs }) => ({
      figures,
      mainThread,
      cpuMs,
      codeCache,
      sourcePositionsMs,
    }));
  const out = join(__dirname, 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(
    join(out, 'trace.json'),
    `${JSON.stringify({ date: new Date().toISOString(), load, loadBefore, summary, runs: kept(runs), warm: { ...WARM_CONDITIONS, summary: warm, runs: kept(warmRuns) } }, null, 2)}\n`,
  );
  const raw = join(PROJECT_ROOT, 'out', 'bench');
  mkdirSync(raw, { recursive: true });
  writeFileSync(join(raw, 'first-screen.trace.json'), runs.at(-1)!.trace);
  console.log('wrote tests/bench/results/trace.json and out/bench/first-screen.trace.json');
}

// Run as a script (node --import tsx tests/bench/trace.bench.ts); imported, it only lends its helpers.
if (require.main === module) void main();
