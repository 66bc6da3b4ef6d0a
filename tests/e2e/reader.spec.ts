/**
 * The reader, screen by screen, with real archive content: in English and French, light and
 * dark, each screen checked with axe (no serious or critical violation) and photographed.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Valise } from './fixtures';

/** Name, route, screen, and whether the screen is meant to show its error (a stale link). */
const SCREENS: [string, string, string, { expectError?: boolean }?][] = [
  ['library', '/', 'library'],
  ['issue', '/issue/2018-no-10', 'issue'],
  ['article', '/read/2018-no-10/the-seminar-organised-by-unodc-in', 'article'],
  ['person', '/entity/person/caroline-charpentier', 'entity'],
  ['organisation', '/entity/org/unodc', 'entity'],
  ['event', '/entity/event/2018-06-05-an-interregional-seminar', 'entity'],
  ['country', '/entity/country/albania', 'entity'],
  ['document', '/entity/document/e-cn-15-2018-l-3-rev-1', 'entity'],
  ['directory', '/directory', 'directory'],
  ['calendar', '/calendar', 'calendar'],
  ['search', '/search?q=trafficing', 'search'],
  ['bookmarks', '/bookmarks', 'bookmarks'],
  ['settings', '/settings', 'settings'],
  ['help', '/help', 'help'],
  ['import', '/import', 'import'],
  ['not-found', '/entity/person/nobody', 'entity', { expectError: true }],
];

async function setSettings(valise: Valise, settings: { theme: string; language: string }) {
  await valise.page.evaluate((s) => localStorage.setItem('valise.settings', JSON.stringify({ ...s, textSize: 'normal' })), settings);
  await valise.page.reload();
}

