/**
 * Figures: amounts of money and counted quantities, with what they count and their period, in
 * the newsletter's words ("€163,500 per year": France’s contributions to the UNODC Human
 * Trafficking and Migrant Smuggling Section). Years, days, page and article numbers are not
 * figures.
 */
export interface FigureFact {
  /** The figure as printed: "€1,830,000", "over 330,000 dollars", "more than 120". */
  text: string;
  value: number;
  currency: 'EUR' | 'USD' | null;
  unit: string | null;
  label: string;
  period: string | null;
  paragraphKey: string;
}

const QUALIFIER = '(?:(more than|over|about|nearly|almost|some|around)\\s+)?';
/**
 * Thousands set apart by any separator, the same one throughout: a comma (15,313), a space, a no-break
 * or narrow no-break or thin space (15 313, 45\u00A0000, 27\u202F000) or a dot (350.000); a dot before
 * fewer or more than three digits is a decimal point (6.3 million).
 */
const THOUSANDS =
  '\\d{1,3}(?:,\\d{3})+(?![\\d])|\\d{1,3}(?:[ \\u00A0\\u202F\\u2009]\\d{3})+(?![\\d.,]\\d)(?!\\d)|\\d{1,3}(?:\\.\\d{3})+(?![\\d.,])';
const NUMBER = `(?<!\\d)(${THOUSANDS}|\\d+\\.\\d+|\\d+)`;
/** "6.3 million", "236 billion": the scale is part of the figure. */
const SCALE = '(?:\\s+(million|billion))?';
const MONEY = new RegExp(
  `${QUALIFIER}(?:(€|\\$|EUR|USD)\\s?${NUMBER}${SCALE}|${NUMBER}${SCALE}\\s+(euros|dollars|EUR|USD))`,
  'giu',
);
/** What is counted: plural words, an adjective of nationality before them (43 Romanian workers), or plurals without an s. */
const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
const COUNTED = `((?:(?!(?:${MONTHS})\\b)\\p{Lu}\\p{Ll}+\\s)?(?:[\\p{Ll}-]+\\s){0,2}(?:[\\p{Ll}-]*s|people|children|women|men)|JPOs)`;
const COUNT = new RegExp(
  `${QUALIFIER}(?<![\\d.,/-]|\\d[ \\u00A0\\u202F\\u2009])(${THOUSANDS}|\\d+\\.\\d+|\\d{1,4})${SCALE}\\s+${COUNTED}\\b`,
  'gu',
);
const SCALES: Record<string, number> = { million: 1e6, billion: 1e9 };
/** The low end of a range whose high end names the currency: "between 2,000 and 10,000 euros". */
const RANGE_LOW = new RegExp(`\\b(?:between|from)\\s+${NUMBER}\\s+(?:and|to)\\s+$`, 'iu');
const PERIOD = /^\s*(per year|a year|since \d{4}|in \d{4}|between \d{4} and \d{4}|over the \d{4}-\d{4} period)/i;
const NOT_COUNTED =
  /^(years?|days?|pages?|articles?|points?|sessions?|mars|janvier|avril|mai|juin|juillet|octobre|novembre|décembre)$/;

/** A dot that sets thousands apart, not a decimal point: before each group of exactly three digits, with no scale word. */
const DOT_THOUSANDS = /^\d{1,3}(?:\.\d{3})+$/;

function numberOf(text: string, scale?: string): number {
  const digits =
    DOT_THOUSANDS.test(text) && !scale ? text.replace(/\./g, '') : text.replace(/[,\s\u00A0\u202F\u2009]/g, '');
  return Number(digits) * (scale ? SCALES[scale.toLowerCase()]! : 1);
}

function clauseAround(text: string, from: number, to: number): string {
  const before = text.slice(0, from);
  const cut = Math.max(before.lastIndexOf('. '), before.lastIndexOf('; '));
  const start = cut < 0 ? 0 : cut + 2;
  const after = text.slice(to);
  const stop = after.search(/[.;](\s|$)/);
  return text.slice(start, stop < 0 ? text.length : to + stop).trim();
}

/** The number opening a range that ends at `to` in a currency, with where it stands. */
function rangeLow(text: string, to: number): { text: string; from: number } | null {
  const m = RANGE_LOW.exec(text.slice(0, to));
  if (!m) return null;
  return { text: m[1]!, from: m.index + m[0].indexOf(m[1]!, m[0].search(/\s/)) };
}

export function figuresIn(p: { key: string; kind: string; text: string }, label: string | null): FigureFact[] {
  const figures: FigureFact[] = [];
  const taken: [number, number][] = [];
  for (const m of p.text.matchAll(MONEY)) {
    const value = numberOf(m[3] ?? m[5]!, m[4] ?? m[6]);
    if (value >= 1900 && value <= 2100 && !m[2] && !m[7]) continue;
    const from = m.index!;
    const to = from + m[0].length;
    const period = PERIOD.exec(p.text.slice(to))?.[1] ?? null;
    const symbol = (m[2] ?? m[7]!).toLowerCase();
    figures.push({
      text: m[0].trim(),
      value,
      currency: symbol === '€' || symbol.startsWith('eur') ? 'EUR' : 'USD',
      unit: null,
      label: label ?? clauseAround(p.text, from, to),
      period,
      paragraphKey: p.key,
    });
    taken.push([from, to]);
    const low = rangeLow(p.text, from);
    if (low) {
      figures.push({ ...figures.at(-1)!, text: low.text, value: numberOf(low.text, m[4] ?? m[6]) });
      taken.push([low.from, low.from + low.text.length]);
    }
  }
  if (p.kind === 'calendar' || p.kind === 'list-item') return figures;
  for (const m of p.text.matchAll(COUNT)) {
    const from = m.index!;
    const to = from + m[0].length;
    if (taken.some(([a, b]) => from < b && to > a)) continue;
    const value = numberOf(m[2]!, m[3]);
    const unit = m[4]!;
    const head = unit.split(' ')[0]!;
    if (NOT_COUNTED.test(head) || (value >= 1900 && value <= 2100) || /\d+(st|nd|rd|th)$/.test(m[2]!)) continue;
    const before = p.text.slice(Math.max(0, from - 12), from);
    if (/(page|pages|article|articles|Measure|point|target|&)\s*$/i.test(before)) continue;
    figures.push({
      text: m[0].trim(),
      value,
      currency: null,
      unit,
      label: label ?? clauseAround(p.text, from, to),
      period: PERIOD.exec(p.text.slice(to))?.[1] ?? null,
      paragraphKey: p.key,
    });
  }
  return figures;
}
