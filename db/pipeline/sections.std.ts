/**
 * Cuts an issue's pages into sections. A page opens a new section when it starts with a heading
 * (short lines, not a sentence running on from the previous page) or carries a kicker line such as
 * "Focus on…"; otherwise it continues the previous section.
 */
import { isBlank, type Page } from './pages.std';
import { isSpacedOut, joinLines, unspace } from './text.std';

export interface RawBlock {
  lines: string[];
  pageIndex: number;
}

export interface RawSection {
  title: string;
  kicker: string | null;
  pageIndex: number;
  blocks: RawBlock[];
}

const KICKER =
  /^(focus on|return to|a closer look at|three questions to)\s*(\.\.\.|…)?\s*$|^(priority \d+)\s*:/i;
const MAX_HEADING_LINE = 72;

export function kickerOf(line: string): string | null {
  const match = KICKER.exec(line.trim());
  if (!match) return null;
  const words = (match[1] ?? match[3])!;
  return match[3] ? words : `${words}…`;
}

interface Line {
  text: string;
  /** A blank line stands between this line and the one before. */
  gapBefore: boolean;
  /** The line starts with a space: an indented first line or a lost bullet. */
  indented: boolean;
}

function linesOf(page: Page): Line[] {
  const lines: Line[] = [];
  let gap = false;
  page.lines.forEach((raw, i) => {
    if (isBlank(raw)) {
      gap = true;
      return;
    }
    lines.push({ text: raw.trim(), gapBefore: gap, indented: i > 0 && /^\s/.test(raw) });
    gap = false;
  });
  return lines;
}

function percentile(values: number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

const ENDS_SENTENCE = /[.:;!?”»)\]]$|\.\.\.$|…$/;

/**
 * Groups a page's lines into paragraphs. Some pages are double-spaced by the extraction, so a
 * blank line alone does not end a paragraph: it does when the line before ends a sentence, or
 * the next line is indented.
 */
function blocksOf(lines: Line[], pageIndex: number): RawBlock[] {
  const blocks: RawBlock[] = [];
  const fullWidth = percentile(lines.map((line) => line.text.length), 0.75);
  let current: string[] = [];
  for (const line of lines) {
    const previous = current[current.length - 1];
    const endsSentence = previous !== undefined && ENDS_SENTENCE.test(previous);
    // In single-spaced text a paragraph's last line is a sentence end that stops well short of the column.
    const shortLast = endsSentence && previous.length < fullWidth * 0.7;
    const breaks = previous === undefined || line.indented || (endsSentence && (line.gapBefore || shortLast));
    if (breaks && current.length) {
      blocks.push({ lines: current, pageIndex });
      current = [];
    }
    current.push(line.text);
  }
  if (current.length) blocks.push({ lines: current, pageIndex });
  return blocks;
}

function looksLikeHeadingStart(line: string): boolean {
  const text = line.trim();
  if (text.length > MAX_HEADING_LINE) return false;
  if (/^\p{Ll}/u.test(text)) return false; // a sentence running on from the previous page
  if (/^\d+\.\s/.test(text)) return false; // a numbered item continuing a list
  if (/^(on|from|in|since|by|at|after|during)\s+\d/i.test(text)) return false; // a dated sentence
  if (/[.;,]$/.test(text) && !/(\.\.\.|…)$/.test(text)) return false;
  return true;
}

/** Lines that continue a heading: lower-case run-ons, or capitals after capitals. */
function continuesHeading(previous: string, line: string): boolean {
  const text = line.trim();
  if (text.length > MAX_HEADING_LINE || /^(from|held)\b/i.test(text)) return false;
  if (isSpacedOut(text)) return true;
  if (/^\p{Ll}/u.test(text)) return true;
  const upper = (s: string) => s === s.toUpperCase() && /\p{L}/u.test(s);
  return upper(previous.trim()) && upper(text) && !kickerOf(text);
}

function headingText(lines: string[], vocabulary: Set<string>): string {
  const parts = lines.map((line) => (isSpacedOut(line) ? unspace(line, vocabulary) : line.trim()));
  return joinLines(parts, vocabulary).replace(/^(\.\.\.|…)\s*/, '…');
}

/** Takes a heading off the front of `lines` (in place): a kicker line, then title lines. */
function takeHeading(lines: Line[], vocabulary: Set<string>): { title: string; kicker: string | null } | null {
  let kicker: string | null = null;
  const first = lines[0];
  if (first && kickerOf(first.text) && !/^priority/i.test(first.text)) {
    kicker = kickerOf(first.text);
    lines.shift();
  }
  if (!lines[0] || !looksLikeHeadingStart(lines[0].text)) {
    return kicker ? { title: kicker, kicker: null } : null;
  }
  let end = 1;
  while (end < lines.length && continuesHeading(lines[end - 1]!.text, lines[end]!.text)) end++;
  const titleLines = lines.splice(0, end).map((line) => line.text);
  const priority = /^(priority \d+)\s*:\s*/i.exec(titleLines[0]!);
  if (priority) {
    kicker = priority[1]!;
    titleLines[0] = titleLines[0]!.slice(priority[0].length);
  }
  if (lines[0]) lines[0].indented = true;
  return { title: headingText(titleLines, vocabulary), kicker };
}

export function splitSections(pages: Page[], vocabulary: Set<string>): RawSection[] {
  const sections: RawSection[] = [];
  for (const page of pages) {
    const lines = linesOf(page);
    const heading = takeHeading(lines, vocabulary) ?? takeInnerHeading(lines, vocabulary);
    const blocks = blocksOf(lines, page.index);
    if (heading || sections.length === 0) {
      sections.push({
        title: heading?.title ?? '',
        kicker: heading?.kicker ?? null,
        pageIndex: page.index,
        blocks,
      });
    } else {
      sections[sections.length - 1]!.blocks.push(...blocks);
    }
  }
  return sections;
}

/**
 * A page whose text starts mid-story but carries a kicker line further down ("FOCUS ON..." set
 * at the foot of the page by the layout) opens the section that kicker introduces.
 */
function takeInnerHeading(lines: Line[], vocabulary: Set<string>): { title: string; kicker: string | null } | null {
  const at = lines.findIndex((line) => kickerOf(line.text) !== null && !/^priority/i.test(line.text));
  if (at <= 0) return null;
  const tail = lines.splice(at);
  const heading = takeHeading(tail, vocabulary);
  lines.push(...tail);
  return heading;
}
