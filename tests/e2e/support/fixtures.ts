/**
 * The one wrapper specs use to drive Valise, on either host. It waits for what the app announces
 * (`main[data-screen][data-state]`), never for time. Specs tagged @electron need the real shell
 * (window flags, menus, printToPDF) and are skipped on the Chromium host with the reason.
 *
 * Every test gets its own user data: a new empty folder, or the one it prepares and passes to
 * `launch({ userData })`. On the Electron host each test starts its own Electron
 * (VALISE_USER_DATA); on the Chromium host each test opens its own services and web host on that
 * folder, behind a new browser context of the worker's one Chromium. So no test sees another's
 * bookmarks, settings or imported issues, whatever order they run in.
 */
import {
  test as base,
  chromium,
  _electron,
  expect,
  type Browser,
  type BrowserContext,
  type ElectronApplication,
  type Page,
} from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtWorkersIn, openServices } from '../../../main/services/create.node';
import { startWebHost, type WebHost } from '../../../main/webhost/server.node';
import { chooseHost, chromiumBinary, electronBinary, PROJECT_ROOT, type HostName } from './hosts';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Where the Chromium host keeps the page's storage in the user data folder (Electron keeps its own there). */
const PAGE_STORAGE_FILE = 'chromium-page-storage.json';

/** The workers `npm run build` put in out/main; the Chromium host refuses to run without them. */
function builtWorkers() {
  const workers = builtWorkersIn(join(PROJECT_ROOT, 'out', 'main'));
  if (!workers.worker || !workers.searchWorker)
    throw new Error('out/main has no built workers: run npm run build first');
  return workers;
}

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

/** The page's storage as the last run left it, moved to this run's origin (the web host's port changes). */
function pageStorage(file: string, url: string): StorageState | undefined {
  if (!existsSync(file)) return undefined;
  const saved = JSON.parse(readFileSync(file, 'utf8')) as StorageState;
  const origin = new URL(url).origin;
  return { cookies: [], origins: saved.origins.map((o) => ({ ...o, origin })) };
}

export class Valise {
  constructor(
    readonly page: Page,
    readonly host: HostName,
    readonly electronApp: ElectronApplication | null,
    private readonly closeApp: () => Promise<void> = async () => {},
  ) {}

  /**
   * Closes this app as a user quits it (Electron quits; on the Chromium host the page's storage is
   * kept in the user data folder and the services close), so that a test can open the same user
   * data again. Closing twice does nothing more.
   */
  close(): Promise<void> {
    return this.closeApp();
  }

  /** Opens a route (`/`, `/issue/<key>`) and waits until its screen says it is ready (see `screen`). */
  async open(route: string, screen: string, options: { expectError?: boolean } = {}): Promise<void> {
    await this.page.evaluate((hash) => {
      window.location.hash = hash;
    }, `#${route}`);
    await expect(this.page.locator(`main[data-screen="${screen}"]`)).toHaveAttribute('data-route', route);
    await this.screen(screen, options);
  }

  /**
   * Waits until the screen has loaded, and fails the test, with the error the screen shows, if it
   * is in its error state: a screen in error is not a screen that works. A test that expects the
   * error (a stale link, a refused request) says so with `{ expectError: true }`, and then a ready
   * screen fails it instead.
   *
   * After a move from a screen to another of the same name (a search to a narrower one, a person
   * to an event), the old one is still “ready”: pass the new `route` (the path and query the screen
   * says in `data-route`, or a pattern) to wait for that screen, not the one being left.
   */
  async screen(name: string, options: { expectError?: boolean; route?: string | RegExp } = {}): Promise<void> {
    const main = this.page.locator(`main[data-screen="${name}"]`);
    if (options.route !== undefined)
      await expect(main, `screen “${name}” should show ${String(options.route)}`).toHaveAttribute(
        'data-route',
        options.route,
      );
    if (options.expectError) {
      await expect(main, `screen “${name}” should show its error`).toHaveAttribute('data-state', 'error');
      return;
    }
    // Settled either way, so that an error fails at once with its text instead of a timeout.
    await expect(main, `screen “${name}” should finish loading`).toHaveAttribute('data-state', /^(ready|error)$/);
    if ((await main.getAttribute('data-state')) === 'error') {
      const shown = (await main.innerText()).replace(/\s+/g, ' ').trim();
      throw new Error(
        `Screen “${name}” is in its error state: “${shown}”. A test that expects it passes { expectError: true }.`,
      );
    }
    await expect(main, `screen “${name}” should be ready`).toHaveAttribute('data-state', 'ready');
  }

