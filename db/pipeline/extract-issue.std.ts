/**
 * The automatic pipeline from one issue's raw text to its structure, then the editorial overlay
 * on top. Pure: the same text and overlay always give the same result, keys included.
 */
import { issueNumberOf, issueYearOf } from './issue-meta.std';
import type { Overlay } from './overlay.std';
import { splitPages } from './pages.std';
import { splitSections } from './sections.std';
import { slugify, uniqueSlugger } from './slug.std';
import { joinLines, vocabularyOf } from './text.std';

export interface ExtractedParagraph {
  key: string;
  kind: 'paragraph';
  text: string;
  page: number;
}

export interface ExtractedSection {
  key: string;
  title: string;
  kicker: string | null;
  page: number;
  paragraphs: ExtractedParagraph[];
}

export interface ExtractedIssue {
  key: string;
  number: number | null;
  year: number;
  date: string | null;
  title: string;
  sourceFile: string;
  sourceSha256: string;
  sections: ExtractedSection[];
}

export interface ExtractionReport {
  found: string[];
  overlaid: string[];
}

export class ExtractionError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'ExtractionError';
  }
}

export function extractIssue(
  source: { file: string; text: string; sha256: string },
  overlay: Overlay = {},
): { issue: ExtractedIssue; report: ExtractionReport } {
  const vocabulary = vocabularyOf(source.text);
  const pages = splitPages(source.text);
  const rawSections = splitSections(pages, vocabulary).filter((s) => s.title !== '');
  if (rawSections.length === 0) {
    throw new ExtractionError(source.file, 'no recognisable sections (no page opens with a heading)');
  }
  const autoNumber = issueNumberOf(source.text);
  const autoYear = issueYearOf(source.text);
  const autoTitle = rawSections[0]!.title;
  const report: ExtractionReport = {
    found: [
      `${pages.length} pages, ${rawSections.length} sections`,
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
  if (year === null) throw new ExtractionError(source.file, 'no year is stated in the text');
  const title = apply('title', autoTitle, overlay.title);
  const date = apply('date', null as string | null, overlay.date ?? undefined);
  const firstPage = apply('firstPage', 1, overlay.firstPage);

  const key = number !== null ? `${year}-no-${number}` : `${year}-${slugify(title, 5)}`;
  const sectionSlug = uniqueSlugger();
  const sections = rawSections.map((raw): ExtractedSection => {
    const sectionKey = `${key}/${sectionSlug(slugify(raw.title, 6))}`;
    const paragraphSlug = uniqueSlugger();
    return {
      key: sectionKey,
      title: raw.title,
      kicker: raw.kicker,
      page: raw.pageIndex + firstPage,
      paragraphs: raw.blocks.map((block) => {
        const text = joinLines(block.lines, vocabulary);
        return {
          key: `${sectionKey}/${paragraphSlug(slugify(text, 5))}`,
          kind: 'paragraph',
          text,
          page: block.pageIndex + firstPage,
        };
      }),
    };
  });
  return {
    issue: { key, number, year, date, title, sourceFile: source.file, sourceSha256: source.sha256, sections },
    report,
  };
}
