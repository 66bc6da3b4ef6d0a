/**
 * The reader, screen by screen, with real archive content: in English and French, light and
 * dark, each screen checked with axe (no serious or critical violation) and photographed.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Valise } from './support/fixtures';
import { READER_SCREENS, type ScreenStop } from './support/screens';

/** Name, route, screen, and whether the screen is meant to show its error (a stale link). */
const SCREENS: [...ScreenStop, { expectError?: boolean }?][] = [
  ...READER_SCREENS,
  ['not-found', '/entity/person/nobody', 'entity', { expectError: true }],
];

async function setSettings(valise: Valise, settings: { theme: string; language: string }) {
  await valise.page.evaluate(
    (s) => localStorage.setItem('valise.settings', JSON.stringify({ ...s, textSize: 'normal' })),
    settings,
  );
  await valise.page.reload();
}

/** Whether the page's background is dark (relative luminance under one half), as drawn. */
async function backgroundIsDark(valise: Valise): Promise<boolean> {
  const color = await valise.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const [r, g, b] = (color.match(/[\d.]+/g) ?? []).map(Number);
  expect(
    [r, g, b].every((c) => c !== undefined && Number.isFinite(c)),
    `a colour: ${color}`,
  ).toBe(true);
  const linear = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(r!) + 0.7152 * linear(g!) + 0.0722 * linear(b!) < 0.5;
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

for (const [language, theme] of [
  ['en', 'light'],
  ['fr', 'dark'],
  ['en', 'dark'],
  ['fr', 'light'],
] as const) {
  test(`every screen reads well and passes axe — ${language}, ${theme}`, async ({ valise }) => {
    test.setTimeout(120_000);
    // One bookmark, so the bookmarks screen is checked with a row, not only its empty state.
    // The test's user data is its own: the bookmark goes with it.
    expect(await valise.rawInvoke('bookmarks:add', { key: 'person/caroline-charpentier' })).toMatchObject({ ok: true });
    await setSettings(valise, { theme, language });
    for (const [name, route, screen, options] of SCREENS) {
      await valise.open(route, screen, options);
      // The expected error is the not-found page, not any failure.
      if (options?.expectError) await expect(valise.page.locator('main [data-not-found]')).toBeVisible();
      if (name === 'bookmarks') await expect(valise.page.locator('.bookmark-row')).toHaveCount(1);
      if (name === 'search')
        expect(await valise.page.locator('.hit').count(), 'results for the misspelt word').toBeGreaterThan(0);
      await expect(valise.page.locator('html')).toHaveAttribute('lang', language);
      // The theme asked for is the one drawn, not only the one named.
      expect(await backgroundIsDark(valise), `${name}: the background is ${theme}`).toBe(theme === 'dark');
      await axe(valise, `${name} (${language}, ${theme})`);
      await valise.page.screenshot({
        path: test.info().outputPath(`${name}-${language}-${theme}.png`),
        fullPage: true,
      });
    }
  });
}

test('the interface speaks French, and the newsletter keeps its own words', async ({ valise }) => {
  const { page } = valise;
  await setSettings(valise, { theme: 'light', language: 'fr' });
  await valise.screen('library');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bibliothèque');
  await expect(
    page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Annuaire' }),
  ).toBeVisible();
  await expect(page.locator('.issue-card').first()).toContainText('mars 2021');
  await expect(
    page.getByRole('heading', { name: 'France’s multilateral commitment in the fight against human trafficking' }),
  ).toBeVisible();
  await valise.open('/issue/2018-no-10', 'issue');
  await expect(page.getByRole('heading', { name: 'Chiffres clés' })).toBeVisible();
  await expect(page.locator('.figure-value').first()).toHaveText(/1\s830\s000\s€/);
});

test('settings apply at once and are kept', async ({ valise }) => {
  const { page } = valise;
  await valise.open('/settings', 'settings');
  await page.getByRole('radio', { name: 'Dark' }).check();
  await page.getByRole('radio', { name: 'Large', exact: true }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const size = await page.evaluate(() => getComputedStyle(document.body).fontSize);
  expect(parseFloat(size)).toBeGreaterThan(17);
  expect(await backgroundIsDark(valise), 'the dark theme is drawn at once').toBe(true);
  await page.reload();
  await valise.screen('settings');
  await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Large', exact: true })).toBeChecked();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await backgroundIsDark(valise), 'and after a restart').toBe(true);
  expect(parseFloat(await page.evaluate(() => getComputedStyle(document.body).fontSize))).toBe(parseFloat(size));
});

test('a saved theme and text size are on the page before its first screen is drawn (#26)', async ({ valise }) => {
  const { page } = valise;
  await valise.open('/settings', 'settings');
  await page.getByRole('radio', { name: 'Dark' }).check();
  await page.getByRole('radio', { name: 'Larger' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  // What the page root says when the first screen's frame is first put in the document, before any
  // frame of it can be drawn: the settings must be there already, not applied once React has mounted.
  await page.addInitScript(() => {
    const seen = new MutationObserver(() => {
      if (!document.querySelector('main[data-screen]')) return;
      seen.disconnect();
      const root = document.documentElement;
      (window as { atFirstScreen?: object }).atFirstScreen = {
        theme: root.dataset.theme ?? null,
        scale: root.style.getPropertyValue('--text-scale') || null,
      };
    });
    seen.observe(document, { subtree: true, childList: true });
  });
  await page.evaluate(() => {
    window.location.hash = '#/';
  });
  await page.reload();
  await valise.screen('library');
  expect(await page.evaluate(() => (window as { atFirstScreen?: object }).atFirstScreen)).toEqual({
    theme: 'dark',
    scale: '1.25',
  });
});

test('an issue shows its summary, contents with pages, and its facts at a glance', async ({ valise }) => {
  const { page } = valise;
  await valise.open('/issue/2018-no-10', 'issue');
  await expect(page.getByRole('region', { name: 'The issue in brief' })).toContainText(
    'The tenth issue of the quarterly',
  );
  const glance = page.getByRole('complementary', { name: 'In this issue' });
  await expect(glance).toContainText('France’s general voluntary contributions to the UNODC');
  await expect(glance).toContainText('caroline-marie.charpentier@diplomatie.gouv.fr');
  // Coming or past against today: tests/e2e/calendar.spec.ts sets the clock and checks both.
  await expect(glance.locator('.event-list li').first()).toBeVisible();
});

test('an article links the people, organisations and countries it names', async ({ valise }) => {
  const { page } = valise;
  await valise.open('/read/2018-no-10/the-seminar-organised-by-unodc-in', 'article');
  await page.locator('.prose').getByRole('link', { name: 'Davor Raus' }).click();
  await valise.screen('entity');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Davor Raus');
  await expect(page.locator('.facts')).toContainText(
    'Justice Officer for the UNODC’s Human Trafficking and Migrant Smuggling section',
  );
  await page.goBack();
  await valise.screen('article');
  await page.locator('.prose').getByRole('link', { name: 'Moldova' }).first().click();
  await valise.screen('entity');
  await expect(page.getByRole('region', { name: 'Events' })).toContainText('an interregional seminar');
});

test('one journey by keyboard only: search, a person, an event, and back', async ({ valise }) => {
  const { page } = valise;
  await valise.screen('library');
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search the archive' })).toBeFocused();
  await page.keyboard.type('Brunet');
  await valise.screen('search');
  await expect(page.locator('.hit').first()).toContainText('Jean-Claude Brunet');
  // Tab from the search box to the first result's link.
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.closest('.hit') !== null)) break;
  }
  const hitLink = page.locator('.hit').first().getByRole('link');
  await expect(hitLink).toBeFocused();
  // Reached by the keyboard, the link shows where the focus is.
  await expectFocusRing(valise, 'the first result, reached with Tab');
  await page.keyboard.press('Enter');
  await valise.screen('entity', { route: '/entity/person/jean-claude-brunet' });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Jean-Claude Brunet');
  const event = page.getByRole('region', { name: 'Events' }).getByRole('link').first();
  const eventName = (await event.textContent())!;
  const eventRoute = (await event.getAttribute('href'))!.replace(/^#/, '');
  expect(eventRoute).toMatch(/^\/entity\/event\//);
  // Tab to the event's link, as the keyboard would.
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if (await event.evaluate((el) => el === document.activeElement)) break;
  }
  await expect(event).toBeFocused();
  await expectFocusRing(valise, 'the event’s link, reached with Tab');
  await page.keyboard.press('Enter');
  // From one entity page to another: wait for the event's, not the person's still on screen.
  await valise.screen('entity', { route: eventRoute });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(eventName);
  await page.keyboard.press('Alt+ArrowLeft');
  await valise.screen('entity', { route: '/entity/person/jean-claude-brunet' });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Jean-Claude Brunet');
  // Back on the page, the keyboard goes on from it, with the focus shown.
  await page.keyboard.press('Tab');
  await expectFocusRing(valise, 'the next element reached with Tab after going back');
});

/**
 * The element that has the focus is one on the page (not the body), matches :focus-visible, and
 * is drawn with the app's focus ring: a solid outline at least 2px wide.
 */
async function expectFocusRing(valise: Valise, what: string): Promise<void> {
  const focused = await valise.page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    return {
      tag: el.tagName,
      visible: el.matches(':focus-visible'),
      outlineStyle: style.outlineStyle,
      outlineWidth: parseFloat(style.outlineWidth),
    };
  });
  expect(focused, `${what}: something has the focus`).not.toBeNull();
  expect(focused!.visible, `${what}: ${focused!.tag} matches :focus-visible`).toBe(true);
  expect(focused!.outlineStyle, `${what}: ${focused!.tag} has an outline`).toBe('solid');
  expect(focused!.outlineWidth, `${what}: ${focused!.tag}'s outline width`).toBeGreaterThanOrEqual(2);
}

