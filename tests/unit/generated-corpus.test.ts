/**
 * The generated corpus's own tools (#29): the generator knows what it placed (a seed gives the
 * same issue twice, each thousands style is written, what the expectations name is in the PDF as
 * pdftotext reads it), and the scorer's word matching and text-kept measure behave as documented.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { thousands, withArticle } from '../corpus/generate/content.std';
import { generate, GENERATED_DIR, issueTexts, loadBank, mastheadTexts } from '../corpus/generate/generate.node';
import { drawIssue, drawLayout } from '../corpus/generate/issue.std';
import type { ExpectationsFile } from '../corpus/generate/model.std';
import { Rng } from '../corpus/generate/random.std';
import { engineAvailable } from '../corpus/generate/render/index.node';
import {
  accountingOf,
  findAccounting,
  holdsSample,
  textKept,
  type Dump,
  type ImporterWords,
} from '../corpus/generate/score.node';
import { contentWords, findFurniture, joinSoftHyphensAsDrawn, pdftotextPages } from '../corpus/generate/verify.node';
import { bag, words } from '../corpus/generate/words.std';

const bank = loadBank();

function claims(e: ExpectationsFile): string[] {
  return [
    ...e.sections.map((s) => s.title),
    ...e.samples,
    ...e.people.map((p) => p.name),
    ...e.organisations.map((o) => o.name),
    ...e.figures.map((f) => f.printed),
    ...e.contacts.map((c) => c.value),
    ...e.documents.map((d) => d.symbol),
  ];
}

/** The claims whose words pdftotext does not find in the PDF, furniture taken out. */
function notInPdf(pdf: string, e: ExpectationsFile): string[] {
  const vocabulary = new Set(e.vocabulary);
  const pages = pdftotextPages(pdf);
  const found = bag(pages.flatMap((p, i) => contentWords(p, e.furniture.pages[i]?.lines ?? [], vocabulary)));
  return claims(e).filter((c) => [...bag(words(c, vocabulary))].some(([w, n]) => (found.get(w) ?? 0) < n));
}

