/**
 * The first screen's benches' launch (startup.bench.ts, trace.bench.ts): the services opened as
 * Electron's main opens them, the web host serving the built renderer, and Debian's Chromium,
 * either cold (a fresh profile, as the e2e suite's Chromium host runs: the first launch) or warm
 * (a profile kept between launches, with the page's scripts served again from the same origin:
 * a daily launch, see openWarmProfile).
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtWorkersIn, openServices } from '../../main/services/create.node';
import { startWebHost } from '../../main/webhost/server.node';
import { chromiumBinary, PROJECT_ROOT } from '../e2e/support/hosts';

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
 * The features Playwright itself turns off (playwright-core's chromiumSwitches): Chromium keeps only
 * the last `--disable-features` of its command line, so the bench's must repeat them.
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

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
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
  browser: Browser;
  /** The page the app is loaded in: a new page of a fresh browser, or the warm profile's own window. */
  newPage(): Promise<Page>;
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

/**
 * `count` first launches (cold, each in a fresh profile), then `count` daily ones (warm, in one
 * profile primed by earlier launches): the measuring order both launch benches follow.
 */
export async function coldThenWarm<R>(
  count: number,
  once: (profile?: WarmProfile) => Promise<R>,
): Promise<{ cold: R[]; warm: R[] }> {
  const cold: R[] = [];
  for (let i = 0; i < count; i++) cold.push(await once());
  const profile = openWarmProfile();
  await primeWarmProfile(profile);
  const warm: R[] = [];
  for (let i = 0; i < count; i++) warm.push(await once(profile));
  return { cold, warm };
}

/** Launches the services, the web host and Chromium: cold with a fresh profile, warm in `profile`. */
export async function launchFirstScreenHost(profile?: WarmProfile): Promise<Launched> {
  const start = performance.now();
  const { dispatch, close } = openServices({
    contentDbPath: join(PROJECT_ROOT, 'out/content/content.sqlite'),
    userDataDir: mkdtempSync(join(tmpdir(), 'valise-bench-user-')),
    appVersion: 'bench',
    host: 'web',
    // The workers the app runs (the search worker starts with warmUp or the first query, as in the app).
    ...builtWorkersIn(join(PROJECT_ROOT, 'out/main')),
  });
  const host = await startWebHost({ rendererDir: join(PROJECT_ROOT, 'out/renderer'), dispatch, port: profile?.port });
  if (profile) profile.port = Number(new URL(host.url).port);
  const servicesMs = performance.now() - start;
  const launched = await launchChromium(profile);
  return {
    url: host.url,
    ...launched,
    start,
    servicesMs,
    close: async () => {
      await launched.close();
      await host.close();
      close();
    },
  };
}

/** Debian's Chromium: a fresh browser, or the persistent context of a warm profile (its window is the page). */
async function launchChromium(profile?: WarmProfile): Promise<Pick<Launched, 'browser' | 'newPage' | 'close'>> {
  if (!profile) {
    const browser = await chromium.launch({ executablePath: chromiumBinary(), args: COLD_ARGS });
    return { browser, newPage: () => browser.newPage(), close: () => browser.close() };
  }
  const context = await chromium.launchPersistentContext(profile.dir, {
    executablePath: chromiumBinary(),
    args: WARM_ARGS,
  });
  const browser = context.browser();
  if (!browser) throw new Error('Playwright gave no browser for the persistent context.');
  return {
    browser,
    newPage: async () => context.pages()[0] ?? (await context.newPage()),
    close: () => context.close(),
  };
}

/** The median of a list of figures (the lower middle one of an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/** The library's screen once its data is shown: what the benches wait for. */
export const LIBRARY_READY = 'main[data-screen="library"][data-state="ready"]';

/**
 * Waits until `selector` matches in the page, asked through the DevTools protocol with a few lines
 * of the page's own JavaScript. Playwright's locators would first inject their own script into the
 * page (hundreds of KB, parsed and run on the page's main thread: 206 ms at a load average of 16,
 * between the library's data and its ready state, in a trace of the first screen), and the bench
 * would count that as the page's time; the app in Electron has no such script. A CDP session is
 * opened before navigating, so that its own set-up is not counted either.
 */
export async function openWaiter(page: Page): Promise<(selector: string) => Promise<void>> {
  const cdp = await page.context().newCDPSession(page);
  return async (selector: string) => {
    const expression = `new Promise((done) => {
      const sel = ${JSON.stringify(selector)};
      if (document.querySelector(sel)) return done(true);
      const watch = new MutationObserver(() => {
        if (document.querySelector(sel)) { watch.disconnect(); done(true); }
      });
      watch.observe(document, { subtree: true, childList: true, attributes: true });
    })`;
    const answer = (await cdp.send('Runtime.evaluate', { expression, awaitPromise: true })) as {
      exceptionDetails?: { text: string };
    };
    if (answer.exceptionDetails) throw new Error(`Waiting for ${selector}: ${answer.exceptionDetails.text}`);
  };
}

/** Chromium caches a script's compiled code the second time it runs it: two launches, and the third uses the cache. */
export const PRIMING_LAUNCHES = 2;
/** What the page waits for after ready while priming: the idle moment, when the likely next screens are fetched, then the cache's writes. */
const SETTLE = `new Promise((done) => requestIdleCallback(() => setTimeout(done, 500), { timeout: 3000 }))`;

/** Launches the app in `profile` until V8's code cache holds the first screen's scripts (each launch to ready, then idle). */
export async function primeWarmProfile(profile: WarmProfile): Promise<void> {
  for (let i = 0; i < PRIMING_LAUNCHES; i++) {
    const { url, newPage, close } = await launchFirstScreenHost(profile);
    const page = await newPage();
    const waitFor = await openWaiter(page);
    await page.goto(url);
    await waitFor(LIBRARY_READY);
    await page.evaluate(SETTLE);
    await close();
  }
}