test('the directory filters people by organisation and country', async ({ valise }) => {
  const { page } = valise;
  await valise.open('/directory', 'directory');
  const rows = page.locator('.directory-row');
  const names = rows.getByRole('link');
  const count = page.locator('main .screen-header .quiet');
  const all = Number(/^(\d+) entries$/.exec((await count.textContent()) ?? '')?.[1]);
  expect(all, 'people and organisations in the unfiltered directory').toBeGreaterThan(13);
  await expect(names.first()).toHaveText('A.C.J.E.');

  // UNODC and the three UNODC people the newsletters name: its Executive Directors Yuri Fedotov
  // and Ghada Waly, and Davor Raus, Justice Officer of its Human Trafficking section. A–Z by
  // surname, organisations by name.
  await page.getByLabel('Filter by organisation').selectOption('org/unodc');
  await expect(count).toHaveText('4 entries');
  await expect(names).toHaveText([
    'Yuri Fedotov',
    'Davor Raus',
    'United Nations Office on Drugs and Crime',
    'Ghada Waly',
  ]);

  // Romania: the French Ambassador there, the Romanian State Secretary, the Romanian agency, and
  // the organisations and people whose pages name Romania. The UNODC people are gone.
  await page.getByLabel('Filter by organisation').selectOption('');
  await page.getByLabel('Filter by country').selectOption('country/romania');
  await expect(count).toHaveText('13 entries');
  await expect(rows).toHaveCount(13);
  for (const name of [
    'Laurence Auer',
    'Bogdan Despescu',
    'Romanian Agency Against Trafficking in Persons',
    'United Nations Office on Drugs and Crime',
  ]) {
    await expect(names.filter({ hasText: name }), `${name} is listed for Romania`).toHaveCount(1);
  }
  for (const name of ['Yuri Fedotov', 'Davor Raus', 'Ghada Waly', 'A.C.J.E.']) {
    await expect(names.filter({ hasText: name }), `${name} is not listed for Romania`).toHaveCount(0);
  }
});

