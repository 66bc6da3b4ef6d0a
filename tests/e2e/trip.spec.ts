/**
 * A trip planned right (#24): one test per finding of the issue, each written to fail on the main
 * it was filed against. Today is 7 December 2026, as in the issue, set with Playwright's clock.
 */
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { COUNTRY_TABLE } from '../../common/places/countries.std';
import { countryName } from '../../common/places/place-names.std';
import { expect, test, type Valise } from './support/fixtures';

const TODAY = '2026-12-07';
const KYOTO_CONGRESS = 'event/2021-03-07-14th-un-congress-on-crime';
const PALERMO = 'event/2018-10-15-9th-conference-of-parties-to';

/** Starts the page again on `day` (local noon: no time zone moves it to another day). */
async function today(valise: Valise, day = TODAY): Promise<void> {
  await valise.page.clock.setFixedTime(new Date(`${day}T12:00:00`));
  await valise.page.reload();
  await valise.screen('library');
}

async function settings(
  valise: Valise,
  choice: { language?: 'Français' | 'English'; theme?: string; size?: string },
): Promise<void> {
  await valise.open('/settings', 'settings');
  if (choice.language) await valise.page.getByRole('radio', { name: choice.language }).check();
  if (choice.theme) await valise.page.getByRole('radio', { name: choice.theme }).check();
  if (choice.size) await valise.page.getByRole('radio', { name: choice.size }).check();
}

/** Types a date into the app's own date field (day, month by name, year). */
async function typeDate(valise: Valise, group: string, day: number, month: string, year: number): Promise<void> {
  const field = valise.page.getByRole('group', { name: group });
  await field.getByRole('combobox').first().selectOption(String(day));
  await field.getByRole('combobox').nth(1).selectOption({ label: month });
  await field.getByRole('textbox').fill(String(year));
}

const shownEvents = (valise: Valise) => valise.page.locator('main .event-list li');

/** The gazetteer's English names that French writes otherwise (Moldova / Moldavie): never seen in a French interface. */
const ENGLISH_COUNTRY_NAMES = COUNTRY_TABLE.map(([, name]) => name).filter(
  (name) => countryName(name, 'fr-FR') !== name,
);
const englishCountriesIn = (texts: string[]) =>
  texts.filter((text) =>
    ENGLISH_COUNTRY_NAMES.some((name) => new RegExp(`(?<![\\p{L}])${name}(?![\\p{L}])`, 'u').test(text)),
  );

test('1. an event is in its own country: a country only its sentence names selects it only when asked; Japan selects Kyoto; Bookmarks and the dossier agree', async ({
  valise,
}) => {
  const { page } = valise;
  await today(valise);
  // Thailand is named only by the panellists of the Vienna working groups of July 2018.
  await valise.open('/calendar?country=country%2Fthailand', 'calendar');
  await expect(shownEvents(valise)).toHaveCount(0);
  await expect(
    page.getByRole('group', { name: 'Countries', exact: true }).getByRole('checkbox', { name: 'Thailand' }),
  ).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'Also events that only mention a country chosen' }).check();
  await valise.screen('calendar', { route: /mentioned=1/ });
  await expect(shownEvents(valise)).toHaveCount(2);
  await expect(shownEvents(valise).first()).toContainText('working group');
  await expect(shownEvents(valise).first().locator('.event-mentioned')).toContainText('Thailand');

  // Japan, though no passage names it: the Kyoto events take place there.
  await valise.open('/calendar', 'calendar');
  await page.getByRole('group', { name: 'Countries', exact: true }).getByRole('checkbox', { name: 'Japan' }).check();
  await expect(shownEvents(valise)).toHaveCount(2);
  await expect(shownEvents(valise).locator('.event-place')).toHaveText(['Kyoto, Japan', 'Kyoto, Japan']);
  await page.screenshot({ path: test.info().outputPath('calendar-japan.png'), fullPage: true });

  // The 9th Conference of Parties, in Vienna, Austria: its passage names no country.
  expect(await valise.rawInvoke('bookmarks:add', { key: PALERMO })).toMatchObject({ ok: true });
  await valise.open('/bookmarks', 'bookmarks');
  await page.getByLabel('Filter by country').selectOption({ label: 'Austria' });
  await expect(page.locator('.bookmark-row')).toHaveCount(1);
  await expect(page.locator('.bookmark-row')).toContainText('9th Conference of Parties');
  await page.screenshot({ path: test.info().outputPath('bookmarks-country-austria.png'), fullPage: true });
  await valise.open('/print/dossier?country=country/austria', 'print-dossier');
  await expect(page.locator('.dossier')).toContainText('9th Conference of Parties');
});

