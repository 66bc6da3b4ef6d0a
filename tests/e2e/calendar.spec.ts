/**
 * The calendar for a traveller (#17): coming and past against today, which each test sets with
 * Playwright's clock (`page.clock.setFixedTime`: Date.now and new Date() answer that day, timers
 * keep running), then reloads so the page starts on it. No sleep, no fake timers.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Valise } from './support/fixtures';

/** Starts the page again on `day` (local noon, so that no time zone moves it to another day). */
async function today(valise: Valise, day: string): Promise<void> {
  await valise.page.clock.setFixedTime(new Date(`${day}T12:00:00`));
  await valise.page.reload();
  await valise.screen('library');
}

async function inFrench(valise: Valise): Promise<void> {
  const { page } = valise;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await valise.screen('settings');
  await page.getByRole('radio', { name: 'Français' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
}

/** Types a day into the trip's date field: day, month by its name, year. */
async function tripDate(valise: Valise, field: string, iso: string): Promise<void> {
  const [year, month, day] = iso.split('-').map(Number);
  const group = valise.page.getByRole('group', { name: field });
  await group.getByRole('combobox', { name: 'Day' }).selectOption(String(day));
  await group.getByRole('combobox', { name: 'Month' }).selectOption(String(month));
  await group.getByRole('textbox', { name: 'Year' }).fill(String(year));
}

const groups = (valise: Valise) => valise.page.locator('.calendar-group');
const items = (valise: Valise, group: string) => valise.page.locator(`[data-group="${group}"] .event-list li`);

test('on the day the issue was filed nothing is coming: the calendar says so and shows the latest events, with what their issue announced', async ({
  valise,
}) => {
  const { page } = valise;
  await today(valise, '2026-11-23');
  await valise.open('/calendar', 'calendar');
  await expect(page.getByRole('status')).toHaveText(
    'Nothing in the archive is coming after 23 November 2026. Here are the latest events.',
  );
  await expect(groups(valise)).toHaveText(['Latest events', 'Past events']);
  await expect(page.locator('[data-group="cal-coming"]')).toHaveCount(0);
  // Latest first: the April 2021 workshop, which the March 2021 issue announced as coming.
  const latest = items(valise, 'cal-latest');
  await expect(latest).toHaveCount(5);
  await expect(latest.first()).toContainText(
    'a regional expert workshop on trafficking in human beings for labour exploitation',
  );
  await expect(latest.first()).toContainText('Past');
  await expect(latest.first()).toContainText('announced as coming in the March 2021 issue');
  await expect(latest.first()).toHaveAttribute('data-status', 'past');
  // Every event of the archive is shown once, and none is coming.
  await expect(page.locator('.event-list li')).toHaveCount(26);
  await expect(page.locator('.event-list li[data-status="coming"]')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath(`calendar-today-en-${valise.host}.png`), fullPage: true });

  await inFrench(valise);
  await valise.open('/calendar', 'calendar');
  await expect(page.getByRole('status')).toHaveText(
    'Rien n’est à venir dans les archives après le 23 novembre 2026. Voici les derniers événements.',
  );
  await expect(groups(valise)).toHaveText(['Derniers événements', 'Événements passés']);
  await expect(items(valise, 'cal-latest').first()).toContainText('annoncé comme à venir dans le numéro de mars 2021');
  await page.screenshot({ path: test.info().outputPath(`calendar-today-fr-${valise.host}.png`), fullPage: true });
});

test('on 1 September 2018 the events of that autumn are coming, soonest first', async ({ valise }) => {
  const { page } = valise;
  await today(valise, '2018-09-01');
  await valise.open('/calendar', 'calendar');
  await expect(groups(valise)).toHaveText(['Coming events', 'Past events']);
  await expect(page.getByRole('status')).toHaveCount(0);
  const coming = items(valise, 'cal-coming');
  // Written out from the 2018 issue's “À venir” box and its text: Greece 17-21 September, Kosovo
  // 25-28 September, Sarajevo 2-5 October, Vienna 15-19 October, Bulgaria 30 October-2 November,
  // and the intergovernmental conference of December 2018; then the March 2021 issue's events, all
  // later than that day.
  await expect(coming.first()).toContainText('Caritas Albania project');
  await expect(coming.nth(1)).toContainText('follow-up to technical cooperation');
  // Sarajevo: “The first seminar” in the article, named by the calendar of the same issue (#24).
  await expect(coming.nth(2)).toContainText('regional seminar on “TEH and forced crime”');
  await expect(coming.filter({ hasText: 'Kyoto, Japan' }).first()).toBeVisible();
  await expect(page.locator('[data-group="cal-past"] .event-list li').first()).toContainText(
    'negotiations of the Global Compact',
  );
  // What was announced as coming and is still coming needs no “announced” note.
  await expect(coming.first()).not.toContainText('announced as coming');
});

test('a trip filter (dates and countries) is kept in the URL, survives a reload, and the events shown save as one .ics', async ({
  valise,
}) => {
  const { page } = valise;
  await today(valise, '2026-11-23');
  await valise.open('/calendar', 'calendar');
  await tripDate(valise, 'Trip starts on', '2018-09-01');
  await tripDate(valise, 'Trip ends on', '2018-11-30');
  await page.getByRole('checkbox', { name: 'Bulgaria' }).check();
  await page.getByRole('checkbox', { name: 'Kosovo' }).check();
  await valise.screen('calendar', {
    route: '/calendar?from=2018-09-01&to=2018-11-30&country=country%2Fbulgaria&country=country%2Fkosovo',
  });
  const shown = page.locator('.event-list li');
  // Bulgaria 30 October-2 November and Kosovo 25-28 September; not Bulgaria's 31 May, outside the dates.
  await expect(shown).toHaveCount(2);
  await expect(shown.nth(0)).toContainText('conference on “TEH and the recruitment');
  await expect(shown.nth(1)).toContainText('follow-up to technical cooperation');

  await page.reload();
  await valise.screen('calendar', { route: /country=country%2Fkosovo/ });
  await expect(shown).toHaveCount(2);
  await expect(page.getByRole('checkbox', { name: 'Kosovo' })).toBeChecked();
  await expect(page.getByRole('group', { name: 'Trip starts on' })).toHaveAttribute('data-value', '2018-09-01');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save the events shown (.ics)' }).click(),
  ]);
  // Main names the file with its own clock's date (the page's clock is the one set above).
  expect(download.suggestedFilename()).toMatch(/^valise-events-\d{4}-\d{2}-\d{2}\.ics$/);
  const ics = readFileSync(await download.path(), 'utf8');
  const events = ics.split('BEGIN:VEVENT').slice(1);
  expect(events).toHaveLength(2);
  expect(events[0]).toMatch(/DTSTART;VALUE=DATE:20180925/);
  expect(events[1]).toMatch(/DTSTART;VALUE=DATE:20181030/);
  expect(events[1]).toMatch(/DTEND;VALUE=DATE:20181103/);

  // A trip with nothing in it says so.
  await tripDate(valise, 'Trip starts on', '2030-01-01');
  await expect(page.getByRole('status')).toHaveText('No event in the archive matches this trip.');
  await expect(page.getByRole('button', { name: 'Save the events shown (.ics)' })).toBeDisabled();
});

test('the issue page marks its events against today and says what the issue announced; the brief says “as announced in this issue”', async ({
  valise,
}) => {
  const { page } = valise;
  await today(valise, '2026-11-23');
  await valise.open('/issue/2021-the-2021-programming-of-cooperation', 'issue');
  const glance = page.getByRole('complementary', { name: 'In this issue' });
  const workshop = glance.locator('.event-list li', { hasText: 'a regional expert workshop' });
  await expect(workshop).toContainText('Past');
  await expect(workshop).not.toContainText('Coming');
  await expect(workshop).toContainText('announced as coming in the March 2021 issue');
  await expect(glance.locator('.event-list li[data-status="coming"]')).toHaveCount(0);

  await valise.open('/print/issue/2021-the-2021-programming-of-cooperation', 'print-issue');
  const coming = page.locator('.brief-box', { has: page.getByRole('heading', { name: /^Coming events/ }) });
  await expect(coming.getByRole('heading')).toHaveText('Coming events — as announced in this issue');
  await expect(coming).toContainText('A regional expert workshop');
});