test('find in page marks the matches', async ({ valise }) => {
  const { page } = valise;
  await valise.open('/read/2018-no-10/the-seminar-organised-by-unodc-in', 'article');
  await page.keyboard.press('Control+f');
  await page.getByRole('textbox', { name: 'Find in page…' }).fill('cooperation');
  const counter = page.getByRole('search', { name: 'Find in page' });
  await expect(counter).toContainText(/\d+ matches/);
  const counted = Number(/(\d+) matches/.exec((await counter.textContent())!)![1]);
  // The matches are marked with the CSS Custom Highlight API: one range a match, each covering
  // the word searched, in the screen's text, and a style that draws them.
  const marked = await page.evaluate(() => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    const find = registry.get('find');
    const main = document.getElementById('main')!;
    const styled = [...document.styleSheets].some((sheet) =>
      [...sheet.cssRules].some(
        (rule) => rule instanceof CSSStyleRule && rule.selectorText.includes('::highlight(find)'),
      ),
    );
    return {
      texts: find ? [...find].map((r) => r.toString()) : [],
      inMain: find ? [...find].every((r) => main.contains(r.commonAncestorContainer)) : false,
      styled,
    };
  });
  expect(marked.texts.length, 'ranges in CSS.highlights “find”').toBeGreaterThan(0);
  expect(marked.texts).toHaveLength(counted);
  for (const text of marked.texts) expect(text.toLowerCase()).toBe('cooperation');
  expect(marked.inMain, 'every range is in the screen').toBe(true);
  expect(marked.styled, 'a ::highlight(find) style draws them').toBe(true);
  // The article does say it that many times.
  const inText = await page
    .locator('#main')
    .evaluate((main) => (main.textContent!.toLowerCase().match(/cooperation/g) ?? []).length);
  expect(counted).toBe(inText);
  // Closed, the marks go.
  await page.keyboard.press('Escape');
  await expect(counter).toHaveCount(0);
  expect(
    await page.evaluate(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('find')),
  ).toBe(false);
});

test('recently viewed items are listed in the library', async ({ valise }) => {
  const { page } = valise;
  await valise.open('/entity/person/ghada-waly', 'entity');
  await valise.open('/', 'library');
  await expect(page.getByRole('complementary', { name: 'Recently viewed' })).toContainText('Ghada Waly');
});
