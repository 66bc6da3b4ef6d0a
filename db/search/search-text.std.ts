/**
 * The one text pipeline of search, used where the index is built (db/), where it is queried
 * (main/) and where matches are highlighted: accents and case folded both ways (Wallstrom finds
 * Wallström), apostrophes unified, English stemming, Lunr's stop words. Registered with Lunr
 * under fixed labels so that a serialised index can be loaded again.
 */
import lunr from 'lunr';

export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`]/g, "'")
    .toLowerCase();
}

/**
 * Plurals the English stemmer leaves alone, so that "child" finds "children". No prototype: with
 * one, `IRREGULAR.constructor` is Object, and a search for "constructor" answered INTERNAL.
 */
const IRREGULAR: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  children: 'child',
  women: 'woman',
  men: 'man',
  people: 'person',
  persons: 'person',
});

/**
 * The words before an apostrophe that French elides (« l'Europe », « d'un », « qu'il », « jusqu'à »,
 * « aujourd'hui »): such a word is two, the analyser splits it (search-vocabulary.std.ts).
 */
export const ELIDED_WORDS = new Set('l d j m n s t c qu jusqu lorsqu puisqu quoiqu quelqu presqu aujourd'.split(' '));
/** What English writes after an apostrophe: a possessive or a contraction (France's, don't, I'd, we're, we've, I'll, I'm). */
const CONTRACTIONS = new Set(['s', 't', 'd', 're', 've', 'll', 'm']);

/**
 * A name written with an apostrophe inside (O'Brien, O’Connor, Dell'Acqua) is one word without it
 * (obrien), in the index and in a query alike (through indexWord), so that it is found typed with ',
 * with ’ or with none; a French elision (l'Est) and an English possessive or contraction (France's)
 * are not names. A name that begins with an elided word (N'Djamena, D'Alema) is read as an elision
 * and not joined: the index reads it through elisionForms. `word` is folded (fold: every apostrophe is ').
 */
export function joinedName(word: string): string {
  const m = /^(\p{L}+)'(\p{L}+)$/u.exec(word);
  return m && !ELIDED_WORDS.has(m[1]!) && !CONTRACTIONS.has(m[2]!) ? m[1]! + m[2]! : word;
}

/**
 * A word as the index, the typo dictionary, stem() and a query read it: folded, its apostrophes at
 * either end and a possessive 's dropped (France's → france, O'Brien' → o'brien), then a name with
 * an apostrophe inside joined (joinedName: O'Brien's → obrien). One helper for all of them, so that
 * « O'Brien's » typed finds what the index holds for O'Brien.
 */
export const indexWord = (word: string): string =>
  joinedName(
    fold(word)
      .replace(/^'+|'+$/g, '')
      .replace(/'s$/, '')
      .replace(/'+$/, ''),
  );

/**
 * Shortest rest of an elision read as a word of its own: « d'un », « qu'un », « l'an » give none
 * (un is the UN, an a stop word: a French text's article would answer them).
 */
const SHORTEST_ELIDED_REST = 3;

/**
 * The words the index, the highlights and the typo dictionary read in a word written with a French
 * elision inside (« D'Alema », « N'Djamena », « Côte d'Ivoire », « l'illustration »): the word as
 * written, its rest without the elided word (alema), and the two joined (dalema). A query splits an
 * elision (« D'Alema » asks for alema), so the name is found alone, typed with the apostrophe or
 * without it (« dalema », as O'Brien is « obrien »). Any other word gives itself alone.
 */
export function elisionForms(word: string): string[] {
  const m = /^(\p{L}+)'(\p{L}+)$/u.exec(indexWord(word));
  if (!m || !ELIDED_WORDS.has(m[1]!) || m[2]!.length < SHORTEST_ELIDED_REST) return [word];
  return [word, m[2]!, m[1]! + m[2]!];
}

const foldToken: lunr.PipelineFunction = (token) =>
  token.update((s) => {
    const word = indexWord(s);
    return IRREGULAR[word] ?? word;
  });
let registered = false;

/** Registers the pipeline functions once per process; Lunr refuses to load an index without them. */
export function registerSearchPipeline(): void {
  if (registered) return;
  lunr.Pipeline.registerFunction(foldToken, 'valiseFold');
  // Stryker disable next-line BooleanLiteral: equivalent, registering the same function again only replaces it (Lunr warns).
  registered = true;
}

/** Configures a builder with the Valise pipeline: fold, then Lunr's stop words and stemmer. */
export function useValisePipeline(builder: lunr.Builder): void {
  registerSearchPipeline();
  builder.pipeline.reset();
  builder.searchPipeline.reset();
  builder.tokenizer = tokenize as typeof lunr.tokenizer;
  builder.pipeline.add(foldToken, lunr.trimmer, lunr.stopWordFilter, lunr.stemmer);
  builder.searchPipeline.add(foldToken, lunr.stemmer);
  // Stryker disable next-line ArrayDeclaration: equivalent, Lunr keeps only the listed metadata keys and no token has the mutant's.
  builder.metadataWhitelist = [];
}

// Words repeat: stemming each distinct word once keeps highlighting cheap.
const stems = new Map<string, string>();
const MAX_CACHED_STEMS = 50_000;

export function stem(word: string): string {
  let term = stems.get(word);
  if (term === undefined) {
    const folded = indexWord(word);
    term = lunr.stemmer(new lunr.Token(IRREGULAR[folded] ?? folded, {})).toString();
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, the cap bounds the cache's memory; clearing sooner or never changes no stem.
    if (stems.size >= MAX_CACHED_STEMS) stems.clear();
    // Stryker disable next-line CallExpression: equivalent, without the cache the same stem is computed again.
    stems.set(word, term);
  }
  return term;
}

/**
 * How a text is cut into words, the same where the index is built, where a query is read and
 * where matches are highlighted. Besides words of letters and digits:
 * - a UN document symbol (letters, then parts after slashes, with a digit somewhere:
 *   `E/CN.15/2018/L.3/Rev.1`) is read as its parts without dots, a one-letter part joined to the
 *   next (`ecn15 2018 l3 rev1`), so that it is found typed with or without slashes, dots and spaces;
 *   the index also holds its other loose forms (symbolForms);
 * - an abbreviation with a number (`L.3`, `Rev.1`, `ecn.15`) is one word without its dot (`l3`);
 * - a number in groups of three digits, as printed in English or in French (`163,500`, `163.500`,
 *   `163 500` with a space, a no-break space U+00A0 or a narrow one U+202F) is its digits (`163500`);
 * - a decimal number (`16.2`, French `16,2`) is one word, with a dot (`16.2`).
 * - an e-mail address is one word, and so is a handle (`caro_charpTEH`), as they always were;
 * - with expandSymbols (the index, the highlights), a word with a French elision inside is also its
 *   rest and the two joined (elisionForms: « d'Alema » → alema, dalema).
 * Everything else (punctuation, symbols such as €, emoji) separates words.
 */
const TOKEN = new RegExp(
  [
    String.raw`(?<email>[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)`,
    String.raw`(?<symbol>(?<![\p{L}\p{N}])\p{L}{1,8}(?:\/[\p{L}\p{N}.]*[\p{L}\p{N}])+)`,
    String.raw`(?<abbreviation>(?<![\p{L}\p{N}])\p{L}{1,8}\.\d+(?![\p{L}\p{N}]|[.,]\d))`,
    String.raw`(?<grouped>(?<![\p{N}.,])\d{1,3}(?:[,. \u00a0\u202f\u2009]\d{3})+(?!\d|[.,]\d))`,
    String.raw`(?<decimal>(?<![\p{N}.,])\d+[.,]\d+(?!\d|[.,]\d))`,
    String.raw`(?<word>[\p{L}\p{N}][\p{L}\p{N}'’_]*)`,
  ].join('|'),
  // Stryker disable next-line StringLiteral: equivalent, only TOKEN.source is used (AT_WORD compiles it with its own flags).
  'gu',
);

/** A word of a text as search reads it (see TOKEN), with where it stands in the text. */
export interface TextWord {
  word: string;
  start: number;
  end: number;
}

/** The parts of a UN symbol: `E/CN.15/2018/L.3/Rev.1` → ecn15, 2018, l3, rev1. */
export function symbolParts(symbol: string): string[] {
  const parts = symbol
    .split('/')
    .map((p) => p.replace(/\./g, ''))
    .filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    if (parts[i]!.length === 1 && /^\p{L}$/u.test(parts[i]!) && i + 1 < parts.length)
      parts[i + 1] = parts[i]! + parts[i + 1]!;
    else out.push(parts[i]!);
  }
  return out;
}

