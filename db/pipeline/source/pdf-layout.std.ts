/**
 * Turns a PDF's positioned text into what the pipeline reads: raw text in the form of the bundled
 * issues (one line per printed line, blank lines for vertical space, each page after the first
 * opening with one space), plus the layout half of an overlay, which here comes from positions
 * instead of an editor: which lines sit inside a filled box, and which are page numbers.
 *
 * Reading order: lines that cross the middle of the page (a title across both columns) are read
 * where they stand; between them, the left column is read down, then the right one. Words are
 * never changed, only put in order.
 */
import type { BoxKind } from '../overlay.std';
import { mastheadLineFacts } from '../issue/masthead.std';
import { faceOf, type LineStyles } from '../text/style.std';

export interface PdfRun {
  text: string;
  /** Left end of the baseline, in PDF points from the page's bottom-left corner. */
  x: number;
  y: number;
  width: number;
  /** Font size in points. */
  size: number;
  /** The font's name, where the PDF gives it: its weight and slant are read from it. */
  font?: string;
}

export interface PdfRect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PdfPageText {
  width: number;
  height: number;
  runs: PdfRun[];
  /** Filled rectangles: the shaded side boxes of the layout (and anything else filled). */
  rects: PdfRect[];
  /**
   * Widths of the soft hyphens the page draws that pdf.js left out of its text (Typst draws every
   * hyphen so): each ended a line whose word goes on at the next.
   */
  softHyphens?: number[];
  /** Thin horizontal lines (a table's rules, stroked or filled), where the PDF draws any. */
  rules?: PdfRect[];
}

/** Why the layout left a line out of the running text: what its `drop` entries give as `reason`. */
export const DROP_REASONS = {
  runningHeader: 'running header or footer',
  pageNumber: 'page number',
  footnoteMark: 'footnote mark',
} as const;

export interface LayoutOverlay {
  firstPage?: number;
  boxes: { kind: BoxKind; lines: string[] }[];
  drop: { lines: string; reason: string }[];
  /** How each line is set (size against the body text, weight, font): the structure stage reads it. */
  styles?: LineStyles;
}

interface Segment {
  x0: number;
  x1: number;
  y: number;
  size: number;
  text: string;
  /** Index of the filled box the line sits in, or -1. */
  box: number;
  /** -1: across both columns; 0 left; 1 right. */
  column: number;
  /** The font most of the line is set in ('' where the PDF does not say). */
  font: string;
  /** A raised footnote mark put aside from its line: left out, with its reason. */
  mark?: boolean;
  /** Which band of the page (bandsOf) the line is in. */
  band?: number;
  /** Where a run opens after a gap wider than a word space: a cell may begin there (bySubColumns). */
  cuts?: Cut[];
}

/** A run's left edge `x` after a gap from `end`, with the words of the line before it. */
interface Cut {
  x: number;
  end: number;
  words: number;
}

/** A gap at least this wide (in ems) may part two cells of a table set close (Chromium's calendar: 1 em). */
const CELL_GAP = 0.6;

const PAGE_NUMBER = /^\d{1,3}$/;
/** A heading inside a sidebar that opens its contact part, which is a box of its own. */
const CONTACT_HEADING = /^(contacts?|for more information)\s*:?$/i;
/** The narrowest white stripe taken for a gutter between columns, in points. */
const MIN_GUTTER = 6;
/** The top and bottom margins, as a share of the page's height (groff's footer sits at 8.7%). */
const MARGIN = 0.1;
/** Footnotes are told apart as a box of their own per column, numbered past any filled box. */
const FOOTNOTE_BOX = 10_000;
/** Space of this many lines or more between two lines is a blank line (a paragraph's spacing). */
const PARAGRAPH_SPACE = 1.25;
/** A reference that says: this line runs on from the foot of the column before. */
const RUNS_ON = -Infinity;
const INDENT = '    '; // four spaces: an indent can never pass for a page start (one space)

/** Ligatures, and half- and full-width forms, as the letters they stand for (NFKC on those only). */
const PRESENTATION_FORMS = /[\uFB00-\uFB4F\uFF01-\uFF5E]+/g;
/** A soft hyphen at a line's end is the hyphen the line was broken at; elsewhere it is invisible. */
export function plainText(text: string): string {
  return withAccents(
    text
      .replace(PRESENTATION_FORMS, (forms) => forms.normalize('NFKC'))
      .replace(/\u00AD(?=\s*$)/, '-')
      .replace(/\u00AD/g, ''),
  );
}

/** Spacing accents as some engines draw them, before their letter (pdfLaTeX's "Kovaˇc"), and the combining marks they stand for. */
const SPACING_ACCENTS: Record<string, string> = {
  '\u02C7': '\u030C',
  '\u00B4': '\u0301',
  '\u00A8': '\u0308',
  '\u02DC': '\u0303',
  '\u02C6': '\u0302',
  '\u00B8': '\u0327',
  '\u02DA': '\u030A',
  '\u02D8': '\u0306',
  '\u02D9': '\u0307',
  '\u02DD': '\u030B',
  '\u02DB': '\u0328',
};
const ACCENT_BEFORE_LETTER = /([\u02C7\u00B4\u00A8\u02DC\u02C6\u00B8\u02DA\u02D8\u02D9\u02DD\u02DB])(\p{L})/gu;

/** An accent drawn before its letter is put on it, where one letter carries both (č); any other stays as it is. */
function withAccents(text: string): string {
  return text.replace(ACCENT_BEFORE_LETTER, (pair, accent: string, letter: string) => {
    const composed = (letter + SPACING_ACCENTS[accent]!).normalize('NFC');
    return [...composed].length === 1 ? composed : pair;
  });
}

/**
 * A footnote mark: a number or star set smaller than the text beside it and above its baseline.
 * Measured against the nearest run of the line, the word it is set against: a line's baseline can
 * join runs of other columns, and a table's number is not raised above a title set larger beside it.
 */
const isMark = (run: PdfRun, line: PdfRun[]) => {
  const apart = (r: PdfRun) => Math.max(r.x - (run.x + run.width), run.x - (r.x + r.width));
  const beside = line.filter((r) => r !== run).sort((a, b) => apart(a) - apart(b))[0];
  if (!beside) return false;
  const body = beside.size;
  return run.size < 0.8 * body && run.y > beside.y + 0.15 * body && /^[\d*†‡]{1,3}$/.test(run.text.trim());
};

/** How far apart a run stands from the nearest of some runs, across (Infinity if there are none). */
const gapTo = (run: PdfRun, runs: PdfRun[]) =>
  Math.min(Infinity, ...runs.map((r) => Math.max(r.x - (run.x + run.width), run.x - (r.x + r.width))));

/** Runs on one baseline, in order of x; a footnote mark joins the line it is raised above. */
function baselinesOf(page: PdfPageText): PdfRun[][] {
  const runs = page.runs
    .map((r) => ({ ...r, text: plainText(r.text) }))
    .filter((r) => r.text.trim() !== '')
    .sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: PdfRun[][] = [];
  for (const run of runs) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line[0]!.y - run.y) <= 0.3 * Math.max(run.size, line[0]!.size)) line.push(run);
    else lines.push([run]);
  }
  // A raised mark lands on a line of its own just above its baseline, or on another column's
  // line that its height reaches: put it back on the line of the word it is set against.
  for (let i = lines.length - 2; i >= 0; i--) {
    const line = lines[i]!;
    const below = lines[i + 1]!;
    const raised = line.filter(
      (m) =>
        isMark(m, [...below, m]) &&
        m.y - below[0]!.y < 0.6 * below[0]!.size &&
        gapTo(m, below) <
          gapTo(
            m,
            line.filter((r) => r !== m),
          ),
    );
    if (raised.length === 0) continue;
    below.push(...raised);
    const rest = line.filter((r) => !raised.includes(r));
    if (rest.length) lines[i] = rest;
    else lines.splice(i, 1);
  }
  return lines.map((line) => joinPieces(line.sort((a, b) => a.x - b.x)));
}

