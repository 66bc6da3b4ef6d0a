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
import type { BoxKind } from './overlay.std';

export interface PdfRun {
  text: string;
  /** Left end of the baseline, in PDF points from the page's bottom-left corner. */
  x: number;
  y: number;
  width: number;
  /** Font size in points. */
  size: number;
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
}

export interface LayoutOverlay {
  firstPage?: number;
  boxes: { kind: BoxKind; lines: string[] }[];
  drop: { lines: string; reason: string }[];
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
}

const PAGE_NUMBER = /^\d{1,3}$/;
const INDENT = '    '; // four spaces: an indent can never pass for a page start (one space)

/** Runs on one baseline, cut where a gap is wide enough to be a gutter between columns. */
function segmentsOf(page: PdfPageText): Segment[] {
  const runs = page.runs.filter((r) => r.text.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: PdfRun[][] = [];
  for (const run of runs) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line[0]!.y - run.y) <= 0.3 * Math.max(run.size, line[0]!.size)) line.push(run);
    else lines.push([run]);
  }
  const segments: Segment[] = [];
  for (const line of lines) {
    line.sort((a, b) => a.x - b.x);
    let current: Segment | null = null;
    for (const run of line) {
      const gap = current ? run.x - current.x1 : Infinity;
      if (current && gap < 1.5 * run.size) {
        const space = gap > 0.15 * run.size && !current.text.endsWith(' ') && !run.text.startsWith(' ');
        current.text += (space ? ' ' : '') + run.text;
        current.x1 = Math.max(current.x1, run.x + run.width);
        current.size = Math.max(current.size, run.size);
      } else {
        current = { x0: run.x, x1: run.x + run.width, y: run.y, size: run.size, text: run.text, box: -1, column: 0 };
        segments.push(current);
      }
    }
  }
  for (const s of segments) s.text = s.text.replace(/\s+/g, ' ').trim();
  return segments;
}

