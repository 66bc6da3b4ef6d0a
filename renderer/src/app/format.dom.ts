/** Dates and numbers in the reader's language; only what the archive states. */
export function issueDateLabel(issue: { date: string | null; year: number }, locale: string): string {
  if (!issue.date) return String(issue.year);
  const [year, month] = issue.date.split('-');
  if (!month) return year!;
  return new Date(Date.UTC(Number(year), Number(month) - 1, 1)).toLocaleDateString(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

export function issueLabel(issue: { number: number | null; date: string | null; year: number }, locale: string, numberWord: (n: number) => string): string {
  const date = issueDateLabel(issue, locale);
  return issue.number ? `${numberWord(issue.number)} · ${date}` : date;
}

export function dayLabel(iso: string, locale: string): string {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** The day of a moment (an ISO timestamp, such as when an issue was imported), on the user's own clock. */
export function momentDayLabel(timestamp: string, locale: string): string {
  return new Date(timestamp).toLocaleDateString(locale, { day: 'numeric', month: 'long', year: 'numeric' });
}

export function dateRange(start: string, end: string, locale: string): string {
  if (start === end) return dayLabel(start, locale);
  const a = new Date(`${start}T00:00:00Z`);
  const b = new Date(`${end}T00:00:00Z`);
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).formatRange(a, b);
}

export function monthLabel(iso: string, locale: string): string {
  return new Date(`${iso.slice(0, 7)}-01T00:00:00Z`).toLocaleDateString(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

export function figureLabel(value: number, currency: string | null, locale: string): string {
  return currency ? new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 }).format(value) : new Intl.NumberFormat(locale).format(value);
}
