/**
 * The yardstick checked against the PDF (#29): pdftotext reads the PDF the generator made; the
 * furniture it printed (running header, footer, page numbers, a footnote's number) is found per
 * page; every section title, sample and named thing is looked for in the text layer. What
 * pdftotext does not read is set apart as unverified (and not scored), so the expectations only
 * name what is really in the PDF.
 */
import { execFileSync } from 'node:child_process';
import type { Furniture, Issue } from './model.std';
import { bag, containsRun, takeLine, words } from './words.std';

/** The PDF's text layer as poppler reads it, one string per page (pdftotext separates pages by form feeds). */
export function pdftotextPages(pdf: string): string[] {
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const pages = text.split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}

/** The PDF's text layer in the order its content stream draws it (`pdftotext -raw`), one string per page. */
export function pdftotextRawPages(pdf: string): string[] {
  const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const pages = text.split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}

const SOFT_END = '\u00ad';

/** The runs of tokens a reading joins at soft hyphens ("Ljubl\u00ad" | "jana:"), each as its pieces. */
export function softHyphenChains(text: string): string[][] {
  const chains: string[][] = [];
  let run: string[] = [];
  for (const [, token, space] of text.matchAll(/(\S+)(\s*)/g)) {
    run.push(token!);
    if (token!.endsWith(SOFT_END) && space!.includes('\n')) continue;
    if (run.length > 1) chains.push(run);
    run = [];
  }
  return chains;
}

/**
 * A page as pdftotext reads it, with each word an engine cut at a soft hyphen joined as the
 * engine drew it. A soft hyphen (Typst's line-end break) says the word goes on at the start of the
 * engine's next line; pdftotext's reading order may put another column's line there (a calendar in
 * two narrow columns: "Ljubl\u00ad" | "regional" → "ljublregional"), while its raw reading keeps
 * the content stream's order, the engine's own line order ("Ljubl\u00ad" | "jana:"). Each
 * chain the default reading made that the raw reading does not make is taken apart, and each
 * chain of the raw reading it lacks is made from the pieces the page holds: the words stay
 * pdftotext's, only their joins at soft hyphens follow the engine's lines. Nothing changes on a
 * page where both readings join the same pieces (every engine but Typst draws no soft hyphen).
 */
