import { expect, test } from './support/fixtures';

test('the library lists every issue, newest first, with its sections', async ({ valise }) => {
  const { page } = valise;
  await valise.screen('library');
  const cards = page
    .getByRole('list', { name: 'Issues' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading') });
  await expect(cards).toHaveCount(2);
  await expect(cards.nth(0).getByRole('heading')).toHaveText(/2021 programming of cooperation actions/);
  await expect(cards.nth(0)).toContainText('March 2021');
  await expect(cards.nth(1).getByRole('heading')).toHaveText(
    'France’s multilateral commitment in the fight against human trafficking',
  );
  await expect(cards.nth(1)).toContainText('No. 10');
  await expect(cards.nth(1)).toContainText('the seminar organised by UNODC in Chisinau');
  await page.screenshot({ path: test.info().outputPath(`library-${valise.host}.png`), fullPage: true });
});

test('opening an issue shows its title and its sections with their pages', async ({ valise }) => {
  const { page } = valise;
  await valise.screen('library');
  await page
    .getByRole('heading', { name: 'France’s multilateral commitment in the fight against human trafficking' })
    .getByRole('link')
    .click();
  await valise.screen('issue');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'France’s multilateral commitment in the fight against human trafficking',
  );
  const chisinau = page.getByRole('link', { name: /the seminar organised by UNODC in Chisinau/ });
  await expect(chisinau).toContainText('11');
  await expect(page.locator('.toc li')).toHaveCount(9);
  await page.screenshot({ path: test.info().outputPath(`issue-${valise.host}.png`), fullPage: true });

  await chisinau.click();
  await valise.screen('article');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('…the seminar organised by UNODC in Chisinau');
  await expect(page.locator('.prose')).toContainText('From 5-7 June 2018, Moldova hosted an interregional seminar');
});

test('a stale link shows a not-found screen with a way back', async ({ valise }) => {
  const { page } = valise;
  await valise.open('/issue/1999-no-99', 'issue', { expectError: true });
  await expect(page.getByRole('alert')).toContainText('No issue has the key “1999-no-99”');
  await page.getByRole('link', { name: 'Back to the library' }).click();
  await valise.screen('library');
});

test('an article draws its side boxes, quotes and calendar as what they are', async ({ valise }) => {
  const { page } = valise;
  await valise.open('/read/2018-no-10/the-seminar-organised-by-unodc-in', 'article');
  const calendar = page.getByRole('complementary', { name: 'Calendar' });
  const coming = calendar.getByRole('table', { name: 'À venir' });
  await expect(coming.getByRole('row')).toHaveCount(6);
  const albania = calendar.getByRole('table', { name: 'En bref' }).getByRole('row', { name: /Albania/ });
  await expect(albania.getByRole('cell')).toHaveText([
    '9-12 July',
    'Albania',
    'follow-up to institutional technical meetings with civil society.',
  ]);
  await page.screenshot({ path: test.info().outputPath(`article-calendar-${valise.host}.png`), fullPage: true });

  await valise.open('/read/2018-no-10/frances-multilateral-commitment-in-the-fight', 'article');
  await expect(page.getByRole('complementary', { name: 'Key figures' })).toContainText('€163,500 per year');
  await valise.open('/read/2018-no-10/perspectives-on-multilateralism', 'article');
  await expect(page.locator('blockquote').first()).toContainText('In a world as interdependent as ours');
  await page.screenshot({ path: test.info().outputPath(`article-quotes-${valise.host}.png`), fullPage: true });
});
