/**
 * Every word accounted for: each word of the source (for a PDF, its text layer as the layout read
 * it) ends in exactly one section title or paragraph, or among the dropped lines with their reason
 * (running header, page number, masthead…). What is in neither, or cited twice, is unaccounted:
 * the review shows it and saving then asks for a confirmation. Counted per source line, by the
 * line numbers every title and paragraph cites, so the count never depends on how words were joined.
 */
import type { ExtractedIssue } from './extract-issue.std';
import { splitPages } from './source/pages.std';

export interface DroppedWords {
  reason: string;
  words: number;
  /** Each dropped line, with its printed page. */
  lines: { page: number; text: string }[];
}

export interface PageWords {
  page: number;
  total: number;
  kept: number;
  dropped: number;
  unaccounted: number;
  /** Titles of the sections that open on this page (an untitled one as ''). */
  sections: string[];
}

export interface WordAccount {
  total: number;
  kept: number;
  dropped: DroppedWords[];
  /** Lines in no title, no paragraph and no drop list, or in more than one of them. */
  unaccounted: { page: number; text: string; words: number }[];
  pages: PageWords[];
}

/** Words as a reader counts them: runs of letters or digits ("COVID-19" is two, "15 313" two). */
export function wordsIn(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

/** Where each source line went: 'kept', a drop reason, or undefined (nowhere); a line cited twice is 'twice'. */
function destinations(issue: ExtractedIssue): Map<number, string> {
  const where = new Map<number, string>();
  // Stryker disable next-line StringLiteral: equivalent, any mark but 'kept' or 'drop:…' leaves the line unaccounted, as a line cited twice is (#27)
  const cite = (no: number, to: string) => where.set(no, where.has(no) ? 'twice' : to);
  for (const section of issue.sections) {
    for (const no of section.titleLines) cite(no, 'kept');
    for (const p of section.paragraphs) for (const no of p.lines) cite(no, 'kept');
  }
  for (const d of issue.dropped) cite(d.no, `drop:${d.reason}`);
  return where;
}

/** The account of the issue's words against its source text; pages numbered from `firstPage`. */
export function accountWords(text: string, issue: ExtractedIssue, firstPage = 1): WordAccount {
  const raw = text.split('\n');
  const where = destinations(issue);
  const account: WordAccount = { total: 0, kept: 0, dropped: [], unaccounted: [], pages: [] };
  const byReason = new Map<string, DroppedWords>();
  for (const page of splitPages(text)) {
    const printed = page.index + firstPage;
    const tally: PageWords = {
      page: printed,
      total: 0,
      kept: 0,
      dropped: 0,
      unaccounted: 0,
      sections: issue.sections.filter((s) => s.page === printed).map((s) => s.title),
    };
    page.lines.forEach((_, i) => {
      const no = page.firstLine + i;
      const line = raw[no - 1]!.trim();
      const words = wordsIn(line);
      if (line === '') return;
      tally.total += words;
      const to = where.get(no);
      if (to === 'kept') tally.kept += words;
      else if (to?.startsWith('drop:')) {
        const reason = to.slice(5);
        const entry = byReason.get(reason) ?? byReason.set(reason, { reason, words: 0, lines: [] }).get(reason)!;
        entry.words += words;
        entry.lines.push({ page: printed, text: line });
        tally.dropped += words;
      } else {
        tally.unaccounted += words;
        account.unaccounted.push({ page: printed, text: line, words });
      }
    });
    account.pages.push(tally);
    account.total += tally.total;
    account.kept += tally.kept;
  }
  account.dropped = [...byReason.values()];
  return account;
}

/** The share of the words kept, as a percentage with one decimal ("97.4"). */
export const keptPercent = (account: Pick<WordAccount, 'kept' | 'total'>): string =>
  account.total === 0 ? '100.0' : ((100 * account.kept) / account.total).toFixed(1);
