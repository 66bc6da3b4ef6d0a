/**
 * The first screen's benches' launch (startup.bench.ts, trace.bench.ts): the services opened as
 * Electron's main opens them, the web host serving the built renderer, and Debian's Chromium with
 * a fresh profile, as the e2e suite's Chromium host runs.
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
  `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...BROWSER_UI_FEATURES].join(',')}`,
];

export interface Launched {
  url: string;
  browser: Browser;
  /** When the launch began (performance.now()), and how long opening the services and the host took. */
  start: number;
  servicesMs: number;
  close(): Promise<void>;
}

export async function launchFirstScreenHost(): Promise<Launched> {
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
  return {
    url: host.url,
    browser,
    start,
    servicesMs,
    close: async () => {
      await browser.close();
      await host.close();
      close();
    },
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
