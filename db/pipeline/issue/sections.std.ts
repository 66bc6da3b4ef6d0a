/**
 * Cuts the reading-order lines into sections, and each section into blocks (paragraphs, side
 * boxes). A page opens a new section when it starts with a heading (short lines, not a sentence
 * running on from the previous page) or carries a kicker line such as "Focus on…" further down;
 * otherwise it continues the previous section.
 */
import type { BoxKind } from '../overlay.std';
import type { SourceLine } from '../text/lines.std';
import { isHeadingStyle, isSmallStyle, isTitleStyle, type LineStyle } from '../text/style.std';
import { isSpacedOut, joinLines, unspace } from '../text/text.std';

export interface RawBlock {
  lines: SourceLine[];
  box: BoxKind | null;
}

export interface RawSection {
  title: string;
  titleLines: number[];
  kicker: string | null;
  pageIndex: number;
  blocks: RawBlock[];
}

const KICKER = /^(focus on|return to|a closer look at|three questions to)\s*(\.\.\.|…)?\s*$/i;
const PRIORITY = /^(priority \d+)\s*:\s*/i;
const MAX_HEADING_LINE = 72;

export function kickerOf(text: string): string | null {
  const match = KICKER.exec(text.trim());
  return match ? `${match[1]}…` : null;
}

function looksLikeHeadingStart(text: string): boolean {
  if (text.length > MAX_HEADING_LINE) return false;
  if (/^\p{Ll}/u.test(text)) return false; // a sentence running on from the previous page
  if (/^\d+\.\s/.test(text)) return false; // a numbered item continuing a list
  if (/^(on|from|in|since|by|at|after|during)\s+\d/i.test(text)) return false; // a dated sentence
  if (/[.;,]$/.test(text) && !/(\.\.\.|…)$/.test(text) && !isSpacedOut(text)) return false;
  return true;
}

/**
 * Where the page gives its style: a heading is set larger or bolder than the running text and ends
 * no sentence, whatever its first letter ("the joint action days…" under a kicker).
 */
function styledHeadingStart(line: SourceLine): boolean | null {
  if (line.style === null) return null;
  return isHeadingStyle(line.style) && line.text.length <= 2 * MAX_HEADING_LINE && !/[.;,]$/.test(line.text);
}

/** A line set as the one before it, where both are headings: the next line of a title. */
const sameStyle = (a: LineStyle, b: LineStyle) =>
  Math.abs(a.size - b.size) < 0.05 && a.bold === b.bold && a.italic === b.italic;

/** Where the page gives its style: the next line of a heading is set as it is (null: no style, read the text). */
function styledContinuation(previous: SourceLine, line: SourceLine): boolean | null {
  if (previous.style === null || line.style === null) return null;
  return sameStyle(previous.style, line.style) && isHeadingStyle(line.style) && !kickerOf(line.text);
}

/** Lines that continue a heading: lower-case run-ons, spaced capitals, or capitals after capitals. */
function continuesHeading(previous: string, text: string): boolean {
  if (text.length > 100 || /^(from|held)\b/i.test(text) || /^\d/.test(text)) return false;
  if (isSpacedOut(text) || isSpacedOut(previous)) return isSpacedOut(text) || upper(text);
  if (/^\p{Ll}/u.test(text) || /^…\s/.test(text)) return !/[.;]$/.test(previous);
  return upper(previous) && upper(text) && !kickerOf(text);
}

function upper(text: string): boolean {
  return text === text.toUpperCase() && /\p{L}/u.test(text);
}

function headingText(lines: SourceLine[], vocabulary: Set<string>): string {
  const parts = lines.map((line) => (isSpacedOut(line.text) ? unspace(line.text, vocabulary) : line.text));
  return joinLines(parts, vocabulary).replace(/^(\.\.\.|…)\s*/, '…');
}

interface Heading {
  title: string;
  titleLines: number[];
  kicker: string | null;
}

/**
 * Whether a line opens a heading: by its style where the page gives one, else by the text's
 * conventions. Under a kicker the title may run long ("… regional expert group meeting on “access
 * to justice…”) and start with a lower-case word ("Focus on… the joint action days…").
 */