/**
 * Every way a symbol may be typed loosely, for the index and highlighting (a query keeps
 * symbolParts): the parts, the runs of consecutive parts written together (`l3rev1`,
 * `ecn152018l2rev1`), each part's pieces as slashes and dots leave them (`e`, `cn15`) and its
 * letters and digits apart (`cn`, `15`, `l`, `8`: “CN15 2018 L 8”).
 */
export function symbolForms(symbol: string): string[] {
  const parts = symbolParts(symbol);
  const forms = new Set(parts);
  for (let from = 0; from < parts.length; from++)
    for (let to = from + 2; to <= parts.length; to++) forms.add(parts.slice(from, to).join(''));
  for (const piece of symbol.split(/[/.]/)) {
    if (piece) forms.add(piece);
    for (const run of piece.match(/\p{L}+|\d+/gu) ?? []) forms.add(run);
  }
  return [...forms];
}

/** A symbol is read as parts only when it has a digit (`E/CN.15/…`); `and/or` is two words. */
const isSymbol = (text: string) => /\d/.test(text);

/** A plain word; TOKEN is tried (at that word only) when the next character may carry it on into a number, a symbol or an address. */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’_]*/gu;
const AT_WORD = new RegExp(TOKEN.source, 'uy');
const MAY_CONTINUE = /[@/.,%+\-\s\u00a0\u202f\u2009]/;