  /** Sends a raw request through the host's own transport, bypassing the typed client. */
  rawInvoke(channel: unknown, args: unknown): Promise<unknown> {
    return this.page.evaluate(
      async ([c, a]) => {
        if (window.valise) return window.valise.invoke(c as string, a);
        const response = await fetch('/__valise/ipc', {
          method: 'POST',
          body: JSON.stringify({ channel: c, args: a }),
        });
        return response.json();
      },
      [channel, args] as const,
    );
  }
}

/** One running app: its page, its Electron process (Electron host only), and how to close it. */
interface Launched {
  page: Page;
  electronApp: ElectronApplication | null;
  close(): Promise<void>;
}

/** The system the app starts on: its language (navigator.languages) and its time zone. */
interface SystemOptions {
  locale?: string;
  timezoneId?: string;
}

interface HostHandle {
  name: HostName;
  /** Starts the app on a user data folder of its own: nothing one test does is seen by another. */
  launch(userData: string, system: SystemOptions): Promise<Launched>;
}

export interface LaunchOptions {
  /**
   * The user data folder to open the app on (a prepared one: a damaged database, backups). When
   * it is not given, the app gets a new empty folder, removed after the test.
   */
  userData?: string;
  /**
   * The system's language and time zone (`fr-FR`, `America/New_York`): the browser context's on the
   * Chromium host, Chromium's --lang and TZ on the Electron host. Unset: an English system
   * (en-US, whatever the machine's own language, so that a first launch is in English) in the
   * machine's time zone.
   */
  system?: SystemOptions;
}

export const test = base.extend<
  { launch: (options?: LaunchOptions) => Promise<Valise>; valise: Valise },
  { appHost: HostHandle }
