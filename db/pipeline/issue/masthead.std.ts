/**
 * The masthead: what the first page says about the issue itself, wherever it stands (above the
 * title, in a band, in a corner, at the foot): its number, its month or season and year, and the
 * small print that names the newsletter. Its lines are the facts, not an article: they
 * are left out of the sections with the reason "masthead", and their number and date are read.
 */
import { ENGLISH_MONTHS, FRENCH_MONTHS } from '../../../common/content/month-names.std';
import type { SourceLine } from '../text/lines.std';
import { isHeadingStyle, isSmallStyle, type LineStyle } from '../text/style.std';

/** Two lines set in one size: a band of the masthead (never true without the page's style). */
const sameSize = (a: LineStyle | null, b: LineStyle | null) =>
  a !== null && b !== null && Math.abs(a.size - b.size) < 0.05;

export const MASTHEAD_REASON = 'masthead';

export interface Masthead {
  /** Source line numbers of the masthead. */
  lines: number[];
  number: number | null;
  /** "2026-09" for a month, "2026" for a season or a year alone. */
  date: string | null;
  year: number | null;
}

const MONTHS = ENGLISH_MONTHS.map((m) => m.toLowerCase());
const MOIS: readonly string[] = FRENCH_MONTHS;
const SEASONS = 'spring|summer|autumn|fall|winter|printemps|été|automne|hiver';
const MONTH = `(?:${[...MONTHS, ...MOIS].join('|')}|${SEASONS})`;
/** An issue number: never a year ("Edition 2024" is a report's, not the newsletter's 2024th issue). */
const NUMBER = String.raw`(?:no\.?|n°|nº|issue|number|numéro|edition|édition)\s*(?!(?:19|20)\d\d\b)(\d{1,4})`;
const WHEN = String.raw`(${MONTH})(?:\s*[–/-]\s*${MONTH})?\s+((?:19|20)\d\d)`;
const SEPARATOR = String.raw`\s*[—–\-,:·|•/]?\s*`;
/** A line that is only the number and date, in either order: "No. 26 — September 2026", "Autumn 2025 · Issue 9". */
const DATE_LINE = [
  new RegExp(`^${NUMBER}(?:${SEPARATOR}(?:${WHEN}|((?:19|20)\\d\\d)))?$`, 'iu'),
  new RegExp(`^${WHEN}(?:${SEPARATOR}${NUMBER})?$`, 'iu'),
];
/** Only a date line among the first lines of its page takes the lines above it into the masthead. */
const MASTHEAD_TOP = 4;

/** A masthead line may name the newsletter first: "Fight against human trafficking in South-East Europe — Issue 11 · March 2027". */
const NAMED = /^.{3,90}?\s[—–|·•:]\s(?=\S)/u;
const MASTHEAD_LINE_MAX = 140;

/** The number and date a masthead line states, or null if the line is not one. */
export function mastheadLineFacts(text: string): Omit<Masthead, 'lines'> | null {
  const line = text.trim().replace(/\s+/g, ' ');
  if (line.length > MASTHEAD_LINE_MAX) return null;
  return factsOf(line) ?? factsOf(line.replace(NAMED, ''));
}

function factsOf(line: string): Omit<Masthead, 'lines'> | null {
  const numbered = DATE_LINE[0]!.exec(line);
  if (numbered) {
    const [, number, month, year, bareYear] = numbered;
    return { number: Number(number), ...dateOf(month, year ?? bareYear) };
  }
  const dated = DATE_LINE[1]!.exec(line);
  if (dated) return { number: dated[3] ? Number(dated[3]) : null, ...dateOf(dated[1], dated[2]) };
  return null;
}

function dateOf(month: string | undefined, year: string | undefined): { date: string | null; year: number | null } {
  if (!year) return { date: null, year: null };
  const m = month ? Math.max(MONTHS.indexOf(month.toLowerCase()), MOIS.indexOf(month.toLowerCase())) : -1;
  return { date: m >= 0 ? `${year}-${String(m + 1).padStart(2, '0')}` : year, year: Number(year) };
}

