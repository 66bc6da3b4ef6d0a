/**
 * Printed summaries, as PDF through Chromium: the expected titles, dates, figures and contacts are
 * there, in order, within a page count; every summary sentence is the newsletter's own.
 */
import { execFileSync } from 'node:child_process';
import { expect, test, type Valise } from './fixtures';

async function printToPdf(valise: Valise, route: string, screen: string, name: string): Promise<{ text: string; pages: number; file: string }> {
  await valise.open(route, screen);
  await valise.page.emulateMedia({ media: 'print' });
  const file = test.info().outputPath(`${name}.pdf`);
  await valise.page.pdf({ path: file, preferCSSPageSize: true, printBackground: false });
  const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
  execFileSync('pdftoppm', ['-png', '-r', '60', file, test.info().outputPath(name)]);
  return { text, pages, file };
}

function inOrder(text: string, parts: string[]) {
  // Headings print in capitals: compare without case.
  const flat = text.replace(/\s+/g, ' ').toLowerCase();
  let at = 0;
  for (const part of parts.map((p) => p.toLowerCase())) {
    const found = flat.indexOf(part, at);
    expect(found, `“${part}” after position ${at}`).toBeGreaterThanOrEqual(0);
    at = found + part.length;
  }
}

test('an issue brief: title, date, sections in order, key figures, contacts, events, on two pages at most', async ({ valise }) => {
  const { text, pages } = await printToPdf(valise, '/print/issue/2018-no-10', 'print-issue', 'brief-2018');
  inOrder(text, [
    'France’s multilateral commitment in the fight against human trafficking',
    'No. 10',
    'PERSPECTIVES ON MULTILATERALISM',
    'the seminar organised by UNODC in Chisinau',
    'Contact',
    'Key figures',
    '€1,830,000',
    'Contacts',
    'caroline-marie.charpentier@diplomatie.gouv.fr',
    'Coming events',
    '25 – 28 September 2018',
    'Past events',
  ]);
  expect(pages).toBeLessThanOrEqual(2);
  expect(text).toMatch(/1 \/ 2|1 \/ 1/);
});

test('every sentence of a brief is the newsletter’s own', async ({ valise }) => {
  for (const key of ['2018-no-10', '2021-the-2021-programming-of-cooperation']) {
    await valise.open(`/print/issue/${key}`, 'print-issue');
    const sentences = await valise.page.locator('.summary-sentence').allTextContents();
    expect(sentences.length).toBeGreaterThan(5);
    const reply = (await valise.rawInvoke('content:getIssue', { key })) as { value: { sections: { paragraphs: { text: string }[] }[] } };
    const archive = reply.value.sections.flatMap((s) => s.paragraphs.map((p) => p.text));
    for (const sentence of sentences) expect(archive.some((p) => p.includes(sentence)), sentence).toBe(true);
    // The same issue always gives the same brief.
    await valise.page.reload();
    await valise.screen('print-issue');
    expect(await valise.page.locator('.summary-sentence').allTextContents()).toEqual(sentences);
  }
});

test('an article prints as read, with its boxes', async ({ valise }) => {
  const { text, pages } = await printToPdf(valise, '/print/read/2018-no-10/the-seminar-organised-by-unodc-in', 'article', 'article-chisinau');
  inOrder(text, ['the seminar organised by UNODC in Chisinau', 'From 5-7 June 2018, Moldova hosted', 'En bref', '16-19 April', 'À venir', '30 October - 2 November']);
  expect(pages).toBeLessThanOrEqual(3);
  expect(text).not.toContain('Skip to content');
  expect(text).not.toContain('Bookmark');
});

test('a person’s page prints', async ({ valise }) => {
  const { text } = await printToPdf(valise, '/print/entity/person/caroline-charpentier', 'entity', 'person');
  inOrder(text, ['Caroline Charpentier', 'French magistrate in charge of coordinating', 'caroline-marie.charpentier@diplomatie.gouv.fr']);
});

test('a trip dossier gathers the bookmarks of a tag: people with contacts, events in date order, notes, passages with their source', async ({ valise }) => {
  await valise.clearBookmarks();
  const add = async (key: string, note = '') => {
    const reply = (await valise.rawInvoke('bookmarks:add', { key })) as { value: { id: number } };
    await valise.rawInvoke('bookmarks:update', { id: reply.value.id, tags: ['Tirana trip'], note });
  };
  await add('person/caroline-charpentier', 'Call before leaving');
  await add('event/2018-09-25-follow-up-to-technical-cooperation');
  await add('event/2018-06-05-an-interregional-seminar', 'Ask about the **recommendations**');
  await add('2018-no-10/the-seminar-organised-by-unodc-in/from-5-7-june-2018');
  await valise.rawInvoke('bookmarks:add', { key: 'person/ghada-waly' });
  const { text, pages } = await printToPdf(valise, '/print/dossier?tag=Tirana+trip', 'print-dossier', 'dossier');
  inOrder(text, ['Trip dossier', 'Caroline Charpentier', 'caroline-marie.charpentier@diplomatie.gouv.fr', 'Call before leaving', 'Events', '5', 'June 2018', 'an interregional seminar', 'recommendations', '25', 'September 2018', 'Passages', 'From 5-7 June 2018, Moldova hosted', 'page 11']);
  expect(text).not.toContain('Ghada Waly');
  expect(pages).toBeLessThanOrEqual(2);
});

test('a dossier with no matching bookmark says so instead of printing an empty page', async ({ valise }) => {
  await valise.open('/print/dossier?tag=nowhere', 'print-dossier');
  await expect(valise.page.getByRole('status')).toContainText('nothing to print');
  await expect(valise.page.getByRole('button', { name: 'Print…' })).toHaveCount(0);
});

test('the preview offers paper size and orientation', async ({ valise }) => {
  const { page } = valise;
  await valise.open('/print/issue/2018-no-10', 'print-issue');
  await page.getByLabel('Paper').selectOption('letter');
  await page.getByLabel('Orientation').selectOption('landscape');
  await expect(page.locator('.print-preview')).toHaveClass(/paper-letter/);
  const file = test.info().outputPath('letter.pdf');
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: file, preferCSSPageSize: true });
  const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))!;
  expect([Math.round(Number(size[1])), Math.round(Number(size[2]))]).toEqual([792, 612]);
});