test('2. the trip’s dates are typed in the interface’s language: day, month by name, year', async ({ valise }) => {
  const { page } = valise;
  await today(valise);
  await settings(valise, { language: 'Français' });
  await valise.open('/calendar', 'calendar');
  // No browser date field, whose format follows the system (mm/dd/yyyy), not the interface.
  await expect(page.locator('input[type="date"]')).toHaveCount(0);
  const starts = page.getByRole('group', { name: 'Début du voyage' });
  await expect(starts.getByRole('combobox', { name: 'Mois' }).locator('option')).toContainText([
    'mois',
    'janvier',
    'février',
    'décembre',
  ]);
  // Day, month, year: the order French writes them.
  expect(
    await starts.locator('select, input').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('aria-label'))),
  ).toEqual(['Jour', 'Mois', 'Année']);
  await typeDate(valise, 'Début du voyage', 9, 'janvier', 2018);
  await valise.screen('calendar', { route: '/calendar?from=2018-01-09' });
  await page.reload();
  await valise.screen('calendar');
  await expect(starts.getByRole('combobox', { name: 'Jour' })).toHaveValue('9');
  await expect(starts.getByRole('combobox', { name: 'Mois' }).locator('option:checked')).toHaveText('janvier');
  await expect(starts.getByRole('textbox', { name: 'Année' })).toHaveValue('2018');
});

test('3. an event known only to its month says the month, and is not written into the .ics as a month-long event', async ({
  valise,
}) => {
  const { page } = valise;
  await today(valise);
  await valise.open('/calendar?from=2018-10-01&to=2018-12-31', 'calendar');
  const december = shownEvents(valise).filter({
    hasText: 'an intergovernmental conference on international migration',
  });
  await expect(december.locator('.event-date')).toHaveText('December 2018');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save the events shown (.ics)' }).click(),
  ]);
  const ics = readFileSync(await download.path(), 'utf8');
  expect(ics.match(/BEGIN:VEVENT/g)?.length).toBeGreaterThan(2);
  expect(ics).not.toMatch(/DTSTART;VALUE=DATE:20181201/);
  expect(ics).not.toContain('intergovernmental conference on international migration');
  await expect(page.getByRole('status').filter({ hasText: 'left out' })).toHaveText(
    '1 event known only to its month was left out of the file: a calendar needs its days.',
  );
  await settings(valise, { language: 'Français' });
  await valise.open('/calendar?from=2018-10-01&to=2018-12-31', 'calendar');
  await expect(december.locator('.event-date')).toHaveText('décembre 2018');
});

test('4. events are titled by what happens, in the newsletter’s words, and a place keeps the capitals it is printed with', async ({
  valise,
}) => {
  const { page } = valise;
  await today(valise);
  await valise.open('/calendar', 'calendar');
  const titles = await shownEvents(valise).locator('a').allTextContents();
  expect(titles.length).toBe(26);
  for (const fragment of [
    'The first seminar',
    'Since the adoption',
    'on the occasion of International Women’s Rights Day',
    'Member States successfully concluded',
  ]) {
    expect(
      titles.filter((title) => title.startsWith(fragment)),
      fragment,
    ).toEqual([]);
  }
  expect(titles).toEqual(
    expect.arrayContaining([
      'negotiations of the Global Compact',
      'regional seminar on “TEH and forced crime” with UNODC',
    ]),
  );
  await valise.open(`/entity/${KYOTO_CONGRESS}`, 'entity');
  await expect(page.locator('.facts .fact', { hasText: 'Place' }).locator('dd')).toHaveText('Kyoto');
  // The sentence is kept, as its description.
  await valise.open('/entity/event/2019-03-08-on-the-occasion-of-international', 'entity');
  await expect(page.locator('h1')).toHaveText(
    'The joint Franco-Swedish strategy to combat trafficking in human beings for the purpose of sexual exploitation',
  );
  await expect(page.locator('.facts')).toContainText(
    'This diplomatic initiative was officially launched on 8 March 2019',
  );
});