function opensHeading(first: SourceLine, underKicker: boolean): boolean {
  const styled = styledHeadingStart(first);
  if (styled !== null && (styled || !underKicker)) return styled;
  const fits = first.text.length <= MAX_HEADING_LINE || (underKicker && first.text.length <= 100);
  const start = first.text.slice(0, MAX_HEADING_LINE);
  return (
    fits && (looksLikeHeadingStart(start) || (underKicker && /^\p{Ll}/u.test(start) && !/[.;,]$/.test(first.text)))
  );
}

/** Takes a heading off the front of `lines` (in place): a kicker line, then title lines. */
function takeHeading(lines: SourceLine[], vocabulary: Set<string>): Heading | null {
  let kicker: string | null = null;
  const kickerLines: number[] = [];
  if (lines[0] && !lines[0].box && kickerOf(lines[0].text)) {
    kicker = kickerOf(lines[0].text);
    kickerLines.push(lines.shift()!.no);
  }
  const first = lines[0];
  if (!first || first.box || !opensHeading(first, kicker !== null)) {
    return kicker ? { title: kicker, titleLines: kickerLines, kicker: null } : null;
  }
  let end = 1;
  while (
    end < lines.length &&
    !lines[end]!.box &&
    (styledContinuation(lines[end - 1]!, lines[end]!) ?? continuesHeading(lines[end - 1]!.text, lines[end]!.text))
  )
    end++;
  const taken = lines.splice(0, end);
  const priority = PRIORITY.exec(taken[0]!.text);
  let title = headingText(taken, vocabulary);
  if (priority) {
    kicker = priority[1]!;
    title = title.slice(priority[0].length);
  }
  if (lines[0]) lines[0].gapBefore = Math.max(lines[0].gapBefore, 2);
  return { title, titleLines: [...kickerLines, ...taken.map((l) => l.no)], kicker };
}

/**
 * Where a section opens inside a page: a kicker line ("FOCUS ON..." set at the foot of the page by
 * the layout), or, where the page gives its style, a line set as a title (larger than any
 * subheading) that does not follow another such line.
 */
function opensInside(lines: SourceLine[], at: number): boolean {
  const line = lines[at]!;
  if (line.box) return false;
  if (kickerOf(line.text) !== null) return true;
  const previous = lines[at - 1]!;
  return (
    isTitleStyle(line.style) &&
    !isTitleStyle(previous.style) &&
    kickerOf(previous.text) === null &&
    styledHeadingStart(line) === true
  );
}

/** A page cut where sections open inside it: the lines before the first such place, then each section's lines. */
function piecesOf(page: SourceLine[]): SourceLine[][] {
  const pieces: SourceLine[][] = [[]];
  page.forEach((line, i) => {
    if (i > 0 && opensInside(page, i)) pieces.push([]);
    pieces[pieces.length - 1]!.push(line);
  });
  return pieces;
}

const CONTACT_DETAIL = /@|\d{4},/;
/** In a contact box, a name or office line after a line of details opens the next contact. */
function opensContact(previous: string, line: string): boolean {
  return CONTACT_DETAIL.test(previous) && !CONTACT_DETAIL.test(line);
}

function percentile(values: number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

const ENDS_SENTENCE = /[.:;!?”»)\]]$|\.\.\.$|…$|\bpage \d+$/;
/** A line that opens an item of its own: a dated calendar entry, a numbered target, a question. */
/** (A number of four digits and a full stop is a year ending a sentence, "…on 9 May | 2025. The…", not an item.) */
const OPENS_ITEM =
  /^(\d{1,2}\s*(-\s*\d{1,2})?\s+\p{L}+(\s*-\s*\d{1,2}\s+\p{L}+)?,\s|\d+\.\d+:\s|\(\d+\)\s|\d{1,3}\.\s+\p{Lu})/u;

/** Where the page gives its style: a heading (larger or bold) followed by running text ends there. */
const headingEnds = (previous: SourceLine, line: SourceLine) =>
  previous.style !== null && line.style !== null && isHeadingStyle(previous.style) && !isHeadingStyle(line.style);

/**
 * Where the page gives its style: small print (a pull quote's attribution, a caption) followed by a
 * line in the running text's size ends there, whatever the space between (the next column's head).
 */
const smallPrintEnds = (previous: SourceLine, line: SourceLine) =>
  isSmallStyle(previous.style) && line.style !== null && !isSmallStyle(line.style) && !isHeadingStyle(line.style);