export function joinSoftHyphensAsDrawn(page: string, rawPage: string): string {
  const key = (chain: string[]) => chain.join('\n');
  const wanted = new Map<string, number>();
  for (const c of softHyphenChains(rawPage)) wanted.set(key(c), (wanted.get(key(c)) ?? 0) + 1);
  let text = page;
  for (const c of softHyphenChains(page)) {
    const n = wanted.get(key(c)) ?? 0;
    if (n > 0) wanted.set(key(c), n - 1);
    else text = takeApart(text, c);
  }
  const made: string[] = [];
  for (const [k, n] of wanted)
    for (let i = 0; i < n; i++) {
      const pieces = k.split('\n');
      const rest = removeTokens(text, pieces);
      if (rest === null) continue;
      text = rest;
      made.push(pieces.join('').replace(/\u00ad/g, ''));
    }
  return made.length ? `${text}\n${made.join('\n')}` : text;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A mark after a soft hyphen taken apart from its line's end: words() then reads the piece as a word of its own. */
const APART = '\u200b';

/** The text with one occurrence of the chain's soft-hyphen line ends taken apart. */
function takeApart(text: string, chain: string[]): string {
  const pattern = new RegExp(chain.map(escape).join('\\s*\\n\\s*'));
  return text.replace(pattern, (all) => all.replace(/\u00ad(?=\s*\n)/g, `\u00ad${APART}`));
}

/**
 * The text with one occurrence of each token (whole, between spaces, and not the continuation of a
 * soft hyphen the reading keeps) taken out, or null where one is missing.
 */
function removeTokens(text: string, tokens: string[]): string | null {
  let out = text;
  for (const t of tokens) {
    const next = out.replace(new RegExp(`(?<!\u00ad\\s*)(^|\\s)${escape(t)}${APART}?(?=\\s|$)`), '$1');
    if (next === out) return null;
    out = next;
  }
  return out;
}

const norm = (line: string) => line.normalize('NFKC').replace(/\s+/g, ' ').trim();

/**
 * Lines of each page that are the furniture the layout asked for (header, footer, page number),
 * and on page 1 the masthead lines it typeset (`masthead`: the newsletter's name, the number and
 * date, the small print), each kept where page 1 holds all its words once the furniture is out
 * (as a bag: pdftotext may read a wide masthead line across the columns below it).
 */
export function findFurniture(
  issue: Issue,
  pages: string[],
  masthead: string[] = [],
  vocabulary: ReadonlySet<string> = new Set(),
): Furniture {
  const furniture = findRunningLines(issue, pages);
  const first = furniture.pages[0];
  if (first) {
    const left = bag(contentWords(pages[0]!, first.lines, vocabulary));
    first.masthead = masthead.filter((line) => takeLine(left, line, vocabulary));
  }
  return furniture;
}

function findRunningLines(issue: Issue, pages: string[]): Furniture {
  const l = issue.layout;
  const wanted = (page: number) => {
    const lines = [l.header, l.footer].filter((x): x is string => !!x).map(norm);
    if (l.pageNumbers === 'plain') lines.push(String(page));
    if (l.pageNumbers === 'page-n') lines.push(`Page ${page}`);
    return lines;
  };
  return {
    header: l.header,
    footer: l.footer,
    pages: pages.map((text, i) => {
      const lines = text.split('\n').map(norm);
      const found: string[] = [];
      for (const w of wanted(i + 1)) {
        // A footer and the page number may share a line ("Permanent Mission … 3"): look for both.
        const hit = lines.find((line) => line === w || line.startsWith(`${w} `) || line.endsWith(` ${w}`));
        if (hit !== undefined) found.push(w);
      }
      return { page: i + 1, lines: found };
    }),
  };
}

/**
 * The page's words with its furniture taken out: each furniture line once, where pdftotext put it
 * (a line equal to it, else the end or start of a line that shares it, looking from the page's
 * foot for a footer or a number and from its head for a header).
 */
export function contentWords(pageText: string, furniture: string[], vocabulary: ReadonlySet<string>): string[] {
  const lines = pageText.split('\n').map(norm);
  for (const f of furniture) {
    const order = lines.map((_, i) => i);
    if (!/^[A-Z]/.test(f) || /\d$/.test(f)) order.reverse();
    const exact = order.find((i) => lines[i] === f);
    if (exact !== undefined) {
      lines[exact] = '';
      continue;
    }
    const part = order.find((i) => lines[i]!.startsWith(`${f} `) || lines[i]!.endsWith(` ${f}`));
    if (part !== undefined)
      lines[part] = lines[part]!.startsWith(`${f} `)
        ? lines[part]!.slice(f.length + 1)
        : lines[part]!.slice(0, -(f.length + 1));
  }
  return words(lines.join('\n'), vocabulary);
}

export interface Verification {
  /** Per claim: 'run' (read in one piece), 'scattered' (every word there, not in one run), 'missing'. */
  status: Map<string, 'run' | 'scattered' | 'missing'>;
  pageOf: (text: string) => number | null;
}

export function verify(claims: string[], pagesWords: string[][], vocabulary: ReadonlySet<string>): Verification {
  const all = pagesWords.flat();
  const counts = bag(all);
  const status = new Map<string, 'run' | 'scattered' | 'missing'>();
  for (const c of claims) {
    const w = words(c, vocabulary);
    if (containsRun(all, w)) status.set(c, 'run');
    else status.set(c, [...bag(w)].every(([k, n]) => (counts.get(k) ?? 0) >= n) ? 'scattered' : 'missing');
  }
  const pageOf = (text: string) => {
    const w = words(text, vocabulary);
    const i = pagesWords.findIndex((p) => containsRun(p, w));
    return i < 0 ? null : i + 1;
  };
  return { status, pageOf };
}
