/**
 * The scorer (#29): runs the importer as a user would, through the CLI
 * (`cli import FILE --dry-run --json`, no corrections), and scores what it returns against the
 * expectations the generator wrote (or the hand-made corpus's expected.json).
 *
 * Text kept: the words of the PDF's text layer as poppler's pdftotext reads it (each word an engine
 * cut at a soft hyphen joined as the engine drew its lines: `joinSoftHyphensAsDrawn`), less the furniture
 * the generator printed (each header, footer and page-number line once per page where pdftotext
 * shows it) and less the masthead lines it typeset on page 1 (name, number and date, small print:
 * the issue's metadata, read by the importer as such), counted with repeats; a word is kept as
 * many times as it occurs in the imported issue's title, section titles, kickers and paragraphs
 * (multiset intersection). Both sides go
 * through the same `words()` (words.std.ts: NFKC so ligatures are letters, line-end hyphens
 * mended by the generator's own vocabulary, thousands separators joined, lower case, apostrophes
 * dropped, any other punctuation a separator).
 *
 * Matching per kind (recall: found / expected):
 *  - section: a section whose title has the same words as the expected title; among those found,
 *    whether the kicker has the same words and the page is the page pdftotext shows the title on;
 *  - sample paragraph: the sample, with spaces collapsed and NFKC, is a substring of one paragraph;
 *  - person: an imported person whose name's words contain the expected first and last name in a
 *    run (at most two more words: a title);
 *  - organisation: same name words, or the same acronym, or a name equal to the acronym;
 *  - event: the same start date and one of the expected title words in the imported title;
 *  - figure: the same value and currency (EUR, USD or none);
 *  - contact: the same e-mail address, case-insensitively;
 *  - UN document: the same symbol, case-insensitively.
 *
 * VALISE_SCORE_DUMPS=<folder> keeps each import's JSON there (`<pdf name>.dump.json`), to read
 * what the importer made of a PDF whose items are missed; VALISE_SCORE_FROM=<folder> scores such
 * kept JSON instead of running the CLI (to score one importer's output again after a scorer change).
 *
 * Accounting: the importer's own count (the JSON's `words` array: kept, dropped by reason,
 * unaccounted), and whether its total agrees within 2 % with pdftotext's text layer counted by the
 * same definition of a word (`wordsIn`: runs of letters or digits on the raw lines, so a word cut
 * at a line's end and a number with a thousands separator are two, as the importer counts them).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { wordsIn, type WordAccount } from '../../../db/pipeline/accounting.std';
import type { ExpectationsFile } from './model.std';
import { contentWords, joinSoftHyphensAsDrawn, pdftotextPages, pdftotextRawPages } from './verify.node';
import { bag, containsRun, takeLine, words } from './words.std';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const CLI = join(ROOT, 'main', 'cli', 'cli.node.ts');

/** The dump shape of the CLI (docs/cli.md), as far as the scorer reads it. */
export interface Dump {
  issues: {
    number: number | null;
    year: number | null;
    date: string | null;
    title: string | null;
    sections: {
      title: string;
      kicker: string | null;
      page: number | null;
      paragraphs: { text: string; kind: string }[];
    }[];
    [k: string]: unknown;
  }[];
  people: { name: string; aliases?: string[] }[];
  organisations: { name: string; acronym: string | null; aliases?: string[] }[];
  events: { title: string; start: string | null; end: string | null; place: string | null }[];
  figures: { value: number | null; currency: string | null; text?: string }[];
  contacts: { kind: string; value: string }[];
  documents: { symbol: string }[];
  [k: string]: unknown;
}

export interface Recall {
  found: number;
  of: number;
  missing: string[];
}

export const KINDS = [
  'sections',
  'samples',
  'people',
  'organisations',
  'events',
  'figures',
  'contacts',
  'documents',
] as const;
export type Kind = (typeof KINDS)[number];

/** One entry of the importer's `words` array, as the CLI prints it. */
export type ImporterWords = { issue: string } & WordAccount;

export interface Accounting {
  /** The importer's own word count of the text layer, what it kept, and what it accounted for nowhere, when its JSON carries them. */
  importerTotal: number | null;
  importerKept: number | null;
  importerUnaccounted: number | null;
  /** pdftotext's word count of the whole text layer (furniture included), by the scorer's words(). */
  pdftotextTotal: number;
  /** The same text layer counted as the importer's accounting counts words (wordsIn). */
  pdftotextPieces: number;
  /** Whether the importer's total is within 2 % of pdftotextPieces. */
  agrees: boolean | null;
}

