/**
 * The interface wholly in French (#17), on the screens themselves: French is chosen by clicking
 * Settings, then every screen is walked and fails on any English interface string it shows: a
 * catalogue key shown as it is (a text, an option, an aria-label, a title, a placeholder, the
 * window's title), or one of main's messages in its English words. The newsletter's text stays
 * English: its passages (marked data-kind) are not read, since a heading of its own may be the
 * same words as a key (“Key figures”). Then a brief printed in French,
 * read back with pdftotext.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { COUNTRY_TABLE } from '../../common/places/countries.std';
import { MESSAGES } from '../../common/contract/messages.std';
import { CITIES_SAME_IN_FRENCH, countryName } from '../../common/places/place-names.std';
import { openContentService } from '../../main/services/library/content.node';
import { fr } from '../../renderer/src/i18n/fr.dom';
import { SAME_IN_FRENCH, scanRenderer } from '../support/i18n-keys';
import { expect, test, type Valise } from './support/fixtures';
import { PROJECT_ROOT } from './support/hosts';
import { PRINT_SCREENS, READER_SCREENS, TRIP_SCREEN, type ScreenStop } from './support/screens';

/** Name, route, screen: every screen, with content (a bookmark is added first), and search with no result. */
const SCREENS: ScreenStop[] = [
  ...READER_SCREENS,
  ['contact', '/entity/contact/ms-caroline-charpentier/caroline-marie-charpentier-diplomatie-gouv-fr', 'entity'],
  ['search-nothing', '/search?q=xqzwvk', 'search'],
  ...PRINT_SCREENS,
  TRIP_SCREEN,
];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A key or message as a pattern: its placeholders stand for any text. */
const pattern = (text: string) => escape(text).replace(/\\\{\\\{\w+\\\}\\\}/g, '.+?');

/**
 * A key that can be told apart from the newsletter's own text: its words outside placeholders
 * have a run of three letters. '{{kept}} of {{total}}' would match any sentence with "of" in it.
 */
const distinctive = (key: string) => /\p{L}{3}/u.test(key.replace(/\{\{\w+\}\}/g, ''));
/**
 * The English interface strings: every key the renderer's source asks t() for and every key of the
 * catalogue (so a key missing from it is still known), but the words that are the same in French;
 * and main's English messages.
 */
const ENGLISH_KEYS = [...new Set([...scanRenderer().keys.map((k) => k.key), ...Object.keys(fr)])]
  .filter((en) => fr[en] !== en && !SAME_IN_FRENCH.has(en) && distinctive(en))
  .map((en) => new RegExp(`^${pattern(en)}$`, 'su'));
const ENGLISH_MESSAGES = Object.values(MESSAGES)
  .map((m) => m.en.replace(/^&/, ''))
  .filter((en) => en.length > 12)
  .map((en) => new RegExp(pattern(en), 'su'));

/**
 * The page's text in its smallest parts, outside the newsletter's passages: each text node as
 * written (no capitals a style adds) and each attribute read aloud or shown. What reads the same in
 * both languages is judged on these, where an interface word and the newsletter's never share one.
 */
async function leafTextsOn(valise: Valise): Promise<string[]> {
  return valise.page.evaluate(() => {
    const texts: string[] = [document.title.replace(/ — Valise$/, '')];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (parent && !['SCRIPT', 'STYLE'].includes(parent.tagName) && !parent.closest('[data-kind]'))
        texts.push(node.textContent ?? '');
    }
    for (const element of document.body.querySelectorAll('*')) {
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = element.getAttribute(name);
        if (value) texts.push(value);
      }
    }
    return texts.map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean);
  });
}

