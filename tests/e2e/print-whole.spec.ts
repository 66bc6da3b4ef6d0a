/**
 * The whole issue on paper (#17), printed to PDF through Chromium: every section in order with its
 * boxes, quotes and calendar tables; a table of contents whose page numbers are the pages each
 * section's heading is printed on, read back page by page with pdftotext; no heading left alone
 * at the foot of a page; running headers cut at a whole word with an ellipsis.
 */
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { tempDir } from '../support/content';
import { clickMenu, dialogCalls, stubDialogs } from './support/electron-main';
import { expect, test, type Valise } from './support/fixtures';

const flat = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();
const FOOTER = /^valise — fight against human trafficking in south-east europe/;

interface Entry {
  key: string;
  page: number;
}

/** Prints the current view to PDF; each page's text (pdftotext -layout, one page at a time). */
async function printPages(valise: Valise, name: string): Promise<string[]> {
  await valise.page.emulateMedia({ media: 'print' });
  const file = test.info().outputPath(`${name}.pdf`);
  await valise.page.pdf({ path: file, preferCSSPageSize: true, printBackground: false });
  const count = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
  execFileSync('pdftoppm', ['-png', '-r', '60', file, test.info().outputPath(name)]);
  return Array.from({ length: count }, (_, i) =>
    execFileSync('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), file, '-'], { encoding: 'utf8' }),
  );
}

async function printWhole(
  valise: Valise,
  key: string,
): Promise<{ pages: string[]; toc: Entry[]; titles: Map<string, string> }> {
  const { page } = valise;
  await valise.open(`/print/whole/${key}`, 'print-whole');
  await expect(page.locator('.whole-issue')).toHaveAttribute('data-paginated', 'true');
  const toc = await page.locator('[data-toc-entry]').evaluateAll((items) =>
    items.map((li) => ({
      key: li.getAttribute('data-toc-entry')!,
      page: Number(li.querySelector('.toc-page')!.textContent),
    })),
  );
  const reply = (await valise.rawInvoke('content:getIssue', { key })) as {
    value: { sections: { key: string; title: string }[] };
  };
  const titles = new Map(reply.value.sections.map((s) => [s.key, s.title]));
  return { pages: await printPages(valise, `whole-${key}`), toc, titles };
}

/**
 * Where a title is printed as a heading: pages after the cover on which it fills whole lines of
 * its own (not a phrase inside a paragraph), with the lines printed after it on that page, footer
 * excepted. The cover (page 1) holds the title and the contents, and the 2018 issue's
 * first section bears the issue's own title.
 */
function headings(pages: string[], title: string): { page: number; after: string[] }[] {
  const want = flat(title);
  const found: { page: number; after: string[] }[] = [];
  pages.forEach((text, i) => {
    if (i === 0) return;
    const lines = text.split('\n').map(flat).filter(Boolean);
    for (let a = 0; a < lines.length; a++) {
      let joined = '';
      for (let b = a; b < lines.length && joined.length < want.length; b++) {
        joined = joined ? `${joined} ${lines[b]}` : lines[b]!;
        if (joined === want)
          found.push({
            page: i + 1,
            after: lines.slice(b + 1).filter((l) => !FOOTER.test(l) && !/^\d+ \/ \d+$/.test(l)),
          });
      }
    }
  });
  return found;
}

function inOrder(text: string, parts: string[]) {
  const all = flat(text);
  let at = 0;
  for (const part of parts.map(flat)) {
    const found = all.indexOf(part, at);
    expect(found, `“${part}” after position ${at}`).toBeGreaterThanOrEqual(0);
    at = found + part.length;
  }
}

for (const key of ['2021-the-2021-programming-of-cooperation', '2018-no-10']) {
  test(`the whole issue ${key}: its contents give the pages its sections are printed on, and no heading ends a page`, async ({
    valise,
  }) => {
    const { pages, toc, titles } = await printWhole(valise, key);
    expect(toc.length).toBe(titles.size);
    expect(toc.length).toBeGreaterThan(8);
    expect(pages.length).toBeGreaterThan(5);
    // The contents are on page 1, in the order, with numbers that never go back.
    expect(toc.map((e) => e.key)).toEqual([...titles.keys()]);
    for (const [i, entry] of toc.entries()) {
      expect(entry.page, entry.key).toBeGreaterThanOrEqual(i === 0 ? 2 : toc[i - 1]!.page);
      const printed = headings(pages, titles.get(entry.key)!);
      // Printed once as a heading, on the page the contents say, whose footer says that page.
      expect(
        printed.map((h) => h.page),
        `${entry.key}: pages where its heading is printed`,
      ).toEqual([entry.page]);
      expect(pages[entry.page - 1], `footer of page ${entry.page}`).toContain(`${entry.page} / ${pages.length}`);
      // Not orphaned: text of its own follows the heading on that page.
      expect(printed[0]!.after.length, `${entry.key}: lines after its heading on page ${entry.page}`).toBeGreaterThan(
        0,
      );
    }
    expect(flat(pages[0]!)).toContain(flat('Contents'));
  });
}

test('on US Letter in landscape the contents are measured again and still give the printed pages', async ({
  valise,
}) => {
  const { page } = valise;
  const key = '2021-the-2021-programming-of-cooperation';
  const { toc: a4 } = await printWhole(valise, key);
  await page.emulateMedia({ media: 'screen' });
  await page.getByLabel('Paper').selectOption('letter');
  await page.getByLabel('Orientation').selectOption('landscape');
  await expect(page.locator('.whole-issue')).toHaveAttribute('data-paginated', 'true');
  const toc = await page.locator('[data-toc-entry]').evaluateAll((items) =>
    items.map((li) => ({
      key: li.getAttribute('data-toc-entry')!,
      page: Number(li.querySelector('.toc-page')!.textContent),
    })),
  );
  const reply = (await valise.rawInvoke('content:getIssue', { key })) as {
    value: { sections: { key: string; title: string }[] };
  };
  const titles = new Map(reply.value.sections.map((s) => [s.key, s.title]));
  const pages = await printPages(valise, 'whole-letter-landscape');
  // Wider, shorter pages: more of them, and other numbers than on A4.
  expect(toc.map((e) => e.page)).not.toEqual(a4.map((e) => e.page));
  for (const entry of toc) {
    expect(
      headings(pages, titles.get(entry.key)!).map((h) => h.page),
      entry.key,
    ).toEqual([entry.page]);
  }
});

test('the whole issue prints every section in order, with its boxes, quotes and calendar tables', async ({
  valise,
}) => {
  const { pages: p2021 } = await printWhole(valise, '2021-the-2021-programming-of-cooperation');
  inOrder(p2021.slice(1).join('\n'), [
    'AMBASSADOR-AT-LARGE FOR THE FIGHT AGAINST TRANSNATIONAL CRIMINAL THREATS',
    'Trafficking in human beings is one of the worst possible crimes',
    'MEthodology',
    'The joint Franco-Swedish strategy to combat trafficking',
    // The quote of the Franco-Swedish strategy, as a quote.
    '“The main focus of our common strategy will be the need to reduce the demand',
    'Priority 5',
    'child trafficking',
    '14th un congress on crime prevention and criminal justice',
    'the side event concerning the UN voluntary trust fund',
  ]);
  const { pages: p2018 } = await printWhole(valise, '2018-no-10');
  const text = p2018.slice(1).join('\n');
  // The Chisinau article's calendar, as tables with their captions, after its running text.
  inOrder(text, [
    'the seminar organised by UNODC in Chisinau',
    'From 5-7 June 2018, Moldova hosted',
    'En bref',
    '16-19 April',
    'Romania',
    'À venir',
    '30 October - 2 November',
  ]);
  // The key figures box and the contact box are there too.
  expect(flat(text)).toContain(flat('€1,830,000'));
  expect(flat(text)).toContain('caroline-marie.charpentier@diplomatie.gouv.fr');
  await expect(valise.page.locator('.whole-issue .side-box')).not.toHaveCount(0);
});

test('running headers fit: a long title is cut after a whole word with an ellipsis, the date beside it', async ({
  valise,
}) => {
  const key = '2021-the-2021-programming-of-cooperation/smuggling-of-migrants-for-the-purpose';
  await valise.open(`/print/read/${key}`, 'article');
  const title = (await valise.page.locator('h1').textContent())!;
  expect(title.length).toBeGreaterThan(150);
  const pages = await printPages(valise, 'running-header');
  for (const [i, text] of pages.entries()) {
    const header = text
      .split('\n')
      .find((l) => l.trim())!
      .trim();
    const [printed, date] = header.split(/\s{2,}/);
    expect(date, `page ${i + 1}: the date on the header's line`).toBe('Printed from Valise');
    expect(printed!.endsWith('…'), printed).toBe(true);
    const words = printed!.slice(0, -1).split(' ');
    expect(words.length).toBeGreaterThan(5);
    // Whole words of the title, in order: never “…in sout”.
    expect(title.split(/\s+/).slice(0, words.length)).toEqual(words);
  }
  // The whole issue's title fits on A4 and is printed whole.
  const { pages: whole } = await printWhole(valise, '2021-the-2021-programming-of-cooperation');
  expect(flat(whole[1]!.split('\n')[0]!)).toBe(
    flat(
      'The 2021 programming of cooperation actions in the fight against human trafficking in south-eastern europe March 2021',
    ),
  );
});

test('the issue screen offers the whole issue for print', async ({ valise }) => {
  const { page } = valise;
  await valise.open('/issue/2018-no-10', 'issue');
  await page.getByRole('link', { name: 'Print the whole issue…' }).click();
  await valise.screen('print-whole', { route: '/print/whole/2018-no-10' });
  await expect(
    page.getByRole('toolbar', { name: 'Print preview' }).getByRole('button', { name: 'Print…' }),
  ).toBeVisible();
  await expect(page.locator('.whole-issue')).toHaveAttribute('data-paginated', 'true');
  const serious = (await new AxeBuilder({ page }).analyze()).violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await page.screenshot({ path: test.info().outputPath(`whole-preview-${valise.host}.png`) });
});

/**
 * In Electron the whole issue is saved as PDF like every print view: File › Save as PDF… runs
 * printToPDF on the page as it stands (A4 unless the page says otherwise, the page's own @page
 * rules), so the contents measured in the page are those of the file. Runs on the Electron host
 * only (skipped here, where Electron's binary cannot be installed).
 */
test(
  'File › Save as PDF… on the whole issue writes a PDF whose contents give its pages',
  { tag: '@electron' },
  async ({ valise }) => {
    const { page } = valise;
    const app = valise.electronApp!;
    const key = '2021-the-2021-programming-of-cooperation';
    await valise.open(`/print/whole/${key}`, 'print-whole');
    await expect(page.locator('.whole-issue')).toHaveAttribute('data-paginated', 'true');
    const toc = await page.locator('[data-toc-entry]').evaluateAll((items) =>
      items.map((li) => ({
        key: li.getAttribute('data-toc-entry')!,
        page: Number(li.querySelector('.toc-page')!.textContent),
      })),
    );
    const reply = (await valise.rawInvoke('content:getIssue', { key })) as {
      value: { title: string; sections: { key: string; title: string }[] };
    };
    const file = join(tempDir(), 'whole-issue.pdf');
    await stubDialogs(app, { save: file });
    await clickMenu(app, ['File', 'Save as PDF…']);
    await expect(page.locator('.app-notices')).toContainText(`Saved ${file}`);
    expect((await dialogCalls(app))[0]!.options).toMatchObject({ defaultPath: `${reply.value.title}.pdf` });
    const count = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
    const pages = Array.from({ length: count }, (_, i) =>
      execFileSync('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), file, '-'], { encoding: 'utf8' }),
    );
    for (const section of reply.value.sections) {
      expect(
        headings(pages, section.title).map((h) => h.page),
        section.key,
      ).toEqual([toc.find((e) => e.key === section.key)!.page]);
    }
  },
);
