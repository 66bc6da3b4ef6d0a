/**
 * The review shows what was read (#29): the words kept of the PDF's text layer, each page with what
 * came out of it, each section's text, what to look at, and the date in the user's language.
 * The masthead case of tests/corpus, chosen with no corrections, in English and in French.
 */
import { join } from 'node:path';
import { test, expect } from './support/fixtures';

const PDF = join(__dirname, '..', 'corpus', 'masthead', 'masthead.pdf');

test('the review of a PDF says how many words were kept, page by page, and shows each section’s text', async ({
  valise,
}) => {
  const { page } = valise;
  await valise.open('/', 'library');
  await page.getByRole('link', { name: 'Import an issue…' }).click();
  await valise.screen('import');
  await page.locator('input[type=file]').setInputFiles(PDF);
  await expect(page.locator('[data-import-state]')).toHaveAttribute('data-import-state', 'review');
  const words = page.locator('.words-found');
  await expect(words).toContainText(/Kept \d+ of \d+ words \(\d+\.\d %\)/);
  const kept = Number(await words.getAttribute('data-words-kept'));
  const total = Number(await words.getAttribute('data-words-total'));
  expect(kept).toBeGreaterThan(0.95 * total);
  await words.getByText(/^Left out:/).click();
  await expect(words).toContainText('Masthead');
  await expect(words).toContainText('No. 26 — September 2026');
  const pages = page.getByRole('table', { name: 'What each page gave' });
  await expect(pages.getByRole('row')).toHaveCount(3);
  await expect(pages.getByRole('row').nth(1)).toContainText('Labour exploitation moves online');
  await expect(page.getByText('read as September 2026')).toBeVisible();
  await page.locator('.draft-sections summary').first().click();
  await expect(page.locator('.draft-text').first()).toContainText(
    'Dear readers, this autumn the countries of South-East Europe',
  );
  await page.screenshot({ path: test.info().outputPath('review-masthead-en.png'), fullPage: true });

  await valise.open('/settings', 'settings');
  await page.getByRole('radio', { name: 'Français' }).check();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await valise.open('/', 'library');
  await page.getByRole('link', { name: 'Importer un numéro…' }).click();
  await valise.screen('import');
  await page.locator('input[type=file]').setInputFiles(PDF);
  await expect(page.locator('[data-import-state]')).toHaveAttribute('data-import-state', 'review');
  await expect(page.locator('.words-found')).toContainText(/\d+ mots gardés sur \d+ \(\d+,\d %\)/);
  await expect(page.getByText('lue comme septembre 2026')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Ce que chaque page a donné' })).toBeVisible();
  await page.locator('.draft-sections summary').first().click();
  await page.screenshot({ path: test.info().outputPath('review-masthead-fr.png'), fullPage: true });
});
