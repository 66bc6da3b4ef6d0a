/** Issue-level facts the text states: its ordinal number and its year. */
const ORDINALS = [
  'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth',
  'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth',
  'eighteenth', 'nineteenth', 'twentieth',
];

/** "The tenth issue of the quarterly…", "With this ninth issue…" → 10, 9; null where the text does not say. */
export function issueNumberOf(text: string): number | null {
  const match = /\b(?:the|this|our)\s+(\w+)\s+issue\b/i.exec(text);
  if (!match) return null;
  const word = match[1]!.toLowerCase();
  const ordinal = ORDINALS.indexOf(word);
  if (ordinal >= 0) return ordinal + 1;
  const digits = /^(\d+)(st|nd|rd|th)$/.exec(word);
  return digits ? Number(digits[1]) : null;
}

/** The year the issue speaks of most; ties go to the later year. */
export function issueYearOf(text: string): number | null {
  const counts = new Map<number, number>();
  for (const match of text.matchAll(/\b(19[89]\d|20\d\d)\b/g)) {
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