/**
 * The masthead of the issue, read from its first page: every line that is only a number and a date;
 * where the page gives its style, the small print above the first heading; and, above a date line
 * near the top, the lines of the band it stands in (small print, set in the date line's size, or
 * any, where a headline follows the date line).
 */
export function mastheadOf(lines: SourceLine[], dropped: { text: string }[] = []): Masthead {
  const first = lines.filter((l) => l.pageIndex === lines[0]?.pageIndex && !l.box);
  const found: Masthead = { lines: [], number: null, date: null, year: null };
  // A number and date repeated in the running header of every page are the masthead's too (the lines stay dropped as furniture).
  for (const facts of dropped.map((d) => mastheadLineFacts(d.text))) {
    if (!facts) continue;
    found.number ??= facts.number;
    found.date ??= facts.date;
    found.year ??= facts.year;
  }
  first.forEach((line, i) => {
    const facts = mastheadLineFacts(line.text);
    if (!facts || !whereMastheadStands(facts, i, first.length)) return;
    found.lines.push(line.no);
    found.number ??= facts.number;
    found.date ??= facts.date;
    found.year ??= facts.year;
    // A heading right under the date line is the cover's headline: the lines above are the newsletter's name band.
    const headlineBelow = isHeadingStyle(first[i + 1]?.style ?? null);
    if (i < MASTHEAD_TOP)
      for (const above of first.slice(0, i))
        if (isSmallStyle(above.style) || sameSize(above.style, line.style) || headlineBelow) found.lines.push(above.no);
  });
  boxedMasthead(lines, found);
  for (const line of first) {
    if (found.lines.includes(line.no)) continue;
    if (!isSmallStyle(line.style)) break;
    found.lines.push(line.no);
  }
  nameAtTop(
    first,
    found,
    lines.filter((l) => l.pageIndex === lines[0]?.pageIndex),
  );
  found.lines = [...new Set(found.lines)].sort((a, b) => a - b);
  return found;
}

/**
 * Whether a number and date line at `i` of page 1's `count` lines stands where a masthead does: a
 * line stating the number anywhere; a date alone ("March 2025") only in the top band or as the
 * page's last line (a corner), not a calendar's month heading its entries further down.
 */
const whereMastheadStands = (facts: Omit<Masthead, 'lines'>, i: number, count: number) =>
  facts.number !== null || i < MASTHEAD_TOP || i === count - 1;

/**
 * The newsletter's name over the first article: the heading lines in one size that open the first
 * page, set larger than the heading right under them ("Fight against human trafficking in South-East
 * Europe" over "Editorial"), are the masthead's where they stand in its band, at the top of the page:
 * right above a line of the masthead (a number and date line, small print), or under a number and
 * date line that alone opens the page (a corner's, beside the name). A number or date further down
 * (a calendar's "March 2025", a foot corner) and a band of small print and number line above them
 * ("Key figures" over "Victims identified in 2024") leave them a title; so does a page with no
 * smaller heading under them, which would have no other title.
 * Set larger than a masthead's date line right under them (a cover, small print above the title),
 * they are the masthead's too, and so is the small print under that date line (round 10).
 */
function nameAtTop(first: SourceLine[], found: Masthead, page: SourceLine[]): void {
  const rest = first.filter((l) => !found.lines.includes(l.no));
  const top = rest[0];
  if (!top || !isHeadingStyle(top.style)) return;
  let end = 1;
  while (end < rest.length && sameSize(rest[end]!.style, top.style) && rest[end]!.style!.bold === top.style!.bold)
    end++;
  const name = rest.slice(0, end).map((l) => l.no);
  const dateLine = first.indexOf(rest[end - 1]!) + 1;
  if (isDateLineUnder(first[dateLine], top.style!, found)) {
    found.lines.push(...name, ...smallPrintUnder(first, dateLine));
    return;
  }
  const under = rest[end]?.style ?? null;
  if (!isHeadingStyle(under) || under!.size >= top.style!.size) return;
  if (!inMastheadBand(page, page.indexOf(top), end, found)) return;
  found.lines.push(...name);
}