test('5. a trip dossier from the Calendar, in French, with the trip’s dates and countries and the issues by name; the Bookmarks dossier keeps dates', async ({
  valise,
}) => {
  const { page } = valise;
  await today(valise);
  await settings(valise, { language: 'Français' });
  await valise.open('/calendar', 'calendar');
  await typeDate(valise, 'Début du voyage', 1, 'septembre', 2018);
  await typeDate(valise, 'Fin du voyage', 30, 'novembre', 2018);
  const countries = page.getByRole('group', { name: 'Pays', exact: true });
  await countries.getByRole('checkbox', { name: 'Bulgarie' }).check();
  await countries.getByRole('checkbox', { name: 'Kosovo' }).check();
  await valise.screen('calendar', {
    route: '/calendar?from=2018-09-01&to=2018-11-30&country=country%2Fbulgaria&country=country%2Fkosovo',
  });
  await expect(shownEvents(valise)).toHaveCount(2);
  await page.screenshot({ path: test.info().outputPath('calendar-trip-fr.png'), fullPage: true });

  await page.getByRole('link', { name: 'Imprimer le voyage…' }).click();
  await valise.screen('print-trip');
  const sheet = page.locator('.trip-dossier');
  await expect(sheet.locator('.trip-scope')).toHaveText(
    'du 1er septembre 2018 au 30 novembre 2018 · Pays : Bulgarie, Kosovo',
  );
  await expect(sheet.locator('.trip-events tr')).toHaveCount(2);
  await expect(sheet.locator('.trip-events th')).toHaveText(['25–28 septembre 2018', '30 octobre – 2 novembre 2018']);
  await expect(sheet.locator('.trip-source').first()).toHaveText('N° 10 · 2018');
  await expect(sheet).not.toContainText('2018-no-10');
  await page.emulateMedia({ media: 'print' });
  const pdf = test.info().outputPath('trip-dossier-fr.pdf');
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: false });
  await page.emulateMedia({ media: 'screen' });
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  for (const words of ['Dossier de mission', 'Bulgarie', 'Kosovo', 'septembre 2018', 'N° 10'])
    expect(text, words).toContain(words);
  expect(text).not.toContain('2018-no-10');
  execFileSync('pdftoppm', ['-png', '-r', '70', pdf, test.info().outputPath('trip-dossier-fr')]);
  const pages = readdirSync(test.info().outputPath()).filter((f) => /^trip-dossier-fr-\d+\.png$/.test(f));
  expect(pages.length).toBeGreaterThan(0);

  // The Bookmarks dossier keeps the dates chosen there.
  expect(await valise.rawInvoke('bookmarks:add', { key: PALERMO })).toMatchObject({ ok: true });
  await valise.open('/bookmarks', 'bookmarks');
  await typeDate(valise, 'Événements du', 1, 'octobre', 2018);
  await typeDate(valise, 'Événements jusqu’au', 31, 'octobre', 2018);
  await page.getByRole('link', { name: 'Imprimer un dossier de mission…' }).click();
  await valise.screen('print-dossier', { route: /from=2018-10-01&to=2018-10-31/ });
  await expect(page.locator('.dossier header p.quiet')).toHaveText('du 1er octobre 2018 au 31 octobre 2018');
  await expect(page.locator('.dossier')).toContainText('9th Conference of Parties');
});