export interface IssueScore {
  file: string;
  engine: string;
  pages: number;
  error: string | null;
  importMs: number;
  textKept: { kept: number; of: number; ratio: number };
  number: { expected: number | null; got: number | null; right: boolean };
  year: { expected: number; got: number | null; right: boolean };
  month: { expected: number | null; got: string | null; right: boolean | null };
  kinds: Record<Kind, Recall>;
  sectionKickersRight: number;
  sectionPagesRight: number;
  accounting: Accounting;
}

/** Runs the importer's CLI on one PDF: dry run, JSON, no corrections, in a user folder of its own. */
export function importDryRun(pdf: string): Promise<{ dump: Dump | null; error: string | null; ms: number }> {
  const kept =
    process.env.VALISE_SCORE_FROM && join(process.env.VALISE_SCORE_FROM, `${basename(pdf, '.pdf')}.dump.json`);
  if (kept)
    return Promise.resolve(
      existsSync(kept)
        ? { dump: JSON.parse(readFileSync(kept, 'utf8')) as Dump, error: null, ms: 0 }
        : { dump: null, error: `no dump ${kept}`, ms: 0 },
    );
  const userData = mkdtempSync(join(tmpdir(), 'valise-score-'));
  const start = performance.now();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', CLI, 'import', pdf, '--dry-run', '--json'],
      {
        cwd: ROOT,
        env: { ...process.env, VALISE_USER_DATA: userData },
        maxBuffer: 256 * 1024 * 1024,
        timeout: 300_000,
      },
      (error, stdout, stderr) => {
        rmSync(userData, { recursive: true, force: true });
        const ms = Math.round(performance.now() - start);
        if (error) return resolve({ dump: null, error: (stderr || error.message).trim().slice(0, 500), ms });
        if (process.env.VALISE_SCORE_DUMPS)
          writeFileSync(join(process.env.VALISE_SCORE_DUMPS, `${basename(pdf, '.pdf')}.dump.json`), stdout);
        try {
          resolve({ dump: JSON.parse(stdout) as Dump, error: null, ms });
        } catch (e) {
          resolve({ dump: null, error: `not JSON: ${(e as Error).message}`, ms });
        }
      },
    );
  });
}

/**
 * A text as the samples are compared: NFKC (ligatures are letters), soft hyphens out, spaces
 * collapsed, and an apostrophe as one character whichever glyph the engine set: LaTeX and groff
 * print the generator's ' as ’ ("Children’s Fund"), which pdftotext and the importer both read.
 */
