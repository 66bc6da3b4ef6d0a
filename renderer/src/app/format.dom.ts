/** How an issue's date reads: "March 2021", "2018" — only what the archive states. */
export function issueDateLabel(issue: { date: string | null; year: number }, locale = 'en-GB'): string {
  if (!issue.date) return String(issue.year);
  const [year, month] = issue.date.split('-');
  if (!month) return year!;
  return new Date(Date.UTC(Number(year), Number(month) - 1, 1)).toLocaleDateString(locale, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

export function issueLabel(issue: { number: number | null; date: string | null; year: number }): string {
  const date = issueDateLabel(issue);
  return issue.number ? `No. ${issue.number} · ${date}` : date;
}