async function axe(valise: Valise, name: string) {
  const results = await new AxeBuilder({ page: valise.page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`), `axe on ${name}`).toEqual([]);
}

for (const [language, theme] of [['en', 'light'], ['fr', 'dark'], ['en', 'dark'], ['fr', 'light']] as const) {
  test(`every screen reads well and passes axe — ${language}, ${theme}`, async ({ valise }) => {
    test.setTimeout(120_000);
    await valise.rawInvoke('bookmarks:add', { key: 'person/caroline-charpentier' });
    await setSettings(valise, { theme, language });
    for (const [name, route, screen, options] of SCREENS) {
      await valise.open(route, screen, options);
      // The expected error is the not-found page, not any failure.
      if (options?.expectError) await expect(valise.page.locator('main [data-not-found]')).toBeVisible();
      await expect(valise.page.locator('html')).toHaveAttribute('lang', language);
      await axe(valise, `${name} (${language}, ${theme})`);
      await valise.page.screenshot({ path: test.info().outputPath(`${name}-${language}-${theme}.png`), fullPage: true });
    }
  });
}

test('the interface speaks French, and the newsletter keeps its own words', async ({ valise }) => {
  const { page } = valise;
  await setSettings(valise, { theme: 'light', language: 'fr' });
  await valise.screen('library');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bibliothèque');
  await expect(page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Annuaire' })).toBeVisible();
  await expect(page.locator('.issue-card').first()).toContainText('mars 2021');
  await expect(page.getByRole('heading', { name: 'France’s multilateral commitment in the fight against human trafficking' })).toBeVisible();
  await valise.open('/issue/2018-no-10', 'issue');
  await expect(page.getByRole('heading', { name: 'Chiffres clés' })).toBeVisible();
  await expect(page.locator('.figure-value').first()).toHaveText(/1\s830\s000\s€/);
});

test('settings apply at once and are kept', async ({ valise }) => {
  const { page } = valise;
  await valise.open('/settings', 'settings');
  await page.getByRole('radio', { name: 'Dark' }).check();
  await page.getByRole('radio', { name: 'Large', exact: true }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const size = await page.evaluate(() => getComputedStyle(document.body).fontSize);
  expect(parseFloat(size)).toBeGreaterThan(17);
  await page.reload();
  await valise.screen('settings');
  await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('an issue shows its summary, contents with pages, and its facts at a glance', async ({ valise }) => {
  const { page } = valise;
  await valise.open('/issue/2018-no-10', 'issue');
  await expect(page.getByRole('region', { name: 'The issue in brief' })).toContainText('The tenth issue of the quarterly');
  const glance = page.getByRole('complementary', { name: 'In this issue' });
  await expect(glance).toContainText('France’s general voluntary contributions to the UNODC');
  await expect(glance).toContainText('caroline-marie.charpentier@diplomatie.gouv.fr');
  await expect(glance.locator('.event-list li[data-status="coming"]').first()).toBeVisible();
});

test('an article links the people, organisations and countries it names', async ({ valise }) => {
  const { page } = valise;
  await valise.open('/read/2018-no-10/the-seminar-organised-by-unodc-in', 'article');
  await page.locator('.prose').getByRole('link', { name: 'Davor Raus' }).click();
  await valise.screen('entity');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Davor Raus');
  await expect(page.locator('.facts')).toContainText('Justice Officer for the UNODC’s Human Trafficking and Migrant Smuggling section');
  await page.goBack();
  await valise.screen('article');
  await page.locator('.prose').getByRole('link', { name: 'Moldova' }).first().click();
  await valise.screen('entity');
  await expect(page.getByRole('region', { name: 'Events' })).toContainText('an interregional seminar');
});

test('one journey by keyboard only: search, a person, an event, and back', async ({ valise }) => {
  const { page } = valise;
  await valise.screen('library');
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search the archive' })).toBeFocused();
  await page.keyboard.type('Brunet');
  await valise.screen('search');
  await expect(page.locator('.hit').first()).toContainText('Jean-Claude Brunet');
  // Tab from the search box to the first result's link.
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.closest('.hit') !== null)) break;
  }
  await expect(page.locator('.hit').first().getByRole('link')).toBeFocused();
  await page.keyboard.press('Enter');
  await valise.screen('entity');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Jean-Claude Brunet');
  const event = page.getByRole('region', { name: 'Events' }).getByRole('link').first();
  const eventName = (await event.textContent())!;
  await event.focus();
  await expect(event).toBeFocused();
  await page.keyboard.press('Enter');
  await valise.screen('entity');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(eventName);
  await page.keyboard.press('Alt+ArrowLeft');
  await valise.screen('entity');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Jean-Claude Brunet');
  await expect(page.locator(':focus-visible, :focus')).toHaveCount(await page.locator(':focus').count());
});

test('the directory filters people by organisation and country', async ({ valise }) => {
  const { page } = valise;
  await valise.open('/directory', 'directory');
  await page.getByLabel('Filter by organisation').selectOption('org/unodc');
  await expect(page.locator('.directory-row')).toContainText(['Davor Raus']);
  await page.getByLabel('Filter by organisation').selectOption('');
  await page.getByLabel('Filter by country').selectOption('country/romania');
  await expect(page.locator('.directory-row').first()).toBeVisible();
});

test('the calendar shows coming events first, by month, and filters by country', async ({ valise }) => {
  const { page } = valise;
  await valise.open('/calendar', 'calendar');
  const groups = page.locator('.calendar-group');
  await expect(groups.first()).toHaveText('Coming events');
  await page.getByLabel('Filter by country').selectOption('Kosovo');
  await expect(page.locator('.event-list li')).toHaveCount(1);
  await expect(page.locator('.event-list li')).toContainText('follow-up to technical cooperation');
});

test('find in page marks the matches', async ({ valise }) => {
  const { page } = valise;
  await valise.open('/read/2018-no-10/the-seminar-organised-by-unodc-in', 'article');
  await page.keyboard.press('Control+f');
  await page.getByRole('textbox', { name: 'Find in page…' }).fill('cooperation');
  await expect(page.getByRole('search', { name: 'Find in page' })).toContainText(/\d+ matches/);
});

test('recently viewed items are listed in the library', async ({ valise }) => {
  const { page } = valise;
  await valise.open('/entity/person/ghada-waly', 'entity');
  await valise.open('/', 'library');
  await expect(page.getByRole('complementary', { name: 'Recently viewed' })).toContainText('Ghada Waly');
});
