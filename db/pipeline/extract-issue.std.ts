/**
 * The automatic pipeline from one issue's raw text to its structure, with the editorial overlay
 * applied where it speaks. Pure: the same text and overlay always give the same result, keys
 * included. Every section title and paragraph cites the source lines it is made of.
 */
import { formatMessage, type MessageId } from '../../common/contract/messages.std';
import { issueNumberOf, issueYearOf, statedIssueDate } from './issue/issue-meta.std';
import { MASTHEAD_REASON, mastheadOf } from './issue/masthead.std';
import { readingOrder, type DroppedLine } from './text/lines.std';
import { Overlay, type Overlay as OverlayInput, type ParsedOverlay } from './overlay.std';
import { paragraphsOf, type ParagraphKind } from './issue/paragraphs.std';
import { splitSections, type RawSection } from './issue/sections.std';
import { slugify, uniqueSlugger } from './issue/slug.std';
import { vocabularyOf } from './text/text.std';

export interface ExtractedParagraph {
  key: string;
  kind: ParagraphKind;
  text: string;
  page: number;
  lines: number[];
}

export interface ExtractedSection {
  key: string;
  title: string;
  kicker: string | null;
  page: number;
  titleLines: number[];
  paragraphs: ExtractedParagraph[];
}

export interface ExtractedIssue {
  key: string;
  number: number | null;
  year: number;
  date: string | null;
  dateNote: string | null;
  /** The date the issue speaks from: events after it are coming. */
  asOf: string;
  title: string;
  sourceFile: string;
  sourceSha256: string;
  sections: ExtractedSection[];
  dropped: DroppedLine[];
  /** Organisations the overlay names (reviewed; each must occur in the text). */
  organisationHints: { name: string; acronym?: string; aliases?: string[] }[];
}

export interface ExtractionReport {
  found: string[];
  overlaid: string[];
}

export class ExtractionError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    /** The reason's catalogue message, when it has one (a malformed overlay's detail has none). */
    readonly reasonId?: MessageId,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'ExtractionError';
  }
  /** A refusal whose reason is in the catalogue, so that the page can say it in the user's language. */
  static fromCatalogue(file: string, reasonId: MessageId): ExtractionError {
    return new ExtractionError(file, formatMessage(reasonId, {}, 'en'), reasonId);
  }
}

/** The overlay, checked; a malformed one is refused with the file's name and the first problem. */
function parsedOverlayOf(file: string, overlayInput: OverlayInput): ParsedOverlay {
  const parsedOverlay = Overlay.safeParse(overlayInput);
  if (!parsedOverlay.success) throw new ExtractionError(file, `overlay: ${parsedOverlay.error.issues[0]?.message}`);
  return parsedOverlay.data;
}

/**
 * The issue's lines in reading order, the masthead read from them, the body (every line but the
 * masthead's) and every line left out with its reason (the masthead's too). An overlay that does
 * not fit the text is refused.
 */
function bodyOf(source: { file: string; text: string }, overlay: ParsedOverlay) {
  let ordered: ReturnType<typeof readingOrder>;
  try {
    ordered = readingOrder(source.text, overlay);
  } catch (error) {
    throw new ExtractionError(source.file, `overlay: ${(error as Error).message}`);
  }
  const masthead = mastheadOf(ordered.lines, ordered.dropped);
  const body = ordered.lines.filter((l) => !masthead.lines.includes(l.no));
  const dropped = [
    ...ordered.dropped,
    ...ordered.lines
      .filter((l) => masthead.lines.includes(l.no))
      .map((l) => ({ no: l.no, text: l.text, reason: MASTHEAD_REASON })),
  ];
  return { ordered, masthead, body, dropped };
}