/**
 * Pieces closer than this (in ems) are one word ("Tra" | "ff" | "icking": pdf.js cuts a ligature
 * out as an item of its own, touching its neighbours); a space is wider, even one pdf.js did not
 * write out (Chromium's "the" | "fi" | "rst" after a space: 0.3 em).
 */
const PIECE_GAP = 0.1;

/** Whether the next run continues the word the run ends: set alike, on one baseline, touching. */
function continuesWord(run: PdfRun, next: PdfRun): boolean {
  if (Math.abs(next.size - run.size) > 0.1 * run.size || Math.abs(next.y - run.y) > 0.15 * run.size) return false;
  if (/\s$/.test(run.text) || /^\s/.test(next.text)) return false;
  const gap = (next.x - (run.x + run.width)) / run.size;
  return gap > -0.5 && gap <= PIECE_GAP;
}

/**
 * Runs that are pieces of one word (a ligature cut out by pdf.js, an accent drawn before its letter)
 * joined by their geometry, before columns and words are made: a gutter never cuts a word.
 */
function joinPieces(line: PdfRun[]): PdfRun[] {
  const joined: PdfRun[] = [];
  for (const run of line) {
    const last = joined[joined.length - 1];
    if (last && continuesWord(last, run)) {
      const end = Math.max(last.x + last.width, run.x + run.width);
      joined[joined.length - 1] = { ...last, text: withAccents(last.text + run.text), width: end - last.x };
    } else joined.push({ ...run });
  }
  return joined;
}

/**
 * Gutters: vertical stripes of the page that the body text never crosses, with text on both sides.
 * Found from the page's own x-positions, so any number of columns, and a sidebar, is read.
 */
function guttersOf(lines: PdfRun[][], width: number): [number, number][] {
  const size = median(lines.flatMap((l) => l.map((r) => r.size)));
  // Body text only: titles set larger cross the gutters they stand over.
  const coverage = new Array<number>(Math.ceil(width) + 1).fill(0);
  for (const line of lines) {
    for (const run of line) {
      if (run.size > 1.05 * size) continue;
      for (let x = Math.max(0, Math.floor(run.x)); x <= Math.min(width, Math.ceil(run.x + run.width)); x++)
        coverage[x]!++;
    }
  }
  const peak = Math.max(...coverage);
  const low = (x: number) => coverage[x]! <= Math.max(1, 0.12 * peak);
  // A short column beside a long one still counts as text.
  const dense = coverage.map((c) => c >= Math.max(3, 0.15 * peak));
  const stripes: [number, number][] = [];
  for (let x = 0; x < coverage.length; x++) {
    if (!low(x)) continue;
    let end = x;
    while (end + 1 < coverage.length && low(end + 1)) end++;
    const last = stripes[stripes.length - 1];
    // No column is narrower than two letters: a stripe that close to the last one widens it.
    if (last && x - last[1] < 2 * size) last[1] = end + 1;
    else stripes.push([x, end + 1]);
    x = end;
  }
  return stripes.filter(
    ([from, to]) =>
      to - from >= Math.max(MIN_GUTTER, 0.5 * size) &&
      dense.slice(0, from).some(Boolean) &&
      dense.slice(to).some(Boolean),
  );
}

/** A page's lines (segments cut at the gutters) and, per band of the page, its gutters. */
type Laid = { segments: Segment[] };

/** A line is as wide as the text when it covers this share of it with no gap a gutter could be. */
const WIDE = 0.75;

/** Whether a baseline runs across the page's text in one piece: a line of a one-column part, or a title across columns. */
function isWide(line: PdfRun[], left: number, right: number): boolean {
  const size = Math.max(...line.map((r) => r.size));
  let from = line[0]!.x;
  let to = from;
  let widest = 0;
  for (const run of line) {
    if (run.x - to >= Math.max(MIN_GUTTER, 0.8 * size)) from = run.x;
    to = Math.max(to, run.x + run.width);
    widest = Math.max(widest, to - from);
  }
  return widest >= WIDE * (right - left);
}

/**
 * The page cut into bands at lines across the whole text: columns are looked for in each band on
 * its own, so a part in two columns under a part in one (LaTeX's multicols after a full-width
 * paragraph, a calendar in two columns under the running text) is read column by column.
 */
function bandsOf(lines: PdfRun[][], rules: PdfRect[] = []): { lines: PdfRun[][]; wide: boolean }[] {
  const runs = lines.flat();
  const left = Math.min(...runs.map((r) => r.x));
  const right = Math.max(...runs.map((r) => r.x + r.width));
  const wide = lines.map((line) => isWide(line, left, right));
  const zone = rulesZones(lines, rules, left, right);
  // Only a page that mixes the two is cut: a page all in columns, or all in one, is one band.
  if ((wide.every((w) => !w) || wide.filter((w) => !w).length < 3) && new Set(zone).size < 2)
    return [{ lines, wide: false }];
  const bands: { lines: PdfRun[][]; wide: boolean; zone: number }[] = [];
  lines.forEach((line, i) => {
    const last = bands[bands.length - 1];
    if (last && last.wide === wide[i] && last.zone === zone[i]) last.lines.push(line);
    else bands.push({ lines: [line], wide: wide[i]!, zone: zone[i]! });
  });
  return bands;
}

/**
 * Where each line stands against the page's rules across the text (a table's borders): above the
 * first (0), between the first and the last (1: the table, read cell by cell, each column down), or
 * below the last (2). A page without such rules is all zone 0.
 */
function rulesZones(lines: PdfRun[][], rules: PdfRect[], left: number, right: number): number[] {
  const across = rules.filter((r) => r.x1 - r.x0 >= 0.6 * (right - left)).map((r) => (r.y0 + r.y1) / 2);
  if (across.length < 2) return lines.map(() => 0);
  const top = Math.max(...across);
  const bottom = Math.min(...across);
  return lines.map((line) => (line[0]!.y > top ? 0 : line[0]!.y > bottom ? 1 : 2));
}

function segmentsOf(page: PdfPageText): Laid {
  const lines = baselinesOf(page);
  const bodySize = median(lines.flatMap((l) => l.map((r) => r.size)));
  const segments: Segment[] = [];
  let band = 0;
  const parts = bandsOf(lines, page.rules);
  const found = parts.map((part) => (part.wide ? [] : guttersOf(part.lines, page.width)));
  parts.forEach((part, i) => {
    const gutters = found[i]!.length || part.wide ? found[i]! : pageGutters(parts, found, part.lines, bodySize);
    for (const block of gutters.length ? blocksAcross(part.lines, gutters, bodySize) : [part.lines]) {
      for (const line of block)
        segments.push(...cutAtGutters(line, gutters, bodySize, part.wide).map((s) => ({ ...s, band })));
      band++;
    }
  });
  for (const s of segments) s.text = withAccents(s.text.replace(/\s+/g, ' ').trim());
  const kept = segments.filter((s) => s.text !== '');
  for (const s of aloneHeadings(kept, bodySize)) s.column = -1;
  return { segments: kept };
}

/**
 * The gutters of the page's longest band in columns, for a band too short to show its own (the last
 * two lines of a column and one of the next, at the head of a page under a title across it): where
 * no run of the band's running text crosses them and some line of it has text on both sides.
 */