describe('generator', () => {
  it('draws the same issue and expectations from the same seed, and another from another seed', () => {
    const a = drawIssue(4242, bank);
    const b = drawIssue(4242, bank);
    expect(b).toEqual(a);
    expect(drawIssue(4243, bank).expect).not.toEqual(a.expect);
    for (const kind of [
      'people',
      'organisations',
      'events',
      'figures',
      'contacts',
      'documents',
      'samples',
      'sections',
    ] as const)
      expect(a.expect[kind].length, kind).toBeGreaterThan(0);
  });

  it('writes each thousands style as the office would', () => {
    expect(thousands(1234567, 'comma')).toBe('1,234,567');
    expect(thousands(15313, 'space')).toBe('15 313');
    expect(thousands(15313, 'nbsp')).toBe('15\u00a0313');
    expect(thousands(15313, 'nnbsp')).toBe('15\u202f313');
    expect(thousands(15313, 'dot')).toBe('15.313');
    expect(thousands(999, 'comma')).toBe('999');
  });

  it('prints figures in every thousands style across seeds', () => {
    const seen = new Set<string>();
    for (let seed = 0; seed < 60; seed++) {
      const issue = drawIssue(seed, bank);
      const printed = issue.expect.figures.map((f) => f.printed).join(' ');
      for (const [style, sep] of [
        ['comma', ','],
        ['space', ' '],
        ['nbsp', '\u00a0'],
        ['nnbsp', '\u202f'],
        ['dot', '.'],
      ] as const)
        if (issue.layout.thousands === style && new RegExp(`\\d${sep === '.' ? '\\.' : sep}\\d{3}`).test(printed))
          seen.add(style);
    }
    expect([...seen].sort()).toEqual(['comma', 'dot', 'nbsp', 'nnbsp', 'space']);
  });

  it('agrees the indefinite article with the word after it in everything it typesets', () => {
    let an = 0;
    for (let seed = 0; seed < 80; seed++) {
      const text = issueTexts(drawIssue(seed, bank)).join('\n');
      expect(text.match(/\b[Aa] (?=[aeiouAEIOU])\p{L}+/gu) ?? [], `seed ${seed}`).toEqual([]);
      an += text.match(/\ban (?=[aeiou])/g)?.length ?? 0;
    }
    // The rule was exercised: "an expert meeting" was typeset.
    expect(an).toBeGreaterThan(0);
    expect(withArticle('expert meeting')).toBe('an expert meeting');
    expect(withArticle('seminar')).toBe('a seminar');
  });

  it('names as masthead the lines its layout typeset above the articles, never the cover headline', () => {
    const byMasthead = new Map(
      Array.from({ length: 60 }, (_, seed) => drawIssue(seed, bank)).map((i) => [i.layout.masthead, i]),
    );
    expect([...byMasthead.keys()].sort()).toEqual(['band', 'corner', 'cover', 'none', 'smallprint']);
    const m = byMasthead.get('cover')!.masthead;
    expect(mastheadTexts(byMasthead.get('none')!)).toEqual([]);
    expect(mastheadTexts(byMasthead.get('band')!)).toEqual([m.name, byMasthead.get('band')!.masthead.numberLine]);
    expect(mastheadTexts(byMasthead.get('cover')!)).toEqual([m.name, m.numberLine, m.smallprint]);
    expect(mastheadTexts(byMasthead.get('smallprint')!)).toContain(m.smallprint);
    expect(issueTexts(byMasthead.get('cover')!)).toContain(m.headline);
  });

  it('finds the masthead on page 1 when pdftotext reads its words, even across the columns or without a hyphen', () => {
    const issue = drawIssue(4242, bank);
    const [name, numberLine] = [issue.masthead.name, issue.masthead.numberLine];
    // pdftotext reads a large bold "South-East" as "SouthEast", and a wide line across the columns below it.
    expect(name).toContain('South-East');
    const split = name.replace('South-East', 'SouthEast').split(' ');
    const page1 = `${split.slice(0, 3).join(' ')}   Editorial   ${split.slice(3).join(' ')}\n${numberLine}\nThis is the issue.`;
    const f = findFurniture(issue, [page1, 'Calendar'], [name, numberLine, 'Quarterly newsletter of nobody']);
    expect(f.pages[0]!.masthead).toEqual([name, numberLine]);
    expect(f.pages[1]!.masthead).toBeUndefined();
  });
  it('draws every engine from seeds alone', () => {
    const engines = new Set(Array.from({ length: 200 }, (_, i) => drawLayout(new Rng(i)).engine));
    expect(engines.size).toBe(9);
  });

  // .ci/run installs groff; Typst comes from npm. Where an engine is missing, Vitest reports the test skipped.
  it.for(['typst', 'groff-ms'] as const)(
    'names in its expectations only words pdftotext finds in the %s PDF it made',
    { timeout: 120_000 },
    async (engine, { skip }) => {
      if (!engineAvailable(engine)) skip(`${engine} is not installed here`);
      const dir = mkdtempSync(join(tmpdir(), 'valise-gen-test-'));
      try {
        const g = await generate(31, dir, 'issue', engine);
        expect(g.expectations.samples.length).toBeGreaterThan(0);
        expect(g.expectations.people.length).toBeGreaterThan(0);
        // Everything placed is read back (nothing set apart as unverified), and found again.
        expect(g.expectations.unverified).toEqual([]);
        expect(notInPdf(g.pdf, g.expectations)).toEqual([]);
        // A title pdftotext reads in one run has its page (in narrow columns it may interleave a title with the next column).
        expect(g.expectations.sections.filter((s) => s.page !== null).length).toBeGreaterThanOrEqual(
          g.expectations.sections.length / 2,
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});

describe('committed fixed set', () => {
  const files = existsSync(GENERATED_DIR)
    ? readdirSync(GENERATED_DIR).filter((f) => f.endsWith('.json') && f !== 'manifest.json')
    : [];

  it('holds the issues its manifest lists, every engine among them', () => {
    const manifest = JSON.parse(readFileSync(join(GENERATED_DIR, 'manifest.json'), 'utf8')) as {
      issues: { file: string }[];
    };
    expect(manifest.issues.length).toBeGreaterThanOrEqual(27);
    for (const m of manifest.issues) expect(files, m.file).toContain(m.file.replace(/\.pdf$/, '.json'));
    const engines = new Set(
      files.map((f) => (JSON.parse(readFileSync(join(GENERATED_DIR, f), 'utf8')) as ExpectationsFile).engine),
    );
    expect(engines.size).toBe(9);
  });

  it('accounts on page 1 of each issue for every masthead line its layout typeset', () => {
    let lines = 0;
    for (const f of files) {
      const e = JSON.parse(readFileSync(join(GENERATED_DIR, f), 'utf8')) as ExpectationsFile;
      const typeset = mastheadTexts(drawIssue(e.seed, bank, e.engine));
      expect(e.furniture.pages[0]?.masthead ?? [], f).toEqual(typeset);
      lines += typeset.length;
    }
    expect(lines).toBeGreaterThan(files.length);
  });

  it("names in each issue's expectations only words pdftotext finds in its PDF", () => {
    for (const f of files) {
      const e = JSON.parse(readFileSync(join(GENERATED_DIR, f), 'utf8')) as ExpectationsFile;
      expect(claims(e).length, f).toBeGreaterThan(10);
      expect(notInPdf(join(GENERATED_DIR, e.file), e), f).toEqual([]);
    }
  }, 120_000);
});

describe('scorer', () => {
  it('matches words across ligatures, soft hyphens, line-end hyphens, thousands separators and apostrophes', () => {
    const vocabulary = new Set(['trafficking', 'co-operation', 'lettre-vienne@osce.org']);
    expect(words('Human Traﬃcking')).toEqual(['human', 'trafficking']);
    expect(words('traf\u00ad\nficking')).toEqual(['trafficking']);
    expect(words('traf-\nficking', vocabulary)).toEqual(['trafficking']);
    expect(words('co-\noperation', vocabulary)).toEqual(['co', 'operation']);
    expect(words('traf -\nficking', vocabulary)).toEqual(['trafficking']);
    expect(words('the region -\nand', vocabulary)).toEqual(['the', 'region', 'and']);
    expect(words('the Euro pean Union', new Set(['european', 'union', 'the']))).toEqual(['the', 'european', 'union']);
    expect(words('in to the union', new Set(['into', 'in', 'to', 'the', 'union']))).toEqual([
      'in',
      'to',
      'the',
      'union',
    ]);
    expect(words('lettrevienne@osce.org', vocabulary)).toEqual(['lettre', 'vienne', 'osce', 'org']);
    for (const n of ['15,313', '15 313', '15\u00a0313', '15\u202f313', '15.313', '15\n313'])
      expect(words(`${n} officers`), n).toEqual(['15313', 'officers']);
    expect(words('2.5 million')).toEqual(['2', '5', 'million']);
    expect(words('France’s')).toEqual(['frances']);
  });

  it("joins a word cut at a soft hyphen as the engine drew its lines, not as pdftotext's order reads across columns", () => {
    // Typst's calendar in two narrow columns: pdftotext reads the columns' lines in turn, the raw
    // reading (the content stream's order) each column down.
    const across =
      '• 13–14 June 2030, Ljubl\u00ad\nregional seminar on\njana: joint round\nvic\u00ad\ntable on\ntims of trafficking';
    const drawn =
      '• 13–14 June 2030, Ljubl\u00ad\njana: joint round\ntable on\nregional seminar on\nvic\u00ad\ntims of trafficking';
    const sorted = (t: string) => words(t).sort();
    expect(words(across)).toContain('ljublregional');
    expect(sorted(joinSoftHyphensAsDrawn(across, drawn))).toEqual(sorted(drawn));
    expect(words(joinSoftHyphensAsDrawn(across, drawn))).toContain('ljubljana');
    // Both readings join alike: the page is left as it is.
    const reordered =
      'regional seminar on\nvic\u00ad\ntims of trafficking\n• 13–14 June 2030, Ljubl\u00ad\njana: joint round\ntable on';
    expect(joinSoftHyphensAsDrawn(drawn, reordered)).toBe(drawn);
    expect(joinSoftHyphensAsDrawn('no soft hyphen\nhere', 'here\nno soft hyphen')).toBe('no soft hyphen\nhere');
    // A piece the page does not hold is never made up.
    expect(sorted(joinSoftHyphensAsDrawn('Ljubl\u00ad\nregional', 'Ljubl\u00ad\njana:'))).toEqual([
      'ljubl',
      'regional',
    ]);
  });

  it('finds a sample verbatim whichever apostrophe the engine printed, and nothing less than the sample', () => {
    const printed = 'The United Nations Children’s Fund (UNICEF) supports programmes that keep girls at school.';
    expect(holdsSample(printed, "The United Nations Children's Fund (UNICEF) supports programmes")).toBe(true);
    expect(
      holdsSample(
        'The United Nations Children’s Fund (UNICEF)',
        "The United Nations Children's Fund (UNICEF) supports programmes",
      ),
    ).toBe(false);
    expect(holdsSample(printed, 'The United Nations Childrens Fund (UNICEF)')).toBe(false);
  });

  it('counts the masthead lines as accounted for, not as text the importer should keep', () => {
    const pages = [words('Fight against trafficking\nNo. 26 — September 2026\nEditorial\nthe victims of the network')];
    const imported = ['Editorial', 'the victims of the network'];
    const masthead = ['Fight against trafficking', 'No. 26 — September 2026'];
    expect(textKept(pages, imported, new Set(), masthead)).toEqual({ kept: 6, of: 6, ratio: 1 });
    // Without it, the masthead's seven words count as lost.
    expect(textKept(pages, imported, new Set()).of).toBe(13);
  });

  it("compares the importer's word total with pdftotext's counted the importer's way", () => {
    // A word cut at a line's end and a number with a separator are two words to the importer's accounting, one to words().
    const pages = ['the traf-\nficking network', 'paid 15,313 euros'];
    const acc = { kept: 8, total: 8, dropped: 0, unaccounted: 0 };
    expect(accountingOf(acc, pages, new Set(['trafficking']))).toMatchObject({
      pdftotextTotal: 6,
      pdftotextPieces: 8,
      agrees: true,
    });
    expect(accountingOf({ ...acc, total: 6 }, pages, new Set()).agrees).toBe(false);
    expect(accountingOf(null, pages, new Set()).agrees).toBeNull();
  });

  it('counts text kept as the words of the PDF found in the imported texts, with repeats', () => {
    const pages = [words('the victims of the network'), words('the court')];
    expect(textKept(pages, ['the victims of the network', 'the court'], new Set()).ratio).toBe(1);
    const half = textKept(pages, ['the victims'], new Set());
    expect(half.kept).toBe(2);
    expect(half.of).toBe(7);
    expect(textKept(pages, [], new Set()).ratio).toBe(0);
  });

  it("reads the importer's word accounting from the `words` array of `cli import --dry-run --json`", () => {
    // The shape the CLI prints (main/cli/library-commands.node.ts): one `{ issue, ...WordAccount }` per issue.
    const words: ImporterWords[] = [
      {
        issue: '2030-no-24',
        total: 100,
        kept: 90,
        dropped: [
          { reason: 'masthead', words: 4, lines: [{ page: 1, text: 'No. 24 — March 2030' }] },
          { reason: 'page number', words: 3, lines: [] },
        ],
        unaccounted: [{ page: 2, text: 'lost line', words: 3 }],
        pages: [],
      },
      { issue: '2030-no-25', total: 10, kept: 10, dropped: [], unaccounted: [], pages: [] },
    ];
    const dump = {
      issues: [],
      people: [],
      organisations: [],
      events: [],
      figures: [],
      contacts: [],
      documents: [],
    } as unknown as Dump;
    expect(findAccounting({ ...dump, words })).toEqual({ kept: 100, total: 110, dropped: 7, unaccounted: 3 });
    expect(findAccounting(dump)).toBeNull();
    expect(findAccounting({ ...dump, words: [] })).toBeNull();
  });
});
