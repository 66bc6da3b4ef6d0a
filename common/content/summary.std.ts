/**
 * Extractive summaries: sentences taken from the newsletter as written, never rewritten, chosen by
 * a fixed rule so the same issue always gives the same brief.
 *
 * A section's summary is the opening of its first passage of running text: its first sentence,
 * and the next one if the first is under MIN_CHARS characters (MAX_SENTENCES at most).
 * Sentences are cut at ". ", "? " or "! " followed by a capital letter or an opening quote,
 * except after a title or an initial (Mr., Ms., M., No.).
 */
export const MIN_CHARS = 60;
export const MAX_SENTENCES = 2;

const RUNNING = new Set(['paragraph', 'bullet']);

export function sentencesOf(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const m of text.matchAll(/[.!?](?=\s+[\p{Lu}“"(])/gu)) {
    const end = m.index! + 1;
    const before = text.slice(start, end);
    if (/\b(Mr|Ms|Mrs|M|No|St|Dr)\.$/.test(before) || /\b\p{Lu}\.$/u.test(before)) continue;
    sentences.push(before.trim());
    start = end;
  }
  const rest = text.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences;
}

/**
 * The issue's own summary, where it has one: a first section whose passages of running text point
 * to pages ("… page 6"), at least two of them. Printed whole.
 */
export function issueSummaryOf(issue: { sections: { paragraphs: { kind: string; text: string }[] }[] }): string[] {
  const first = issue.sections[0]?.paragraphs.filter((p) => p.kind === 'paragraph') ?? [];
  return first.filter((p) => /\bpage \d+$/.test(p.text)).length >= 2 ? first.map((p) => p.text) : [];
}

export function summaryOfSection(paragraphs: { kind: string; text: string }[]): string[] {
  const first = paragraphs.find((p) => RUNNING.has(p.kind) && p.text.length > 40);
  if (!first) return [];
  const chosen: string[] = [];
  for (const sentence of sentencesOf(first.text)) {
    chosen.push(sentence);
    if (chosen.join(' ').length >= MIN_CHARS || chosen.length >= MAX_SENTENCES) break;
  }
  return chosen;
}
