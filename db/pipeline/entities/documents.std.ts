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

const SYMBOL = /\b([A-Z]{1,3}(?:\/[A-Z]{1,4}\.?\d*)+(?:\/\d{4})?(?:\/[A-Z]{1,3}\.\d+)(?:\/(?:REV|Rev)\.\d+)?)\b/g;

export function documentsIn(p: { key: string; text: string }, previousText: string | null, nextText: string | null = null): DocumentFact[] {
  const docs: DocumentFact[] = [];
  for (const m of p.text.matchAll(SYMBOL)) {
    const after = p.text.slice(m.index! + m[0].length);
    const title = /^\s*“([^”]+)”/.exec(after)?.[1] ?? (after.trim() === '' && nextText ? /^“([^”]+)”/.exec(nextText)?.[1] ?? null : null);
    const before = p.text.slice(0, m.index!).trim() || previousText || '';
    const sponsorText = /([\p{L}-]+)\s+resolution\s*$/u.exec(before)?.[1] ?? null;
    docs.push({
      symbol: m[1]!,
      title,
      sponsorText,
      sponsors: sponsorText ? sponsorText.split('-').flatMap((part) => (part === 'Franco' ? ['France'] : countriesIn(part).map((c) => c.name))) : [],
      paragraphKey: p.key,
    });
  }
  return docs;
}
