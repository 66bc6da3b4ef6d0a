/**
 * Builds the bank of real paragraphs (`bank.json`) the generator typesets (#29): the bundled
 * archive's raw text (`assets/newsletters/*.txt`) and the hand-made corpus's sources
 * (`tests/corpus/**`). The archive's extraction damage is mended here, in the bank's copy only
 * (the archive is never touched): line-end hyphens are joined, words run together are split by
 * MENDS, cross-references ("page 6") are cut. A block is kept when it reads as running text:
 * 25–170 words, long lines, starts with a capital and ends a sentence, no lost glyphs.
 *
 *   npx tsx tests/corpus/generate/bank-build.node.ts    # rewrites tests/corpus/generate/bank.json
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const OUT = join(import.meta.dirname, 'bank.json');

/** Words the archive's extraction ran together or cut, as the printed issue spells them. */
const MENDS: [RegExp, string][] = [
  [/FrancoRomanian/g, 'Franco-Romanian'],
  [/\s+page \d+(?=\s|$)/g, ''],
  [/ \./g, '.'],
];
/** Blocks whose two columns the extraction interleaved (unmendable without the PDF): left out. */
const SCRAMBLED = ['national points of This resolution'];
/** A paragraph in which an issue speaks of itself ("this sixteenth issue…, published in June 2025") would give a generated issue a second number and date. */
const SPEAKS_OF_ITSELF = /\bissue\b/i;
const MIN_WORDS = 25;
const MAX_WORDS = 170;
const MIN_MEAN_LINE = 45;

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** Lines of one blank-separated block joined as a reader reads them. */
export function joinLines(lines: string[]): string {
  let text = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (!text) text = line;
    else if (/[a-z]-$/.test(text) && /^[a-z]/.test(line)) text = text.slice(0, -1) + line;
    else text = `${text} ${line}`;
  }
  return MENDS.reduce((t, [from, to]) => t.replace(from, to), text.replace(/\s+/g, ' ').trim());
}

function keepable(lines: string[], text: string): boolean {
  const mean = lines.reduce((n, l) => n + l.trim().length, 0) / lines.length;
  return (
    words(text) >= MIN_WORDS &&
    words(text) <= MAX_WORDS &&
    mean >= MIN_MEAN_LINE &&
    /^[A-Z“]/.test(text) &&
    /[.!?”]$/.test(text) &&
    !SCRAMBLED.some((s) => text.includes(s)) &&
    !SPEAKS_OF_ITSELF.test(text) &&
    !/[\uE000-\uF8FF\u2022]|\[\.\.\.]|\. \. \.|\s{2}|https?:|@/.test(text)
  );
}

function fromArchive(file: string): string[] {
  const blocks = readFileSync(file, 'utf8').split(/\n\s*\n/);
  return blocks
    .map((b) => b.split('\n').filter((l) => l.trim()))
    .filter((ls) => ls.length > 1)
    .map((ls) => ({ ls, text: joinLines(ls) }))
    .filter(({ ls, text }) => keepable(ls, text))
    .map(({ text }) => text);
}

/** Paragraphs of a LaTeX or groff source: plain text lines between markup. */
function fromMarkup(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  const lines = src.split('\n').filter((l) => !/^[.\\%'<]|^\s*$/.test(l) && !/[\\{}]/.test(l));
  return lines
    .map((l) => l.replace(/``|''/g, (q) => (q === '``' ? '“' : '”')).trim())
    .filter((t) => words(t) >= MIN_WORDS && /^[A-Z]/.test(t) && /[.!?”]$/.test(t) && !SPEAKS_OF_ITSELF.test(t));
}

function fromFodt(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  const paras = [...src.matchAll(/<text:p[^>]*>([\s\S]*?)<\/text:p>/g)].map((m) =>
    m[1]!
      .replace(/<[^>]+>/g, '')
      .replace(/&apos;/g, '’')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&')
      .replace(/\s+/g, ' ')
      .trim(),
  );
  return paras.filter(
    (t) => words(t) >= MIN_WORDS && /^[A-Z]/.test(t) && /[.!?”]$/.test(t) && !/@/.test(t) && !SPEAKS_OF_ITSELF.test(t),
  );
}

function main(): void {
  const archive = join(ROOT, 'assets', 'newsletters');
  const corpus = join(ROOT, 'tests', 'corpus');
  const paragraphs = [
    ...readdirSync(archive)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .flatMap((f) => fromArchive(join(archive, f))),
    ...['latex/issue-14.tex', 'multicol/three-columns.tex', 'sidebar/sidebar.tex', 'groff/issue-9.ms'].flatMap((f) =>
      fromMarkup(join(corpus, f)),
    ),
    ...fromFodt(join(corpus, 'writer/issue-15.fodt')),
  ];
  const unique = [...new Set(paragraphs)];
  writeFileSync(
    OUT,
    `${JSON.stringify({ _note: 'Real paragraphs for the generator, built by bank-build.node.ts; the archive copy is mended here only.', paragraphs: unique }, null, 1)}\n`,
  );
  console.log(`${unique.length} paragraphs, ${unique.reduce((n, p) => n + words(p), 0)} words → ${OUT}`);
}

if (process.argv[1] === import.meta.filename) main();
