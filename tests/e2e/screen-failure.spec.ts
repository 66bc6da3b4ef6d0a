/**
 * A screen whose code cannot be loaded (a lazy chunk refused or damaged) or that throws while it
 * renders shows a clear message inside the shell, never a blank window; the other screens still
 * work (#26 split the renderer by route).
 */
import { expect, test } from './support/fixtures';

test('a screen whose code fails to load says so, the app goes on, and a later visit loads it', async ({ valise }) => {
  test.skip(valise.host === 'electron', 'app:// is served by main, not through the network Playwright intercepts');
  const { page } = valise;
  await valise.screen('library');
  await page.route(/\/assets\/Calendar\.dom-[^/]+\.js$/, (route) => route.abort('failed'));
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Calendar' }).click();
  await expect(page.locator('main[data-screen="failed"] [role="alert"]')).toContainText(
    'This screen could not be shown.',
  );
  await expect(page.getByRole('banner')).toBeVisible();
  await page.getByRole('link', { name: 'Back to the library' }).click();
  await valise.screen('library');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Bookmarks' }).click();
  await valise.screen('bookmarks');
  await page.unroute(/\/assets\/Calendar\.dom-[^/]+\.js$/);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Calendar' }).click();
  await valise.screen('calendar');
});