function pageGutters(
  parts: { lines: PdfRun[][] }[],
  found: [number, number][][],
  lines: PdfRun[][],
  bodySize: number,
): [number, number][] {
  const inColumns = parts.map((part, i) => ({ part, gutters: found[i]! })).filter((p) => p.gutters.length > 0);
  if (inColumns.length === 0) return [];
  const { gutters } = inColumns.reduce((a, b) => (b.part.lines.length > a.part.lines.length ? b : a));
  const body = lines.map((line) => line.filter((r) => Math.abs(r.size - bodySize) <= 0.05 * bodySize));
  const crosses = body.some((line) => line.some((r) => gutters.some(([from, to]) => r.x < to && r.x + r.width > from)));
  const beside = body.some((line) =>
    gutters.some(([, to]) => line.some((r) => r.x >= to) && line.some((r) => r.x < to)),
  );
  return !crosses && beside ? gutters : [];
}

/** Space across every column, from a baseline to the next (in the body's size), that parts two blocks set in columns. */
const ACROSS_GAP = 2.5;

/**
 * A band in columns cut where no column has a line for more than ACROSS_GAP lines' worth and a
 * heading in one column opens what follows: two blocks set in the same columns one under the
 * other (Chromium's text in CSS columns, then a calendar in CSS columns under its title), each
 * read column by column, the upper block first. Headings side by side in two columns across such
 * a gap (groff's two sections opening on one baseline) are the columns' own: the page flows on.
 */
function blocksAcross(lines: PdfRun[][], gutters: [number, number][], bodySize: number): PdfRun[][][] {
  const columnOf = (r: PdfRun) => gutters.filter(([, to]) => to <= r.x + r.width / 2).length;
  const blocks: PdfRun[][][] = [[]];
  lines.forEach((line, i) => {
    const above = lines[i - 1];
    const gap = above ? Math.min(...above.map((r) => r.y)) - Math.max(...line.map((r) => r.y)) : 0;
    const heading = line.every((r) => r.size > 1.15 * bodySize && columnOf(r) === columnOf(line[0]!));
    if (gap > ACROSS_GAP * bodySize && heading) blocks.push([]);
    blocks[blocks.length - 1]!.push(line);
  });
  for (let b = blocks.length - 1; b > 0; b--)
    if (continuesLowerColumn(blocks[b - 1]!, blocks[b]!, gutters, bodySize))
      blocks.splice(b - 1, 2, [...blocks[b - 1]!, ...blocks[b]!]);
  return blocks;
}

/**
 * Whether a lower block is a column that goes on after the others ended (the flow's own, joined to
 * the block above): text in one column only, the column of the upper block that ends lowest, the
 * upper block's other columns ending at least ACROSS_GAP lines' worth higher (pdfLaTeX's last page,
 * its right column short, a \section* in the left one). Under balanced columns (their feet level) a
 * short block in one column is a section of its own, after them. A block with no column's text (a
 * page number centred in a gutter) always joins.
 */
function continuesLowerColumn(
  upper: PdfRun[][],
  lower: PdfRun[][],
  gutters: [number, number][],
  bodySize: number,
): boolean {
  const columns = columnsIn(lower, gutters);
  if (columns.size === 0) return true;
  if (columns.size > 1) return false;
  const feet = columnFeet(upper, gutters);
  const own = feet.get([...columns][0]!);
  const others = [...feet].filter(([column]) => !columns.has(column)).map(([, foot]) => foot);
  return own !== undefined && others.length > 0 && others.every((foot) => foot - own > ACROSS_GAP * bodySize);
}

/** The lowest baseline of each column some lines have text in (a run centred in a gutter is no column's). */
function columnFeet(lines: PdfRun[][], gutters: [number, number][]): Map<number, number> {
  const feet = new Map<number, number>();
  for (const r of lines.flat()) {
    const column = columnOfCentre(r.x + r.width / 2, gutters);
    if (column !== null) feet.set(column, Math.min(feet.get(column) ?? Infinity, r.y));
  }
  return feet;
}

/** The column a run's centre stands in, or null in a gutter. */
function columnOfCentre(centre: number, gutters: [number, number][]): number | null {
  return gutters.some(([from, to]) => from <= centre && centre <= to)
    ? null
    : gutters.filter(([, to]) => to <= centre).length;
}

/** The columns some lines have text in, by the centres of their runs. */
function columnsIn(lines: PdfRun[][], gutters: [number, number][]): Set<number> {
  const columns = lines.flat().map((r) => columnOfCentre(r.x + r.width / 2, gutters));
  return new Set(columns.filter((c) => c !== null));
}

/**
 * How far above and below a heading (in its own size) no other column's line may stand for it to
 * stand alone: a line of its own leading. A column that ended a line and a half above it (LibreOffice
 * closing three columns over a kicker) is not beside it.
 */
const ALONE_REACH = 1.25;

/**
 * A heading set in one column with nothing beside it in the others is read where it stands, like a
 * title across the page: the columns above it are read before it. Chromium sets a title that spans
 * CSS columns at one column's width, and LaTeX ends a part's columns with a title or a kicker under
 * them; read as a line of its column, it came between a sentence and its end at the head of the
 * next column. It stands alone only where another column has text above it, and either another
 * column goes on below it (the gap runs across the page) or nothing in the band does (it closes the
 * columns): a heading with its own text under it, beside a column that ended higher, is the flow's.
 * A heading of several lines is judged by its first: its last lines are not cut from it.
 */
function aloneHeadings(segments: Segment[], bodySize: number): Segment[] {
  const heading = (t: Segment) => t.size > 1.05 * bodySize;
  const alone = new Set<Segment>();
  for (const s of segments) {
    if (s.column < 0 || !heading(s)) continue;
    const band = segments.filter((t) => t.band === s.band && t.column >= 0 && !t.mark);
    const above = band.filter((t) => t.column === s.column && t.y > s.y).pop();
    if (above && heading(above) && Math.abs(above.size - s.size) < 0.1 * s.size && above.y - s.y < 2 * s.size) {
      if (alone.has(above)) alone.add(s);
      continue;
    }
    const others = band.filter((t) => t.column !== s.column);
    if (others.length === 0 || others.some((t) => Math.abs(t.y - s.y) < ALONE_REACH * s.size)) continue;
    if (!others.some((t) => t.y > s.y)) continue;
    if (others.some((t) => t.y < s.y) || !band.some((t) => t.y < s.y && !heading(t))) alone.add(s);
  }
  return [...alone];
}

/** The font most of a line's letters are set in. */
function mainFont(runs: PdfRun[]): string {
  const letters = new Map<string, number>();
  for (const run of runs) letters.set(run.font ?? '', (letters.get(run.font ?? '') ?? 0) + run.text.length);
  return [...letters].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}

/**
 * A gap between two digits wider than a word's pieces (PIECE_GAP) is a thin or narrow no-break
 * space, drawn as a gap only: the thousands separator of "$882 478" (Chromium and LibreOffice draw
 * U+202F so, about 0.13 em), written out as a space as pdftotext reads it.
 */
const thinSpaceInNumber = (before: string, run: PdfRun, gap: number) =>
  /\d$/.test(before) && /^\d/.test(run.text) && gap > PIECE_GAP * run.size;

