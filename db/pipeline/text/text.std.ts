/**
 * Line-level repairs of PDF-extracted text. Each repair is decided by evidence in the issue's own
 * text (its vocabulary), so nothing is rewritten on a guess.
 */

/**
 * An issue's words, and whether its text breaks words at line ends (`breaksWords`: false where it is
 * shown not to; absent where nothing says, which is taken as yes).
 */
export type Vocabulary = Set<string> & { breaksWords?: boolean; pairs?: Set<string> };

/** Lower-cased words of a text, hyphenated compounds kept whole, for "does the text prove it" checks. */
export function vocabularyOf(text: string): Vocabulary {
  const prose = text
    .split('\n')
    .filter((line) => !isSpacedOut(line))
    .join('\n')
    .toLowerCase();
  const words = prose.match(/[\p{L}\p{N}]+(?:[-’'][\p{L}\p{N}]+)*/gu) ?? [];
  const vocabulary: Vocabulary = new Set(words.filter((word) => word.length > 1 || word === 'a' || word === 'i'));
  vocabulary.breaksWords = breaksWords(text, vocabulary);
  vocabulary.pairs = pairsOf(prose);
  return vocabulary;
}

/** Two words one after the other inside a line ("and co-operation"), as the text sets them. */
function pairsOf(prose: string): Set<string> {
  const pairs = new Set<string>();
  for (const line of prose.split('\n')) {
    const words = line.match(/[\p{L}\p{N}]+(?:[-’'][\p{L}\p{N}]+)*/gu) ?? [];
    for (let i = 1; i < words.length; i++) pairs.add(`${words[i - 1]} ${words[i]}`);
  }
  return pairs;
}

/**
 * Where the text spells a word both whole and with a hyphen ("cooperation between inspectors",
 * "Security and Co-operation in Europe"), the spelling it uses after the same word inside a line:
 * true where only the hyphenated one follows `previous`.
 */
function hyphenAfter(previous: string | undefined, hyphenated: string, whole: string, vocabulary: Vocabulary): boolean {
  if (!previous || !vocabulary.pairs) return false;
  const after = (form: string) => vocabulary.pairs!.has(`${previous.toLowerCase()} ${form}`);
  return after(hyphenated) && !after(whole);
}

/** A line ending in a hyphen after letters (set apart or not), then the letters the next line opens with in lower case. */
const LINE_END_HYPHEN = /(\p{L}+) ?-\n\s*(\p{Ll}+)/gu;

/**
 * Whether a text breaks words at its line ends: some line-end hyphen joins two pieces into a word
 * the text spells whole elsewhere, and never with its hyphen ("traf-|ficking"). A text none of whose
 * line-end hyphens does so (Chromium does not hyphenate; LibreOffice without a hyphenation
 * dictionary neither) keeps every such hyphen: "thirty-|two", "inter-|governmental" are its own.
 * A text of fewer line-end hyphens says nothing (Typst's ten lines with one "sev-|enty-ninth").
 */
function breaksWords(text: string, vocabulary: Set<string>): boolean {
  let seen = 0;
  for (const [, before, after] of text.replace(/\n\s*\n/g, '\n').matchAll(LINE_END_HYPHEN)) {
    const whole = `${before}${after}`.toLowerCase();
    if (vocabulary.has(whole) && !vocabulary.has(`${before}-${after}`.toLowerCase())) return true;
    seen++;
  }
  return seen < HYPHENS_TO_JUDGE;
}

/** How many line-end hyphens a text must show, none cutting a word, to be judged one that does not hyphenate. */
const HYPHENS_TO_JUDGE = 3;

/** Whether the pieces of a word cut at a line-end hyphen belong to an e-mail address (a dot or an at sign inside). */
const isAddressPart = (before: string, after: string) => /[.@]\p{L}/u.test(before) || after.includes('@');

/**
 * Whether a line-end hyphen follows a dot of an e-mail address ("lettre@diplomatie.-" | "gouv.fr",
 * LibreOffice): no label of an address opens with a hyphen, so it is the typesetter's.
 */
function cutAfterDot(out: string, line: string): boolean {
  const before = /\S+$/u.exec(out)![0];
  const after = /^\S+/u.exec(line)![0];
  return /[\p{L}\d]\.-$/u.test(before) && /^[\p{L}\d]/u.test(after) && (before.includes('@') || after.includes('@'));
}

/**
 * Whether a line-end hyphen cuts an acronym, capitals on both sides ("SE-" | "LEC), …"): in a text
 * that breaks words, where the text spells the capitals whole elsewhere and never with the hyphen.
 * A compound of capitals the text spells with its hyphen ("COVID-19", "EU-UNODC") keeps it.
 */
function cutAcronym(before: string, line: string, vocabulary: Vocabulary): boolean {
  const after = /^\p{Lu}+(?![\p{Ll}\d-])/u.exec(line)?.[0];
  if (!after || !/^\p{Lu}+$/u.test(before) || vocabulary.breaksWords === false) return false;
  return vocabulary.has(`${before}${after}`.toLowerCase()) && !vocabulary.has(`${before}-${after}`.toLowerCase());
}

/**
 * Joins the lines of one block into running text. A line ending in `letter-` followed by a line
 * starting with a lower-case letter is a word split by the layout: it is joined without the hyphen
 * unless the text elsewhere spells the word with its hyphen (`inter-ministerial`). A line ending
 * in a slash after a letter or digit goes on without a space (a UN symbol cut at a line's end);
 * a hyphen inside an e-mail address is the address's own and is kept, unless the pieces make a
 * word the text spells whole elsewhere. A line ending in `letter -` (LibreOffice's justified .docx
 * sets the hyphen apart) is a word split likewise where the text spells the word whole elsewhere.
 */
export function joinLines(lines: string[], vocabulary: Vocabulary): string {
  let out = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    if (out === '') {
      out = line;
      continue;
    }
    const split = /(\p{L}+)-$/u.exec(out);
    const next = /^(\p{Ll}[\p{L}’']*)/u.exec(line);
    const spaced = /(\p{L}+) -$/u.exec(out);
    if (spaced && next && vocabulary.has(`${spaced[1]}${next[1]}`.toLowerCase())) {
      out = out.slice(0, -2) + line; // a hyphen set apart from its word in justified text: "coordi -" | "nator"
    } else if (cutAfterDot(out, line)) {
      out = out.slice(0, -1) + line; // an address cut after a dot: diplomatie.-|gouv.fr
    } else if (split && isAddressPart(/\S+$/.exec(out)![0], /^\S+/.exec(line)![0])) {
      // An e-mail address cut at its own hyphen (abonnement.lettre-|vienne@…) keeps it; cut inside
      // a word the text spells whole elsewhere (communica-|tion.vienne@…, un-|odc.org), it does not.
      const word = next ? `${split[1]}${next[1]}`.toLowerCase() : '';
      out =
        vocabulary.has(word) && !vocabulary.has(`${split[1]}-${next![1]}`.toLowerCase())
          ? out.slice(0, -1) + line
          : out + line;
    } else if (split && next) {
      const hyphenated = `${split[1]}-${next[1]}`.toLowerCase();
      const whole = `${split[1]}${next[1]}`.toLowerCase();
      const previous = /([\p{L}\p{N}]+)\s+\p{L}+-$/u.exec(out)?.[1];
      const keepHyphen =
        vocabulary.breaksWords === false ||
        (vocabulary.has(hyphenated) &&
          (!vocabulary.has(whole) || hyphenAfter(previous, hyphenated, whole, vocabulary)));
      out = keepHyphen ? out + line : out.slice(0, -1) + line;
    } else if (split && cutAcronym(split[1]!, line, vocabulary)) {
      out = out.slice(0, -1) + line; // an acronym cut by the layout: SE-|LEC where the text spells SELEC
    } else if (split && /^[\p{Lu}\d]/u.test(line)) {
      out += line; // a compound cut at its hyphen: Jean-|Yves, COVID-|19
    } else if (/[\p{L}\d]\/$/u.test(out) && /^[\p{L}\d]/u.test(line)) {
      out += line; // a symbol or a pair cut after its slash: E/|CN.15/2021/L.3, and/|or
    } else {
      out = `${out} ${line}`;
    }
  }
  return out.replace(/[ \t]+/g, ' ').trim();
}

/**
 * A display heading set in spaced capitals (`M U LT I L A T E R A L I S M . . .`): at least four
 * tokens, nearly all one or two letters long.
 */
export function isSpacedOut(line: string): boolean {
  const tokens = line.trim().split(/\s+/);
  if (tokens.length < 4) return false;
  const short = tokens.filter((t) => t.length <= 2).length;
  return short / tokens.length >= 0.8;
}

/**
 * Joins a spaced-out heading's letters, then cuts the run into words the text uses,
 * preferring the fewest words; a run it cannot cut stays joined.
 */
export function unspace(line: string, vocabulary: Set<string>): string {
  const joined = line.trim().replace(/\s+/g, '');
  const trailing = /[.…]+$/.exec(joined)?.[0] ?? '';
  const letters = joined.slice(0, joined.length - trailing.length);
  const words = segment(letters, vocabulary);
  return (words ? words.join(' ') : letters) + (trailing ? '…' : '');
}

function segment(run: string, vocabulary: Set<string>): string[] | null {
  const lower = run.toLowerCase();
  const best: (string[] | null)[] = new Array(run.length + 1).fill(null);
  best[0] = [];
  for (let end = 1; end <= run.length; end++) {
    for (let start = Math.max(0, end - 30); start < end; start++) {
      const prefix = best[start];
      const word = lower.slice(start, end);
      const known =
        vocabulary.has(word) || vocabulary.has(`${word}s`) || (word.length > 3 && vocabulary.has(`${word}es`));
      if (!prefix || !known) continue;
      const candidate = [...prefix, run.slice(start, end)];
      if (!best[end] || candidate.length < best[end]!.length) best[end] = candidate;
    }
  }
  return best[run.length] ?? null;
}
