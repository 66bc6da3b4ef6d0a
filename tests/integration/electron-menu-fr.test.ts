/**
 * Main's own words in French (#17): the page says which language Settings chose
 * (`app:setLanguage`), and the native menus, their dialogs, the link confirmation and the file
 * names main proposes follow it; the choice is kept, so the next start opens with French menus
 * before the page has said anything. Checked against the Electron double.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../common/contract/messages.std';
import { bootMain } from '../support/boot-main';
import { tempDir } from '../support/content';
import { appPerTest, type Launched } from '../support/electron-app';
import type { MenuDouble } from '../support/electron-double/desktop';

const launch = appPerTest();
const settle = () => new Promise((resolve) => setImmediate(resolve));

function applicationMenu(app: Launched): MenuDouble {
  const menu = app.double.Menu.getApplicationMenu();
  if (!menu) throw new Error('no application menu');
  return menu;
}

/** The menu as a user reads it: each bar menu, then its items, one per line (separators as a rule). */
export function menuText(menu: MenuDouble, depth = 0): string {
  return menu.items
    .map((item) => {
      const line = `${'  '.repeat(depth)}${item.type === 'separator' ? '────' : item.label.replace('&', '')}${item.accelerator ? `  [${item.accelerator}]` : ''}`;
      return item.submenu ? `${line}\n${menuText(item.submenu, depth + 1)}` : line;
    })
    .join('\n');
}

/** Every label of the menu, bar menus and items, without separators. */
const labels = (menu: MenuDouble): string[] =>
  menu.items.flatMap((item) =>
    item.type === 'separator' ? [] : [item.label.replace('&', ''), ...(item.submenu ? labels(item.submenu) : [])],
  );

async function inFrench(): Promise<Launched> {
  const app = await launch();
  expect(await app.page().invoke('app:setLanguage', { language: 'fr' })).toEqual({
    ok: true,
    value: { language: 'fr' },
  });
  return app;
}

