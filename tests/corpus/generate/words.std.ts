/**
 * Word matching, the same on both sides (#29): the PDF's text layer as pdftotext reads it, and
 * the imported issue's titles and paragraphs. A word is a run of letters and digits after:
 *  1. NFKC (ligatures ﬁ ﬃ ﬂ become fi ffi fl; no-break and narrow no-break spaces become spaces);
 *  2. line-end hyphens mended: a soft hyphen (U+00AD) at a line's end joins (elsewhere it is dropped); a hard hyphen at a line's end
 *     keeps the hyphen when the generator typeset the word with it ("co-operation"), joins when it
 *     typeset the word whole ("traf-" + "ficking"), and keeps it otherwise; a hyphen set apart
 *     from its word at a line's end ("coordi -", LibreOffice's justified .docx) joins only a word
 *     the generator typeset whole;
 *  3. digit groups of a thousands separator (comma, dot, space after NFKC, or a line break) joined: "15 313",
 *     "15,313", "15.313" are all 15313 (a group is 1–3 digits not preceded by a digit, then
 *     groups of exactly three);
 *  4. a word pdftotext joined at a line-end hyphen that the generator typeset as a compound
 *     ("nonpunishment" for "non-punishment": poppler drops a line's final hyphen) is split back;
 *  5. lower case; apostrophes removed ("France’s" is "frances"); every other character that is
 *     not a letter or a digit separates words (so hyphenated compounds are two words on both sides,
 *     and "E/CN.15/2018/L.3" is e, cn, 15, 2018, l, 3);
 *  6. two pieces run together where the second is no word of the generator's and together they
 *     make one ("euro pean", as pdftotext reads LibreOffice's "Euro -" at a line's end).
 */
const SOFT_HYPHEN = /\u00ad\n\s*|\u00ad/g;
/** A hard hyphen at a line's end, or one set apart from its word by a space (LibreOffice's justified .docx: "coordi -"). */
const LINE_END_HYPHEN = /(\p{L}+)( ?)-\n\s*(\p{L}+)/gu;
const THOUSANDS = /(?<![\d.,])(\d{1,3})((?:(?:[ ,.]|\n\s*)\d{3})+)(?![\d]|[.,]\d)/g;
const APOSTROPHES = /['’‘ʼ]/g;
const SEPARATORS = /[^\p{L}\p{N}]+/gu;

/** The generator's own words, as typeset (lower case, hyphens kept): the mending rule's dictionary. */
export function vocabularyOf(texts: string[]): string[] {
  const words = new Set<string>();
  for (const t of texts)
    for (const w of t.normalize('NFKC').toLowerCase().split(/\s+/))
      words.add(w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));
  words.delete('');
  return [...words].sort();
}

export function mendLineEnds(text: string, vocabulary: ReadonlySet<string>): string {
  return text.replace(SOFT_HYPHEN, '').replace(LINE_END_HYPHEN, (all, a: string, apart: string, b: string) => {
    const hyphened = `${a}-${b}`.toLowerCase();
    const whole = `${a}${b}`.toLowerCase();
    if (apart) return vocabulary.has(whole) ? `${a}${b}` : all;
    if ([...vocabulary].some((w) => w.includes(hyphened))) return `${a}-${b}`;
    if (vocabulary.has(whole)) return `${a}${b}`;
    return all.replace(/\n\s*/, '');
  });
}

const compoundCache = new WeakMap<ReadonlySet<string>, Map<string, string[]>>();

/** The vocabulary's hyphenated compounds, by their letters run together. */
function compounds(vocabulary: ReadonlySet<string>): Map<string, string[]> {
  let map = compoundCache.get(vocabulary);
  if (!map) {
    map = new Map();
    for (const w of vocabulary)
      for (const c of w.match(/\p{L}+(?:-\p{L}+)+/gu) ?? [])
        if (!vocabulary.has(c.replace(/-/g, ''))) map.set(c.replace(/-/g, ''), c.split('-'));
    compoundCache.set(vocabulary, map);
  }
  return map;
}

export function words(text: string, vocabulary: ReadonlySet<string> = new Set()): string[] {
  const mended = mendLineEnds(text.normalize('NFKC'), vocabulary);
  const joined = mended.replace(THOUSANDS, (_all, head: string, rest: string) => head + rest.replace(/[\s,.]/g, ''));
  const split = compounds(vocabulary);
  return rejoinPieces(
    joined.toLowerCase().replace(APOSTROPHES, '').split(SEPARATORS).filter(Boolean),
    vocabulary,
  ).flatMap((w) => split.get(w) ?? [w]);
}

/**
 * Rule 6: two pieces that are no words of the generator's and run together make one of its words
 * are that word: pdftotext reads a word LibreOffice cut at a hyphen set apart ("Euro -" | "pean")
 * as "Euro pean", dropping the hyphen. Only the generator's own words are made.
 */
function rejoinPieces(tokens: string[], vocabulary: ReadonlySet<string>): string[] {
  if (vocabulary.size === 0) return tokens;
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const [a, b] = [tokens[i]!, tokens[i + 1]];
    if (b !== undefined && !vocabulary.has(b) && !/^\d/.test(a + b) && vocabulary.has(a + b)) {
      out.push(a + b);
      i++;
    } else out.push(a);
  }
  return out;
}

/** Counts of each word. */
export function bag(list: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of list) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}

/** Takes the words of `part` out of the bag `from` if it holds them all; whether it did. */
export function takeBag(from: Map<string, number>, part: string[]): boolean {
  const need = bag(part);
  if (need.size === 0 || [...need].some(([w, n]) => (from.get(w) ?? 0) < n)) return false;
  for (const [w, n] of need) from.set(w, from.get(w)! - n);
  return true;
}

/**
 * Takes a typeset line's words out of the bag `from`, as typeset or with its hyphens between
 * letters dropped (pdftotext reads a large bold "South-East" as "SouthEast"); whether it did.
 */
export function takeLine(from: Map<string, number>, line: string, vocabulary: ReadonlySet<string>): boolean {
  return (
    takeBag(from, words(line, vocabulary)) ||
    takeBag(from, words(line.replace(/(?<=\p{L})-(?=\p{L})/gu, ''), vocabulary))
  );
}

/** Whether `needle` occurs as a contiguous run of `hay`. */
export function containsRun(hay: string[], needle: string[]): boolean {
  if (needle.length === 0) return true;
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}