/** A masthead line of number and date set smaller than the name above it. */
const isDateLineUnder = (line: SourceLine | undefined, name: LineStyle, found: Masthead) =>
  line !== undefined &&
  found.lines.includes(line.no) &&
  mastheadLineFacts(line.text) !== null &&
  line.style !== null &&
  line.style.size < name.size - SIZE_STEP;

const SIZE_STEP = 0.05;
/** The small print under a masthead's date line wraps over a few lines at most. */
const SMALL_PRINT_MAX = 3;

/**
 * The small print under the date line at `at`: the lines set smaller than it, none a heading, up to
 * the next heading or the page's end (a paragraph that runs on under it is the first article's).
 */
function smallPrintUnder(first: SourceLine[], at: number): number[] {
  const size = first[at]!.style!.size;
  let end = at + 1;
  while (end < first.length && end - at <= SMALL_PRINT_MAX + 1) {
    const style = first[end]!.style;
    if (isHeadingStyle(style) || !style || style.size >= size - SIZE_STEP) break;
    end++;
  }
  const closed = end === first.length || isHeadingStyle(first[end]!.style);
  return closed && end - at - 1 <= SMALL_PRINT_MAX ? first.slice(at + 1, end).map((l) => l.no) : [];
}

/** Whether the `length` lines from `at` of page 1 (boxes too: a framed corner) stand in the masthead's band (nameAtTop). */
function inMastheadBand(page: SourceLine[], at: number, length: number, found: Masthead): boolean {
  if (at >= MASTHEAD_TOP) return false;
  const next = page[at + length];
  const aboveMasthead = next !== undefined && found.lines.includes(next.no);
  const opening = page.slice(0, at);
  const besideCorner = opening.length === 1 && mastheadLineFacts(opening[0]!.text) !== null;
  return aboveMasthead || besideCorner;
}

/**
 * A band or a corner the PDF frames is read as a box, but a box line of the first page that is only
 * a number and a date is the masthead all the same where the box stands where a masthead does: in
 * the page's top band above its first heading (a calendar's month, "March 2025" further down, or an
 * agenda box under "Editorial" is no masthead), or, stating the number, at the page's foot (a
 * corner); and the box is small (BOX_MASTHEAD_LINES). Near the top, the lines above it in the same
 * box are the band it stands in (the newsletter's name).
 */
function boxedMasthead(lines: SourceLine[], found: Masthead): void {
  const page = lines.filter((l) => l.pageIndex === lines[0]?.pageIndex);
  const heading = page.findIndex((l) => !l.box && isHeadingStyle(l.style));
  page.forEach((line, i) => {
    const facts = line.box ? mastheadLineFacts(line.text) : null;
    if (!facts) return;
    const box = boxAround(page, i);
    const top = i < MASTHEAD_TOP && (heading < 0 || i < heading);
    const corner = facts.number !== null && i >= page.length - MASTHEAD_TOP;
    if (!(top || corner) || box.to - box.from >= BOX_MASTHEAD_LINES) return;
    found.lines.push(line.no);
    found.number ??= facts.number;
    found.date ??= facts.date;
    found.year ??= facts.year;
    if (top) for (const above of page.slice(box.from, i)) found.lines.push(above.no);
  });
}

/** The most lines a masthead's box holds (a name on three lines, its number and date line). */
const BOX_MASTHEAD_LINES = 5;

/** The run of lines of one box around line `i` of the page: [from, to). */
function boxAround(page: SourceLine[], i: number): { from: number; to: number } {
  let from = i;
  let to = i + 1;
  while (from > 0 && page[from - 1]!.box === page[i]!.box) from--;
  while (to < page.length && page[to]!.box === page[i]!.box) to++;
  return { from, to };
}