/** Filled rectangles small enough to be boxes (not a page background), largest last. */
function boxesOf(page: PdfPageText): PdfRect[] {
  const area = (r: PdfRect) => (r.x1 - r.x0) * (r.y1 - r.y0);
  return page.rects.filter((r) => r.x1 - r.x0 > 20 && r.y1 - r.y0 > 5 && area(r) < 0.5 * page.width * page.height).sort((a, b) => area(a) - area(b));
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
const isHeading = (s: Segment, bodySize: number) => s.size > bodySize * 1.15 || (s.text === s.text.toUpperCase() && /\p{Lu}{2}/u.test(s.text));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

interface ReadPage {
  segments: Segment[];
  /** Per segment, the line it is measured from (NaN: the one before it in reading order). */
  references: number[];
  pageNumbers: Segment[];
}

/** The page's segments in reading order. */
function readPage(page: PdfPageText): ReadPage {
  const all = segmentsOf(page);
  const margin = Math.max(page.height * 0.08, 30);
  const isPageNumber = (s: Segment) => PAGE_NUMBER.test(s.text) && (s.y < margin || s.y > page.height - margin);
  const pageNumbers = all.filter(isPageNumber);
  const segments = all.filter((s) => !isPageNumber(s));
  const boxes = boxesOf(page);
  const middle = page.width / 2;
  for (const s of segments) {
    const cy = s.y + s.size / 3;
    const cx = (s.x0 + s.x1) / 2;
    s.box = boxes.findIndex((r) => cx >= r.x0 && cx <= r.x1 && cy >= r.y0 && cy <= r.y1);
    s.column = s.x0 < middle && s.x1 > middle ? -1 : cx < middle ? 0 : 1;
  }
  const order: Segment[] = [];
  const references: number[] = [];
  let band: Segment[] = [];
  let reference: number | null = null;
  const flush = () => {
    for (const column of [0, 1]) {
      band.filter((s) => s.column === column).forEach((s, i) => {
        order.push(s);
        references.push(i === 0 ? (reference ?? Infinity) : NaN);
      });
    }
    band = [];
  };
  for (const s of segments) {
    if (s.column === -1) {
      flush();
      order.push(s);
      references.push(NaN);
      reference = s.y;
    } else band.push(s);
  }
  flush();
  return { segments: order, references, pageNumbers };
}

/**
 * The distance between two lines of a paragraph: the smallest step between lines that recurs,
 * taken over the whole document, since whole pages may be set double-spaced.
 */
function leadingOf(pages: ReadPage[]): number {
  const counts = new Map<number, number>();
  for (const { segments, references } of pages) {
    for (let i = 1; i < segments.length; i++) {
      const step = Math.round((segments[i - 1]!.y - segments[i]!.y) * 2) / 2;
      if (Number.isNaN(references[i]!) && step >= 0.8 * segments[i]!.size && step < 3 * segments[i]!.size) counts.set(step, (counts.get(step) ?? 0) + 1);
    }
  }
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const recurring = [...counts].filter(([, n]) => n >= Math.max(3, total * 0.02)).map(([step]) => step);
  return recurring.length ? Math.min(...recurring) : 1.2 * median(pages.flatMap((p) => p.segments.map((s) => s.size)));
}

/** Blank lines before each segment: the vertical space it leaves, in lines. */
function blanksOf({ segments, references }: ReadPage, leading: number): number[] {
  if (segments.length === 0) return [];
  const top = Math.max(...segments.map((s) => s.y)) + leading;
  return segments.map((s, i) => {
    if (i === 0) return 0;
    const from = Number.isNaN(references[i]!) ? segments[i - 1]!.y : references[i] === Infinity ? top : references[i]!;
    return Math.max(0, Math.round((from - s.y) / leading) - 1);
  });
}

/**
 * The pages' text in the pipeline's raw form and the overlay its layout implies. Pages with no
 * text (a full-page picture) are left out, as the bundled text lost its cover.
 */
export function sourceFromLayout(pages: PdfPageText[]): { text: string; overlay: LayoutOverlay; pages: number } {
  const out: string[] = [];
  const overlay: LayoutOverlay = { boxes: [], drop: [] };
  // Boxes in reading order; a box the column break cuts in two is one box.
  const boxes: { followsTitle: boolean; lines: number[] }[] = [];
  const read = pages.map(readPage);
  const leading = leadingOf(read);
  let emittedPages = 0;
  read.forEach((page) => {
    const { segments, pageNumbers } = page;
    if (segments.length === 0) return;
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
        const indented = s.x0 - left.get(container(s))! > 0.4 * s.size && blanks[i]! > 0;
        out.push(indented ? INDENT + s.text : s.text);
      }
      if (s.box >= 0) {
        const previous = segments[i - 1];
        const last = boxes[boxes.length - 1];
        const continues = last !== undefined && (previous === undefined || previous.box >= 0) && last.lines[last.lines.length - 1]! >= out.length - blanks[i]! - 2;
        if (continues && (previous === undefined || previous.box === s.box || segments[i - 1]!.column !== s.column)) last.lines.push(out.length);
        else boxes.push({ followsTitle: previous !== undefined && previous.box < 0 && isHeading(previous, bodySize), lines: [out.length] });
      }
    });
    for (const n of pageNumbers) {
      out.push(n.text);
      overlay.drop.push({ lines: String(out.length), reason: 'page number' });
      if (overlay.firstPage === undefined && Number(n.text) - emittedPages >= 1) overlay.firstPage = Number(n.text) - emittedPages;
    }
    emittedPages++;
  });
  for (const { followsTitle, lines } of boxes) {
    overlay.boxes.push({ kind: boxKindOf(lines.map((no) => out[no - 1]!.trim()), followsTitle), lines: lines.map(String) });
  }
  return { text: `${out.join('\n')}\n`, overlay, pages: emittedPages };
}