/** Runs on one baseline, cut at the band's gutters; a run across a gutter makes the line span them. */
function cutAtGutters(line: PdfRun[], gutters: [number, number][], bodySize: number, wide: boolean): Segment[] {
  const columnAt = (x: number) => gutters.filter(([, to]) => to <= x).length;
  const segments: (Segment & { runs: PdfRun[] })[] = [];
  const marks: (Segment & { runs: PdfRun[] })[] = [];
  let current: (Segment & { runs: PdfRun[] }) | null = null;
  for (const run of line) {
    const column = wide ? -1 : columnAt(run.x + run.width / 2);
    // A raised number after a word marks a footnote: put aside. Opening a line, or its column's
    // part of it (two columns' footnotes on one baseline), it numbers the footnote.
    const opens =
      !current || (current.column !== -1 && column !== current.column) || run.x - current.x1 >= 1.5 * run.size;
    if (!opens && isMark(run, line)) {
      marks.push({
        x0: run.x,
        x1: run.x + run.width,
        y: run.y,
        size: run.size,
        text: run.text,
        box: -1,
        column: -1,
        font: run.font ?? '',
        mark: true,
        runs: [run],
      });
      continue;
    }
    // A title that reaches into a gutter spans it; a line of text must cross it.
    const crosses = gutters.some(([from, to]) =>
      run.size > bodySize * 1.05 ? run.x < to && run.x + run.width > from : run.x < from && run.x + run.width > to,
    );
    const sameColumn =
      current !== null && (current.column === -1 || column === current.column) && run.x - current.x1 < 1.5 * run.size;
    if (current && (sameColumn || crosses || wide)) {
      const gap = run.x - current.x1;
      // A footnote's raised number stands apart from its first word.
      const afterNumber = current.runs.length === 1 && isMark(current.runs[0]!, line);
      const space =
        (gap > 0.15 * run.size || afterNumber || thinSpaceInNumber(current.text, run, gap)) &&
        !current.text.endsWith(' ') &&
        !run.text.startsWith(' ');
      if (space && gap > CELL_GAP * run.size)
        (current.cuts ??= []).push({ x: run.x, end: current.x1, words: current.text.trim().split(/\s+/).length });
      current.text += (space ? ' ' : '') + run.text;
      current.x1 = Math.max(current.x1, run.x + run.width);
      current.size = Math.max(current.size, run.size);
      current.runs.push(run);
      if (crosses || column !== current.column) current.column = -1;
    } else {
      current = {
        x0: run.x,
        x1: run.x + run.width,
        y: run.y,
        size: run.size,
        text: run.text,
        box: -1,
        column: crosses ? -1 : column,
        font: '',
        runs: [run],
      };
      segments.push(current);
    }
  }
  return [...segments, ...marks].map(({ runs, ...segment }) => ({ ...segment, font: mainFont(runs) }));
}

/** Filled rectangles small enough to be boxes (not a page background), largest last. */
function boxesOf(page: PdfPageText): PdfRect[] {
  const area = (r: PdfRect) => (r.x1 - r.x0) * (r.y1 - r.y0);
  return page.rects
    .filter((r) => r.x1 - r.x0 > 20 && r.y1 - r.y0 > 5 && area(r) < 0.5 * page.width * page.height)
    .sort((a, b) => area(a) - area(b));
}

/** What a box is, from its own text's marks; a box right under a title is the title's deck. */
export function boxKindOf(lines: string[], followsTitle: boolean): BoxKind {
  const text = lines.join(' ');
  if (lines.some((l) => /^(en bref|à venir)$/i.test(l))) return 'calendar';
  if (/[\w.-]+@[\w-]+\.\w+|(^|\s)@\w{3,}/.test(text)) return 'contact';
  if (/^key figures\b/i.test(lines[0] ?? '')) return 'key-figures';
  if (/^[«“"]/.test(text) && /[»”"]$/.test(text)) return 'quote';
  if (/\?$/.test(text)) return 'question';
  if (/^(Mr|Ms|Mrs|M)\.?\s+\p{Lu}/u.test(text)) return 'caption';
  return followsTitle ? 'deck' : 'box';
}

/** Set larger than the text, or in capitals: a title or a subheading. */
const isHeading = (s: Segment, bodySize: number) =>
  s.size > bodySize * 1.15 || (s.text === s.text.toUpperCase() && /\p{Lu}{2}/u.test(s.text));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

interface ReadPage {
  segments: Segment[];
  /** Per segment, the line it is measured from (NaN: the one before it in reading order). */
  references: number[];
  pageNumbers: Segment[];
  /** Lines of page furniture other than page numbers (running headers and footers). */
  furniture: Segment[];
  /** Footnotes at the foot of a column: kept apart from the running text, as a box. */
  footnotes: Set<Segment>;
}

/** Where a page's margins are: a page number or a running header stands outside them. */
const marginOf = (page: PdfPageText) => Math.max(page.height * MARGIN, 30);

/** The page's segments in reading order: between lines that span the gutters, each column down, left to right. */
function readPage(page: PdfPageText, laid: Laid, running: Set<string>): ReadPage {
  const { segments: all } = laid;
  const margin = marginOf(page);
  const inMargin = (s: Segment) => s.y < margin || s.y > page.height - margin;
  const isPageNumber = (s: Segment) => PAGE_NUMBER.test(s.text) && inMargin(s);
  const pageNumbers = all.filter((s) => isPageNumber(s) || s.mark);
  // A running line is furniture where it stands in the page's edge band, as where it was found; the
  // same words amid the text are text (a table's head row, repeated at the top of the pages the table
  // runs on, and printed mid-page where the table starts).
  const edgeBand = EDGE_BAND_MARGINS * margin;
  const inEdgeBand = (s: Segment) => s.y < edgeBand || s.y > page.height - edgeBand;
  const furniture = all.filter((s) => !isPageNumber(s) && !s.mark && inEdgeBand(s) && running.has(furnitureKey(s)));
  const segments = all.filter((s) => !isPageNumber(s) && !s.mark && !furniture.includes(s));
  const boxes = boxesOf(page);
  for (const s of segments) {
    const cy = s.y + s.size / 3;
    const cx = (s.x0 + s.x1) / 2;
    s.box = boxes.findIndex((r) => cx >= r.x0 && cx <= r.x1 && cy >= r.y0 && cy <= r.y1);
  }
  const footnotes = footnotesOf(segments);
  const order: Segment[] = [];
  const references: number[] = [];
  let band: Segment[] = [];
  let reference: number | null = null;
  const flush = () => {
    const text = band.filter((s) => !footnotes.has(s) && s.box < 0);
    const bottom = Math.min(...text.map((s) => s.y));
    const size = median(text.map((s) => s.size));
    // The head of the columns: a title set in one column stands above it.
    const top = Math.max(...text.filter((s) => s.size <= 1.05 * size).map((s) => s.y));
    let last: Segment | undefined;
    let lastRight = 0;
    const columns = Math.max(0, ...band.map((s) => s.column));
    // Footnotes close their column; where its last sentence runs on at the head of the next, after it.
    let held: Segment[] = [];
    let lastNotes: Segment[] = [];
    const push = (s: Segment, ref: number) => void (order.push(s), references.push(ref));
    for (let column = 0; column <= columns; column++) {
      const inColumn = band.filter((s) => s.column === column);
      const notes = inColumn.filter((s) => footnotes.has(s));
      const read = [...inColumn.filter((s) => !footnotes.has(s)), ...notes];
      // A sentence cut at the foot of a full column runs on at the head of the next one: no space between.
      const runsOn =
        last !== undefined &&
        last.box < 0 &&
        last.x1 > lastRight - 2 * last.size &&
        !/[.:;!?”»)]$/.test(last.text) &&
        read[0]?.box === -1 &&
        (last.y - bottom < 1.5 * last.size || closedByNotes(last, lastNotes, bottom)) &&
        top - read[0].y < 0.5 * read[0].size;
      if (!runsOn) for (const s of held.splice(0)) push(s, NaN);
      const { order: body, opening } = bySubColumns(read.slice(0, read.length - notes.length), page.rules);
      body.forEach((s, i) =>
        push(
          s,
          opening.has(s) ? s.y + SUB_COLUMN_GAP * s.size : i > 0 ? NaN : runsOn ? RUNS_ON : (reference ?? Infinity),
        ),
      );
      // Notes wait while the sentence runs on: they follow the column where it ends.
      held = [...held, ...notes];
      lastNotes = notes;
      if (read.length) last = read.filter((s) => !footnotes.has(s)).pop();
      if (read.length) lastRight = Math.max(...read.map((s) => s.x1));
    }
    for (const s of held) push(s, NaN);
    // The block under this one measures its space above from this one's foot (its boxes and notes
    // too), not from the last line across the page.
    if (band.length) reference = Math.min(...band.map((s) => s.y));
    band = [];
  };
  for (const s of segments) {
    if (s.column === -1) {
      flush();
      order.push(s);
      references.push(NaN);
      reference = s.y;
    } else {
      // A band of the page (bandsOf) is read on its own: a line under a table is not one of its cells.
      if (band.length && band[band.length - 1]!.band !== s.band) flush();
      band.push(s);
    }
  }
  flush();
  restoreLineEndHyphens(order, page.softHyphens ?? []);
  return { segments: order, references, pageNumbers, furniture, footnotes };
}

