/**
 * UN documents by symbol (E/CN.15/2018/L.3/REV.1), with the title quoted after the symbol and the
 * sponsors named in the heading before it ("Franco-Romanian resolution").
 */
import { countriesIn } from './places.std';

export interface DocumentFact {
  symbol: string;
  title: string | null;
  sponsors: string[];
  sponsorText: string | null;
  paragraphKey: string;
}

/**
 * A UN document symbol: an organ's letters, then at least two parts after slashes, of letters
 * (RES, COP, CN.15, L.5, Rev.1) or numbers (55, 2024), with a number among them: A/RES/55/25,
 * CTOC/COP/2024/L.5, E/CN.15/2018/L.3/REV.1.
 */
const PART = '(?:[A-Z][A-Za-z]{0,4}(?:\\.\\d+)?|\\d{1,4})';
const SYMBOL = new RegExp(`(?<![\\w/.])([A-Z]{1,5}(?:\\.\\d+)?(?:\\/${PART}){2,})(?![\\w/])`, 'g');

export function documentsIn(
  p: { key: string; text: string },
  previousText: string | null,
  nextText: string | null = null,
): DocumentFact[] {
  const docs: DocumentFact[] = [];
  for (const m of p.text.matchAll(SYMBOL)) {
    if (!/\d/.test(m[1]!)) continue;
    const after = p.text.slice(m.index! + m[0].length);
    const title =
      /^\s*“([^”]+)”/.exec(after)?.[1] ??
      (after.trim() === '' && nextText ? (/^“([^”]+)”/.exec(nextText)?.[1] ?? null) : null);
    const before = p.text.slice(0, m.index!).trim() || previousText || '';
    const sponsorText = /([\p{L}-]+)\s+resolution\s*$/u.exec(before)?.[1] ?? null;
    docs.push({
      symbol: m[1]!,
      title,
      sponsorText,
      sponsors: sponsorText
        ? sponsorText
            .split('-')
            .flatMap((part) => (part === 'Franco' ? ['France'] : countriesIn(part).map((c) => c.name)))
        : [],
      paragraphKey: p.key,
    });
  }
  return docs;
}