/** The sections with their keys (under the issue's `key`, unique slugs of their titles and paragraphs) and printed pages (from `firstPage`). */
function keyedSections(
  rawSections: RawSection[],
  key: string,
  firstPage: number,
  vocabulary: Set<string>,
): ExtractedSection[] {
  const sectionSlug = uniqueSlugger();
  return rawSections.map((raw): ExtractedSection => {
    // An untitled section is keyed by its first words, as any key is a slug of content.
    const sectionKey = `${key}/${sectionSlug(slugify(raw.title || firstWords([raw]), 6))}`;
    const paragraphSlug = uniqueSlugger();
    return {
      key: sectionKey,
      title: raw.title,
      kicker: raw.kicker,
      page: raw.pageIndex + firstPage,
      titleLines: raw.titleLines,
      paragraphs: paragraphsOf(raw.blocks, vocabulary).map((p) => ({
        key: `${sectionKey}/${paragraphSlug(slugify(p.text, 5))}`,
        kind: p.kind,
        text: p.text,
        page: p.pageIndex + firstPage,
        lines: p.lines,
      })),
    };
  });
}

export function extractIssue(
  source: { file: string; text: string; sha256: string },
  overlayInput: OverlayInput = {},
): { issue: ExtractedIssue; report: ExtractionReport } {
  const overlay = parsedOverlayOf(source.file, overlayInput);
  const vocabulary = vocabularyOf(source.text);
  const { ordered, masthead, body, dropped } = bodyOf(source, overlay);
  // A section with no title (a first page that opens mid-flow) is kept: no page is dropped.
  const rawSections = splitSections(body, vocabulary);
  if (!rawSections.some((s) => s.title !== '') && masthead.lines.length === 0) {
    throw ExtractionError.fromCatalogue(source.file, 'reason.no-sections');
  }
  const autoNumber = masthead.number ?? issueNumberOf(source.text);
  const autoYear = masthead.year ?? issueYearOf(source.text);
  const autoTitle = rawSections.find((s) => s.title !== '')?.title ?? '';
  const pageCount = new Set(ordered.lines.map((l) => l.pageIndex)).size;
  const report: ExtractionReport = {
    found: [
      `${pageCount} pages, ${rawSections.length} sections`,
      `number ${autoNumber ?? 'not stated'}, year ${autoYear ?? 'not stated'}`,
    ],
    overlaid: [],
  };
  const apply = <T>(name: string, auto: T, value: T | undefined): T => {
    if (value === undefined || value === auto) return auto;
    report.overlaid.push(`${name}: ${JSON.stringify(auto)} → ${JSON.stringify(value)}`);
    return value;
  };
  const number = apply('number', autoNumber, overlay.number);
  const year = apply('year', autoYear, overlay.year);
  if (year === null) throw ExtractionError.fromCatalogue(source.file, 'reason.no-year');
  const title = apply('title', autoTitle, overlay.title);
  const date = apply('date', masthead.date ?? statedIssueDate(source.text), overlay.date);
  const firstPage = apply('firstPage', 1, overlay.firstPage);
  for (const r of overlay.reorder) report.overlaid.push(`reading order restored: ${r.note}`);
  for (const b of overlay.boxes) report.overlaid.push(`side box (${b.kind}): lines ${b.lines.join(', ')}`);
  for (const d of overlay.drop) report.overlaid.push(`dropped lines ${d.lines}: ${d.reason}`);

  const key = number !== null ? `${year}-no-${number}` : `${year}-${slugify(title || firstWords(rawSections), 5)}`;
  const sections = keyedSections(rawSections, key, firstPage, vocabulary);
  return {
    issue: {
      key,
      number,
      year,
      date,
      dateNote: overlay.dateNote ?? null,
      asOf: overlay.asOf ?? endOf(date ?? String(year)),
      title,
      sourceFile: source.file,
      sourceSha256: source.sha256,
      sections,
      dropped,
      organisationHints: overlay.organisations,
    },
    report,
  };
}

/** The first words of the first of these sections that has any line: what an untitled section or issue is keyed by. */
function firstWords(sections: { blocks: { lines: { text: string }[] }[] }[]): string {
  return sections.flatMap((s) => s.blocks.flatMap((b) => b.lines.map((l) => l.text)))[0] ?? 'untitled';
}

/** The last day of a year, month or day given in ISO form. */
function endOf(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number?, number?];
  if (day) return date;
  if (month) return `${date}-${String(new Date(Date.UTC(year, month, 0)).getUTCDate()).padStart(2, '0')}`;
  return `${year}-12-31`;
}