/** Every text a person reads on the page: text nodes, and the attributes read aloud or shown. */
async function textsOn(valise: Valise): Promise<string[]> {
  return valise.page.evaluate(() => {
    const texts: string[] = [document.title.replace(/ — Valise$/, '')];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      // The newsletter's own passages (data-kind) keep its words: “Key figures” there is its text.
      if (parent && !['SCRIPT', 'STYLE'].includes(parent.tagName) && !parent.closest('[data-kind]'))
        texts.push(node.textContent ?? '');
    }
    for (const element of document.body.querySelectorAll('*')) {
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = element.getAttribute(name);
        if (value) texts.push(value);
      }
    }
    // Whole paragraphs too, where a message is cut into several text nodes.
    for (const element of document.body.querySelectorAll(
      'p, li, h1, h2, h3, dd, dt, label, legend, button, option, a, span',
    )) {
      if (!element.closest('[data-kind]')) texts.push((element as HTMLElement).innerText ?? '');
    }
    return texts.map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean);
  });
}

/**
 * Words reviewed as the same in French and in English (#27), besides the catalogue's
 * SAME_IN_FRENCH: the app's name, the languages' own names, paper sizes, keys of the keyboard,
 * and the countries French names as English does (Kosovo, Serbie is not one).
 */
const PLACES_SAME_IN_FRENCH = [
  ...CITIES_SAME_IN_FRENCH,
  ...COUNTRY_TABLE.map(([, name]) => name).filter((name) => countryName(name, 'fr-FR') === name),
];
const REVIEWED_SAME = new Set([
  'Valise',
  'English',
  'Français',
  'A4',
  'US Letter',
  'Ctrl K',
  'PDF',
  'JSON',
  'iCalendar',
  'vCard',
  'Fight against human trafficking in South-East Europe',
  ...PLACES_SAME_IN_FRENCH,
]);
const SAME_TEMPLATES = [...SAME_IN_FRENCH].map((en) => new RegExp(`^${pattern(en)}$`, 'su'));
/** Keys of the keyboard as the Help lists them (“Ctrl/⌘ Shift S”, “Alt ← / Alt →”). */
const KEYS_OF_THE_KEYBOARD = /^(?:Ctrl|Alt|Shift|Esc|⌘|[A-Z?/←→↑↓]|\s)+$/u;
/** The user's own words the walk adds (a bookmark's tag): neither the interface's nor the newsletter's. */
const USER_WORDS = new Set(['trip']);

/** Fields of the dump that hold keys, codes and dates, not the newsletter's words. */
const NOT_WORDS = new Set([
  'key',
  'issue',
  'mentions',
  'organisation',
  'sourceFile',
  'sourceSha256',
  'kind',
  'status',
  'statusToday',
  'precision',
  'currency',
  'date',
  'asOf',
  'start',
  'end',
]);

/** Everything the newsletter says, as the archive holds it: its passages, titles and the facts found in them. */
function newsletterText(): string {
  const content = openContentService(join(PROJECT_ROOT, 'out', 'content', 'content.sqlite'));
  const dump = content.dump();
  content.close();
  const strings: string[] = [];
  const collect = (value: unknown) => {
    if (typeof value === 'string') strings.push(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object')
      for (const [field, inner] of Object.entries(value)) if (!NOT_WORDS.has(field)) collect(inner);
  };
  collect(dump);
  return strings.join('\n').replace(/\s+/g, ' ');
}

/**
 * Texts shown the same in the English and the French walk that are neither the newsletter's words
 * nor a word reviewed as the same in French: an interface string left in English, a raw value or
 * key shown as it is (“2018-no-10”, “email”).
 */
function sameInBoth(english: Set<string>, french: string[], newsletter: string): string[] {
  // A piece of a snippet is cut with an ellipsis; one after a separator (“· page 11”, “— in 2018”) is read without it.
  // An event's place after its title in a search hit ("… (Kyoto)") is the interface's naming: the same in French for these places.
  const words = (text: string) =>
    text
      .replace(/\s*\(([^()]+)\)$/u, (place, name: string) => (PLACES_SAME_IN_FRENCH.includes(name) ? '' : place))
      .replace(/^[…\s“”"(·—–,:]+|[…\s“”")·—–,:]+$/g, '');
  return [...new Set(french)].filter((text) => {
    const bare = words(text);
    return (
      english.has(text) &&
      /\p{L}/u.test(bare) &&
      ![text, bare].some((t) => REVIEWED_SAME.has(t) || SAME_TEMPLATES.some((same) => same.test(t))) &&
      !USER_WORDS.has(bare) &&
      !KEYS_OF_THE_KEYBOARD.test(bare) &&
      // An event's title is shown with a capital (eventTitle): still the newsletter's words.
      ![bare, bare.charAt(0).toLowerCase() + bare.slice(1)].some((t) => newsletter.includes(t))
    );
  });
}

