import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { FIRST_SCREEN_HOLD_MAX_MS } from '../../renderer/src/app/first-screen.dom';

test('bookmark an article with B, a passage with its star, a person with the button; the marks show everywhere', async ({
  valise,
}) => {
  const { page } = valise;
  await valise.open('/read/2018-no-10/the-seminar-organised-by-unodc-in', 'article');
  await page.keyboard.press('b');
  await expect(
    page.getByRole('button', { name: /Bookmarked: …the seminar organised by UNODC in Chisinau/ }),
  ).toHaveAttribute('aria-pressed', 'true');
  const passage = page.locator('.passage-row', { hasText: 'From 5-7 June 2018, Moldova hosted' });
  await passage.hover();
  await passage.getByRole('button', { name: /^Bookmark: “/ }).click();
  await expect(passage.getByRole('button', { name: /^Bookmarked/ })).toHaveAttribute('aria-pressed', 'true');

  await valise.open('/entity/person/caroline-charpentier', 'entity');
  await page.getByRole('button', { name: 'Bookmark: Caroline Charpentier' }).click();
  await expect(page.getByRole('button', { name: 'Bookmarked: Caroline Charpentier' })).toBeVisible();

  await page.getByRole('link', { name: 'Bookmarks' }).click();
  await valise.screen('bookmarks');
  await expect(page.locator('.bookmark-row')).toHaveCount(3);
  await valise.open('/read/2018-no-10/the-seminar-organised-by-unodc-in', 'article');
  await expect(page.locator('.passage-row', { hasText: 'From 5-7 June 2018' }).getByRole('button')).toHaveAttribute(
    'aria-pressed',
    'true',
  );
});

test('notes and tags are edited in place, filtered and searched; a removal can be undone', async ({ valise }) => {
  const { page } = valise;
  for (const key of ['person/ghada-waly', 'country/albania', 'event/2018-06-05-an-interregional-seminar'])
    await valise.rawInvoke('bookmarks:add', { key });
  await valise.open('/bookmarks', 'bookmarks');
  const waly = page.locator('.bookmark-row', { hasText: 'Ghada Waly' });
  await waly.getByRole('button', { name: 'Add a note or tags' }).click();
  await waly.getByLabel('Note').fill('Met at the **Kyoto** side event');
  await waly.getByLabel('Tags, separated by commas').fill('Vienna trip, UNODC');
  await waly.getByRole('button', { name: 'Save' }).click();
  await expect(waly.locator('.bookmark-note strong')).toHaveText('Kyoto');
  await expect(waly.locator('.tag')).toHaveText(['UNODC', 'Vienna trip']);

  await page.getByLabel('Filter by tag').selectOption('Vienna trip');
  await expect(page.locator('.bookmark-row')).toHaveCount(1);
  await page.getByLabel('Filter by tag').selectOption('');
  await page.getByLabel('Search bookmarks').fill('side event');
  await expect(page.locator('.bookmark-row')).toHaveCount(1);
  await page.getByLabel('Search bookmarks').fill('');
  await page.screenshot({ path: test.info().outputPath(`bookmarks-${valise.host}.png`), fullPage: true });

  await page.getByLabel('Select Albania').check();
  await page.getByRole('button', { name: 'Remove' }).click();
  await expect(page.locator('.bookmark-row')).toHaveCount(2);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('.bookmark-row')).toHaveCount(3);
});

test('exports bookmarks as JSON and imports them back without duplicates', async ({ valise }) => {
  const { page } = valise;
  await valise.rawInvoke('bookmarks:add', { key: 'person/ghada-waly' });
  await valise.open('/bookmarks', 'bookmarks');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export all (JSON)' }).click(),
  ]);
  const file = test.info().outputPath('export.json');
  await download.saveAs(file);
  expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
    format: 'valise-bookmarks',
    bookmarks: [{ key: 'person/ghada-waly' }],
  });
  await page.locator('input[type=file]').setInputFiles(file);
  await expect(page.getByRole('status')).toContainText('Imported: 0 new bookmarks; 1 merged with a bookmark you had.');
  await expect(page.locator('.bookmark-row')).toHaveCount(1);
});

/** Holds the page's requests on one IPC channel (web host only) until the returned function is called. */
async function holdChannel(page: Page, held: string): Promise<() => void> {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/__valise/ipc', async (route) => {
    const { channel } = route.request().postDataJSON() as { channel: string };
    if (channel === held) await released;
    await route.continue();
  });
  return release;
}

test('the bookmarks screen says it is ready only once its filters can name the issues', async ({ valise }) => {
  test.skip(valise.host === 'electron', 'IPC goes through the preload there, not through the network Playwright holds');
  const { page } = valise;
  await valise.rawInvoke('bookmarks:add', { key: 'event/2018-06-05-an-interregional-seminar' });
  await valise.screen('library');
  const release = await holdChannel(page, 'content:listIssues');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Bookmarks' }).click();
  const screen = page.locator('main[data-screen="bookmarks"]');
  await page.waitForResponse(
    (r) => r.url().endsWith('/__valise/ipc') && r.request().postData()!.includes('bookmarks:list'),
  );
  await expect(screen).toHaveAttribute('data-state', 'loading');
  release();
  await valise.screen('bookmarks');
  // The issue is named by its number, as the library names it, never by its key (2018-no-10).
  await expect(page.getByLabel('Filter by issue').locator('option')).toHaveText(['All', /^No\. 10 · /]);
});

test('the bookmarks are read when the user leaves the library before its data came', async ({ valise }) => {
  test.skip(valise.host === 'electron', 'IPC goes through the preload there, not through the network Playwright holds');
  const { page } = valise;
  await valise.screen('library');
  const release = await holdChannel(page, 'content:listIssues');
  const bookmarksRead = () =>
    page.waitForRequest((r) => r.url().endsWith('/__valise/ipc') && r.postData()!.includes('"bookmarks:list"'), {
      timeout: FIRST_SCREEN_HOLD_MAX_MS / 2,
    });
  // Opened again on the library, whose data does not come: the bookmarks wait for it.
  await page.reload();
  await expect(page.locator('main[data-screen="library"]')).toHaveAttribute('data-state', 'loading');
  const read = bookmarksRead();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Directory' }).click();
  await read;
  release();
});
