/**
 * A country dossier for a trip (#17): everything the archive says about one country, across all
 * issues — people, organisations, events in date order, and the passages naming it with their
 * source — printed to PDF through Chromium and read back with pdftotext.
 */
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { expect, test } from './support/fixtures';

const flat = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

test('a country dossier gathers people, organisations, events in date order and every passage naming the country, from both issues', async ({
  valise,
}) => {
  const { page } = valise;
  await page.clock.setFixedTime(new Date('2026-11-23T12:00:00'));
  await page.reload();
  await valise.screen('library');
  await valise.open('/entity/country/romania', 'entity');
  await page.getByRole('link', { name: 'Print a country dossier…' }).click();
  await valise.screen('print-country', { route: '/print/country/country/romania' });

  // Every passage the archive has for Romania, each once, with its issue and section.
  const reply = (await valise.rawInvoke('content:getEntity', { key: 'country/romania' })) as {
    value: { mentions: { text: string; issueKey: string }[] };
  };
  const mentions = reply.value.mentions;
  expect(new Set(mentions.map((m) => m.issueKey))).toEqual(
    new Set(['2018-no-10', '2021-the-2021-programming-of-cooperation']),
  );
  const passages = page.locator('[data-part="passages"] figure');
  await expect(passages).toHaveCount(mentions.length);
  await expect(passages.first().locator('figcaption')).toContainText(
    'France’s multilateral commitment in the fight against human trafficking',
  );

  // Events held in Romania in date order, written out from the two issues: 16-19 April 2018 (the
  // 2018 calendar, “Romania”), then 8 March 2021 (the round table the embassies in Romania
  // organised). The archive lists them in another order, so the dossier's own sort puts them so.
  // Apart, an event held elsewhere whose passage names Romania: 14-18 May 2018, the CCPCJ in
  // Vienna, where the Franco-Romanian resolution was adopted (#24).
  const events = page.locator('[data-part="events"] tr');
  expect(await events.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-start')))).toEqual([
    '2018-04-16',
    '2021-03-08',
  ]);
  await expect(events.nth(0)).toContainText('Meetings with enforcement and judicial authorities');
  await expect(events.nth(1)).toContainText('A round table on human trafficking for sexual exploitation');
  const mentioning = page.locator('[data-part="events-mentioning"] tr');
  expect(await mentioning.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-start')))).toEqual(['2018-05-14']);
  await expect(mentioning.first()).toContainText('Vienna, Austria');
  // Against today (23 November 2026), all are past.
  await expect(page.locator('[data-part="events"] tr[data-status="coming"]')).toHaveCount(0);

  // People and organisations met in Romania's passages.
  await expect(page.locator('[data-part="people"]')).toContainText('Laurence Auer');
  await expect(page.locator('[data-part="people"]')).toContainText('Bogdan Despescu');
  await expect(page.locator('[data-part="organisations"]')).toContainText(
    'Romanian Agency Against Trafficking in Persons',
  );

  const serious = (await new AxeBuilder({ page }).analyze()).violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  await page.emulateMedia({ media: 'print' });
  const file = test.info().outputPath('country-romania.pdf');
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: false });
  const text = flat(execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }));
  execFileSync('pdftoppm', ['-png', '-r', '60', file, test.info().outputPath('country-romania')]);
  for (const part of ['Country dossier: Romania', 'People', 'Laurence Auer', 'Organisations', 'Events', 'Passages'])
    expect(text).toContain(flat(part));
  for (const m of mentions) expect(text, m.text.slice(0, 60)).toContain(flat(m.text).slice(0, 60));
});
