/**
 * What the review warns about (#29): what looks wrong in an issue read with no corrections, so the
 * reviewer looks there before saving. Each warning says what it is about and on which page; the
 * page words it in the interface language.
 */
import type { ReviewWarning, WordAccount } from '../../../common/contract/import.std';
import type { EntityRecord } from '../../../db/pipeline/entities/extract-entities.std';
import type { ExtractedIssue } from '../../../db/pipeline/extract-issue.std';
import { splitPages } from '../../../db/pipeline/source/pages.std';

/** Titles and roles that open a person's name: a title made of one is a person, not an article. */
const PERSON_TITLE = /^(Mr|Ms|Mrs|M|Mme|Dr|Professor|Prof|Ambassador|Judge|Minister)\.?\s+\p{Lu}/u;
/** A number the first page prints for the issue: "No. 26", "Issue 9", "N° 12". */
const PRINTED_NUMBER = /\b(?:No\.?|N°|Nº|Issue|Number|Numéro)\s*\d{1,4}\b/;
/** An event title that is a date, a bullet or a number, not what happens. */
const DATE_TITLE =
  /^[\s•·\-–—*\d]*(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)?[\s\d,–-]*$/i;

export function reviewWarnings(
  issue: ExtractedIssue,
  entities: EntityRecord[],
  words: WordAccount,
  text: string,
): ReviewWarning[] {
  const warnings: ReviewWarning[] = [];
  const unaccounted = words.unaccounted.reduce((n, u) => n + u.words, 0);
  if (unaccounted > 0)
    warnings.push({ kind: 'unaccounted', subject: String(unaccounted), page: words.unaccounted[0]!.page });
  const people = new Set(entities.filter((e) => e.type === 'person').map((e) => e.name));
  if (
    PERSON_TITLE.test(issue.title) ||
    [...people].some((name) => issue.title.includes(name) && issue.title.length < name.length + 40)
  ) {
    warnings.push({ kind: 'title-is-person', subject: issue.title, page: null });
  }
  const printed = PRINTED_NUMBER.exec(splitPages(text)[0]?.lines.join('\n') ?? '');
  if (issue.number === null && printed)
    warnings.push({ kind: 'number-not-read', subject: printed[0], page: words.pages[0]?.page ?? null });
  for (const page of words.pages)
    if (page.total > 0 && page.kept === 0)
      warnings.push({ kind: 'page-without-text', subject: String(page.total), page: page.page });
  for (const s of issue.sections)
    if (s.title === '')
      warnings.push({ kind: 'untitled-section', subject: s.paragraphs[0]?.text.slice(0, 80) ?? '', page: s.page });
  for (const e of entities) {
    if (e.type === 'event' && DATE_TITLE.test(e.name))
      warnings.push({ kind: 'event-title-is-date', subject: e.name, page: null });
    if (e.type === 'figure' && (e.data.value === 0 || /^0{2,}/.test(String(e.data.text ?? ''))))
      warnings.push({ kind: 'zero-figure', subject: String(e.data.text ?? e.name), page: null });
  }
  return warnings;
}