/** How far above its footnotes (in its own size) a column's last line may stand and still be its foot. */
const ABOVE_NOTES = 3;

/**
 * Whether a column's last line stands at its foot above the footnotes that close it: the notes
 * reach the foot of the band, and the line stands right above the first of them (a separator's
 * space), however much higher than the other columns' last lines it ends.
 */
function closedByNotes(last: Segment, notes: Segment[], bottom: number): boolean {
  if (notes.length === 0) return false;
  const lowest = Math.min(...notes.map((s) => s.y));
  const first = Math.max(...notes.map((s) => s.y));
  return lowest - bottom < 1.5 * last.size && last.y - first < ABOVE_NOTES * last.size;
}

/** How far above its first line a sub-column is measured from, in its size: a blank line opens it. */
const SUB_COLUMN_GAP = 3;
/**
 * How many lines must open at a sub-column's left edge for it to be one, and how exactly (points);
 * and the least share of the column's width left of the edge: sub-columns of text, not a label's
 * value at a tab stop ("Tel.:" and its number, an acronym and its meaning), which reads row by row.
 */
const SUB_COLUMN = { rows: 3, align: 1, share: 0.35 };

/** Where a column's lines start and end, in points. */
interface Measure {
  x0: number;
  x1: number;
}

/** Lines on one baseline, in order of x. */
function rowsOf(segments: Segment[]): Segment[][] {
  const rows: Segment[][] = [];
  for (const s of segments) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row[0]!.y - s.y) < 0.3 * s.size) row.push(s);
    else rows.push([s]);
  }
  return rows;
}

/**
 * Where a column holds columns of its own (a calendar's "En bref" and "À venir" side by side, a
 * table without rules, set inside one column of the page): a left edge that at least three of its
 * lines open at, to the point, each after another line of the same baseline, with nothing of any
 * line across it and every line beyond it opening there. Justified text whose word spaces line up
 * has no such edge: the words after its gaps start where their letters fall. A line that crosses
 * the edge with a run opening there after a wide gap (Chromium sets "9–11 August" and "12
 * December" one em apart) is two cells, cut there.
 */
function subColumnEdge(rows: Segment[][], measure: Measure): { x: number; rows: Segment[][] } | null {
  const starts = new Map<number, number>();
  for (const row of rows)
    for (const s of row.slice(1)) starts.set(Math.round(s.x0), (starts.get(Math.round(s.x0)) ?? 0) + 1);
  const wide = (x: number) => x - measure.x0 >= SUB_COLUMN.share * (measure.x1 - measure.x0);
  for (const [x] of [...starts]
    .filter(([x]) => wide(x) || cellWraps(rows, x))
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])) {
    const at = (s: Segment) => Math.abs(s.x0 - x) <= SUB_COLUMN.align;
    // Lines set apart at the edge make it; a line that runs two cells together is cut there.
    const opening = rows.filter((row) => row.slice(1).some(at));
    const split = rows.map((row) => row.flatMap((s) => splitAt(s, x)));
    // No line across the edge, and no row beyond it that does not open at it.
    const crossing = split.some((row) => row.some((s) => s.x0 < x - SUB_COLUMN.align && s.x1 > x));
    const astray = split.some((row) => row.some((s) => s.x0 > x + SUB_COLUMN.align) && !row.some(at));
    if (opening.length >= SUB_COLUMN.rows && !crossing && !astray) return { x, rows: split };
  }
  return null;
}

/** How near a sub-column's edge, in ems, a left cell's line runs where the cell wraps to the next. */
const WRAP_NEAR = 2;

/**
 * Whether a cell left of the edge x wraps, as text does: a line of it runs to within WRAP_NEAR ems
 * of the edge and the next row's left cell goes on in lower case ("6 April 2019, Ljubljana:" over
 * "national expert meeting"). A narrow sub-column of text is one; a label ("Tel.:") is not.
 */
function cellWraps(rows: Segment[][], x: number): boolean {
  const leftCell = (row: Segment[] | undefined) => row?.filter((s) => s.x0 < x - SUB_COLUMN.align).pop();
  return rows.some((row, i) => {
    const [cell, next] = [leftCell(row), leftCell(rows[i + 1])];
    return (
      cell !== undefined && next !== undefined && cell.x1 >= x - WRAP_NEAR * cell.size && /^\p{Ll}/u.test(next.text)
    );
  });
}

/** A line cut in two where a run opens at x after a wide gap (two cells set close), or the line as it is. */
function splitAt(s: Segment, x: number): Segment[] {
  const cut = s.cuts?.find((c) => Math.abs(c.x - x) <= SUB_COLUMN.align);
  if (!cut || s.x0 >= x - SUB_COLUMN.align) return [s];
  const words = s.text.split(' ');
  const cuts = s.cuts!;
  return [
    { ...s, x1: cut.end, text: words.slice(0, cut.words).join(' '), cuts: cuts.filter((c) => c.x < cut.x) },
    {
      ...s,
      x0: cut.x,
      text: words.slice(cut.words).join(' '),
      cuts: cuts.filter((c) => c.x > cut.x).map((c) => ({ ...c, words: c.words - cut.words })),
    },
  ];
}

/**
 * A column read down, and where part of it is set in columns of its own (subColumnEdge), that part
 * read one sub-column after the other, each down, as the page's columns are: the lines across the
 * sub-columns' edge close the part. Returns the order and the first line of each later sub-column
 * (which opens a block of its own).
 */
function bySubColumns(segments: Segment[], rules: PdfRect[] = []): { order: Segment[]; opening: Set<Segment> } {
  const rows = rowsOf(segments);
  const opening = new Set<Segment>();
  const order: Segment[] = [];
  const measure = { x0: Math.min(...segments.map((s) => s.x0)), x1: Math.max(...segments.map((s) => s.x1)) };
  const tables = ruledTables(rules, measure);
  let i = 0;
  while (i < rows.length) {
    const part = ruledPart(rows, i, measure, tables) ?? gridFrom(rows, i, measure);
    if (!part) {
      order.push(...rows[i]!);
      i++;
      continue;
    }
    const { edge, cells, end } = part;
    const left = bySubColumns(
      cells.filter((s) => s.x0 < edge - SUB_COLUMN.align),
      rules,
    );
    const right = bySubColumns(
      cells.filter((s) => s.x0 >= edge - SUB_COLUMN.align),
      rules,
    );
    order.push(...left.order, ...right.order);
    for (const s of [...left.opening, ...right.opening, right.order[0]!]) opening.add(s);
    i = end;
  }
  return { order, opening };
}