test('6. French throughout: countries by their French names wherever the interface names them, labels for raw values, French typography, and a first launch in French on a French system', async ({
  valise,
  launch,
}) => {
  const { page } = valise;
  expect(ENGLISH_COUNTRY_NAMES).toEqual(expect.arrayContaining(['Moldova', 'Austria', 'Japan']));
  await today(valise);
  await settings(valise, { language: 'Français' });
  // Chips of the article.
  await valise.open('/read/2018-no-10/the-seminar-organised-by-unodc-in', 'article');
  const chips = await page.locator('.named a[href*="/entity/country/"]').allTextContents();
  expect(chips).toContain('Moldavie');
  expect(englishCountriesIn(chips)).toEqual([]);
  // Search results and the palette.
  await valise.open('/search?q=Moldova', 'search', {});
  const countryHit = page.locator('.hit', { has: page.locator('.type-country') }).first();
  await expect(countryHit.locator('.hit-title')).toHaveText('Moldavie');
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Recherche rapide' }).fill('Moldova');
  await expect(
    page
      .locator('.palette li', { has: page.locator('.type-country') })
      .first()
      .locator('.palette-title'),
  ).toHaveText('Moldavie');
  await page.keyboard.press('Escape');
  // Places in the Calendar, the brief, the dossiers.
  for (const [route, screen] of [
    ['/calendar', 'calendar'],
    ['/print/issue/2018-no-10', 'print-issue'],
    ['/print/trip?country=country%2Faustria', 'print-trip'],
    ['/print/country/country/moldova', 'print-country'],
  ] as const) {
    await valise.open(route, screen);
    const places = await page.locator('.event-place').allTextContents();
    expect(places.length, route).toBeGreaterThan(0);
    expect(englishCountriesIn(places), route).toEqual([]);
  }
  // A contact's kind in words; the issue filter by the issues' names; a colon after a space.
  await valise.open('/entity/contact/ms-caroline-charpentier/caroline-marie-charpentier-diplomatie-gouv-fr', 'entity');
  await expect(page.locator('.facts .fact', { hasText: 'Type' }).locator('dd')).toHaveText('Courriel');
  expect(await valise.rawInvoke('bookmarks:add', { key: PALERMO })).toMatchObject({ ok: true });
  expect(await valise.rawInvoke('bookmarks:add', { key: 'country/moldova' })).toMatchObject({ ok: true });
  await valise.open('/bookmarks', 'bookmarks');
  await expect(page.getByLabel('Filtrer par numéro').locator('option')).toHaveText(['Tous', 'N° 10 · 2018']);
  await expect(page.locator('.event-when')).toHaveText('15–19 octobre 2018');
  // A bookmarked country, on the Bookmarks screen and among a dossier's other bookmarks.
  await expect(page.locator('[data-bookmark-row="country/moldova"] .hit-title')).toHaveText('Moldavie');
  await valise.open('/print/dossier', 'print-dossier');
  await expect(page.locator('.dossier')).toContainText('Moldavie');
  expect(englishCountriesIn(await page.locator('.dossier li strong').allTextContents())).toEqual([]);
  await valise.open('/print/dossier?country=country/austria', 'print-dossier');
  await expect(page.locator('.dossier header p.quiet')).toHaveText('Pays : Autriche');
  // The .ics names places in French too.
  await valise.open('/calendar?country=country%2Faustria', 'calendar');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Enregistrer les événements affichés (.ics)' }).click(),
  ]);
  const ics = readFileSync(await download.path(), 'utf8');
  expect(ics).toContain('LOCATION:Vienne\\, Autriche');
  expect(ics).not.toMatch(/LOCATION:.*Austria/);

  // A first launch on a French system is in French.
  const french = await launch({ system: { locale: 'fr-FR' } });
  await french.screen('library');
  await expect(french.page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(
    french.page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Bibliothèque' }),
  ).toBeVisible();
});