export function wordsOf(text: string, { expandSymbols = false } = {}): TextWord[] {
  const out: TextWord[] = [];
  // exec on compiled expressions (matchAll clones one, and V8 compiles the clone again: 75 µs a
  // call), and the full expression only where a word may go on into something else: trying its six
  // alternatives at every character made indexing several times slower.
  WORD.lastIndex = 0;
  for (let w = WORD.exec(text); w; w = WORD.exec(text)) {
    const next = text[w.index + w[0].length];
    const plain = next === undefined || !MAY_CONTINUE.test(next) || (/\s/.test(next) && !/^\d{1,3}$/.test(w[0]));
    if (plain) {
      pushWord(out, w[0], w.index, expandSymbols);
      continue;
    }
    AT_WORD.lastIndex = w.index;
    const m = AT_WORD.exec(text)!;
    WORD.lastIndex = w.index + m[0].length;
    pushToken(out, m, expandSymbols);
  }
  return out;
}

/** A token of TOKEN as the words search reads (see TOKEN). */
function pushToken(out: TextWord[], m: RegExpExecArray, expandSymbols: boolean): void {
  const start = m.index;
  const end = start + m[0].length;
  const g = m.groups!;
  if (g.email !== undefined) out.push({ word: g.email, start, end });
  else if (g.symbol !== undefined) {
    if (isSymbol(g.symbol))
      for (const word of expandSymbols ? symbolForms(g.symbol) : symbolParts(g.symbol)) out.push({ word, start, end });
    else
      for (const w of g.symbol.matchAll(/[\p{L}\p{N}]+/gu))
        out.push({ word: w[0], start: start + w.index, end: start + w.index + w[0].length });
  } else if (g.abbreviation !== undefined) out.push({ word: g.abbreviation.replace('.', ''), start, end });
  else if (g.grouped !== undefined) out.push({ word: g.grouped.replace(/\D/g, ''), start, end });
  else if (g.decimal !== undefined) out.push({ word: g.decimal.replace(',', '.'), start, end });
  else pushWord(out, m[0], start, expandSymbols);
}

const APOSTROPHE = /['’]/;

/** A plain word, with its elision's forms where the index reads them (expand: see elisionForms). */
function pushWord(out: TextWord[], word: string, start: number, expand: boolean): void {
  const end = start + word.length;
  if (expand && APOSTROPHE.test(word)) for (const form of elisionForms(word)) out.push({ word: form, start, end });
  else out.push({ word, start, end });
}

/** The index terms a text yields, in order, with where each word stands in the text. */
export function termsOf(text: string): { term: string; start: number; end: number }[] {
  return wordsOf(text, { expandSymbols: true }).map(({ word, start, end }) => ({ term: stem(word), start, end }));
}

/** Lunr's tokenizer for the index: the words of wordsOf, so that index and query read a text alike. */
const tokenize = (obj: unknown, metadata?: object): lunr.Token[] => {
  if (obj === null || obj === undefined) return [];
  return wordsOf(String(obj), { expandSymbols: true }).map(
    // Stryker disable next-line ObjectLiteral,ArrayDeclaration,ArithmeticOperator: equivalent, metadataWhitelist is empty: Lunr keeps no token metadata.
    ({ word, start, end }, index) => new lunr.Token(word, { ...metadata, position: [start, end - start], index }),
  );
};
