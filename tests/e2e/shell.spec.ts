/** The Electron shell's guarantees: window flags, offline session, refused navigation and windows. */
import { expect, test } from './support/fixtures';
import { PRINT_SCREENS, READER_SCREENS } from './support/screens';

test('the window is sandboxed and isolated, with no Node in the page', { tag: '@electron' }, async ({ valise }) => {
  await valise.screen('library');
  const prefs = await valise.electronApp!.evaluate(({ BrowserWindow }) => {
    const window = BrowserWindow.getAllWindows()[0]!;
    // Not in Electron's typings, but the one place the effective preferences can be read back.
    const contents = window.webContents as unknown as { getLastWebPreferences(): Electron.WebPreferences };
    const p = contents.getLastWebPreferences();
    return {
      contextIsolation: p.contextIsolation,
      sandbox: p.sandbox,
      nodeIntegration: p.nodeIntegration,
      webSecurity: p.webSecurity,
      webviewTag: p.webviewTag,
      url: window.webContents.getURL(),
    };
  });
  expect(prefs).toMatchObject({
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    webSecurity: true,
    webviewTag: false,
  });
  expect(prefs.url).toMatch(/^app:\/\/valise\//);
  expect(await valise.page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
  expect(await valise.page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
});

test('a request to a remote address from the page fails', { tag: '@electron' }, async ({ valise }) => {
  await valise.screen('library');
  const outcome = await valise.page.evaluate(async () => {
    try {
      await fetch('https://example.org/');
      return 'reached';
    } catch {
      return 'refused';
    }
  });
  expect(outcome).toBe('refused');
});

test('window.open and navigation away are refused', { tag: '@electron' }, async ({ valise }) => {
  await valise.screen('library');
  expect(await valise.page.evaluate(() => window.open('https://example.org/') === null)).toBe(true);
  await valise.page.evaluate(() => {
    window.location.href = 'https://example.org/';
  });
  await valise.screen('library');
  expect(valise.page.url()).toMatch(/^app:\/\/valise\//);
  expect(valise.electronApp!.windows()).toHaveLength(1);
});

test('the page sends its Content Security Policy, without unsafe-inline or unsafe-eval', async ({ valise }) => {
  await valise.screen('library');
  const csp = await valise.page.evaluate(
    () => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
  );
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toMatch(/unsafe-(inline|eval)/);
  // An inline script put into the page does not run (one allowed would run as it is added), and
  // the browser reports the violation: waited for, not slept on.
  const ran = await valise.page.evaluate(() => {
    const store = window as { __inlineRan?: boolean; __violation?: string };
    document.addEventListener('securitypolicyviolation', (e) => (store.__violation = e.violatedDirective), {
      once: true,
    });
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true;';
    document.head.append(script);
    return store.__inlineRan === true;
  });
  expect(ran, 'the inline script ran').toBe(false);
  await expect
    .poll(() => valise.page.evaluate(() => (window as { __violation?: string }).__violation ?? ''), {
      message: 'the violation reported',
    })
    .toMatch(/^script-src/);
  expect(
    await valise.page.evaluate(() => (window as { __inlineRan?: boolean }).__inlineRan === true),
    'the inline script ran later',
  ).toBe(false);
});

test("no screen breaks the page's Content Security Policy as it loads its code", async ({ valise }) => {
  // Each screen's code arrives as it is first opened or when the page is idle (lazy chunks; zod's
  // schemas with the search, import and print screens): the listener is in the document before
  // any of the app's scripts, and the hash routes keep that document.
  await valise.page.addInitScript(() => {
    const store = window as { __violations?: string[] };
    store.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      store.__violations!.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  await valise.page.reload();
  await valise.screen('library');
  const stops = [...READER_SCREENS, ...PRINT_SCREENS];
  expect(stops.length).toBeGreaterThan(10);
  for (const [, route, screen] of stops) await valise.open(route, screen);
  expect(await valise.page.evaluate(() => (window as { __violations?: string[] }).__violations)).toEqual([]);
});

test('an uncaught error in the page is shown, and the app keeps running', async ({ valise }) => {
  const { page } = valise;
  await valise.screen('library');
  await page.evaluate(() =>
    setTimeout(() => {
      throw new Error('a test failure in the page');
    }, 0),
  );
  await expect(page.getByText(/Something went wrong: .*a test failure in the page.*Valise kept running/)).toBeVisible();
  await page.getByRole('link', { name: 'Bookmarks' }).click();
  await valise.screen('bookmarks');
});