const squash = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/\u00ad/g, '')
    .replace(/[’‘ʼ]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();

/** Whether one imported paragraph holds a sample verbatim (as squash compares them). */
export const holdsSample = (paragraph: string, sample: string) => squash(paragraph).includes(squash(sample));
const same = (a: string, b: string) => words(a).join(' ') === words(b).join(' ');
const CURRENCY: Record<string, string> = {
  '€': 'EUR',
  eur: 'EUR',
  euro: 'EUR',
  euros: 'EUR',
  $: 'USD',
  usd: 'USD',
  dollar: 'USD',
  dollars: 'USD',
};
export const currencyCode = (c: string | null | undefined) =>
  c ? (CURRENCY[c.trim().toLowerCase()] ?? c.trim().toUpperCase()) : null;

function recall<T>(expected: T[], label: (t: T) => string, found: (t: T) => boolean): Recall {
  const missing = expected.filter((t) => !found(t)).map(label);
  return { found: expected.length - missing.length, of: expected.length, missing };
}

/** Every text the import kept as content: the issue's title, its sections' titles and kickers, its paragraphs. */
export function importedTexts(dump: Dump): string[] {
  return dump.issues.flatMap((i) => [
    i.title ?? '',
    ...i.sections.flatMap((s) => [s.title, s.kicker ?? '', ...s.paragraphs.map((p) => p.text)]),
  ]);
}

/**
 * Text kept: multiset intersection of the content words of pdftotext's pages and the imported
 * texts. The words of `metadata` (the masthead lines the generator typeset: the importer reads
 * them as the issue's number and date, it does not keep them as text) are accounted for, not counted.
 */
export function textKept(
  pagesWords: string[][],
  imported: string[],
  vocabulary: ReadonlySet<string>,
  metadata: string[] = [],
): { kept: number; of: number; ratio: number } {
  const doc = bag(pagesWords.flat());
  for (const line of metadata) takeLine(doc, line, vocabulary);
  const got = bag(imported.flatMap((t) => words(t, vocabulary)));
  let kept = 0;
  let of = 0;
  for (const [w, n] of doc) {
    of += n;
    kept += Math.min(n, got.get(w) ?? 0);
  }
  return { kept, of, ratio: of === 0 ? 1 : kept / of };
}

/**
 * The importer's own word accounting: the additive `words` field of `cli import --dry-run --json`,
 * one entry per imported issue (`{ issue, ...WordAccount }`, db/pipeline/accounting.std.ts), summed
 * over the issues; null when the JSON has no such array (an importer before #29).
 */
export function findAccounting(
  dump: Dump,
): { kept: number; total: number; dropped: number; unaccounted: number } | null {
  if (!Array.isArray(dump.words)) return null;
  const entries = (dump.words as Partial<ImporterWords>[]).filter(
    (w) => typeof w.total === 'number' && typeof w.kept === 'number',
  );
  if (entries.length === 0) return null;
  const sum = (f: (w: Partial<ImporterWords>) => number) => entries.reduce((n, w) => n + f(w), 0);
  return {
    kept: sum((w) => w.kept!),
    total: sum((w) => w.total!),
    dropped: sum((w) => (w.dropped ?? []).reduce((n, d) => n + d.words, 0)),
    unaccounted: sum((w) => (w.unaccounted ?? []).reduce((n, u) => n + u.words, 0)),
  };
}

/** The importer's accounting beside pdftotext's counts of the same text layer. */
export function accountingOf(
  acc: ReturnType<typeof findAccounting>,
  pages: string[],
  vocabulary: ReadonlySet<string>,
): Accounting {
  const pieces = pages.reduce((n, p) => n + wordsIn(p), 0);
  return {
    importerTotal: acc?.total ?? null,
    importerKept: acc?.kept ?? null,
    importerUnaccounted: acc?.unaccounted ?? null,
    pdftotextTotal: pages.flatMap((p) => words(p, vocabulary)).length,
    pdftotextPieces: pieces,
    agrees: acc ? Math.abs(acc.total - pieces) <= AGREEMENT * pieces : null,
  };
}

function kinds(e: ExpectationsFile, dump: Dump): { kinds: Record<Kind, Recall>; kickers: number; pages: number } {
  const sections = dump.issues.flatMap((i) => i.sections);
  const paragraphs = sections.flatMap((s) => s.paragraphs.map((p) => p.text));
  const matched = e.sections.map((x) => ({ x, s: sections.find((s) => same(s.title, x.title)) }));
  const out: Record<Kind, Recall> = {
    sections: recall(
      matched,
      (m) => m.x.title,
      (m) => !!m.s,
    ),
    samples: recall(
      e.samples,
      (s) => s.slice(0, 80),
      (s) => paragraphs.some((p) => holdsSample(p, s)),
    ),
    people: recall(
      e.people,
      (p) => p.name,
      (p) =>
        dump.people.some((q) =>
          [q.name, ...(q.aliases ?? [])].some(
            (n) => containsRun(words(n), words(p.name)) && words(n).length <= words(p.name).length + 2,
          ),
        ),
    ),
    organisations: recall(
      e.organisations,
      (o) => o.name,
      (o) =>
        dump.organisations.some(
          (q) =>
            [q.name, ...(q.aliases ?? [])].some((n) => same(n, o.name) || (!!o.acronym && same(n, o.acronym))) ||
            (!!o.acronym && q.acronym === o.acronym),
        ),
    ),
    events: recall(
      e.events,
      (v) => `${v.start} ${v.titleWords.join(' ')}`,
      (v) =>
        dump.events.some(
          (q) => q.start === v.start && v.titleWords.some((w) => words(q.title ?? '').includes(w.toLowerCase())),
        ),
    ),
    figures: recall(
      e.figures,
      (f) => f.printed,
      (f) => dump.figures.some((q) => q.value === f.value && currencyCode(q.currency) === f.currency),
    ),
    contacts: recall(
      e.contacts,
      (c) => c.value,
      (c) => dump.contacts.some((q) => q.value.toLowerCase() === c.value.toLowerCase()),
    ),
    documents: recall(
      e.documents,
      (d) => d.symbol,
      (d) => dump.documents.some((q) => q.symbol.replace(/\s+/g, '').toLowerCase() === d.symbol.toLowerCase()),
    ),
  };
  const found = matched.filter((m) => m.s);
  return {
    kinds: out,
    kickers: found.filter((m) => same(m.s!.kicker ?? '', m.x.kicker ?? '')).length,
    pages: found.filter((m) => m.x.page !== null && m.s!.page === m.x.page).length,
  };
}

/** How far the importer's word total may be from pdftotext's and still agree. */
const AGREEMENT = 0.02;
const EMPTY_RECALL = (of: number): Recall => ({ found: 0, of, missing: [] });

/** Scores one generated PDF (its expectations beside it, `<name>.json`). */
export async function scoreGenerated(
  pdf: string,
  expectationsFile = pdf.replace(/\.pdf$/, '.json'),
): Promise<IssueScore> {
  const e = JSON.parse(readFileSync(expectationsFile, 'utf8')) as ExpectationsFile;
  const vocabulary = new Set(e.vocabulary);
  const pages = pdftotextPages(pdf);
  const raw = pdftotextRawPages(pdf);
  const pagesWords = pages.map((p, i) =>
    contentWords(joinSoftHyphensAsDrawn(p, raw[i] ?? ''), e.furniture.pages[i]?.lines ?? [], vocabulary),
  );
  const { dump, error, ms } = await importDryRun(pdf);
  const issue = dump?.issues[0];
  const k = dump ? kinds(e, dump) : null;
  const acc = dump ? findAccounting(dump) : null;
  const mm = e.month === null ? null : `${e.year}-${String(e.month).padStart(2, '0')}`;
  return {
    file: basename(pdf),
    engine: e.engine,
    pages: pages.length,
    error,
    importMs: ms,
    textKept: textKept(
      pagesWords,
      dump ? importedTexts(dump) : [],
      vocabulary,
      e.furniture.pages.flatMap((p) => p.masthead ?? []),
    ),
    number: { expected: e.number, got: issue?.number ?? null, right: issue?.number === e.number },
    year: { expected: e.year, got: issue?.year ?? null, right: issue?.year === e.year },
    month: { expected: e.month, got: issue?.date ?? null, right: mm === null ? null : !!issue?.date?.startsWith(mm) },
    kinds:
      k?.kinds ??
      (Object.fromEntries(
        KINDS.map((kind) => [
          kind,
          EMPTY_RECALL(kind === 'samples' ? e.samples.length : (e[kind] as unknown[]).length),
        ]),
      ) as Record<Kind, Recall>),
    sectionKickersRight: k?.kickers ?? 0,
    sectionPagesRight: k?.pages ?? 0,
    accounting: accountingOf(acc, pages, vocabulary),
  };
}

/** Pooled recall of one kind over many scores. */
export function pooled(scores: IssueScore[], kind: Kind): Recall {
  return scores.reduce(
    (acc, s) => ({
      found: acc.found + s.kinds[kind].found,
      of: acc.of + s.kinds[kind].of,
      missing: [...acc.missing, ...s.kinds[kind].missing],
    }),
    { found: 0, of: 0, missing: [] as string[] },
  );
}

interface HandmadeEntry {
  file: string;
  engine: string;
  number: number | null;
  year: number;
  sections: string[];
  samples: string[];
  running: string[];
  entities: { organisation: string[]; person: string[]; document: string[] };
}

const HANDMADE_SOURCES = ['.tex', '.ms', '.fodt'];

/**
 * Scores a PDF of the hand-made corpus (tests/corpus/expected.json) with the same rules: its
 * furniture is the running lines it lists and a page's number alone on a line; organisations
 * listed by acronym match by acronym; events, figures (listed as printed, not by value) and
 * contacts are not scored there; the mending vocabulary is the words of the PDF's source file.
 */
export async function scoreHandmade(corpusDir: string, entry: HandmadeEntry): Promise<IssueScore> {
  const pdf = join(corpusDir, entry.file);
  const source = HANDMADE_SOURCES.map((ext) => pdf.replace(/\.pdf$/, ext)).find((f) => existsSync(f));
  const sourceText = source ? readFileSync(source, 'utf8').replace(/<[^>]+>/g, ' ') : '';
  const pages = pdftotextPages(pdf);
  const furniture = pages.map((p, i) => [
    ...entry.running,
    ...(p.split('\n').some((l) => l.trim() === String(i + 1)) ? [String(i + 1)] : []),
  ]);
  const e: ExpectationsFile = {
    _note: 'hand-made',
    seed: 0,
    file: entry.file,
    engine: entry.engine as ExpectationsFile['engine'],
    layout: null as never,
    pages: pages.length,
    number: entry.number,
    year: entry.year,
    month: null,
    sections: entry.sections.map((title) => ({ title, kicker: null, page: null })),
    samples: entry.samples,
    people: entry.entities.person.map((name) => ({ name, title: '', role: '' })),
    organisations: entry.entities.organisation.map((name) => ({
      name,
      acronym: /^[A-Z]{2,}$/.test(name) ? name : null,
    })),
    events: [],
    figures: [],
    contacts: [],
    documents: entry.entities.document.map((symbol) => ({ symbol })),
    vocabulary: [
      ...new Set(
        sourceText
          .toLowerCase()
          .split(/\s+/)
          .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
          .filter(Boolean),
      ),
    ],
    furniture: { header: null, footer: null, pages: furniture.map((lines, i) => ({ page: i + 1, lines })) },
    hyphenatedLines: 0,
    unverified: [],
  };
  const dir = mkdtempSync(join(tmpdir(), 'valise-handmade-'));
  try {
    const json = join(dir, 'expected.json');
    writeFileSync(json, JSON.stringify(e));
    const score = await scoreGenerated(pdf, json);
    return { ...score, file: entry.file };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
