/**
 * The user's data folder, as the app meets it: each test's own (so no test depends on another's
 * bookmarks or settings), and a damaged bookmarks database restored from its backup at start,
 * with the recovery notice shown in the banner in English and, once the interface is switched to
 * French in Settings, in French.
 */
import { closeSync, existsSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { openServices } from '../../main/services/create.node';
import { backupsIn, USER_DB_FILE } from '../../main/services/user-data/user-db.node';
import { tempDir } from '../support/content';
import { expect, test } from './support/fixtures';
import { PROJECT_ROOT } from './support/hosts';

const KEPT = ['person/caroline-charpentier', 'org/unodc', 'event/2018-06-05-an-interregional-seminar'];
const BACKUP_STAMP = '2026-01-15T09-30-00-000Z';

/**
 * A data folder whose bookmarks database holds KEPT, with a backup of it taken on 15 January 2026
 * at 09:30 UTC, and whose database file is then damaged (its first page, the header, overwritten),
 * as a disk error would leave it. Returns the folder and the damaged bytes.
 */
async function damagedFolderWithBackup(): Promise<{ dir: string; damaged: Buffer }> {
  const dir = tempDir('valise-e2e-damaged-');
  const at = new Date(Date.UTC(2026, 0, 15, 9, 30));
  const services = openServices({
    contentDbPath: join(PROJECT_ROOT, 'out/content/content.sqlite'),
    userDataDir: dir,
    appVersion: 'e2e',
    host: 'web',
    now: () => at,
  });
  for (const key of KEPT) expect(await services.dispatch('bookmarks:add', { key }), key).toMatchObject({ ok: true });
  // The backup taken at start held no bookmark; this one, with the same date, replaces it.
  await services.backup();
  await services.close();
  expect(backupsIn(dir).map((b) => b.slice(dir.length))).toEqual([`/backups/valise-user-${BACKUP_STAMP}.sqlite`]);
  const path = join(dir, USER_DB_FILE);
  expect(existsSync(`${path}-wal`), 'closed whole: no write-ahead log left').toBe(false);
  const fd = openSync(path, 'r+');
  writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 0);
  closeSync(fd);
  return { dir, damaged: readFileSync(path) };
}

test('each test starts from its own empty user data: another app’s bookmarks and settings are not seen', async ({
  valise,
  launch,
}) => {
  const { page } = valise;
  expect(await valise.rawInvoke('bookmarks:list', {})).toEqual({ ok: true, value: [] });
  expect(await valise.rawInvoke('bookmarks:add', { key: 'person/ghada-waly' })).toMatchObject({ ok: true });
  await valise.open('/settings', 'settings');
  await page.getByRole('radio', { name: 'Français' }).check();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');

  // A second app, as the next test gets: none of it.
  const next = await launch();
  await next.screen('library');
  expect(await next.rawInvoke('bookmarks:list', {})).toEqual({ ok: true, value: [] });
  await expect(next.page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(next.page.getByRole('heading', { level: 1 })).toHaveText('Library');
  // And the first still has its own.
  expect(await valise.rawInvoke('bookmarks:list', {})).toMatchObject({
    ok: true,
    value: [{ key: 'person/ghada-waly' }],
  });
});

test('a damaged bookmarks database is restored from its backup, and the banner says so in English and in French', async ({
  launch,
}) => {
  const { dir, damaged } = await damagedFolderWithBackup();
  const valise = await launch({ userData: dir });
  const { page } = valise;
  await valise.screen('library');

  const banner = page.locator('.app-notices p[data-notice="recovered"]');
  await expect(page.locator('.app-notices')).toHaveAttribute('role', 'alert');
  await expect(banner).toHaveCount(1);
  const text = (await banner.textContent())!;
  const moved = /It was moved to (.+), and the backup/.exec(text)?.[1] ?? '';
  expect(moved, 'the damaged file kept in the data folder').toMatch(
    new RegExp(`^${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/valise-user\\.damaged-[\\dT-]+Z\\.sqlite$`),
  );
  expect(text).toBe(
    `Your bookmarks database was damaged (file is not a database). It was moved to ${moved}, and the backup of ${BACKUP_STAMP} was restored.`,
  );
  expect(readFileSync(moved), 'the damaged file is kept as it was').toEqual(damaged);

  // Nothing the backup held is lost.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Bookmarks' }).click();
  await valise.screen('bookmarks');
  await expect(page.locator('.bookmark-row')).toHaveCount(KEPT.length);
  for (const name of ['Caroline Charpentier', 'United Nations Office on Drugs and Crime', 'an interregional seminar']) {
    await expect(page.locator('.bookmark-row', { hasText: name }), name).toHaveCount(1);
  }

  // The interface in French, chosen in Settings: the same notice, in French.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await valise.screen('settings');
  await page.getByRole('radio', { name: 'Français' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Réglages');
  await expect(banner).toHaveText(
    `Votre base de signets était endommagée (file is not a database). Elle a été déplacée vers ${moved}, et la sauvegarde du ${BACKUP_STAMP} a été restaurée.`,
  );
  await page.screenshot({ path: test.info().outputPath(`recovered-fr-${valise.host}.png`) });
});