/** Double-spaced extraction puts a blank line after every line: there, one blank line says nothing. */
const isDoubleSpaced = (running: SourceLine[]) => running.filter((l) => l.gapBefore > 0).length > running.length * 0.5;

/** Whether a running line ends a sentence well short of the longest lines (counted in characters). */
const shortSentenceEnd = (line: SourceLine, fullWidth: number) =>
  ENDS_SENTENCE.test(line.text) && line.text.length < fullWidth * 0.9;

/**
 * Whether the document marks where its paragraphs end, as a PDF's layout writes it: a blank line
 * for the space the page leaves, or an indent. Counted where a line ends a sentence short of the
 * longest lines and a capital opens the next: more such places have the mark than not. Then a
 * line without it runs on, whatever its length in characters: a justified line stretched to its
 * column's edge may end a sentence with fewer letters than its neighbours. Text files (no style),
 * and double-spaced pages, where one blank line says nothing, keep their own conventions.
 */
export function marksParagraphs(lines: SourceLine[]): boolean {
  const running = lines.filter((l) => !l.box);
  if (running.length === 0 || running.some((l) => l.style === null) || isDoubleSpaced(running)) return false;
  const fullWidth = percentile(
    running.map((l) => l.text.length),
    0.9,
  );
  let marked = 0;
  let unmarked = 0;
  for (let i = 1; i < running.length; i++) {
    const line = running[i]!;
    if (
      line.pageIndex !== running[i - 1]!.pageIndex ||
      !/^\p{Lu}/u.test(line.text) ||
      !shortSentenceEnd(running[i - 1]!, fullWidth)
    )
      continue;
    if (line.gapBefore > 0 || line.indented) marked++;
    else unmarked++;
  }
  return marked >= MIN_MARKED_PARAGRAPHS && marked > unmarked;
}

/** Paragraph ends marked by space or indent, at least, before a document is said to mark them. */
const MIN_MARKED_PARAGRAPHS = 3;

/**
 * Groups lines into blocks. Some pages are double-spaced by the extraction, so a blank line alone
 * does not end a paragraph: it does when the line before ends a sentence or is short, or the next
 * line is indented or opens an item. In single-spaced text, a sentence end that stops well short
 * of the column ends the paragraph, unless the document marks its paragraphs (`marked`).
 */
function blocksOf(lines: SourceLine[], marked = false): RawBlock[] {
  const blocks: RawBlock[] = [];
  const running = lines.filter((l) => !l.box);
  const fullWidth = percentile(
    running.map((l) => l.text.length),
    0.9,
  );
  const paragraphGap = isDoubleSpaced(running) ? 2 : 1;
  let current: SourceLine[] = [];
  for (const line of lines) {
    const previous = current[current.length - 1];
    let breaks = previous === undefined;
    if (previous) {
      const endsSentence = ENDS_SENTENCE.test(previous.text);
      const short = previous.text.length < fullWidth * 0.9;
      const gap = line.gapBefore >= paragraphGap;
      breaks =
        line.box !== previous.box ||
        (line.box === 'contact' && opensContact(previous.text, line.text)) ||
        (line.box !== null &&
          line.gapBefore > 0 &&
          !(/^\p{Ll}/u.test(line.text) && !ENDS_SENTENCE.test(previous.text))) ||
        (line.pageIndex !== previous.pageIndex && endsSentence) ||
        line.indented ||
        OPENS_ITEM.test(line.text) ||
        isSpacedOut(line.text) ||
        isSpacedOut(previous.text) ||
        (gap && (endsSentence || (short && !/[-,]$/.test(previous.text) && /^[\p{Lu}“«]/u.test(line.text)))) ||
        (endsSentence && short && !line.box && !marked) ||
        headingEnds(previous, line) ||
        smallPrintEnds(previous, line);
    }
    if (breaks && current.length) {
      blocks.push({ lines: current, box: current[0]!.box });
      current = [];
    }
    current.push(line);
  }
  if (current.length) blocks.push({ lines: current, box: current[0]!.box });
  return blocks;
}