/** How far (points) a table's rules may stand past the lines they hold, and apart from each other's ends. */
const RULE_SLACK = 3;

/** A table's rules: the top and bottom of two or more rules of one width, over part of a column. */
interface RuledTable {
  top: number;
  bottom: number;
  x0: number;
  x1: number;
  /** Where its rules stand (their lower edge), from the top down. */
  rules: number[];
}

/**
 * The tables a column's rules draw (a .docx table set in one column of the page: a rule under
 * each row, its cells wrapped over several lines): rules of one width whose middle falls in the
 * column, grouped from the top down while they keep that width.
 */
function ruledTables(rules: PdfRect[], measure: Measure): RuledTable[] {
  const inColumn = rules
    .filter((r) => (r.x0 + r.x1) / 2 > measure.x0 && (r.x0 + r.x1) / 2 < measure.x1)
    .sort((a, b) => b.y0 - a.y0);
  const tables: RuledTable[] = [];
  for (const r of inColumn) {
    const last = tables[tables.length - 1];
    if (last && Math.abs(last.x0 - r.x0) <= RULE_SLACK && Math.abs(last.x1 - r.x1) <= RULE_SLACK) {
      last.bottom = r.y0;
      last.rules.push(r.y0);
    } else tables.push({ top: r.y1, bottom: r.y0, x0: r.x0, x1: r.x1, rules: [r.y0] });
  }
  return tables.filter((t) => t.rules.length >= 2);
}

/**
 * The part of a column between a table's first and last rule, from its first row, if its cells
 * stand in sub-columns (subColumnEdge): however many lines a header's cells wrap over, the rules
 * say where the table begins and ends. Every line of it lies within the rules' width.
 */
function ruledPart(
  rows: Segment[][],
  from: number,
  measure: Measure,
  tables: RuledTable[],
): { edge: number; cells: Segment[]; end: number } | null {
  const inside = (row: Segment[], t: RuledTable) =>
    row[0]!.y < t.top &&
    row[0]!.y > t.bottom &&
    row.every((s) => s.x0 >= t.x0 - RULE_SLACK && s.x1 <= t.x1 + RULE_SLACK);
  const table = tables.find((t) => inside(rows[from]!, t) && (from === 0 || !inside(rows[from - 1]!, t)));
  if (!table) return null;
  let end = from;
  while (end < rows.length && inside(rows[end]!, table)) end++;
  const found = subColumnEdge(rows.slice(from, end), measure);
  if (!found) return null;
  const n = ruledRowsThroughLastCell(found.rows, found.x, table);
  return { edge: found.x, cells: found.rows.slice(0, n).flat(), end: from + n };
}

/**
 * Where a ruled part ends: at its last line with a cell beyond the edge, and a closing line under
 * the cells ("All times are local.") is read after them, down the column. Where rules part the
 * rows inside the table, that row goes on to the next rule: the lines under its last cell beyond
 * the edge are its own cells wrapped ("Bul-" | "garia").
 */
function ruledRowsThroughLastCell(rows: Segment[][], edge: number, table: RuledTable): number {
  let n = rowsThroughLastCell(rows, edge);
  if (table.rules.length < 3) return n;
  const rowEnd = Math.max(table.bottom, ...table.rules.filter((y) => y < rows[n - 1]![0]!.y));
  while (n < rows.length && rows[n]![0]!.y > rowEnd) n++;
  return n;
}

/** How many of a part's rows run to its last row with a line beyond the edge: the part ends there. */
function rowsThroughLastCell(rows: Segment[][], edge: number): number {
  let n = rows.length;
  while (n > 1 && !rows[n - 1]!.some((s) => s.x0 >= edge - SUB_COLUMN.align)) n--;
  return n;
}

/**
 * The part of a column in sub-columns that starts at row `from`, if one does: the rows from the
 * first with a line beyond the edge to the last such, none of them across it.
 */
function gridFrom(
  rows: Segment[][],
  from: number,
  measure: Measure,
): { edge: number; cells: Segment[]; end: number } | null {
  const first = rows[from]!;
  if (first.length < 2 && !first.some((s) => s.cuts?.length)) return null;
  let found: { x: number; rows: Segment[][] } | null = null;
  // Rows are taken while an edge holds over them all.
  for (let to = from + 1; to <= rows.length; to++) {
    const e = subColumnEdge(rows.slice(from, to), measure);
    if (e !== null) found = e;
    else if (found !== null || to - from >= 2 * SUB_COLUMN.rows) break;
  }
  if (found === null) return null;
  const { x: edge, rows: split } = found;
  const n = rowsThroughLastCell(split, edge);
  return { edge, cells: split.slice(0, n).flat(), end: from + n };
}

/**
 * Soft hyphens pdf.js left out at line ends, put back by geometry: in justified text most lines
 * end at one right edge (the column's measure); a line whose word goes on stops short of it by
 * part of the hyphen's width (the hyphen hangs into the margin). Such a line ends in a letter, the
 * next line of the column goes on in lower case, and no more are put back than the page drew.
 */
function restoreLineEndHyphens(order: Segment[], widths: number[]): void {
  if (widths.length === 0) return;
  // Running text only: the lines of a column set in its most common size (a title ends where it ends).
  const key = (s: Segment) => `${s.column}:${s.box}:${s.band ?? 0}:${Math.round(s.size * 2)}`;
  const measure = new Map<string, number | null>();
  for (const k of new Set(order.map(key))) measure.set(k, commonRightEdge(order.filter((s) => key(s) === k)));
  const hyphen = Math.max(...widths);
  let left = widths.length;
  order.forEach((s, i) => {
    const next = order[i + 1];
    const edge = measure.get(key(s));
    if (left === 0 || !next || !edge || key(next) !== key(s) || !/\p{L}$/u.test(s.text) || !/^\p{Ll}/u.test(next.text))
      return;
    const short = edge - s.x1;
    if (short > HANG.min * hyphen && short < HANG.max * hyphen) {
      s.text += '-';
      left--;
    }
  });
}

/** How far short of the measure, in hyphen widths, a line whose hyphen pdf.js left out stops. */
const HANG = { min: 0.2, max: 0.8 };

/** The right edge most lines of a column end at (to a tenth of a point), if at least three do: justified text. */
function commonRightEdge(lines: Segment[]): number | null {
  const ends = new Map<number, number>();
  for (const s of lines) ends.set(Math.round(s.x1 * 10) / 10, (ends.get(Math.round(s.x1 * 10) / 10) ?? 0) + 1);
  const [edge, count] = [...ends].sort((a, b) => b[1] - a[1])[0] ?? [0, 0];
  return count >= 3 ? edge : null;
}

/**
 * A footnote's number set against its first word, a capitalised one: LibreOffice prints
 * "1The figures…" in one run, the number neither raised nor set apart. (Not "5G" or "2A".)
 */
const NOTE_AGAINST_WORD = /^([\d*†‡]{1,3})(?=\p{Lu}\p{Ll})/u;

/**
 * Footnotes: at the foot of a column, set smaller than its text and opening with their number
 * (or following such a line).
 */
function footnotesOf(segments: Segment[]): Set<Segment> {
  const notes = new Set<Segment>();
  const bodySize = median(segments.map((s) => s.size));
  const columns = new Set(segments.map((s) => s.column));
  for (const column of columns) {
    const lines = segments.filter((s) => s.column === column && s.box < 0);
    let i = lines.length;
    while (i > 0 && lines[i - 1]!.size < 0.9 * bodySize) i--;
    const tail = lines.slice(i);
    const opening = tail[0]?.text ?? '';
    if (/^[\d*†‡]{1,3}\s+\S/.test(opening) || NOTE_AGAINST_WORD.test(opening)) for (const s of tail) notes.add(s);
  }
  return notes;
}