function englishIn(texts: string[]): string[] {
  const found = new Set<string>();
  for (const text of texts) {
    if (ENGLISH_KEYS.some((key) => key.test(text))) found.add(text);
    if (ENGLISH_MESSAGES.some((message) => message.test(text))) found.add(text);
  }
  return [...found];
}

/** French chosen as a user chooses it: Settings, the Français radio button. */
async function chooseFrench(valise: Valise): Promise<void> {
  await valise.open('/settings', 'settings');
  await valise.page.getByRole('radio', { name: 'Français' }).check();
  await expect(valise.page.locator('html')).toHaveAttribute('lang', 'fr');
}

test('every screen in French shows no English interface string', async ({ valise }) => {
  test.setTimeout(120_000);
  expect(ENGLISH_KEYS.length).toBeGreaterThan(200);
  expect(ENGLISH_MESSAGES.length).toBeGreaterThan(40);
  expect(await valise.rawInvoke('bookmarks:add', { key: 'person/caroline-charpentier' })).toMatchObject({ ok: true });
  const event = (await valise.rawInvoke('bookmarks:add', { key: 'event/2018-06-05-an-interregional-seminar' })) as {
    ok: boolean;
    value: { id: number };
  };
  expect(event.ok).toBe(true);
  expect(await valise.rawInvoke('bookmarks:tag', { ids: [event.value.id], add: ['trip'] })).toMatchObject({ ok: true });
  // Before French is chosen, the walk sees English: the check can fail.
  await valise.open('/bookmarks', 'bookmarks');
  expect(englishIn(await textsOn(valise))).toEqual(expect.arrayContaining(['Bookmarks']));

  // The same walk in English first: what reads the same in both is checked below.
  const inEnglish = new Map<string, Set<string>>();
  for (const [name, route, screen] of SCREENS) {
    await valise.open(route, screen);
    inEnglish.set(name, new Set(await leafTextsOn(valise)));
  }
  const newsletter = newsletterText();
  expect(newsletter.length).toBeGreaterThan(50_000);

  await chooseFrench(valise);
  const seen: Record<string, string[]> = {};
  const same: Record<string, string[]> = {};
  for (const [name, route, screen] of SCREENS) {
    await valise.open(route, screen);
    const texts = await textsOn(valise);
    expect(texts.length, `${name}: some text`).toBeGreaterThan(5);
    const english = englishIn(texts);
    if (english.length) seen[name] = english;
    const unchanged = sameInBoth(inEnglish.get(name)!, await leafTextsOn(valise), newsletter);
    if (unchanged.length) same[name] = unchanged;
    if (name === 'search-nothing')
      await valise.page.screenshot({ path: test.info().outputPath('search-nothing-fr.png') });
  }
  expect(seen).toEqual({});
  expect(same, 'shown the same in English and French, and neither the newsletter’s words nor a reviewed word').toEqual(
    {},
  );
});

test('search with no result says so in French, with main’s hint in French', async ({ valise }) => {
  await chooseFrench(valise);
  await valise.open('/search?q=xqzwvk', 'search');
  const summary = valise.page.locator('.search-results .screen-header p.quiet');
  await expect(summary).toHaveText(
    '0 résultat — Aucun résultat pour « xqzwvk ». Vérifiez l’orthographe, ou essayez avec moins de mots.',
  );
  await valise.page.screenshot({ path: test.info().outputPath('search-no-result-fr.png') });
});

