/**
 * The first screen's benches' launch (startup.bench.ts, trace.bench.ts): the services opened as
 * Electron's main opens them, the web host serving the built renderer, and Debian's Chromium,
 * either cold (a fresh profile, as the e2e suite's Chromium host runs: the first launch) or warm
 * (a profile kept between launches, with the page's scripts served again from the same origin:
 * a daily launch, see openWarmProfile). Chromium is driven through the DevTools protocol with no
 * Runtime domain enabled in the page (cdp-page.ts says why), and every temporary directory a launch
 * makes is deleted when it closes, the warm profile's when the benches are done with it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtWorkersIn, openServices } from '../../main/services/create.node';
import { startWebHost } from '../../main/webhost/server.node';
import { PROJECT_ROOT } from '../e2e/support/hosts';
import { launchBenchChromium, type BenchBrowser, type BenchPage } from './cdp-page';

/**
 * Chromium's own interface loaded in a renderer of its own while the page starts: the omnibox's
 * WebUI popup ("WebUI Top Renderer", omnibox-popup.top-chrome/aim_app.js…), in 11 of 17 traces of
 * the first screen, with 112–500 ms of CPU before the library was ready (load 13–24, two cores):
 * up to more than the page's own main thread. Electron has no omnibox: the bench turns it off
 * (none in the traces since).
 */
const BROWSER_UI_FEATURES = [
  'PreloadTopChromeWebUI',
  'WebUIOmniboxPopup',
  'WebUIOmniboxAimPopup',
  'WebUIOmniboxFullPopup',
];
/**
 * The features Playwright turns off (playwright-core's chromiumSwitches): the benches were measured
 * through Playwright until round 4 and keep its launch (cdp-page.ts has its other switches).
 */
const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
];

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-sync'];
const disabled = (features: string[]) => `--disable-features=${features.join(',')}`;
const COLD_ARGS = [...ARGS, disabled([...PLAYWRIGHT_DISABLED_FEATURES, ...BROWSER_UI_FEATURES])];
/**
 * A warm launch also turns off script streaming. This Chromium (Debian's 156) streams a module
 * script that comes from its HTTP cache before the script's V8 code cache has arrived, and then
 * compiles it from source: in traces of warm launches the cache was produced (137 KB for the
 * entry) on the second launch and never consumed (`v8.compileModule` with no `consumedCacheSize`).
 * Without streaming the same launches compile from the cache (`consumedCacheSize` 137,112 bytes,
 * `cacheRejected` false), which is what the app's code cache in Electron is for; trace.bench.ts
 * counts, on every warm run, the bytes taken from the cache, so that a launch that did not use it
 * shows.
 */
const WARM_ARGS = [...ARGS, disabled([...PLAYWRIGHT_DISABLED_FEATURES, ...BROWSER_UI_FEATURES, 'ScriptStreaming'])];
/** Said beside every warm figure (titles and results files): the warm launches differ in this too. */
export const WARM_CONDITIONS = { scriptStreaming: false } as const;

export interface Launched {
  url: string;
  browser: BenchBrowser;
  /** The page the app is loaded in: the browser's first tab. */
  page: BenchPage;
  /** When the launch began (performance.now()), and how long opening the services and the host took. */
  start: number;
  servicesMs: number;
  close(): Promise<void>;
}

/**
 * A browser profile kept between launches, as Electron keeps the app's: Chromium's HTTP cache and
 * V8's code cache for the page's scripts are in it from one launch to the next. V8's cache is keyed
 * by the script's URL, so every launch in the profile serves the page from the same origin (the
 * port of its first launch), as the packaged app always loads app://valise.
 */
export interface WarmProfile {
  dir: string;
  /** The web host's port, fixed by the profile's first launch. */
  port?: number;
}

export function openWarmProfile(): WarmProfile {
  return { dir: mkdtempSync(join(tmpdir(), 'valise-bench-profile-')) };
}

/** Runs `use` with a new warm profile, and deletes the profile's directory after it, whether it succeeded or failed. */
export async function withWarmProfile<T>(use: (profile: WarmProfile) => Promise<T>): Promise<T> {
  const profile = openWarmProfile();
  try {
    return await use(profile);
  } finally {
    rmSync(profile.dir, { recursive: true, force: true });
  }
}

/**
 * `count` first launches (cold, each in a fresh profile), then `count` daily ones (warm, in one
 * profile primed by earlier launches): the measuring order both launch benches follow. The warm
 * profile is deleted at the end, whether the runs succeeded or not.
 */
export async function coldThenWarm<R>(
  count: number,
  once: (profile?: WarmProfile) => Promise<R>,
): Promise<{ cold: R[]; warm: R[] }> {
  const cold: R[] = [];
  for (let i = 0; i < count; i++) cold.push(await once());
  const warm = await withWarmProfile(async (profile) => {
    await primeWarmProfile(profile);
    const runs: R[] = [];
    for (let i = 0; i < count; i++) runs.push(await once(profile));
    return runs;
  });
  return { cold, warm };
}

/** Launches the services, the web host and Chromium: cold with a fresh profile, warm in `profile`. */
export async function launchFirstScreenHost(profile?: WarmProfile): Promise<Launched> {
  const start = performance.now();
  const userDataDir = mkdtempSync(join(tmpdir(), 'valise-bench-user-'));
  const { dispatch, close } = openServices({
    contentDbPath: join(PROJECT_ROOT, 'out/content/content.sqlite'),
    userDataDir,
    appVersion: 'bench',
    host: 'web',
    // The workers the app runs (the search worker starts with warmUp or the first query, as in the app).
    ...builtWorkersIn(join(PROJECT_ROOT, 'out/main')),
  });
  const closeServices = () => {
    close();
    rmSync(userDataDir, { recursive: true, force: true });
  };
  try {
    const host = await startWebHost({ rendererDir: join(PROJECT_ROOT, 'out/renderer'), dispatch, port: profile?.port });
    if (profile) profile.port = Number(new URL(host.url).port);
    const servicesMs = performance.now() - start;
    const browser = await launchBenchChromium(profile ? WARM_ARGS : COLD_ARGS, profile?.dir).catch(async (error) => {
      await host.close();
      throw error;
    });
    return {
      url: host.url,
      browser,
      page: browser.page,
      start,
      servicesMs,
      close: async () => {
        try {
          await browser.close();
          await host.close();
        } finally {
          closeServices();
        }
      },
    };
  } catch (error) {
    closeServices();
    throw error;
  }
}

/** The median of a list of figures (the lower middle one of an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/** The library's screen once its data is shown: what the benches wait for. */
export const LIBRARY_READY = 'main[data-screen="library"][data-state="ready"]';

/** Chromium caches a script's compiled code the second time it runs it: two launches, and the third uses the cache. */
export const PRIMING_LAUNCHES = 2;
/** What the page waits for after ready while priming: the idle moment, when the likely next screens are fetched, then the cache's writes. */
const SETTLE = `new Promise((done) => requestIdleCallback(() => setTimeout(done, 500), { timeout: 3000 }))`;

/** Launches the app in `profile` until V8's code cache holds the first screen's scripts (each launch to ready, then idle). */
export async function primeWarmProfile(profile: WarmProfile): Promise<void> {
  for (let i = 0; i < PRIMING_LAUNCHES; i++) {
    const { url, page, close } = await launchFirstScreenHost(profile);
    try {
      await page.goto(url);
      await page.waitFor(LIBRARY_READY);
      await page.evaluate(SETTLE);
    } finally {
      await close();
    }
  }
}
