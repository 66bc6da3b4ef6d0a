/**
 * Importing from the page: a PDF laid out from a bundled issue is chosen, reviewed, corrected and
 * saved; it is then listed, readable and searchable, and its removal leaves its bookmark orphaned.
 * A file that is not an issue is refused with the reason.
 */
import AxeBuilder from '@axe-core/playwright';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './support/fixtures';
import { ASSETS, tempDir } from '../support/content';
import { newsletterPdf } from '../support/newsletter-pdf';

test('a PDF is reviewed, corrected, saved, read, searched and removed', async ({ valise }) => {
  const { page } = valise;
  const dir = tempDir();
  const { pdf } = await newsletterPdf(join(ASSETS, '000_1e644c5006785efa.txt'));
  writeFileSync(join(dir, 'summer-2018.pdf'), pdf);
  const bundled = (
    (await valise.rawInvoke('content:getIssue', { key: '2018-no-10' })) as { value: { sections: { title: string }[] } }
  ).value;

  await valise.open('/', 'library');
  await page.getByRole('link', { name: 'Import an issue…' }).click();
  await valise.screen('import');
  await page.locator('input[type=file]').setInputFiles(join(dir, 'summer-2018.pdf'));
  const screen = page.locator('[data-import-state]');
  await expect(screen).toHaveAttribute('data-import-state', 'review');
  await expect(page.locator('.draft-sections > li')).toHaveCount(bundled.sections.length);
  await expect(page.getByText('summer-2018.pdf: 11 pages read.')).toBeVisible();
  await expect(page.locator('.draft summary', { hasText: 'People' })).toContainText(/People \d+/);
  await expect(page.locator('.duplicate legend')).toContainText('is already in your library');
  await expect(page.getByLabel('Replace it')).toBeDisabled();

  // A title that is not words of the issue is refused, with the reason, and the review stays.
  await page.getByLabel('Title').fill('Summer 2018, as imported');
  await page.getByLabel('Number').fill('');
  await page.getByRole('button', { name: 'Apply corrections' }).click();
  await expect(page.locator('[data-refused-correction]')).toHaveText(
    'The title “Summer 2018, as imported” was refused: a title is made of the issue’s own words, and these are not in its text: summer, imported.',
  );
  await expect(screen).toHaveAttribute('data-import-state', 'review');
  await page.screenshot({ path: test.info().outputPath('import-title-refused.png'), fullPage: true });
  await page.getByLabel('Title').fill('Multilateral strategy against trafficking');
  await page.getByRole('button', { name: 'Apply corrections' }).click();
  await expect(page.locator('[data-refused-correction]')).toHaveCount(0);
  await expect(page.locator('.draft-facts code')).toHaveText('2018-multilateral-strategy-against-trafficking');
  await expect(page.locator('.duplicate')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('import-review.png'), fullPage: true });
  const serious = (await new AxeBuilder({ page }).analyze()).violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  await page.getByRole('button', { name: 'Save to library' }).click();
  await expect(screen).toHaveAttribute('data-import-state', 'saved');
  await page.getByRole('link', { name: 'Open the issue' }).click();
  await valise.screen('issue');
  await expect(page.locator('h1')).toContainText('Multilateral strategy against trafficking');

  const hits = (await valise.rawInvoke('search:query', { query: 'Charpentier' })) as {
    value: { hits: { issue: string | null }[] };
  };
  expect(hits.value.hits.some((h) => h.issue === '2018-multilateral-strategy-against-trafficking')).toBe(true);
  const issue = (await valise.rawInvoke('content:getIssue', {
    key: '2018-multilateral-strategy-against-trafficking',
  })) as { value: { sections: { paragraphs: { key: string }[] }[] } };
  await valise.rawInvoke('bookmarks:add', { key: issue.value.sections[1]!.paragraphs[0]!.key });

  await valise.open('/', 'library');
  const card = page.locator('[data-issue="2018-multilateral-strategy-against-trafficking"]');
  await expect(card.locator('.badge')).toHaveText('Imported');
  await page.screenshot({ path: test.info().outputPath('library-with-import.png'), fullPage: true });
  await card.getByRole('button', { name: 'Remove from library…' }).click();
  await card.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('1 bookmark of it is kept');
  await expect(card).toHaveCount(0);
  await valise.open('/bookmarks', 'bookmarks');
  await expect(page.locator('.orphan-badge')).toHaveCount(1);
});

test('an unsigned pack is refused, and the screen says once that nothing was changed', async ({ valise }) => {
  const { page } = valise;
  const dir = tempDir();
  writeFileSync(join(dir, 'issues.valise'), 'VALISE-PACK 1\n{}\n');
  await valise.open('/import', 'import');
  await page.locator('input[type=file]').setInputFiles(join(dir, 'issues.valise'));
  await expect(page.locator('[data-import-state]')).toHaveAttribute('data-import-state', 'failed');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('This pack is refused: it is not signed.');
  expect((await alert.innerText()).match(/nothing (in your library )?was changed/gi)).toHaveLength(1);
});

test('a file that is not an issue is refused with the reason, and the library is unchanged', async ({ valise }) => {
  const { page } = valise;
  const dir = tempDir();
  writeFileSync(join(dir, 'scan.pdf'), Buffer.from('%PDF-1.7\n% a picture, cut short'));
  await valise.open('/import', 'import');
  await page.locator('input[type=file]').setInputFiles(join(dir, 'scan.pdf'));
  await expect(page.locator('[data-import-state]')).toHaveAttribute('data-import-state', 'failed');
  await expect(page.getByRole('alert')).toContainText('This PDF is truncated');
  await expect(page.getByRole('alert')).toContainText('Nothing in your library was changed.');
  await page.screenshot({ path: test.info().outputPath('import-refused.png') });
  await page.getByRole('button', { name: 'Choose another file' }).click();
  await expect(page.locator('[data-import-state]')).toHaveAttribute('data-import-state', 'choose');
});