test('a brief printed in French: the interface’s words in French, the newsletter’s in its own', async ({ valise }) => {
  await chooseFrench(valise);
  await valise.open('/print/issue/2018-no-10', 'print-issue');
  await valise.page.emulateMedia({ media: 'print' });
  const file = test.info().outputPath('brief-fr.pdf');
  await valise.page.pdf({ path: file, preferCSSPageSize: true, printBackground: false });
  const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  execFileSync('pdftoppm', ['-png', '-r', '60', file, test.info().outputPath('brief-fr')]);
  // Interface headings in French, dates in French; no English heading of the brief left.
  for (const heading of ['Chiffres clés', 'Sommaire', 'Contacts'])
    expect(text.toLowerCase(), heading).toContain(heading.toLowerCase());
  expect(text).toMatch(
    /\b(janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) 2018\b/,
  );
  for (const english of ['Key figures', 'Coming events', 'Past events', 'Contents', 'The issue in brief'])
    expect(text.toLowerCase(), english).not.toContain(english.toLowerCase());
  // The newsletter's own words, as written.
  expect(text).toContain('Caroline Charpentier');
  expect(text).toContain('caroline-marie.charpentier@diplomatie.gouv.fr');
});

test('counts take the language’s own plural: « 0 signet » in French, “0 bookmarks” in English', async ({ valise }) => {
  const count = valise.page.locator('.bookmarks .screen-header p.quiet');
  await valise.open('/bookmarks', 'bookmarks');
  await expect(count).toHaveText('0 bookmarks');
  await chooseFrench(valise);
  await valise.open('/bookmarks', 'bookmarks');
  await expect(count).toHaveText('0 signet');
  for (const key of ['person/caroline-charpentier', 'org/unodc'])
    expect(await valise.rawInvoke('bookmarks:add', { key })).toMatchObject({ ok: true });
  await valise.page.reload();
  await valise.screen('bookmarks');
  await expect(count).toHaveText('2 signets');
});

test('a trip dossier for a country names it in the interface language, not by its key', async ({ valise }) => {
  expect(await valise.rawInvoke('bookmarks:add', { key: 'event/2018-06-05-an-interregional-seminar' })).toMatchObject({
    ok: true,
  });
  await valise.open('/print/dossier?country=country/moldova', 'print-dossier');
  await expect(valise.page.locator('.dossier header p.quiet')).toHaveText('Country: Moldova');
  // A country no bookmark is in: the notice names it too, in its words (“and”, not the key's dashes).
  await valise.open('/print/dossier?country=country/bosnia-and-herzegovina', 'print-dossier');
  await expect(valise.page.getByRole('status')).toContainText('Country: Bosnia and Herzegovina');
  await chooseFrench(valise);
  await valise.open('/print/dossier?country=country/moldova', 'print-dossier');
  await expect(valise.page.locator('.dossier header p.quiet')).toHaveText('Pays : Moldavie');
  await valise.open('/print/dossier?country=country/bosnia-and-herzegovina', 'print-dossier');
  await expect(valise.page.getByRole('status')).toContainText('Pays : Bosnie-Herzégovine');
});

test('the import review counts page numbers and running header lines apart, in either language', async ({ valise }) => {
  // The pdfLaTeX corpus issue: 4 pages, each with fancyhdr's header line and its page number.
  const pdf = join(__dirname, '..', 'corpus', 'latex', 'issue-14.pdf');
  const review = async () => {
    await valise.open('/import', 'import');
    await valise.page.locator('input[type=file]').setInputFiles(pdf);
    await expect(valise.page.locator('[data-import-state]')).toHaveAttribute('data-import-state', 'review');
    return valise.page.locator('.layout-found');
  };
  const english = await review();
  await expect(english).toContainText('4 page numbers found by position · 4 running header lines left out');
  await chooseFrench(valise);
  const french = await review();
  await expect(french).toContainText(
    '4 numéros de page repérés par leur position · 4 lignes de titre courant laissées de côté',
  );
  await valise.page.screenshot({ path: test.info().outputPath('import-review-fr.png'), fullPage: true });
});