/** A furniture line's text with its numbers taken out: "No. 15, page 3" is the same line on every page. */
const furnitureKey = (s: Segment) => `${Math.round(s.size)}:${s.text.replace(/\d+/g, '#')}`;

/**
 * A line that opens with the number of a footnote mark raised in its page's text (set apart from
 * its first word or against it) is that footnote,
 * never a running footer, even where the same note is printed on several pages ("1 The figures are
 * those published…" under each page that cites it).
 */
function isFootnoteOf(s: Segment, marks: Set<string>): boolean {
  const number = (/^([\d*†‡]{1,3})\s+\p{L}/u.exec(s.text) ?? NOTE_AGAINST_WORD.exec(s.text))?.[1];
  return number !== undefined && marks.has(number);
}

/** A line that opens as a footnote does, with its number: a stack of edge lines holding one is a footnote. */
const NOTE_OPENING = /^(?:[\d*†‡]{1,3}\s+\p{L}|[\d*†‡]{1,3}(?=\p{Lu}\p{Ll}))/u;

/** A page's top and bottom edge bands, where running headers and footers stand: this many margins deep. */
const EDGE_BAND_MARGINS = 2;
/** How far from the text a running header or footer stands, in the body's size: more than a line's leading. */
const FURNITURE_APART = 1.6;
/** A line set at least this share of the body's size is text (or a title); smaller, it may be furniture. */
const TEXT_SIZE = 0.95;

/**
 * Whether an edge line stands apart from the text under it (a header) or over it (a footer), as
 * furniture does: a column's first line goes on at the text's own leading, whatever it says (a
 * sentence the issue repeats, "The text, issued as document", at the head of a column on five pages).
 * The gap is measured to the nearest line outside its own stack (edgeStacksOf), so that the other
 * line of a two-line header or footer does not hold it in the text; a footnote's first line does.
 */
function standsApart(s: Segment, segments: Segment[], bodySize: number, stack: Segment[]): boolean {
  const gaps = segments
    .filter((t) => !stack.includes(t) && t.x0 < s.x1 && t.x1 > s.x0 && t.y !== s.y)
    .map((t) => Math.abs(t.y - s.y));
  return gaps.length === 0 || Math.min(...gaps) >= FURNITURE_APART * bodySize;
}

/**
 * The stacks of lines at a page's top and bottom edges, within the margin band: the edge line, and
 * the lines set smaller than the text that follow it inward, each within a furniture gap of the
 * one before (a header's or footer's second line; or the lines of a footnote, which a stack holding
 * a footnote's first line tells apart).
 */
function edgeStacksOf(segments: Segment[], bodySize: number, height: number, band: number): Segment[][] {
  const stack = (inward: Segment[], inBand: (s: Segment) => boolean) => {
    const out: Segment[] = [];
    let last = inward[0]!.y;
    for (const s of inward) {
      if (!inBand(s)) break;
      if (
        s.y !== inward[0]!.y &&
        (s.size >= TEXT_SIZE * bodySize || Math.abs(s.y - last) >= FURNITURE_APART * bodySize)
      )
        break;
      out.push(s);
      last = s.y;
    }
    return out;
  };
  const down = [...segments].sort((a, b) => b.y - a.y);
  return [stack(down, (s) => s.y > height - band), stack(down.reverse(), (s) => s.y < band)];
}

/**
 * Running headers and footers: lines in the top or bottom margin band of the page that repeat
 * on other pages (numbers aside); on a single page, a line above all the text set smaller than it.
 */
function runningLinesOf(pages: PdfPageText[], laid: Laid[]): Set<string> {
  const seen = new Map<string, number>();
  const lonely = new Set<string>();
  for (const [i, page] of pages.entries()) {
    const segments = laid[i]!.segments.filter((s) => !PAGE_NUMBER.test(s.text) && !s.mark);
    if (segments.length < 2) continue;
    const bodySize = median(segments.map((s) => s.size));
    const band = EDGE_BAND_MARGINS * marginOf(page);
    const ys = segments.map((s) => s.y);
    const top = Math.max(...ys);
    const marks = new Set(laid[i]!.segments.filter((s) => s.mark).map((s) => s.text.trim()));
    const edge = edgeStacksOf(segments, bodySize, page.height, band)
      .filter((stack) => !stack.some((s) => isFootnoteOf(s, marks) || NOTE_OPENING.test(s.text)))
      .flatMap((stack) => stack.filter((s) => s.size <= bodySize && standsApart(s, segments, bodySize, stack)));
    for (const key of new Set(edge.map(furnitureKey))) seen.set(key, (seen.get(key) ?? 0) + 1);
    const next = Math.max(...ys.filter((y) => y < top - bodySize));
    // A masthead's number and date above the title is the issue's, not furniture (masthead.std.ts reads it).
    if (pages.length === 1)
      for (const s of edge)
        if (s.y === top && s.size < 0.95 * bodySize && top - next > 2 * bodySize && !mastheadLineFacts(s.text))
          lonely.add(furnitureKey(s));
  }
  return new Set([...[...seen].filter(([, n]) => n >= 2).map(([key]) => key), ...lonely]);
}

/**
 * The widest leading a size's own steps may give, in its size: wider, the steps that recur are
 * paragraph spaces between one-line paragraphs, or a double-spaced page, measured as before by the
 * document's leading.
 */
const MAX_LEADING = 1.5;
/** A line's size as its leading is kept: to a quarter point. */
const sizeClass = (size: number) => Math.round(size * 4) / 4;

/** The smallest step among those that recur (at least three times, and 2 % of all), if any does. */
function recurringStep(counts: Map<number, number>): number | null {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const recurring = [...counts].filter(([, n]) => n >= Math.max(3, total * 0.02)).map(([step]) => step);
  return recurring.length ? Math.min(...recurring) : null;
}

/**
 * The distance between two lines of a paragraph, per size of type: the smallest step between lines
 * that recurs, taken over the whole document, since whole pages may be set double-spaced. A size
 * whose lines recur at no step of their own takes the document's. Per size, since the running text
 * is not measured by a calendar's or a footnote's tighter leading: Chromium's 10-point lines, at
 * steps of 12.75 and 13.5 points by its pixel grid, were cut by blank lines where measured by the
 * 10.5 points of a smaller part.
 */
function leadingOf(pages: ReadPage[]): (size: number) => number {
  const all = new Map<number, number>();
  const bySize = new Map<number, Map<number, number>>();
  for (const { segments, references } of pages) {
    for (let i = 1; i < segments.length; i++) {
      const [above, s] = [segments[i - 1]!, segments[i]!];
      const step = Math.round((above.y - s.y) * 2) / 2;
      if (!Number.isNaN(references[i]!) || step < 0.8 * s.size || step >= 3 * s.size) continue;
      all.set(step, (all.get(step) ?? 0) + 1);
      if (sizeClass(above.size) !== sizeClass(s.size)) continue;
      const counts = bySize.get(sizeClass(s.size)) ?? new Map<number, number>();
      bySize.set(sizeClass(s.size), counts.set(step, (counts.get(step) ?? 0) + 1));
    }
  }
  const document = recurringStep(all) ?? 1.2 * median(pages.flatMap((p) => p.segments.map((s) => s.size)));
  const own = new Map(
    [...bySize].map(([size, counts]) => {
      const step = recurringStep(counts);
      return [size, step !== null && step < MAX_LEADING * size ? step : document];
    }),
  );
  return (size) => own.get(sizeClass(size)) ?? document;
}

