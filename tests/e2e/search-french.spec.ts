import { expect, test } from './support/fixtures';

/** What French diplomats type (#15): French acronyms and French place names, with function words. */
test('ONUDC and “Macédoine du Nord” typed in the search box find UNODC and North Macedonia first', async ({
  valise,
}) => {
  const { page } = valise;
  await valise.screen('library');
  const box = page.getByRole('searchbox', { name: 'Search the archive' });
  await box.pressSequentially('ONUDC');
  await valise.screen('search', { route: '/search?q=ONUDC' });
  const first = page.locator('.hit').first();
  await expect(first.locator('.type-badge')).toHaveText('Organisation');
  await expect(first.locator('.hit-title')).toHaveText('United Nations Office on Drugs and Crime');
  await expect(
    page
      .locator('.hit', { hasText: 'the seminar organised by UNODC in Chisinau' })
      .locator('mark', { hasText: 'UNODC' })
      .first(),
  ).toBeVisible();
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

/** #28: what a French query matched through a translation is marked as such, and the box keeps the query after Back. */
test('« réunions » marks “meetings” as its translation, and Back returns to the results with the query in the box', async ({
  valise,
}) => {
  const { page } = valise;
  await valise.screen('library');
  const box = page.getByRole('searchbox', { name: 'Search the archive' });
  await box.pressSequentially('réunions');
  await valise.screen('search', { route: /^\/search\?q=r.*unions$/ });
  const first = page.locator('.hit').first();
  await expect(first.locator('mark.loose').first()).toHaveText(/^meetings?$/i);
  await expect(first.locator('mark.loose').first()).toHaveAttribute('title', 'for “réunions”');
  // A snippet (not a card's title) ends by saying which typed word its dashed marks were taken for.
  await expect(page.locator('.hit-snippet .loose-note').first()).toHaveText(' (for “réunions”)');
  await page.screenshot({ path: test.info().outputPath(`search-reunions-${valise.host}.png`) });

  await first.locator('.hit-title a').click();
  await expect(page).not.toHaveURL(/\/search/);
  await expect(box).toHaveValue('');
  await page.goBack();
  await valise.screen('search', { route: /^\/search\?q=r.*unions$/ });
  await expect(box).toHaveValue('réunions');
});

test('when the filters alone leave nothing, the hint says so; a figure shows its passage', async ({ valise }) => {
  const { page } = valise;
  await valise.open('/search?q=Kyoto&type=contact', 'search');
  await expect(page.locator('.search-results .quiet').first()).toContainText(
    'Nothing with these filters; without them there are',
  );
  await expect(page.locator('.search-results .quiet').first()).not.toContainText('spelling');
  await page.screenshot({ path: test.info().outputPath(`search-filtered-${valise.host}.png`) });

  await valise.open('/search?q=330%2C000', 'search');
  const figure = page.locator('.hit[data-type="figure"]').first();
  await expect(figure.locator('.hit-title')).toHaveText('over 330,000 dollars');
  await expect(figure.locator('.hit-snippet')).toContainText(
    'France has voluntarily contributed over 330,000 dollars to the UNVTF fund since 2011',
  );
  await expect(figure.locator('.hit-snippet mark')).toHaveText('330,000');
  await page.screenshot({ path: test.info().outputPath(`search-figure-${valise.host}.png`) });
});