>({
  appHost: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const { name } = chooseHost();
      if (name === 'electron') {
        await use({
          name,
          async launch(userData, system) {
            const electronApp = await _electron.launch({
              executablePath: electronBinary() ?? undefined,
              args: [
                PROJECT_ROOT,
                ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
                ...(system.locale ? [`--lang=${system.locale}`] : []),
              ],
              env: {
                ...process.env,
                VALISE_USER_DATA: userData,
                ...(system.timezoneId ? { TZ: system.timezoneId } : {}),
              },
            });
            const page = await electronApp.firstWindow();
            return { page, electronApp, close: () => electronApp.close() };
          },
        });
        return;
      }
      // The browser is shared by the worker's tests; the services, their user database and the
      // web host in front of them are each test's own (opening them takes a tenth of a second).
      // The page's own storage (the settings in localStorage) is kept in the user data folder, as
      // Electron keeps it there: a test that closes the app and opens it again on the same folder
      // finds its settings, as a user does.
      const browser: Browser = await chromium.launch({ executablePath: chromiumBinary(), args: CHROMIUM_ARGS });
      await use({
        name,
        async launch(userData, system) {
          const services = openServices({
            contentDbPath: join(PROJECT_ROOT, 'out/content/content.sqlite'),
            userDataDir: userData,
            appVersion: 'e2e',
            host: 'web',
            // The workers electron-vite built, as the app runs them: every search and import here goes through them.
            ...builtWorkers(),
          });
          let webHost: WebHost | null = null;
          let context: BrowserContext | null = null;
          const storageFile = join(userData, PAGE_STORAGE_FILE);
          // In this order, also when the start fails half-way: nothing is left open.
          const close = async () => {
            if (context && webHost) writeFileSync(storageFile, JSON.stringify(await context.storageState()));
            await context?.close();
            webHost?.server.closeAllConnections();
            await webHost?.close();
            await services.close();
          };
          try {
            webHost = await startWebHost({
              rendererDir: join(PROJECT_ROOT, 'out/renderer'),
              dispatch: services.dispatch,
            });
            context = await browser.newContext({
              viewport: { width: 1280, height: 860 },
              storageState: pageStorage(storageFile, webHost.url),
              ...system,
            });
            const page = await context.newPage();
            await page.goto(webHost.url);
            return { page, electronApp: null, close };
          } catch (error) {
            await close();
            throw error;
          }
        },
      });
      await browser.close();
    },
    { scope: 'worker' },
  ],
  /**
   * Starts the app, on a given user data folder or a new empty one; each app started is closed
   * after the test, and checked to have stayed offline.
   */
  launch: async ({ appHost }, use, testInfo) => {
    // What shows why a test failed, in its output folder (test-results/e2e/…, kept by the workflow):
    // a screenshot of each app still open, and, with VALISE_E2E_TRACE set (the Electron-host CI),
    // each app's Playwright trace. Traces of a test that passed are deleted.
    const tracing = !!process.env.VALISE_E2E_TRACE;
    const traces: string[] = [];
    if (testInfo.tags.includes('@electron') && appHost.name !== 'electron') {
      const reason = 'needs the Electron shell; this run uses the Chromium host (no Electron binary installed)';
      console.log(`[valise e2e] skipped “${testInfo.title}”: ${reason}`);
      testInfo.skip(true, reason);
    }
    testInfo.annotations.push({ type: 'host', description: appHost.name });
    const running: { launched: Launched; outside: string[]; close: () => Promise<void> }[] = [];
    const ownFolders: string[] = [];
    await use(async (options = {}) => {
      const userData = options.userData ?? mkdtempSync(join(tmpdir(), 'valise-e2e-user-'));
      if (!options.userData) ownFolders.push(userData);
      const launched = await appHost.launch(userData, { locale: 'en-US', ...options.system });
      const context = launched.page.context();
      const trace = testInfo.outputPath(`trace-${running.length + 1}.zip`);
      if (tracing) await context.tracing.start({ screenshots: true, snapshots: true, title: testInfo.title });
      // Offline by construction: every request the page makes stays in its own origin.
      const origin = new URL(launched.page.url()).origin;
      const outside: string[] = [];
      launched.page.on('request', (request) => {
        const url = request.url();
        if (!url.startsWith(`${origin}/`) && !/^(data|blob):/.test(url)) outside.push(url);
      });
      let closing: Promise<void> | null = null;
      const stopTracing = async () => {
        if (!tracing) return;
        await context.tracing.stop({ path: trace });
        traces.push(trace);
      };
      const close = () => (closing ??= stopTracing().then(() => launched.close()));
      running.push({ launched, outside, close });
      return new Valise(launched.page, appHost.name, launched.electronApp, close);
    });
    const failed = testInfo.status !== testInfo.expectedStatus;
    if (failed) {
      for (const [i, { launched }] of running.entries()) {
        // An app the test closed has no page to show.
        await launched.page.screenshot({ path: testInfo.outputPath(`failure-${i + 1}.png`) }).catch(() => {});
      }
    }
    for (const { close } of running) await close();
    if (!failed) for (const trace of traces) rmSync(trace, { force: true });
    for (const folder of ownFolders) rmSync(folder, { recursive: true, force: true });
    expect(
      running.flatMap((r) => r.outside),
      'requests outside the app’s own origin',
    ).toEqual([]);
  },
  valise: async ({ launch }, use) => {
    await use(await launch());
  },
});

export { expect };