describe('the native menus in the interface language', () => {
  it('are in English until the page says French, then are rebuilt in French', async () => {
    const app = await launch();
    expect(labels(applicationMenu(app))).toContain('Import issue…');
    expect(await app.page().invoke('app:setLanguage', { language: 'fr' })).toEqual({
      ok: true,
      value: { language: 'fr' },
    });
    const menu = applicationMenu(app);
    const bar = menu.items.map((i) => i.label.replace('&', ''));
    expect(bar).toEqual([
      ...(process.platform === 'darwin' ? ['Valise'] : []),
      'Fichier',
      'Édition',
      'Affichage',
      'Aide',
    ]);
    const items = (name: string) =>
      menu
        .find(name)
        .submenu!.items.filter((i) => i.type !== 'separator')
        .map((i) => i.label);
    expect(items('Fichier')).toEqual([
      'Importer un numéro…',
      'Exporter les numéros importés en paquet…',
      'Imprimer…',
      'Enregistrer en PDF…',
      'Exporter les signets…',
      'Quitter',
    ]);
    expect(items('Édition')).toEqual([
      'Annuler la saisie',
      'Rétablir',
      'Couper',
      'Copier',
      'Coller',
      'Tout sélectionner',
    ]);
    expect(items('Affichage')).toEqual([
      'Bibliothèque',
      'Signets',
      'Zoom avant',
      'Zoom arrière',
      'Taille réelle',
      'Thème',
      'Plein écran',
    ]);
    expect(menu.find('Affichage', 'Thème').submenu!.items.map((i) => i.label)).toEqual([
      'Clair',
      'Sombre',
      'Suivre le système',
    ]);
    expect(items('Aide')).toEqual(['Raccourcis clavier', 'À propos de Valise']);
    // No English label is left: none is the English of a catalogued menu entry.
    const english = new Set(
      Object.entries(MESSAGES)
        .filter(([id]) => id.startsWith('menu.'))
        .map(([, m]) => m.en.replace('&', '')),
    );
    expect(english.size).toBeGreaterThan(20);
    expect(labels(menu).filter((label) => english.has(label))).toEqual([]);
    // Roles and shortcuts are unchanged: only the words are.
    expect(menu.find('Fichier', 'Quitter').role).toBe('quit');
    expect(menu.find('Fichier', 'Importer un numéro…').accelerator).toBe('CmdOrCtrl+O');
    expect(app.double.dialog.calls).toEqual([]);
    console.log(`[valise] the French native menu, as the Electron double holds it:\n${menuText(menu)}`);

    await app.page().invoke('app:setLanguage', { language: 'en' });
    expect(applicationMenu(app).items.map((i) => i.label.replace('&', ''))).toContain('File');
  });

  it('keep French at the next start, before the page has said anything', async () => {
    const userData = tempDir('valise-user-');
    const first = await launch({ userData });
    await first.page().invoke('app:setLanguage', { language: 'fr' });
    await first.quit();
    const again = await launch({ userData });
    expect(applicationMenu(again).items.map((i) => i.label.replace('&', ''))).toContain('Fichier');
  });

  it('refuse a language the contract does not know, and keep the menu as it was', async () => {
    const app = await launch();
    expect(await app.page().invoke('app:setLanguage', { language: 'de' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
    expect(applicationMenu(app).items.map((i) => i.label.replace('&', ''))).toContain('File');
  });

  it('open their dialogs in French, and main proposes French file names', async () => {
    const app = await inFrench();
    const events: unknown[] = [];
    app.page().onEvent((event) => events.push(event));
    const menu = applicationMenu(app);
    await menu.find('Fichier', 'Importer un numéro…').click();
    await settle();
    expect(app.double.dialog.calls[0]!.options).toMatchObject({
      title: 'Importer un numéro',
      filters: [{ name: 'Lettre d’information (PDF, texte, paquet Valise)' }, { name: 'Tous les fichiers' }],
    });

    expect(await app.page().invoke('bookmarks:add', { key: 'person/jean-yves-le-drian' })).toMatchObject({ ok: true });
    const target = join(tempDir(), 'signets.json');
    app.double.dialog.answer('showSaveDialog', { canceled: false, filePath: target });
    await menu.find('Fichier', 'Exporter les signets…').click();
    await settle();
    await settle();
    const save = app.double.dialog.calls[1]!.options;
    expect(save).toMatchObject({ title: 'Exporter les signets', filters: [{ name: 'Signets Valise' }] });
    expect(save.defaultPath).toMatch(/^valise-signets-\d{4}-\d{2}-\d{2}\.json$/);
    // The notice goes with its id: the page shows it in its language.
    expect(events).toEqual([
      {
        type: 'notice',
        message: `Exported 1 bookmarks to ${target}`,
        messageId: 'notice.exported-bookmarks',
        params: { count: '1', file: target },
      },
    ]);

    await menu.find('Aide', 'À propos de Valise').click();
    await settle();
    expect(app.double.dialog.calls.at(-1)!.options).toMatchObject({
      title: 'À propos de Valise',
      detail: expect.stringMatching(/^Version des archives /),
    });
  });

  it('ask in French before a web link leaves the app', async () => {
    const app = await inFrench();
    expect(await app.window().webContents.navigateFromPage('https://www.osce.org/')).toEqual({ prevented: true });
    await settle();
    expect(app.double.dialog.calls[0]!.options).toMatchObject({
      message: 'Ouvrir ce lien dans votre navigateur web ?',
      buttons: ['Ouvrir dans le navigateur', 'Annuler'],
      detail: 'https://www.osce.org/\n\nValise fonctionne hors ligne ; ce lien demande une connexion au réseau.',
    });
  });

  it('read a damaged saved choice as English', async () => {
    const userData = tempDir('valise-user-');
    writeFileSync(join(userData, 'interface-language.json'), '{"language": "fr"');
    const app = await launch({ userData });
    expect(applicationMenu(app).items.map((i) => i.label.replace('&', ''))).toContain('File');
  });

  it('say why the app cannot start in the language last chosen', async () => {
    const userData = tempDir('valise-user-');
    writeFileSync(join(userData, 'interface-language.json'), JSON.stringify({ language: 'fr' }));
    const booted = bootMain({
      env: { VALISE_USER_DATA: userData, VALISE_CONTENT_DB: join(tempDir(), 'missing.sqlite') },
    });
    await booted.settled;
    expect(booted.double.app.exitCode).toBe(1);
    expect(booted.double.dialog.calls).toEqual([
      expect.objectContaining({
        method: 'showErrorBox',
        options: {
          title: 'Valise ne peut pas ouvrir ses archives de la lettre d’information',
          content: expect.stringMatching(
            /missing\.sqlite[\s\S]*Réinstallez Valise pour rétablir les archives\.[\s\S]*Les détails sont dans le journal :\n/,
          ),
        },
      }),
    ]);
    await booted.quit();
  });
});
