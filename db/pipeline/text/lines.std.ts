/**
 * The issue as numbered source lines, in reading order once the overlay has restored it, each
 * knowing its page. Every later stage cites these line numbers, which is how the archive proves
 * that each paragraph is made of the newsletter's own lines.
 */
import { expandRange, type BoxKind, type ParsedOverlay } from '../overlay.std';
import { isBlank, splitPages } from '../source/pages.std';
import { styleOf, type LineStyle } from './style.std';

export interface SourceLine {
  /** 1-based line number in the source file. */
  no: number;
  text: string;
  pageIndex: number;
  /** How many blank lines stand between this line and the previous one in reading order. */
  gapBefore: number;
  /** The line starts with white space in the source: an indent, or a lost bullet glyph. */
  indented: boolean;
  /** Side box this line belongs to, where the overlay says so. */
  box: BoxKind | null;
  /** How the line is set, where the text was read from a PDF (null for text). */
  style: LineStyle | null;
}

export class OverlayError extends Error {}

export interface DroppedLine {
  no: number;
  text: string;
  reason: string;
}

export function readingOrder(text: string, overlay: ParsedOverlay): { lines: SourceLine[]; dropped: DroppedLine[] } {
  const raw = text.split('\n');
  const pageOf = new Map<number, number>();
  for (const page of splitPages(text)) page.lines.forEach((_, i) => pageOf.set(page.firstLine + i, page.index));
  const pageStarts = new Set(splitPages(text).map((p) => p.firstLine));

  const check = (no: number, what: string) => {
    if (no < 1 || no > raw.length) throw new OverlayError(`${what}: line ${no} is outside the file (1-${raw.length})`);
  };
  let order = raw.map((_, i) => i + 1);
  for (const { note, order: ranges } of overlay.reorder) {
    const listed = ranges.flatMap(expandRange);
    listed.forEach((no) => check(no, `reorder “${note}”`));
    const from = Math.min(...listed);
    const to = Math.max(...listed);
    const region = order.filter((no) => no >= from && no <= to);
    const missing = region.filter((no) => !isBlank(raw[no - 1]!) && !listed.includes(no));
    if (missing.length || new Set(listed).size !== listed.length) {
      throw new OverlayError(
        `reorder “${note}” must list every non-blank line of ${from}-${to} once (missing: ${missing.slice(0, 5).join(', ') || 'none'})`,
      );
    }
    const start = order.indexOf(region[0]!);
    order = [...order.slice(0, start), ...listed, ...order.slice(start + region.length)];
  }

  const boxOf = new Map<number, BoxKind>();
  for (const box of overlay.boxes)
    for (const range of box.lines) for (const no of expandRange(range)) boxOf.set(no, box.kind);
  const dropped = new Map<number, string>();
  for (const drop of overlay.drop) {
    for (const no of expandRange(drop.lines)) {
      check(no, 'drop');
      dropped.set(no, drop.reason);
    }
  }

  const lines: SourceLine[] = [];
  const droppedLines: DroppedLine[] = [];
  let gap = 0;
  let previousNo = 0;
  for (const no of order) {
    // A jump in the restored order joins two pieces of text that were apart: count it as a gap.
    if (previousNo && no !== previousNo + 1 && gap === 0 && !isBlank(raw[no - 1]!)) gap = 1;
    previousNo = no;
    const text = raw[no - 1]!;
    if (isBlank(text)) {
      gap++;
      continue;
    }
    const reason = dropped.get(no);
    if (reason) {
      droppedLines.push({ no, text, reason });
      continue;
    }
    lines.push({
      no,
      text: text.trim(),
      pageIndex: pageOf.get(no) ?? 0,
      gapBefore: gap,
      indented: /^\s/.test(text) && !pageStarts.has(no),
      box: boxOf.get(no) ?? null,
      style: styleOf(overlay.styles, no),
    });
    gap = 0;
  }
  return { lines, dropped: droppedLines };
}
