/**
 * Tagging several bookmarks at once, in the app's own dialog (#23): window.prompt, which the
 * screen used, throws in Electron (electron/electron#472), so "Tag…" worked only in a browser.
 * Operated from the keyboard alone, in English and in French, and checked with axe.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Valise } from './support/fixtures';

const KEYS = ['person/ghada-waly', 'country/albania'];

/** Two bookmarks, on the bookmarks screen, both selected (`selectAll`: the box's name in the interface language). */
async function bookmarksSelected(valise: Valise, selectAll = 'Select all shown') {
  for (const key of KEYS) await valise.rawInvoke('bookmarks:add', { key });
  await valise.open('/bookmarks', 'bookmarks');
  await valise.page.getByLabel(selectAll).check();
}

async function seriousAxe(valise: Valise): Promise<string[]> {
  const results = await new AxeBuilder({ page: valise.page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help}`);
}

test('Tag… asks in a dialog of the app, from the keyboard: Enter adds the tag to each selected bookmark, Escape adds nothing', async ({
  valise,
}) => {
  const { page } = valise;
  await bookmarksSelected(valise);
  const tagButton = page.getByRole('button', { name: 'Tag…' });

  // Escape: nothing is added, and focus is back on the button.
  await tagButton.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Tag the selected bookmarks' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('2 selected');
  const field = dialog.getByLabel('Tag to add to the selected bookmarks');
  await expect(field).toBeFocused();
  await expect(dialog.getByRole('button', { name: 'Add tag' })).toBeDisabled();
  expect(await seriousAxe(valise)).toEqual([]);
  await page.screenshot({ path: test.info().outputPath(`tag-dialog-${valise.host}.png`) });
  await page.keyboard.type('not kept');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(tagButton).toBeFocused();
  await expect(page.locator('.bookmark-tags .tag')).toHaveCount(0);

  // Enter: the tag, trimmed, goes to both bookmarks.
  await page.keyboard.press('Enter');
  await expect(field).toBeFocused();
  await page.keyboard.type('  trip to Tirana ');
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.locator('.bookmark-row .tag', { hasText: 'trip to Tirana' })).toHaveCount(2);
  const stored = (await valise.rawInvoke('bookmarks:list', {})) as { value: { tags: string[] }[] };
  expect(stored.value.map((b) => b.tags)).toEqual([['trip to Tirana'], ['trip to Tirana']]);

  // The tags already used are offered again; Tab reaches Cancel, which closes the dialog.
  await tagButton.click();
  await expect(dialog.locator('datalist option')).toHaveCount(1);
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
});

test('the tag dialog in French', async ({ valise }) => {
  const { page } = valise;
  await page.evaluate(() =>
    localStorage.setItem('valise.settings', JSON.stringify({ theme: 'light', language: 'fr', textSize: 'normal' })),
  );
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await bookmarksSelected(valise, 'Tout sélectionner');
  await page.getByRole('button', { name: 'Étiqueter…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Étiqueter les signets sélectionnés' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Étiquette à ajouter aux signets sélectionnés')).toBeFocused();
  await expect(dialog.getByRole('button', { name: 'Ajouter l’étiquette' })).toBeDisabled();
  await expect(dialog.getByRole('button', { name: 'Annuler' })).toBeVisible();
  expect(await seriousAxe(valise)).toEqual([]);
  await page.keyboard.type('mission à Tirana');
  await page.keyboard.press('Enter');
  await expect(page.locator('.bookmark-row .tag', { hasText: 'mission à Tirana' })).toHaveCount(2);
});