test('7. exports other programs read: one card per person, notes as plain text, counts that say what an import did', async ({
  valise,
}) => {
  const { page } = valise;
  const add = async (key: string) => {
    const added = (await valise.rawInvoke('bookmarks:add', { key })) as { ok: boolean; value: { id: number } };
    expect(added.ok).toBe(true);
    return added.value.id;
  };
  const person = await add('person/caroline-charpentier');
  await add('contact/ms-caroline-charpentier/caroline-marie-charpentier-diplomatie-gouv-fr');
  const event = await add(PALERMO);
  await add('person/ghada-waly');
  await add('org/unodc');
  expect(
    await valise.rawInvoke('bookmarks:update', { id: person, note: 'Ask about the **Sarajevo** seminar: *urgent*' }),
  ).toMatchObject({ ok: true });
  expect(await valise.rawInvoke('bookmarks:update', { id: event, note: 'Book the **hotel**' })).toMatchObject({
    ok: true,
  });
  await valise.open('/bookmarks', 'bookmarks');
  const save = async (button: string) => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: button }).click(),
    ]);
    return readFileSync(await download.path(), 'utf8');
  };
  const vcf = await save('Contacts (.vcf)');
  expect(vcf.match(/BEGIN:VCARD/g)).toHaveLength(3);
  expect(vcf.match(/^FN:.*Charpentier/gm)).toEqual(['FN:Caroline Charpentier']);
  expect(vcf).toContain('EMAIL:caroline-marie.charpentier@diplomatie.gouv.fr');
  expect(vcf).not.toContain('**');
  expect(vcf).not.toContain('\\:');
  const ics = await save('Events to calendar (.ics)');
  expect(ics).toContain('Book the hotel');
  expect(ics).not.toContain('**');

  const json = await save('Export all (JSON)');
  await page.getByRole('checkbox', { name: 'Select Ghada Waly' }).check();
  await page.getByRole('checkbox', { name: /^Select United Nations Office/ }).check();
  await page.getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByRole('status')).toContainText('Removed 2 bookmarks.');
  await page
    .locator('input[type=file]')
    .setInputFiles({ name: 'bookmarks.json', mimeType: 'application/json', buffer: Buffer.from(json) });
  await expect(page.getByRole('status')).toHaveText('Imported: 2 new bookmarks; 3 merged with bookmarks you had.');
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveCount(0);
  await expect(page.locator('.bookmark-row')).toHaveCount(5);
});

test('8. print previews in print colours in the dark theme (and no serious axe finding there), and marked words readable in the palette', async ({
  valise,
}) => {
  const { page } = valise;
  await today(valise);
  await settings(valise, { theme: 'Dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  for (const [route, screen] of [
    ['/print/issue/2018-no-10', 'print-issue'],
    ['/print/trip?from=2018-09-01&to=2018-11-30', 'print-trip'],
  ] as const) {
    await valise.open(route, screen);
    const results = await new AxeBuilder({ page }).analyze();
    const contrast = results.violations.filter((v) => v.id === 'color-contrast');
    expect(
      contrast.flatMap((v) => v.nodes.map((n) => n.target.join(' '))),
      `${route}: contrast in the dark theme`,
    ).toEqual([]);
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(
      serious.map((v) => v.id),
      `${route}: axe in the dark theme`,
    ).toEqual([]);
  }
  await page.screenshot({ path: test.info().outputPath('print-trip-dark.png'), fullPage: true });
  // Marked words in the palette.
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Quick search' }).fill('Chisinau seminar');
  await expect(page.locator('.palette mark').first()).toBeVisible();
  const palette = await new AxeBuilder({ page }).include('.palette').withRules(['color-contrast']).analyze();
  expect(palette.violations.flatMap((v) => v.nodes.map((n) => n.target.join(' ')))).toEqual([]);
  await page.keyboard.press('Escape');
});

