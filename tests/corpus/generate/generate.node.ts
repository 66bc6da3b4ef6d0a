/**
 * The generated corpus (#29): typesets a seeded issue with one engine, reads the PDF back with
 * pdftotext, and writes the PDF with its expectations (`<name>.pdf`, `<name>.json`).
 *
 *   npx tsx tests/corpus/generate/generate.node.ts --seed 2036 [--engine typst] [--out DIR]
 *
 * Without --engine, the seed draws the engine as the bench's sweep does, so that one issue of a
 * sweep is made again alone. The fixed set: fixed.node.ts.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drawIssue, drawLayout } from './issue.std';
import { Rng } from './random.std';
import { ENGINES, type Block, type Engine, type ExpectationsFile, type Issue } from './model.std';
import { engineAvailable, renderIssue } from './render/index.node';
import { contentWords, findFurniture, pdftotextPages, verify } from './verify.node';
import { vocabularyOf } from './words.std';

export const GENERATED_DIR = join(import.meta.dirname, '..', 'generated');
const BANK = join(import.meta.dirname, 'bank.json');

export function loadBank(): string[] {
  return (JSON.parse(readFileSync(BANK, 'utf8')) as { paragraphs: string[] }).paragraphs;
}

function blockTexts(b: Block): string[] {
  switch (b.kind) {
    case 'para':
      return [b.text, ...(b.footnote ? [b.footnote] : [])];
    case 'subhead':
      return [b.text];
    case 'box':
      return [b.title, ...b.paras];
    case 'quote':
      return [b.text, b.by];
    case 'table':
      return [b.caption, ...b.head, ...b.rows.flat()];
    case 'calendar':
      return ['En bref', 'À venir', ...[...b.past, ...b.coming].map((i) => `${i.when}, ${i.where}: ${i.what}`)];
    case 'contacts':
      return b.lines;
  }
}

/**
 * The masthead lines the layout typeset on page 1 (the newsletter's name, the number and date line,
 * the mission's small print): the issue's metadata, which the importer reads rather than keeps.
 * The cover's headline is not among them: it is a text of the issue.
 */
export function mastheadTexts(issue: Issue): string[] {
  const { layout: l, masthead: m } = issue;
  if (l.masthead === 'none') return [];
  return [m.name, m.numberLine, ...(l.masthead === 'cover' || l.masthead === 'smallprint' ? [m.smallprint] : [])];
}

/** Every text the generator typeset (besides furniture). */
export function issueTexts(issue: Issue): string[] {
  const head = [...mastheadTexts(issue), ...(issue.layout.masthead === 'cover' ? [issue.masthead.headline] : [])];
  return [
    ...head,
    ...issue.sections.flatMap((s) => [...(s.kicker ? [s.kicker] : []), s.title, ...s.blocks.flatMap(blockTexts)]),
  ];
}

/** Claims of the expectations, by the text pdftotext must show for each. */
function claimsOf(e: ExpectationsFile): string[] {
  return [
    ...e.sections.map((s) => s.title),
    ...e.samples,
    ...e.people.map((p) => p.name),
    ...e.organisations.map((o) => o.name),
    ...e.events.map((v) => v.text),
    ...e.figures.map((f) => f.printed),
    ...e.contacts.map((c) => c.value),
    ...e.documents.map((d) => d.symbol),
  ];
}

function keepVerified(e: ExpectationsFile, ok: (text: string) => boolean): void {
  const before = claimsOf(e);
  e.sections = e.sections.filter((s) => ok(s.title));
  e.samples = e.samples.filter(ok);
  e.people = e.people.filter((p) => ok(p.name));
  e.organisations = e.organisations.filter((o) => ok(o.name));
  e.events = e.events.filter((v) => ok(v.text));
  e.figures = e.figures.filter((f) => ok(f.printed));
  e.contacts = e.contacts.filter((c) => ok(c.value));
  e.documents = e.documents.filter((d) => ok(d.symbol));
  e.unverified = before.filter((c) => !ok(c));
}

export interface Generated {
  pdf: string;
  json: string;
  expectations: ExpectationsFile;
}

/** Typesets one issue and writes its PDF and expectations into `outDir` as `<name>.pdf|json`. */
export async function generate(seed: number, outDir: string, name: string, engine?: Engine): Promise<Generated> {
  const issue = drawIssue(seed, loadBank(), engine);
  const work = mkdtempSync(join(tmpdir(), `valise-gen-${seed}-`));
  try {
    const made = await renderIssue(issue, work);
    mkdirSync(outDir, { recursive: true });
    const pdf = join(outDir, `${name}.pdf`);
    copyFileSync(made, pdf);
    const pages = pdftotextPages(pdf);
    const vocabulary = vocabularyOf([...issueTexts(issue), issue.layout.header ?? '', issue.layout.footer ?? '']);
    const vocab = new Set(vocabulary);
    const furniture = findFurniture(issue, pages, mastheadTexts(issue), vocab);
    const pagesWords = pages.map((p, i) => contentWords(p, furniture.pages[i]!.lines, vocab));
    const e: ExpectationsFile = {
      _note:
        'Written by the generator from what it typeset (tests/corpus/generate), checked against pdftotext; never from the importer.',
      seed,
      file: `${name}.pdf`,
      engine: issue.layout.engine,
      layout: issue.layout,
      pages: pages.length,
      ...structuredClone(issue.expect),
      vocabulary,
      furniture,
      hyphenatedLines: pages.join('\n').match(/(\u00ad|\p{L}-)\n/gu)?.length ?? 0,
      unverified: [],
    };
    const v = verify(claimsOf(e), pagesWords, vocab);
    keepVerified(e, (t) => v.status.get(t) !== 'missing');
    e.sections = e.sections.map((s) => ({ ...s, page: v.pageOf(s.title) }));
    const json = join(outDir, `${name}.json`);
    writeFileSync(json, `${JSON.stringify(e, null, 1)}\n`);
    return { pdf, json, expectations: e };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? undefined : process.argv[i + 1];
}

async function main(): Promise<void> {
  const seed = Number(arg('seed') ?? Date.now() % 100000);
  // As the bench's sweep does: the engine drawn from the seed, then the layout drawn for that engine.
  const engine = (arg('engine') ?? drawLayout(new Rng(seed)).engine) as Engine;
  if (engine && !ENGINES.includes(engine)) throw new Error(`unknown engine ${engine}; one of ${ENGINES.join(', ')}`);
  if (engine && !engineAvailable(engine)) throw new Error(`engine ${engine} is not on this machine`);
  const out = arg('out') ?? join(tmpdir(), 'valise-generated');
  const g = await generate(seed, out, `seed-${seed}-${engine}`, engine);
  console.log(
    `seed ${seed} · ${g.expectations.engine} · ${g.expectations.pages} pages → ${g.pdf}${g.expectations.unverified.length ? `\nunverified: ${g.expectations.unverified.join(' | ')}` : ''}`,
  );
}

if (process.argv[1] === import.meta.filename) void main();
