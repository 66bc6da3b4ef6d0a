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