export function splitSections(lines: SourceLine[], vocabulary: Set<string>): RawSection[] {
  const pages: SourceLine[][] = [];
  for (const line of lines) {
    const page = pages[pages.length - 1];
    if (page && page[0]!.pageIndex === line.pageIndex) page.push(line);
    else pages.push([line]);
  }
  const sections: RawSection[] = [];
  const marked = marksParagraphs(lines);
  for (const page of pages) {
    piecesOf(page).forEach((piece, i) => {
      if (piece.length === 0) return;
      const pageIndex = piece[0]!.pageIndex;
      const heading = takeHeading(piece, vocabulary);
      if (piece[0] && i > 0) piece[0].gapBefore = Math.max(piece[0].gapBefore, 2);
      addPiece(sections, piece, heading, pageIndex, marked);
    });
  }
  return sections;
}

/**
 * A title with nothing under it, followed on its page by another heading, is one heading the
 * layout cut: a kicker set after its title ("M. YURI FEDOTOV" / "THREE QUESTIONS TO…" /
 * "EXECUTIVE DIRECTOR OF…"), or a title broken across a column. A section is never left empty.
 */
function continuesBareTitle(previous: RawSection, heading: Heading, pageIndex: number): boolean {
  return (
    previous.blocks.length === 0 && previous.pageIndex === pageIndex && previous.title !== '' && heading.title !== ''
  );
}

function extendTitle(section: RawSection, heading: Heading, blocks: RawBlock[]): void {
  section.title = `${section.title} ${heading.title}`;
  section.titleLines.push(...heading.titleLines);
  section.kicker = section.kicker ?? heading.kicker;
  section.blocks.push(...blocks);
}

/**
 * A piece of a page: a section of its own where it opens with a heading (or nothing comes before
 * it: a first page that opens mid-flow is an untitled section, never dropped); else it continues
 * the section before it, and a paragraph cut by the page break runs on.
 */
function addPiece(
  sections: RawSection[],
  piece: SourceLine[],
  heading: Heading | null,
  pageIndex: number,
  marked: boolean,
): void {
  const blocks = blocksOf(piece, marked);
  const previous = sections[sections.length - 1];
  if (heading && previous && continuesBareTitle(previous, heading, pageIndex)) {
    extendTitle(previous, heading, blocks);
    return;
  }
  if (heading || !previous) {
    sections.push({
      title: heading?.title ?? '',
      titleLines: heading?.titleLines ?? [],
      kicker: heading?.kicker ?? null,
      pageIndex,
      blocks,
    });
    return;
  }
  // A footnote or box at the foot of the page stands after the paragraph it cut.
  const last = previous.blocks.findLast((b) => !b.box);
  const first = blocks[0];
  if (last && first && runsOnAcrossPages(last, first)) last.lines.push(...blocks.shift()!.lines);
  previous.blocks.push(...blocks);
}

/**
 * A paragraph cut by the page break runs on at the head of the next page: the last one ends no
 * sentence and the next page goes on in lower case, or, where the paragraph ran over several lines
 * (not a one-line subheading), with any word that is not indented ("…issued as document" |
 * "CTOC/COP/2020/L.4, calls on…"). A parenthesis closed after no full stop ends no sentence where
 * the next page goes on in lower case ("…Authority (ELA)" | "for its programme…"); a next page's
 * first line that ends a sentence is the paragraph's end where the page sets it as the line before
 * ("…Institutions and" | "Human Rights (ODIHR) will hold a workshop…").
 */
function runsOnAcrossPages(last: RawBlock, first: RawBlock): boolean {
  const end = last.lines[last.lines.length - 1];
  const lastText = end?.text ?? '';
  const head = first.lines[0]!;
  const lower = /^\p{Ll}/u.test(head.text);
  if (last.box || first.box) return false;
  if (ENDS_SENTENCE.test(lastText) && !(lower && /[^.!?]\)$/.test(lastText))) return false;
  return (
    lower ||
    (last.lines.length > 1 &&
      !head.indented &&
      (!/[.:]$/.test(head.text) || (/\.$/.test(head.text) && setAlike(end!.style, head.style))) &&
      !isSpacedOut(head.text))
  );
}

/** Whether two lines are set alike, in one font, where the page gives both. */
const setAlike = (a: LineStyle | null, b: LineStyle | null) =>
  a !== null && b !== null && sameStyle(a, b) && a.font === b.font;
