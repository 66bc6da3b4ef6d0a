import { splitPages } from '../source/pages.std';
import { mastheadLineFacts } from './masthead.std';

/** Issue-level facts the text states: its ordinal number and its year. */
const ORDINALS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
  'twentieth',
];

/** The tens as cardinals ("twenty") and as ordinals ("twentieth"), from 20 to 90. */
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const TENTHS = TENS.map((t) => `${t.slice(0, -1)}ieth`);
const SOFT_HYPHEN = '\u00ad';
/** "first" to "ninth": the ordinals that follow a ten ("twenty-first"). */
const UNITS = 9;

/**
 * An English ordinal written in words, up to ninety-ninth: "ninth" → 9, "fortieth" → 40,
 * "twenty-seventh" (or "twenty seventh") → 27; null for any other word.
 */
export function ordinalNumberOf(words: string): number | null {
  const word = words.toLowerCase().replaceAll(SOFT_HYPHEN, '');
  const unit = ORDINALS.indexOf(word);
  if (unit >= 0) return unit + 1;
  const tenth = TENTHS.indexOf(word);
  if (tenth >= 0) return (tenth + 2) * 10;
  const [tens, units, ...rest] = word.split(/[-\s]+/);
  const ten = TENS.indexOf(tens ?? '');
  const one = ORDINALS.indexOf(units ?? '');
  return rest.length === 0 && ten >= 0 && one >= 0 && one < UNITS ? (ten + 2) * 10 + one + 1 : null;
}

/** Whose an issue is, after "issue of": another publication's ("of its own bulletin", "of their journal"). */
const ANOTHER_PUBLICATION = /^\s+of\s+(?:its|their|his|her)\b/i;

/**
 * "The tenth issue of the quarterly…", "With this ninth issue…", "the twenty-seventh issue" → 10, 9,
 * 27; null where the text does not say. Read on the first page only, where the issue speaks of
 * itself: "the twenty-first issue of its own bulletin" is another publication's.
 */
export function issueNumberOf(text: string): number | null {
  const first = splitPages(text)[0]?.lines.join('\n') ?? '';
  for (const match of first.matchAll(/\b(?:the|this|our)\s+(\w+(?:[-\u00ad]\s*\w+|\s+\w+)?)\s+issue\b/gi)) {
    if (ANOTHER_PUBLICATION.test(first.slice(match.index + match[0].length))) continue;
    const word = match[1]!;
    const ordinal = ordinalNumberOf(word);
    if (ordinal !== null) return ordinal;
    const digits = /^(\d+)(st|nd|rd|th)$/.exec(word);
    if (digits) return Number(digits[1]);
  }
  return null;
}

const YEAR = /\b(19[89]\d|20\d\d)\b/g;
const MONTH_OR_SEASON =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|Spring|Summer|Autumn|Fall|Winter)';
/** A masthead's date line: "March 2025", "No. 14 — Spring 2025", "Issue 9, September 2024"; short, no sentence. */
const DATE_LINE = new RegExp(
  `^(?:(?:No\\.?|Issue|Number)\\s*\\d+\\s*[—–,:-]?\\s*)?${MONTH_OR_SEASON}(?:\\s*[–/-]\\s*${MONTH_OR_SEASON})?\\s+(19[89]\\d|20\\d\\d)$`,
  'i',
);
/** A sentence in which the issue speaks of itself: "this ninth issue …, published in September 2024". */
const SELF_REFERENCE = /\b(?:this|the|our)\s+(?:\w+\s+){0,2}(?:issue|newsletter)\b/i;

/** The sentences of the first page's lines in which the issue speaks of itself. */
function selfReferences(lines: string[]): string[] {
  return lines
    .map((l) => l.trim())
    .join(' ')
    .replace(/-\s+(?=\p{Ll})/gu, '')
    .split(/(?<=[.!?])\s+(?=\p{Lu})/u)
    .filter((s) => SELF_REFERENCE.test(s));
}

/**
 * The issue naming itself and, attached to it, when it was published: "this ninth issue, published
 * in September 2024", "the fourteenth issue of our quarterly newsletter, published by the Permanent
 * Mission … in Vienna in March 2025", "This newsletter, issued in Autumn 2025", "This special issue
 * of March 2025". A date elsewhere in the sentence is another thing's: "In this issue we present
 * the OSCE report…, published in March 2021", "the issue of demand… a recommendation published in
 * May 2019".
 */
const WHEN_PUBLISHED = String.raw`((?:\p{L}+\s+)?(?:19|20)\d\d)\b`;
const PUBLISHED_IN = new RegExp(
  String.raw`\b(?:this|our|the)\s+(?:[\p{L}-]+\s+){0,2}(?:issue|newsletter)(?:\s+of\s+(?:our|this|the)\s+(?:\p{L}+\s+){0,2}(?:newsletter|letter|bulletin))?` +
    String.raw`(?:\s+of\s+${WHEN_PUBLISHED}|,?\s+(?:published|issued|released|dated)\b[^.;]{0,200}?\b(?:in\s+)?${WHEN_PUBLISHED})`,
  'iu',
);

/** The date the issue gives itself on its first page (PUBLISHED_IN), as the masthead would state it; null where it does not. */
function selfDated(text: string): { date: string | null; year: number | null } | null {
  const first = splitPages(text)[0];
  for (const sentence of first ? selfReferences(first.lines) : []) {
    const published = PUBLISHED_IN.exec(sentence);
    if (!published) continue;
    const when = published[1] ?? published[2]!;
    const facts = mastheadLineFacts(when);
    const year = Number(/(?:19|20)\d\d$/.exec(when)![0]);
    return { date: facts?.date ?? null, year };
  }
  return null;
}

/**
 * The date ("2024-09", or "2024" for a season) the first page says the issue was published, in the
 * sentence in which it speaks of itself: "This is the ninth issue of our quarterly newsletter,
 * published in September 2024". Null where no such phrase names a month or season and a year.
 */
export function statedIssueDate(text: string): string | null {
  return selfDated(text)?.date ?? null;
}

/** The year the first page dates the issue by: a masthead date line, else the year the issue gives itself (PUBLISHED_IN). */
export function statedIssueYear(text: string): number | null {
  const first = splitPages(text)[0];
  if (!first) return null;
  for (const line of first.lines) {
    const m = DATE_LINE.exec(line.trim());
    if (m) return Number(m[1]);
  }
  return selfDated(text)?.year ?? null;
}

/** The year the issue's first page states (see statedIssueYear), else the year it speaks of most; ties go to the later year. */
export function issueYearOf(text: string): number | null {
  const stated = statedIssueYear(text);
  if (stated !== null) return stated;
  const counts = new Map<number, number>();
  for (const match of text.matchAll(YEAR)) {
    const year = Number(match[1]);
    counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  let best: number | null = null;
  for (const [year, count] of counts) {
    const bestCount = best === null ? -1 : counts.get(best)!;
    if (count > bestCount || (count === bestCount && year > best!)) best = year;
  }
  return best;
}
