/**
 * The review screen for PDFs made by real engines (#16): a pdfLaTeX issue and a LibreOffice Writer
 * issue from tests/corpus, chosen with no corrections, show the sections written in their sources.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './support/fixtures';

const CORPUS = join(__dirname, '..', 'corpus');
const expected = (
  JSON.parse(readFileSync(join(CORPUS, 'expected.json'), 'utf8')) as { pdfs: { file: string; sections: string[] }[] }
).pdfs;

for (const file of ['latex/issue-14.pdf', 'writer/issue-15.pdf']) {
  test(`the review of ${file} lists the sections of its source`, async ({ valise }) => {
    const { page } = valise;
    const { sections } = expected.find((e) => e.file === file)!;
    await valise.open('/', 'library');
    await page.getByRole('link', { name: 'Import an issue…' }).click();
    await valise.screen('import');
    await page.locator('input[type=file]').setInputFiles(join(CORPUS, file));
    await expect(page.locator('[data-import-state]')).toHaveAttribute('data-import-state', 'review');
    await expect(page.locator('.draft-sections > li')).toHaveCount(sections.length);
    for (const title of sections) await expect(page.locator('.draft-sections')).toContainText(title);
    await page.screenshot({ path: test.info().outputPath(`review-${file.replace('/', '-')}.png`), fullPage: true });
  });
}
