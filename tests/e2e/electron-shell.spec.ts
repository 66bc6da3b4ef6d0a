/**
 * The real Electron shell, end to end, where users meet it: the offline session refusing a request
 * before it reaches the network, File › Import issue… and File › Save as PDF… through the
 * application menu with the native dialogs answered (tests/e2e/support/electron-main.ts), and a reader's
 * journey that moves with the native View menu. Tagged @electron: on the Chromium host they are
 * skipped with the reason. The untagged tests run the same checks on both hosts through the page
 * alone, so what the @electron ones look for on the screen is proven on every run.
 * (Window flags, CSP and the navigation guard are in shell.spec.ts.)
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ASSETS, tempDir } from '../support/content';
import { clickMenu, dialogCalls, fetchThroughSession, loadInHiddenWindow, stubDialogs } from './support/electron-main';
import { expect, test, type Valise } from './support/fixtures';

const ISSUE_TITLE = 'France’s multilateral commitment in the fight against human trafficking';

/** pdftotext's words, compared without case (headings print in capitals) or line breaks. */
const flat = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

test(
  'the offline session refuses a request before it reaches the network, CSP aside',
  { tag: '@electron' },
  async ({ valise }) => {
    await valise.screen('library');
    const app = valise.electronApp!;
    const received: string[] = [];
    const server = createServer((request: IncomingMessage, response) => {
      received.push(`${request.method} ${request.url}`);
      response.end('reached');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      // The server answers whoever reaches it: from the test (Node's own network stack), it counts one.
      expect(await (await fetch(`${base}/control`)).text()).toBe('reached');
      expect(received).toEqual(['GET /control']);

      // From main, through the app's default session: no page, so no Content-Security-Policy.
      expect(await fetchThroughSession(app, `${base}/session-fetch`)).toMatch(/^refused: .*ERR_BLOCKED_BY_CLIENT/);
      // As the page of a hidden window of the same session: a top-level load, which no CSP governs,
      // in a window without the navigation guard; only the session stands between it and the network.
      expect(await loadInHiddenWindow(app, `${base}/window-load`)).toMatch(/^refused: .*ERR_BLOCKED_BY_CLIENT/);

      // Neither reached the server: refused before the network, not after.
      expect(received).toEqual(['GET /control']);
    } finally {
      server.close();
    }
  },
);

/** The import screen's review of 000_1e644c5006785efa.txt (bundled as 2018-no-10), read from the page. */
async function expectReviewOfBundledText(valise: Valise, fileName: string): Promise<void> {
  const { page } = valise;
  const bundled = (
    (await valise.rawInvoke('content:getIssue', { key: '2018-no-10' })) as { value: { sections: unknown[] } }
  ).value;
  await expect(page.locator('[data-import-state]')).toHaveAttribute('data-import-state', 'review');
  await expect(page.locator('.review > p').first()).toHaveText(fileName);
  await expect(page.locator('.draft-facts code')).toHaveText('2018-no-10');
  await expect(page.locator('.draft-sections > li')).toHaveCount(bundled.sections.length);
  await expect(page.locator('.draft summary', { hasText: 'People' })).toContainText(/People \d+/);
  await expect(page.locator('.duplicate legend')).toHaveText(`“${ISSUE_TITLE}” is already in your library.`);
}

function bundledTextAs(fileName: string): string {
  const file = join(tempDir(), fileName);
  copyFileSync(join(ASSETS, '000_1e644c5006785efa.txt'), file);
  return file;
}

test('an issue as text, chosen in the page, is reviewed (the review File › Import issue… leads to)', async ({
  valise,
}) => {
  const file = bundledTextAs('summer-2018.txt');
  await valise.open('/import', 'import');
  await valise.page.locator('input[type=file]').setInputFiles(file);
  await expectReviewOfBundledText(valise, 'summer-2018.txt');
});

test(
  'File › Import issue… opens the file chosen in the native dialog for review',
  { tag: '@electron' },
  async ({ valise }) => {
    const app = valise.electronApp!;
    const file = bundledTextAs('summer-2018.txt');
    await valise.screen('library');
    await stubDialogs(app, { open: [file] });
    await clickMenu(app, ['File', 'Import issue…']);
    await valise.screen('import');
    await expect(valise.page.locator('main[data-screen="import"]')).toHaveAttribute('data-route', /^\/import\?upload=/);
    await expectReviewOfBundledText(valise, 'summer-2018.txt');
    const calls = await dialogCalls(app);
    expect(calls.map((c) => c.method)).toEqual(['showOpenDialog']);
    expect(calls[0]!.options).toMatchObject({ title: 'Import issue', properties: ['openFile'] });
    expect(calls[0]!.options.filters![0]!.extensions).toEqual(expect.arrayContaining(['pdf', 'txt', 'valise']));
  },
);

test('File › Import issue… cancelled leaves the screen as it was', { tag: '@electron' }, async ({ valise }) => {
  const app = valise.electronApp!;
  await valise.open('/issue/2018-no-10', 'issue');
  await stubDialogs(app, {});
  await clickMenu(app, ['File', 'Import issue…']);
  await expect.poll(async () => (await dialogCalls(app)).map((c) => c.method)).toEqual(['showOpenDialog']);
  await expect(valise.page.locator('main[data-screen="issue"]')).toHaveAttribute('data-route', '/issue/2018-no-10');
});

test(
  'File › Save as PDF… writes a PDF of the screen that pdftotext reads',
  { tag: '@electron' },
  async ({ valise }) => {
    const { page } = valise;
    const app = valise.electronApp!;
    await valise.open('/issue/2018-no-10', 'issue');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(ISSUE_TITLE);
    const file = join(tempDir(), 'issue.pdf');
    await stubDialogs(app, { save: file });
    await clickMenu(app, ['File', 'Save as PDF…']);
    // Main says so once the bytes are written.
    await expect(page.locator('.app-notices')).toContainText(`Saved ${file}`);
    const calls = await dialogCalls(app);
    expect(calls.map((c) => c.method)).toEqual(['showSaveDialog']);
    // The dialog proposes the screen's title as the file name.
    expect(calls[0]!.options).toMatchObject({ title: 'Save as PDF', defaultPath: `${ISSUE_TITLE}.pdf` });
    expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
    expect(flat(text)).toContain(flat(ISSUE_TITLE));
    expect(flat(text)).toContain(flat('the seminar organised by UNODC in Chisinau'));
  },
);

/**
 * A reader's journey: library → issue → article → a person named in it, bookmarked → back to the
 * article, bookmarked with B → search finds the person, marked as bookmarked → the bookmarks list
 * both → the library. `go` moves to the bookmarks and the library: by the page's own links, or by
 * the native View menu.
 */
async function readerJourney(
  valise: Valise,
  go: { bookmarks(): Promise<void>; library(): Promise<void> },
): Promise<void> {
  const { page } = valise;
  await valise.screen('library');

  await page.getByRole('heading', { name: ISSUE_TITLE }).getByRole('link').click();
  await valise.screen('issue');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ISSUE_TITLE);

  await page.getByRole('link', { name: /the seminar organised by UNODC in Chisinau/ }).click();
  await valise.screen('article');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('…the seminar organised by UNODC in Chisinau');

  await page.locator('.prose').getByRole('link', { name: 'Davor Raus' }).click();
  await valise.screen('entity');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Davor Raus');
  await page.getByRole('button', { name: 'Bookmark: Davor Raus' }).click();
  await expect(page.getByRole('button', { name: 'Bookmarked: Davor Raus' })).toBeVisible();

  await page.goBack();
  await valise.screen('article');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('…the seminar organised by UNODC in Chisinau');
  await page.keyboard.press('b');
  await expect(
    page.getByRole('button', { name: /Bookmarked: …the seminar organised by UNODC in Chisinau/ }),
  ).toHaveAttribute('aria-pressed', 'true');

  await page.getByRole('searchbox', { name: 'Search the archive' }).fill('Davor Raus');
  await valise.screen('search');
  const hit = page.locator('.hit', { hasText: 'Davor Raus' }).first();
  await expect(hit).toBeVisible();
  await hit.getByRole('link').first().click();
  await valise.screen('entity');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Davor Raus');
  await expect(page.getByRole('button', { name: 'Bookmarked: Davor Raus' })).toBeVisible();

  await go.bookmarks();
  await valise.screen('bookmarks');
  await expect(page.locator('.bookmark-row')).toHaveCount(2);
  await expect(page.locator('.bookmark-row', { hasText: 'Davor Raus' })).toHaveCount(1);
  await expect(page.locator('.bookmark-row', { hasText: 'the seminar organised by UNODC in Chisinau' })).toHaveCount(1);

  await go.library();
  await valise.screen('library');
  await expect(page.getByRole('heading', { name: ISSUE_TITLE })).toBeVisible();
}

test('a reader’s journey: library, issue, article, a person, back, bookmarks, search', async ({ valise }) => {
  const { page } = valise;
  await readerJourney(valise, {
    bookmarks: () => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Bookmarks' }).click(),
    library: () => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click(),
  });
});

test(
  'a reader’s journey in the Electron window, moving with the View menu',
  { tag: '@electron' },
  async ({ valise }) => {
    const app = valise.electronApp!;
    await readerJourney(valise, {
      bookmarks: () => clickMenu(app, ['View', 'Bookmarks']),
      library: () => clickMenu(app, ['View', 'Library']),
    });
  },
);
