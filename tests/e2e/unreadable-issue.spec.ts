/**
 * An imported issue this version cannot read (#14 follow-up): the library leaves it out and the
 * banner names it, and the Library screen lists it below the cards, with its file and import date,
 * says that nothing is lost, and lets the user remove it with the cards' own confirm-and-remove.
 * Once removed, it is gone from `import:list`, and the notice with it, also after a reload and
 * after the app is opened again on the same data folder. Checked with axe and photographed in
 * English and French, light and dark.
 */
import AxeBuilder from '@axe-core/playwright';
import { tempDir } from '../support/content';
import { storeUnreadableIssue, UNREADABLE_ISSUE } from '../support/unreadable-issue';
import { expect, test, type Valise } from './support/fixtures';

const UNREADABLE = UNREADABLE_ISSUE;

/** A user data folder whose database holds one imported issue the pipeline refuses. */
async function folderWithUnreadableIssue(): Promise<string> {
  const dir = tempDir('valise-e2e-unreadable-');
  await storeUnreadableIssue(dir);
  return dir;
}

async function setSettings(valise: Valise, settings: { theme: string; language: string }) {
  await valise.page.evaluate(
    (s) => localStorage.setItem('valise.settings', JSON.stringify({ ...s, textSize: 'normal' })),
    settings,
  );
  await valise.page.reload();
  await valise.screen('library');
  await expect(valise.page.locator('html')).toHaveAttribute('lang', settings.language);
}

async function axe(valise: Valise, name: string) {
  const results = await new AxeBuilder({ page: valise.page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join('; ')})`,
    ),
    `axe on ${name}`,
  ).toEqual([]);
}

test('an imported issue this version cannot read is listed in the library, and can be removed', async ({ launch }) => {
  test.setTimeout(90_000);
  const dir = await folderWithUnreadableIssue();
  let valise = await launch({ userData: dir });
  const { page } = valise;
  await valise.screen('library');

  // Left out of the library, named in the banner, and still imported.
  const banner = page.locator('.app-notices p[data-notice="unreadable-issue"]');
  await expect(banner).toContainText(
    'The imported issue “Winter 2026” (winter-2026.pdf) cannot be read by this version of Valise',
  );
  await expect(page.locator(`.issue-card[data-issue="${UNREADABLE.key}"]`)).toHaveCount(0);
  expect(await valise.rawInvoke('import:list', {})).toMatchObject({
    ok: true,
    value: [{ key: UNREADABLE.key, title: UNREADABLE.title }],
  });

  // Listed below the cards: its title, file, import date, and that nothing is lost.
  const section = page.getByRole('region', { name: 'An imported issue this version cannot read' });
  await expect(section.getByRole('heading', { level: 2 })).toBeVisible();
  // Found by its key, whatever the interface language names the section.
  const item = page.locator(`li[data-unreadable-issue="${UNREADABLE.key}"]`);
  await expect(section.locator(item)).toHaveCount(1);
  await expect(section.locator('li[data-unreadable-issue]')).toHaveCount(1);
  await expect(item.getByRole('heading', { level: 3 })).toHaveText('Winter 2026');
  await expect(item).toContainText('File winter-2026.pdf, imported on 1 November 2026');
  await expect(item).toContainText('It is kept in your data folder, so nothing is lost');

  for (const [language, theme] of [
    ['en', 'light'],
    ['en', 'dark'],
    ['fr', 'dark'],
    ['fr', 'light'],
  ] as const) {
    await setSettings(valise, { theme, language });
    await expect(item).toBeVisible();
    if (language === 'fr') {
      await expect(
        page.getByRole('region', { name: 'Un numéro importé que cette version ne peut pas lire' }),
      ).toBeVisible();
      await expect(item).toContainText('Fichier winter-2026.pdf, importé le 1 novembre 2026');
    }
    await axe(valise, `library with an unreadable issue (${language}, ${theme})`);
    await page.screenshot({
      path: test.info().outputPath(`library-unreadable-${language}-${theme}.png`),
      fullPage: true,
    });
  }
  await setSettings(valise, { theme: 'light', language: 'en' });

  // Removed as a card is: asked first, in place.
  await item.getByRole('button', { name: 'Remove from library…' }).click();
  const confirm = item.getByRole('group', { name: 'Remove “Winter 2026”?' });
  await page
    .locator('section.unreadable-issues')
    .screenshot({ path: test.info().outputPath('library-unreadable-confirm-en-light.png') });
  await confirm.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(page.locator('main p.notice[role="status"]')).toHaveText(
    '“Winter 2026” was removed from your library. 0 bookmarks of it are kept, marked as no longer in the library.',
  );
  await expect(page.locator('li[data-unreadable-issue]')).toHaveCount(0);
  await expect(banner, 'the notice goes with the issue').toHaveCount(0);
  expect(await valise.rawInvoke('import:list', {})).toEqual({ ok: true, value: [] });

  // Still gone after a reload, and when the app opens the same data folder again.
  await page.reload();
  await valise.screen('library');
  await expect(page.locator('.issue-card').first()).toBeVisible();
  await expect(banner).toHaveCount(0);
  await expect(page.locator('li[data-unreadable-issue]')).toHaveCount(0);
  expect(await valise.rawInvoke('bookmarks:status', {})).toMatchObject({ ok: true, value: { notices: [] } });
  await valise.close();
  valise = await launch({ userData: dir });
  await valise.screen('library');
  await expect(valise.page.locator('.issue-card').first()).toBeVisible();
  await expect(valise.page.locator('.app-notices p[data-notice="unreadable-issue"]')).toHaveCount(0);
  expect(await valise.rawInvoke('import:list', {})).toEqual({ ok: true, value: [] });
  expect(await valise.rawInvoke('bookmarks:status', {})).toMatchObject({ ok: true, value: { notices: [] } });
});
