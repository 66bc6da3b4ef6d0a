import { expect, test } from './fixtures';

/** What French diplomats type (#15): French acronyms and French place names, with function words. */
test('ONUDC and “Macédoine du Nord” typed in the search box find UNODC and North Macedonia first', async ({ valise }) => {
  const { page } = valise;
  await valise.screen('library');
  const box = page.getByRole('searchbox', { name: 'Search the archive' });
  await box.pressSequentially('ONUDC');
  await valise.screen('search', { route: '/search?q=ONUDC' });
  const first = page.locator('.hit').first();
  await expect(first.locator('.type-badge')).toHaveText('Organisation');
  await expect(first.locator('.hit-title')).toHaveText('United Nations Office on Drugs and Crime');
  await expect(page.locator('.hit', { hasText: 'the seminar organised by UNODC in Chisinau' }).locator('mark', { hasText: 'UNODC' }).first()).toBeVisible();
  await page.screenshot({ path: test.info().outputPath(`search-onudc-${valise.host}.png`) });

  await box.fill('');
  await box.pressSequentially('Macédoine du Nord');
  await valise.screen('search', { route: /^\/search\?q=Mac.*Nord$/ });
  await expect(first.locator('.type-badge')).toHaveText('Country');
  await expect(first.locator('.hit-title')).toHaveText('North Macedonia');
  // “du” is not searched: Les amis du bus des femmes shares nothing else with the query.
  await expect(page.locator('.hit', { hasText: 'Les amis du bus des femmes' })).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath(`search-macedoine-du-nord-${valise.host}.png`) });
});
