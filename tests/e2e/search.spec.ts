import { expect, test } from './fixtures';

test('typing a misspelt word shows highlighted results as you type', async ({ valise }) => {
  const { page } = valise;
  await valise.screen('library');
  await page.getByRole('searchbox', { name: 'Search the archive' }).fill('trafficing');
  await valise.screen('search');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Results for “trafficing”');
  const first = page.locator('.hit').first();
  await expect(first.locator('mark').first()).toHaveText(/^traffick/i);
  await page.screenshot({ path: test.info().outputPath(`search-typo-${valise.host}.png`), fullPage: false });
});

test('a passage hit opens the article at that passage', async ({ valise }) => {
  const { page } = valise;
  await valise.open('/search?q=Sarajevo', 'search');
  await page.locator('.hit', { hasText: '2-5 October, Sarajevo' }).getByRole('link').click();
  await valise.screen('article');
  await expect(page.locator('.is-target')).toContainText('Sarajevo');
  await expect(page.locator('.is-target')).toContainText('2-5 October');
});

test('filters narrow the results to one type', async ({ valise }) => {
  const { page } = valise;
  await valise.open('/search?q=trafficking', 'search');
  await page.getByLabel('Type').selectOption('person');
  await valise.screen('search');
  await expect(page.locator('.hit').first()).toBeVisible();
  for (const badge of await page.locator('.hit .type-badge').allTextContents()) expect(badge).toBe('Person');
});

test('Ctrl+K opens the palette; the keyboard picks a person and opens their page', async ({ valise }) => {
  const { page } = valise;
  await valise.screen('library');
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Quick search' });
  await expect(palette).toBeVisible();
  await page.keyboard.type('wallstrom');
  await expect(palette.getByRole('option').first()).toContainText('Margot Wallström');
  await page.screenshot({ path: test.info().outputPath(`palette-${valise.host}.png`) });
  await page.keyboard.press('Enter');
  await valise.screen('entity');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Margot Wallström');
  await expect(page.locator('.mentions li').first()).toContainText('Wallström');
});

test('odd input gets a hint, not an error', async ({ valise }) => {
  const { page } = valise;
  await valise.open('/search?q=%7E%7E%7E', 'search');
  await expect(page.getByText('Type a word, a name, a place or a date to search.')).toBeVisible();
});
