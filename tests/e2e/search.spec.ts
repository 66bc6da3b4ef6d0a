import { expect, test } from './support/fixtures';

test('typing a misspelt word shows highlighted results as you type', async ({ valise }) => {
  const { page } = valise;
  await valise.screen('library');
  const box = page.getByRole('searchbox', { name: 'Search the archive' });
  // Key by key, as a person types (one input event a key), with no Enter: the results of the
  // first letters are on the screen before the rest is typed, and follow the next keys.
  await box.pressSequentially('traff');
  await valise.screen('search', { route: '/search?q=traff' });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Results for “traff”');
  await expect(page.locator('.hit').first().locator('mark').first()).toHaveText(/^traff/i);
  await box.pressSequentially('icing');
  await expect(box, 'no key lost while the results changed under it').toHaveValue('trafficing');
  await expect(box).toBeFocused();
  await valise.screen('search', { route: '/search?q=trafficing' });
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
  const badges = page.locator('.hit .type-badge');
  const before = await badges.allTextContents();
  expect(before.filter((b) => b === 'Person').length, 'people among all the results').toBeGreaterThan(0);
  expect(
    before.filter((b) => b !== 'Person').length,
    'other types among all the results, for the filter to remove',
  ).toBeGreaterThan(0);
  await page.getByLabel('Type').selectOption('person');
  // The same screen, for the new query: the unfiltered one was “ready” too.
  await valise.screen('search', { route: '/search?q=trafficking&type=person' });
  const after = await badges.allTextContents();
  expect(after.length, 'people found').toBeGreaterThan(0);
  expect(new Set(after)).toEqual(new Set(['Person']));
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