/** Blank lines before each segment: the vertical space it leaves, in lines of its own size. */
function blanksOf({ segments, references }: ReadPage, leadingAt: (size: number) => number): number[] {
  if (segments.length === 0) return [];
  const highest = segments.reduce((a, b) => (b.y > a.y ? b : a));
  const top = highest.y + leadingAt(highest.size);
  return segments.map((s, i) => {
    if (i === 0) return 0;
    if (references[i] === RUNS_ON) return 0;
    const from = Number.isNaN(references[i]!) ? segments[i - 1]!.y : references[i] === Infinity ? top : references[i]!;
    const lines = (from - s.y) / leadingAt(s.size);
    return Math.max(lines >= PARAGRAPH_SPACE ? 1 : 0, Math.round(lines) - 1);
  });
}

/**
 * A paragraph's first line set in, with no space above it (groff -mom, Word's first-line indent):
 * the line before ends a sentence, the line opens with a capital, a digit or a quotation mark, the
 * lines before and after it (read on without a blank line in the same column) stand at its left
 * edge, and the inset is an indent's, not a centred line's (under four ems). A quotation set in on
 * every line is not one (its next line is set in too), nor an entry's second line under a hanging
 * indent (it goes on from a line that ends no sentence).
 */
function firstLineIndent(segments: Segment[], i: number, blanks: number[], inset: (s: Segment) => boolean): boolean {
  const [previous, s, next] = [segments[i - 1], segments[i]!, segments[i + 1]];
  if (
    !previous ||
    !next ||
    blanks[i + 1]! > 0 ||
    s.column !== previous.column ||
    s.column !== next.column ||
    s.box !== next.box ||
    s.box !== previous.box
  )
    return false;
  if (!/[.:;!?”»)]$/.test(previous.text) || !/^[\p{Lu}\d“«"(]/u.test(s.text)) return false;
  return (
    !inset(previous) &&
    !inset(next) &&
    s.x0 - Math.min(previous.x0, next.x0) < MAX_INDENT * s.size &&
    Math.abs(s.size - next.size) < 0.1 * s.size
  );
}

/** The widest first-line indent, in ems: a line set in further is centred or a quotation. */
const MAX_INDENT = 4;

/**
 * The pages' text in the pipeline's raw form and the overlay its layout implies. Pages with no
 * text (a full-page picture) are left out, as the bundled text lost its cover.
 */
export function sourceFromLayout(pages: PdfPageText[]): { text: string; overlay: LayoutOverlay; pages: number } {
  const out: string[] = [];
  const overlay: LayoutOverlay = { boxes: [], drop: [] };
  // Boxes in reading order; a box the column break cuts in two is one box.
  const boxes: { followsTitle: boolean; lines: number[]; footnote: boolean }[] = [];
  // Each page's lines and gutters, found once: the running lines are looked for across them all first.
  const laid = pages.map(segmentsOf);
  const running = runningLinesOf(pages, laid);
  const read = pages.map((page, i) => readPage(page, laid[i]!, running));
  const leading = leadingOf(read);
  const style = styleRecorder(read.flatMap((p) => p.segments));
  let emittedPages = 0;
  read.forEach((page) => {
    const { segments, footnotes } = page;
    // A page of furniture alone (a picture with its page number) gives no page, but its words are accounted for.
    if (segments.length === 0) return void dropFurniture(page, out, overlay, null);
    for (const note of footnotes) note.box = FOOTNOTE_BOX + note.column;
    const blanks = blanksOf(page, leading);
    const bodySize = median(segments.map((s) => s.size));
    const left = new Map<string, number>();
    const container = (s: Segment) => (s.box >= 0 ? `box${s.box}` : `column${s.column}`);
    for (const s of segments) left.set(container(s), Math.min(left.get(container(s)) ?? Infinity, s.x0));
    segments.forEach((s, i) => {
      if (i === 0) {
        // A page opens with one space after a non-blank line: no blank line may end the last page.
        while (out.length && out[out.length - 1] === '') out.pop();
        out.push(emittedPages === 0 ? s.text : ` ${s.text}`);
      } else {
        for (let b = 0; b < blanks[i]!; b++) out.push('');
        const inset = (t: Segment) => t.x0 - left.get(container(t))! > 0.4 * t.size;
        const indented = inset(s) && (blanks[i]! > 0 || firstLineIndent(segments, i, blanks, inset));
        out.push(indented ? INDENT + s.text : s.text);
      }
      style.record(out.length, s);
      if (s.box >= 0) {
        const previous = segments[i - 1];
        const last = boxes[boxes.length - 1];
        const continues =
          last !== undefined &&
          (previous === undefined || previous.box >= 0) &&
          last.lines[last.lines.length - 1]! >= out.length - blanks[i]! - 2;
        if (
          continues &&
          !CONTACT_HEADING.test(s.text) &&
          (previous === undefined || previous.box === s.box || segments[i - 1]!.column !== s.column)
        )
          last.lines.push(out.length);
        else
          boxes.push({
            followsTitle: previous !== undefined && previous.box < 0 && isHeading(previous, bodySize),
            lines: [out.length],
            footnote: footnotes.has(s),
          });
      }
    });
    const printed = dropFurniture(page, out, overlay, emittedPages);
    if (overlay.firstPage === undefined && printed !== null) overlay.firstPage = printed;
    emittedPages++;
  });
  for (const { followsTitle, lines, footnote } of boxes) {
    overlay.boxes.push({
      kind: footnote
        ? 'box'
        : boxKindOf(
            lines.map((no) => out[no - 1]!.trim()),
            followsTitle,
          ),
      lines: lines.map(String),
    });
  }
  if (style.styles.fonts.length > 0) overlay.styles = style.styles;
  return { text: `${out.join('\n')}\n`, overlay, pages: emittedPages };
}

/**
 * A page's furniture written out as dropped lines, each with its reason (running header or footer,
 * page number, footnote mark). Returns the first page's printed number its page number implies
 * (`index`: pages written before it; null: not asked).
 */
function dropFurniture(
  { furniture, pageNumbers }: ReadPage,
  out: string[],
  overlay: LayoutOverlay,
  index: number | null,
): number | null {
  let first: number | null = null;
  for (const line of furniture) {
    out.push(line.text);
    overlay.drop.push({ lines: String(out.length), reason: DROP_REASONS.runningHeader });
  }
  for (const n of pageNumbers) {
    out.push(n.text);
    overlay.drop.push({
      lines: String(out.length),
      reason: n.mark ? DROP_REASONS.footnoteMark : DROP_REASONS.pageNumber,
    });
    if (!n.mark && index !== null && first === null && Number(n.text) - index >= 1) first = Number(n.text) - index;
  }
  return first;
}

/** The size most of the document's letters are set in: the running text's. */
function bodySizeOf(segments: Segment[]): number {
  const letters = new Map<number, number>();
  for (const s of segments)
    letters.set(Math.round(s.size * 10) / 10, (letters.get(Math.round(s.size * 10) / 10) ?? 0) + s.text.length);
  return [...letters].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10;
}

/** The style table of the lines written out: each line's size against the body's, its font and face. */
function styleRecorder(segments: Segment[]) {
  const body = bodySizeOf(segments);
  const styles: LineStyles = { fonts: [], lines: {} };
  const fontIndex = new Map<string, number>();
  return {
    styles,
    record(line: number, s: Segment) {
      if (!fontIndex.has(s.font)) fontIndex.set(s.font, styles.fonts.push(s.font) - 1);
      styles.lines[String(line)] = [Math.round((s.size / body) * 100) / 100, fontIndex.get(s.font)!, faceOf(s.font)];
    },
  };
}