test('8. after Enter on a link the new screen’s heading has the focus and the change is announced; a screen opens at its top; “Larger” text applies everywhere', async ({
  valise,
}) => {
  const { page } = valise;
  // Enter on a link: the new screen's heading has the focus, and the change is announced.
  await valise.open('/', 'library');
  await page.locator('.issue-card h2 a').first().focus();
  await page.keyboard.press('Enter');
  await valise.screen('issue');
  await expect(page.locator('main h1')).toBeFocused();
  await expect(page.locator('#route-announcer')).toHaveText((await page.locator('main h1').textContent()) ?? '');
  // The Bookmarks link of the top bar opens Bookmarks at its top, wherever the page was.
  await valise.open('/print/whole/2018-no-10', 'print-whole');
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(500);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Bookmarks' }).click();
  await valise.screen('bookmarks');
  expect(await page.evaluate(() => window.scrollY)).toBe(0);

  // "Larger" text enlarges the navigation and lists, not only the reading text.
  const sizes = async () => {
    await valise.open('/calendar', 'calendar');
    return page.evaluate(() =>
      [
        document.querySelector('.topbar nav a'),
        document.querySelector('.event-list li'),
        document.querySelector('.filters'),
      ].map((e) => parseFloat(getComputedStyle(e!).fontSize)),
    );
  };
  const normal = await sizes();
  await settings(valise, { size: 'Larger' });
  const larger = await sizes();
  larger.forEach((size, i) => expect(size, `element ${i}`).toBeGreaterThan(normal[i]! * 1.2));
});

test('9. the issue’s “all its events” opens the Calendar on them; the palette says when nothing matches; the find bar covers no breadcrumb', async ({
  valise,
}) => {
  const { page } = valise;
  await today(valise);
  await valise.open('/issue/2018-no-10', 'issue');
  const all = page.getByRole('link', { name: /^All \d+ events in the calendar$/ });
  const count = Number(/\d+/.exec((await all.textContent()) ?? '')![0]);
  await all.click();
  await valise.screen('calendar', { route: '/calendar?issue=2018-no-10' });
  await expect(shownEvents(valise)).toHaveCount(count);
  await expect(page.locator('.issue-scope')).toContainText('Events of the issue No. 10 · 2018');

  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Quick search' }).fill('xqzwvk');
  await expect(page.locator('.palette [role="status"]')).toHaveText('Nothing in the archive matches “xqzwvk”.');
  await page.keyboard.press('Escape');

  await page.setViewportSize({ width: 1024, height: 640 });
  await valise.open('/entity/person/caroline-charpentier', 'entity');
  await page.keyboard.press('Control+f');
  const bar = await page.locator('.find-bar').boundingBox();
  const crumb = await page.locator('.breadcrumb').boundingBox();
  expect(bar && crumb).toBeTruthy();
  const overlap =
    bar!.x < crumb!.x + crumb!.width &&
    crumb!.x < bar!.x + bar!.width &&
    bar!.y < crumb!.y + crumb!.height &&
    crumb!.y < bar!.y + bar!.height;
  expect(overlap).toBe(false);
});

test('“today” is the day on the machine’s own clock: at 23:30 in New York on an event’s last day it is still coming; at 00:30 the next day in Auckland it is past', async ({
  launch,
}) => {
  const sarajevo = '/entity/event/2018-10-02-the-first-seminar';
  const status = async (timezoneId: string, moment: string) => {
    const app = await launch({ system: { timezoneId } });
    await app.page.clock.setFixedTime(new Date(moment));
    await app.page.reload();
    await app.screen('library');
    await app.open(sarajevo, 'entity');
    return app.page.locator('.facts dt:text-is("Status") + dd');
  };
  // 23:30 on 5 October in New York is 03:30 on the 6th in UTC.
  await expect(await status('America/New_York', '2018-10-05T23:30:00-04:00')).toHaveText(/^Coming/);
  // 00:30 on 6 October in Auckland is 11:30 on the 5th in UTC.
  await expect(await status('Pacific/Auckland', '2018-10-06T00:30:00+13:00')).toHaveText(/^Past/);
});
