/** Dates and numbers in the reader's language; only what the archive states. */
import { capitalised } from '../../../common/content/capitalised.std';
import { ENGLISH_MONTHS, FRENCH_MONTHS } from '../../../common/content/month-names.std';

/**
 * The months' names in the interface's two locales, as Intl writes them in a date ("March 2018",
 * "mars 2018"), for the library's cards: a page's first Intl date formatter loads ICU's date data
 * (35 ms of CPU in Node quiet, 50–190 ms in Chromium at a load average of 18), and the library is
 * the first screen (#26). Other locales, and months out of range, go through Intl;
 * tests/unit/format-dates.test.ts checks the names against Intl's, month by month.
 */
const MONTH_NAMES: Record<string, readonly string[]> = { 'en-GB': ENGLISH_MONTHS, 'fr-FR': FRENCH_MONTHS };

/** A month's name (0 for January) in one of the interface's locales, or undefined: Intl then. */
const monthName = (locale: string, month: number): string | undefined => MONTH_NAMES[locale]?.[month];

export function issueDateLabel(issue: { date: string | null; year: number }, locale: string): string {
  if (!issue.date) return String(issue.year);
  const [year, month] = issue.date.split('-');
  if (!month) return year!;
  const name = monthName(locale, Number(month) - 1);
  if (name) return `${name} ${Number(year)}`;
  return new Date(Date.UTC(Number(year), Number(month) - 1, 1)).toLocaleDateString(locale, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

export function issueLabel(
  issue: { number: number | null; date: string | null; year: number },
  locale: string,
  numberWord: (n: number) => string,
): string {
  const date = issueDateLabel(issue, locale);
  return issue.number ? `${numberWord(issue.number)} · ${date}` : date;
}

const DAY_MONTH_YEAR: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' };

/** An event's title is the newsletter's words, often opening in lower case: shown with a capital, as the Calendar shows it. */
export function eventTitle(name: string): string {
  return capitalised(name);
}

/** Between the items of a list in parentheses: French puts a space before a semicolon too. */
export function semicolon(locale: string): string {
  return locale.toLowerCase().startsWith('fr') ? ' ; ' : '; ';
}

/** French writes the first of a month as an ordinal, « 1er octobre »; Intl writes « 1 octobre ». */
function joined(parts: Intl.DateTimeFormatPart[], locale: string): string {
  const firstIsOrdinal = locale.toLowerCase().startsWith('fr');
  return parts.map((p) => (firstIsOrdinal && p.type === 'day' && p.value === '1' ? '1er' : p.value)).join('');
}

export function dayLabel(iso: string, locale: string): string {
  return joined(new Intl.DateTimeFormat(locale, DAY_MONTH_YEAR).formatToParts(new Date(`${iso}T00:00:00Z`)), locale);
}

/** The day of a moment (an ISO timestamp, such as when an issue was imported), on the user's own clock. */
export function momentDayLabel(timestamp: string, locale: string): string {
  const moment = new Date(timestamp);
  const name = monthName(locale, moment.getMonth());
  if (name) return `${moment.getDate()} ${name} ${moment.getFullYear()}`;
  return moment.toLocaleDateString(locale, { day: 'numeric', month: 'long', year: 'numeric' });
}

export function dateRange(start: string, end: string, locale: string): string {
  if (start === end) return dayLabel(start, locale);
  const a = new Date(`${start}T00:00:00Z`);
  const b = new Date(`${end}T00:00:00Z`);
  return joined(new Intl.DateTimeFormat(locale, DAY_MONTH_YEAR).formatRangeToParts(a, b), locale);
}

/**
 * An event's dates as its text gives them: a day or a range of days ("2–5 octobre 2018"), or only
 * a month ("décembre 2018") when the text says no more (`precision: 'month'`), never its first to
 * last day as if it filled the month.
 */
export function eventDateLabel(data: Record<string, unknown>, locale: string): string {
  const start = String(data.start);
  if (data.precision === 'month') return monthLabel(start, locale);
  return dateRange(start, typeof data.end === 'string' ? data.end : start, locale);
}

/** A trip's dates in words: « du 9 janvier au 30 novembre 2018 », « à partir du 9 janvier 2018 ». */
export function tripDates(
  from: string | null,
  to: string | null,
  locale: string,
  t: (key: string, values: Record<string, string>) => string,
): string {
  if (from && to) return t('from {{from}} to {{to}}', { from: dayLabel(from, locale), to: dayLabel(to, locale) });
  if (from) return t('from {{from}} on', { from: dayLabel(from, locale) });
  return to ? t('until {{to}}', { to: dayLabel(to, locale) }) : '';
}

export function monthLabel(iso: string, locale: string): string {
  return new Date(`${iso.slice(0, 7)}-01T00:00:00Z`).toLocaleDateString(locale, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

export function figureLabel(value: number, currency: string | null, locale: string): string {
  return currency
    ? new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 }).format(value)
    : new Intl.NumberFormat(locale).format(value);
}
