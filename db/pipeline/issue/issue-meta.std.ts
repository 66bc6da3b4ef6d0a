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

/** "The tenth issue of the quarterly…", "With this ninth issue…", "the twenty-seventh issue" → 10, 9, 27; null where the text does not say. */
export function issueNumberOf(text: string): number | null {
  const match = /\b(?:the|this|our)\s+(\w+(?:[-\u00ad]\s*\w+|\s+\w+)?)\s+issue\b/i.exec(text);
  if (!match) return null;
  const word = match[1]!;
  const ordinal = ordinalNumberOf(word);
  if (ordinal !== null) return ordinal;
  const digits = /^(\d+)(st|nd|rd|th)$/.exec(word);
  return digits ? Number(digits[1]) : null;
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
const DATED_YEAR = new RegExp(`${MONTH_OR_SEASON}\\s+(19[89]\\d|20\\d\\d)\\b`, 'i');

/** The sentences of the first page's lines in which the issue speaks of itself. */
function selfReferences(lines: string[]): string[] {
  return lines
    .map((l) => l.trim())
    .join(' ')
    .replace(/-\s+(?=\p{Ll})/gu, '')
    .split(/(?<=[.!?])\s+(?=\p{Lu})/u)
    .filter((s) => SELF_REFERENCE.test(s));
}

/** "published in September 2024", "issued in Autumn 2025": the month (or season) and year it names. */
const PUBLISHED_IN = /\b(?:published|issued|released|dated)\s+(?:in\s+)?(\p{L}+\s+(?:19|20)\d\d)\b/iu;

/**
 * The date ("2024-09", or "2024" for a season) a sentence of the first page in which the issue
 * speaks of itself says it was published: "This is the ninth issue of our quarterly newsletter,
 * published in September 2024". Null where no such sentence names a month or season and a year.
 */
export function statedIssueDate(text: string): string | null {
  const first = splitPages(text)[0];
  for (const sentence of first ? selfReferences(first.lines) : []) {
    const published = PUBLISHED_IN.exec(sentence);
    const facts = published ? mastheadLineFacts(published[1]!) : null;
    if (facts?.date) return facts.date;
  }
  return null;
}

/** The year the first page dates the issue by: a masthead date line, else a sentence about the issue itself. */
export function statedIssueYear(text: string): number | null {
  const first = splitPages(text)[0];
  if (!first) return null;
  for (const line of first.lines) {
    const m = DATE_LINE.exec(line.trim());
    if (m) return Number(m[1]);
  }
  for (const sentence of selfReferences(first.lines)) {
    const dated = DATED_YEAR.exec(sentence);
    if (dated) return Number(dated[1]);
    const years = [...sentence.matchAll(YEAR)].map((m) => Number(m[1]));
    if (years.length === 1) return years[0]!;
  }
  return null;
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
