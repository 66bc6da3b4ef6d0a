/**
 * An independent reading of a PDF's text layer: poppler's `pdftotext -raw` (not pdf.js, not the
 * importer; -raw leaves a word cut at a line end as it is printed, "coopera-|tion"), cut into words
 * the way the importer's accounting counts them (#29): runs of letters or digits, case and
 * compatibility forms folded.
 */
import { execFileSync } from 'node:child_process';

export function pdftotextOf(file: string): string {
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** The words of a text as a bag: each folded word and how often it occurs. */
export function wordBag(text: string): Map<string, number> {
  // Thousands set apart by a thin space are one number or two depending on the reader ("27 000", "27000").
  const folded = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/(?<=\d)\s(?=\d{3}\b)/gu, '');
  const bag = new Map<string, number>();
  for (const word of folded.match(/[\p{L}\p{N}]+/gu) ?? []) bag.set(word, (bag.get(word) ?? 0) + 1);
  return bag;
}

export const bagSize = (bag: Map<string, number>): number => [...bag.values()].reduce((a, b) => a + b, 0);

/** The words of `from` that `within` does not hold (as often): what the other reading lost. */
export function missingWords(from: Map<string, number>, within: Map<string, number>): Map<string, number> {
  const missing = new Map<string, number>();
  for (const [word, n] of from) {
    const short = n - (within.get(word) ?? 0);
    if (short > 0) missing.set(word, short);
  }
  return missing;
}
