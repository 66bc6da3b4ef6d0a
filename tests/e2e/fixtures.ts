/**
 * The one wrapper specs use to drive Valise, on either host. It waits for what the app announces
 * (`main[data-screen][data-state]`), never for time. Specs tagged @electron need the real shell
 * (window flags, menus, printToPDF) and are skipped on the Chromium host with the reason.
 */
import { test as base, chromium, _electron, expect, type Browser, type ElectronApplication, type Page } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openServices } from '../../main/services/create.node';
import { startWebHost, type WebHost } from '../../main/webhost/server.node';
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

export class Valise {
  constructor(
    readonly page: Page,
    readonly host: HostName,
    readonly electronApp: ElectronApplication | null,
  ) {}

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
   */
  async screen(name: string, options: { expectError?: boolean } = {}): Promise<void> {
    const main = this.page.locator(`main[data-screen="${name}"]`);
    if (options.expectError) {
      await expect(main, `screen “${name}” should show its error`).toHaveAttribute('data-state', 'error');
      return;
    }
    // Settled either way, so that an error fails at once with its text instead of a timeout.
    await expect(main, `screen “${name}” should finish loading`).toHaveAttribute('data-state', /^(ready|error)$/);
    if ((await main.getAttribute('data-state')) === 'error') {
      const shown = (await main.innerText()).replace(/\s+/g, ' ').trim();
      throw new Error(`Screen “${name}” is in its error state: “${shown}”. A test that expects it passes { expectError: true }.`);
    }
    await expect(main, `screen “${name}” should be ready`).toHaveAttribute('data-state', 'ready');
  }

  /** Removes every bookmark, through the app's own channel, so a spec starts from none. */
  async clearBookmarks(): Promise<void> {
    const reply = (await this.rawInvoke('bookmarks:list', {})) as { value: { id: number }[] };
    const ids = reply.value.map((b) => b.id);
    if (ids.length) await this.rawInvoke('bookmarks:remove', { ids });
    await this.page.reload();
  }

  /** Sends a raw request through the host's own transport, bypassing the typed client. */
  rawInvoke(channel: unknown, args: unknown): Promise<unknown> {
    return this.page.evaluate(
      async ([c, a]) => {
        if (window.valise) return window.valise.invoke(c as string, a);
        const response = await fetch('/__valise/ipc', { method: 'POST', body: JSON.stringify({ channel: c, args: a }) });
        return response.json();
      },
      [channel, args] as const,
    );
  }
}

interface HostHandle {
  name: HostName;
  newPage(): Promise<{ page: Page; electronApp: ElectronApplication | null; close(): Promise<void> }>;
}

export const test = base.extend<{ valise: Valise }, { appHost: HostHandle }>({
  appHost: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const { name } = chooseHost();
      if (name === 'electron') {
        await use({
          name,
          async newPage() {
            const userData = mkdtempSync(join(tmpdir(), 'valise-e2e-'));
            const electronApp = await _electron.launch({
              executablePath: electronBinary() ?? undefined,
              args: [PROJECT_ROOT, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
              env: { ...process.env, VALISE_USER_DATA: userData },
            });
            const page = await electronApp.firstWindow();
            return { page, electronApp, close: () => electronApp.close() };
          },
        });
        return;
      }
      const { dispatch, close } = openServices({
        contentDbPath: join(PROJECT_ROOT, 'out/content/content.sqlite'),
        userDataDir: mkdtempSync(join(tmpdir(), 'valise-e2e-user-')),
        appVersion: 'e2e',
        host: 'web',
      });
      const webHost: WebHost = await startWebHost({ rendererDir: join(PROJECT_ROOT, 'out/renderer'), dispatch });
      const browser: Browser = await chromium.launch({ executablePath: chromiumBinary(), args: CHROMIUM_ARGS });
      await use({
        name,
        async newPage() {
          const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
          const page = await context.newPage();
          await page.goto(webHost.url);
          return { page, electronApp: null, close: () => context.close() };
        },
      });
      await browser.close();
      await webHost.close();
      close();
    },
    { scope: 'worker' },
  ],
  valise: async ({ appHost }, use, testInfo) => {
    if (testInfo.tags.includes('@electron') && appHost.name !== 'electron') {
      const reason = 'needs the Electron shell; this run uses the Chromium host (no Electron binary installed)';
      console.log(`[valise e2e] skipped “${testInfo.title}”: ${reason}`);
      testInfo.skip(true, reason);
    }
    const { page, electronApp, close } = await appHost.newPage();
    testInfo.annotations.push({ type: 'host', description: appHost.name });
    // Offline by construction: every request the page makes stays in its own origin.
    const origin = new URL(page.url()).origin;
    const outside: string[] = [];
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(`${origin}/`) && !/^(data|blob):/.test(url)) outside.push(url);
    });
    await use(new Valise(page, appHost.name, electronApp));
    await close();
    expect(outside, 'requests outside the app’s own origin').toEqual([]);
  },
});

export { expect };
