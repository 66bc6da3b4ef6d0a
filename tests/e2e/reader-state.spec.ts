/**
 * What the reader keeps and how it finds it again (#17): closing the app and opening it again on
 * the same user data keeps the bookmarks, the interface language and the text size, all chosen by
 * clicking; the language switch in Settings, clicked, changes the page and tells main; the
 * bookmarks screen's filters and sorts, in English and in French.
 */
import { mkdirSync } from 'node:fs';
import { expect, test, type Valise } from './support/fixtures';

const CAROLINE = 'person/caroline-charpentier';
/** The seminar in Chisinau, Moldova (5-7 June 2018), and the first seminar in Sarajevo (2 October 2018). */
const CHISINAU = 'event/2018-06-05-an-interregional-seminar';
const SARAJEVO = 'event/2018-10-02-the-first-seminar';
const ALBANIA = 'country/albania';

/** The text size the page applies, as drawn (its CSS scale). */
const textScale = (valise: Valise) =>
  valise.page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--text-scale').trim());

/** The bookmarks shown, in the order shown. */
const rows = (valise: Valise) =>
  valise.page.locator('.bookmark-row').evaluateAll((list) => list.map((row) => row.getAttribute('data-bookmark-row')));

test('closing and opening the app again on the same user data keeps bookmarks, language and text size', async ({
  launch,
}) => {
  // A folder of the test's own output: both apps open it, and it is kept with the results.
  const userData = test.info().outputPath('user-data');
  mkdirSync(userData, { recursive: true });
  const first = await launch({ userData });
  const { page } = first;
  await first.open(`/entity/${CAROLINE}`, 'entity');
  await page.locator(`main button[data-bookmark="${CAROLINE}"]`).click();
  await expect(page.locator(`main button[data-bookmark="${CAROLINE}"]`)).toHaveAttribute('aria-pressed', 'true');
  await first.open('/settings', 'settings');
  await page.getByRole('radio', { name: 'Larger' }).check();
  await page.getByRole('radio', { name: 'Français' }).check();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  expect(await textScale(first)).toBe('1.25');
  await first.close();

  const again = await launch({ userData });
  await again.screen('library');
  await expect(again.page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(again.page.getByRole('heading', { level: 1 })).toHaveText('Bibliothèque');
  expect(await textScale(again)).toBe('1.25');
  await again.open('/bookmarks', 'bookmarks');
  expect(await rows(again)).toEqual([CAROLINE]);
  await again.open(`/entity/${CAROLINE}`, 'entity');
  await expect(again.page.locator(`main button[data-bookmark="${CAROLINE}"]`)).toHaveAttribute('aria-pressed', 'true');
  await again.open('/settings', 'settings');
  await expect(again.page.getByRole('radio', { name: 'Français' })).toBeChecked();
  await expect(again.page.getByRole('radio', { name: 'Très grande' })).toBeChecked();
});

test('the language switch in Settings, clicked, changes the page and tells main', async ({ valise }) => {
  const { page } = valise;
  await valise.open('/settings', 'settings');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
  expect(await valise.rawInvoke('bookmarks:add', { key: CAROLINE })).toMatchObject({ ok: true });
  expect(await valise.rawInvoke('bookmarks:export', { format: 'json' })).toMatchObject({
    ok: true,
    value: { fileName: expect.stringMatching(/^valise-bookmarks-/) },
  });

  await page.getByRole('radio', { name: 'Français' }).check();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Réglages');
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Signets' })).toBeVisible();
  // Main heard it: the file name it proposes is French (its menus and dialogs follow the same setting).
  await expect
    .poll(
      async () =>
        ((await valise.rawInvoke('bookmarks:export', { format: 'json' })) as { value: { fileName: string } }).value
          .fileName,
    )
    .toMatch(/^valise-signets-/);

  await page.getByRole('radio', { name: 'English' }).check();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
  await expect
    .poll(
      async () =>
        ((await valise.rawInvoke('bookmarks:export', { format: 'json' })) as { value: { fileName: string } }).value
          .fileName,
    )
    .toMatch(/^valise-bookmarks-/);
});

test('the bookmarks screen filters by type, tag, country and text, and sorts by date added, title and event date', async ({
  valise,
}) => {
  const { page } = valise;
  const ids: Record<string, number> = {};
  // Added one after the other: the newest is Albania.
  for (const key of [CAROLINE, SARAJEVO, CHISINAU, ALBANIA]) {
    const reply = (await valise.rawInvoke('bookmarks:add', { key })) as { ok: boolean; value: { id: number } };
    expect(reply.ok, key).toBe(true);
    ids[key] = reply.value.id;
  }
  expect(await valise.rawInvoke('bookmarks:tag', { ids: [ids[CAROLINE], ids[CHISINAU]], add: ['trip'] })).toMatchObject(
    { ok: true, value: 2 },
  );
  await valise.open('/bookmarks', 'bookmarks');
  const sort = page.getByLabel('Sort');
  const filter = (name: string) => page.getByLabel(`Filter by ${name}`);

  expect(await rows(valise)).toEqual([ALBANIA, CHISINAU, SARAJEVO, CAROLINE]);
  await sort.selectOption({ label: 'Title' });
  // “Albania”, “an interregional seminar”, “Caroline Charpentier”, “regional seminar on…” (Sarajevo).
  expect(await rows(valise)).toEqual([ALBANIA, CHISINAU, CAROLINE, SARAJEVO]);
  await sort.selectOption({ label: 'Event date' });
  const byEvent = await rows(valise);
  expect(byEvent.slice(0, 2)).toEqual([CHISINAU, SARAJEVO]);
  expect(byEvent.slice(2).sort()).toEqual([ALBANIA, CAROLINE].sort());
  await sort.selectOption({ label: 'Date added' });

  await filter('type').selectOption({ label: 'Event' });
  expect(await rows(valise)).toEqual([CHISINAU, SARAJEVO]);
  await filter('type').selectOption({ label: 'All' });

  await filter('tag').selectOption('trip');
  expect(await rows(valise)).toEqual([CHISINAU, CAROLINE]);
  await filter('tag').selectOption({ label: 'All' });

  // Caroline Charpentier is France's magistrate; the Sarajevo seminar, held in Bosnia and
  // Herzegovina, only mentions France (organised with it), so it counts only when asked (#24);
  // Chisinau is in Moldova.
  await filter('country').selectOption({ label: 'France' });
  expect(await rows(valise)).toEqual([CAROLINE]);
  await page.getByRole('checkbox', { name: 'Also events that only mention it' }).check();
  expect(await rows(valise)).toEqual([SARAJEVO, CAROLINE]);
  await page.getByRole('checkbox', { name: 'Also events that only mention it' }).uncheck();
  await filter('country').selectOption({ label: 'Moldova' });
  expect(await rows(valise)).toEqual([CHISINAU]);
  await filter('country').selectOption({ label: 'All' });

  await page.getByLabel('Search bookmarks').fill('charpentier');
  expect(await rows(valise)).toEqual([CAROLINE]);
  await page.getByLabel('Search bookmarks').fill('');
  expect(await rows(valise)).toHaveLength(4);

  // In French, the same filters, with the countries named in French.
  await valise.open('/settings', 'settings');
  await page.getByRole('radio', { name: 'Français' }).check();
  await valise.open('/bookmarks', 'bookmarks');
  await page.getByLabel('Filtrer par pays').selectOption({ label: 'Moldavie' });
  expect(await rows(valise)).toEqual([CHISINAU]);
  await page.getByLabel('Filtrer par pays').selectOption({ label: 'Bosnie-Herzégovine' });
  expect(await rows(valise)).toEqual([SARAJEVO]);
  await page.getByLabel('Tri').selectOption({ label: 'Titre' });
  await page.getByLabel('Filtrer par pays').selectOption({ label: 'Tous' });
  expect(await rows(valise)).toEqual([ALBANIA, CHISINAU, CAROLINE, SARAJEVO]);
});
