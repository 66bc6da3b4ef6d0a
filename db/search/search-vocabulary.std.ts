/**
 * What a query asks for, as concepts: the French–English vocabulary of the field
 * (db/vocabulary/fr-en.json, reviewed data) turns a phrase a French diplomat types ("Macédoine du
 * Nord", "ONUDC", "traite des êtres humains") into one concept with every way the archive spells
 * it; French function words (de, du, des, l'…) are never searched; every other word is a concept
 * of its own. Ranking counts how many concepts a result covers.
 */
import { fold, indexWord, stem, wordsOf } from './search-text.std';
import { SHORTEST_TYPO_WORD } from './search-index.std';
import vocabularyFile from '../vocabulary/fr-en.json';

export interface VocabularyEntry {
  id: string;
  kind: 'acronym' | 'term' | 'place';
  fr: string[];
  en: string[];
}

export interface Vocabulary {
  functionWords: string[];
  entries: VocabularyEntry[];
}

export const VOCABULARY = vocabularyFile as Vocabulary;

/** A thing the query asks for. */
export interface Concept {
  /** The words the person typed for it (folded). */
  typed: string[];
  /** Every spelling that answers it, as words (folded); one alternative is enough. */
  alternatives: string[][];
  /** The vocabulary entry it comes from, if any. */
  entry: string | null;
  /** Whether the person typed a French form: then the archive's English forms are searched too. */
  french: boolean;
  /**
   * The typed word itself answers only loosely: a word of a French query that the archive does not
   * write and no form reads (« actes »: its English stem, act, meets “GLO.ACT”). See looseUnwritten.
   */
  loose?: boolean;
}

export interface QueryAnalysis {
  concepts: Concept[];
  /** The query had words, and all of them were function words. */
  onlyFunctionWords: boolean;
  /** The query asks who (« qui », who, whom): its answer is a person, an organisation or a country. */
  asksWho: boolean;
  /** The query asks how many or how much (« combien », how many): its answer is a figure. */
  asksHowMany: boolean;
}

/** Question words that ask for an agent. */
const WHO = new Set(['qui', 'who', 'whom']);
/** Forms of avoir after which « eu » is its participle (« a eu lieu »), not the EU. */
const AVOIR = new Set(['a', 'ont', 'avait', 'avaient', 'aura', 'auront', 'aurait', 'auraient', 'avoir', 'ayant']);
/** Pronouns of an inverted question between the verb and its participle: « a-t-elle eu lieu ». */
const INVERTED = new Set(['t', 'il', 'elle', 'ils', 'elles', 'on']);
const QUEL = new Set(['quel', 'quelle', 'quels', 'quelles']);
/** Nouns that, after quel, ask when: « à quelle date », « en quelle année », « quel jour ». */
const WHEN_NOUNS = new Set(['date', 'annee', 'jour', 'mois']);
/**
 * Nouns that, after quel, ask which place (round 9): « quels pays », « dans quelle ville ». The
 * answer is a place's name, which a passage writes without the noun (« quels pays sont touchés ? »
 * is answered by Albania, Moldova…): searched, “country” ranked the passages that write the word.
 */
const WHERE_NOUNS = new Set(['pays', 'ville', 'villes']);
/**
 * Nouns that, after quel and before de, ask what kind (round 9): « quel type de projets », « quelle
 * sorte de », « quel genre de victimes » (searched as gender). « formes » is left: the archive writes
 * “forms of exploitation”.
 */
const KIND_NOUNS = new Set(['type', 'types', 'sorte', 'sortes', 'genre', 'genres']);
/** Elided words after which « un » is the article or pronoun: « d'un », « qu'un », « l'un », « lorsqu'un », « quelqu'un ». */
const ELIDED = new Set(['d', 'l', 'qu', 'lorsqu', 'puisqu', 'quoiqu', 'quelqu', 'jusqu']);

const DE = ['de', 'du', 'des', 'd'];
const A = ['a', 'au', 'aux'];
/**
 * French connectors a query links its words with: « en matière de », « dans le cadre de », « au
 * sujet de », « à propos de », « en ce qui concerne », « grâce à », « en particulier », « lié à »,
 * « relatif à », « portant sur »; and the adverb « à peine » (hardly). Each is its words (folded, alternatives) and the one it leaves out:
 * the others are function words already. Their English (matter, framework, related…) is no concept
 * of the query.
 */
const CONNECTORS: { words: string[][]; noun: number }[] = [
  { words: [['en'], ['matiere'], DE], noun: 1 },
  { words: [['dans'], ['le'], ['cadre'], DE], noun: 2 },
  { words: [['au'], ['sujet'], DE], noun: 1 },
  { words: [A, ['propos'], DE], noun: 1 },
  { words: [['ce'], ['qui'], ['concerne']], noun: 2 },
  { words: [['grace'], A], noun: 0 },
  { words: [['en'], ['particulier']], noun: 1 },
  { words: [['lie', 'liee', 'lies', 'liees'], A], noun: 0 },
  { words: [['relatif', 'relative', 'relatifs', 'relatives'], A], noun: 0 },
  { words: [['portant'], ['sur']], noun: 0 },
  // Round 9: « à peine » is an adverb (hardly, barely), not a sentence (« peine »: punish).
  { words: [['a'], ['peine']], noun: 1 },
];

/** Where a connector stands in a query's words, the index of the word it leaves out. */
function connectorWords(words: string[]): number[] {
  const out: number[] = [];
  words.forEach((_, i) => {
    for (const { words: pattern, noun } of CONNECTORS)
      // Stryker disable next-line StringLiteral: equivalent, no connector's alternative is '' or any other string past the query's end.
      if (pattern.every((alternatives, k) => alternatives.includes(words[i + k] ?? ''))) out.push(i + noun);
  });
  return out;
}

/**
 * The words of a query (folded) that only frame a French question, by their place: « eu » after
 * avoir (« quand a eu lieu… »: « lieu » stays, its English is “held”), the noun of « quelle date »,
 * « en quelle année », « quels pays », « quelle ville », and « date » after « quand » (« de quand
 * date… »); « un » after an elided word (« d'un fonds » searched the UN) and the article « un » before a noun of ARTICLE_NOUNS
 * (« un but commun », « un an après » searched the UN), unless the query writes UN in capitals; the
 * connectors' words (CONNECTORS). Elsewhere they are words: « l'UE », « la date », « rapport de
 * l'ONU », « un » alone (the UN), « le cadre juridique ».
 */
export function frameWords(words: string[], capitalUN = false): Set<number> {
  const out = new Set<number>();
  let before: string | undefined;
  words.forEach((word, i) => {
    if (
      (word === 'eu' && before !== undefined && AVOIR.has(before)) ||
      (asksWhich(words, i, before) &&
        (WHEN_NOUNS.has(word) || WHERE_NOUNS.has(word) || (KIND_NOUNS.has(word) && DE.includes(words[i + 1] ?? '')))) ||
      (word === 'date' && before === 'quand') ||
      (word === 'un' && !capitalUN && words[i - 1] !== undefined && ELIDED.has(words[i - 1]!)) ||
      (word === 'un' && nounAfterArticle(words, i + 1, capitalUN))
    )
      out.add(i);
    if (!INVERTED.has(word)) before = word;
  });
  for (const i of connectorWords(words)) out.add(i);
  return out;
}

/** « est », « sont »… and the article between « quel » and its noun: « quels sont les pays… » asks as « quels pays ». */
const QUEL_IS = new Set(['est', 'sont', 'etait', 'etaient', 'fut', 'furent']);
const QUEL_THE = new Set(['le', 'la', 'les', 'l']);

/**
 * Whether the word at `i` is the noun « quel » asks about: right after it (`before`, the word before
 * but an inverted pronoun), or after « est le », « sont les »… (round 9: « quels sont les pays
 * touchés ? », « quelle était la date… »).
 */
const asksWhich = (words: string[], i: number, before: string | undefined) =>
  (before !== undefined && QUEL.has(before)) ||
  (QUEL_THE.has(words[i - 1] ?? '') && QUEL_IS.has(words[i - 2] ?? '') && QUEL.has(words[i - 3] ?? ''));

/** Whether a query's words ask for a number: « combien », how many, how much. */
const asksHowMany = (words: string[]) =>
  words.some((w, i) => w === 'combien' || (w === 'how' && (words[i + 1] === 'many' || words[i + 1] === 'much')));

/**
 * Short words that are function words (« est » is, « an », « but » are English stop words) and
 * nouns after an article (« l'Est » the East, « l'an » the year, « le but » the aim): there they
 * are searched (« Europe de l'Est » lost « Est »; `contentAt`).
 */
export const ARTICLE_NOUNS = new Set(['est', 'an', 'but']);
/** The articles after which an ARTICLE_NOUNS word (masculine singular, all three) is a noun: « l' », « le », « un ». */
const ARTICLES = new Set(['l', 'le', 'un']);

/**
 * Whether a word is a noun by its place (see ARTICLE_NOUNS): after an article (none before the
 * first word). « un » is no article in a query that writes UN in capitals (`capitalUN`, as
 * frameWords): “UN but not in Serbia” is the UN and the English “but”, not an aim.
 */
// Stryker disable next-line BooleanLiteral: equivalent, every caller (frameWords, isContent, analyse) passes capitalUN.
export const nounAfterArticle = (words: string[], i: number, capitalUN = false) =>
  ARTICLE_NOUNS.has(words[i]!) && ARTICLES.has(words[i - 1]!) && !(capitalUN && words[i - 1] === 'un');

/**
 * A lexicon form's words as the analyser compares them: its content words; a word whose accent
 * alone tells it from a function word (« sûr » from « sur », « dû » from « du ») is kept, so that
 * « sûres » and « dues » are read as it (a query's « sur », « du » never reach the lexicon); so is
 * a one-word form a query keeps after an article (« est », « an »: ARTICLE_NOUNS).
 */
export function lexiconWords(form: string, content: (words: string[]) => string[]): string[] {
  const words = wordsOfForm(form);
  const kept = content(words);
  const alone = words.length === 1 && (fold(form) !== form.toLowerCase() || ARTICLE_NOUNS.has(words[0]!));
  return kept.length === 0 && alone ? words : kept;
}

/**
 * The productive prefixes a French (or English) compound is written with, with or without its
 * hyphen (« anti-traite », « antitraite »), longest first so that « contre » is tried before any
 * shorter prefix it starts with. Not « re », « co », « ex », « pre », « post », « sub »: they begin
 * too many plain words (« retraite », « remise », « reprise », « coauteur ») to be split off.
 */
const PREFIXES = [
  'counter',
  'contre',
  'inter',
  'multi',
  'pluri',
  'trans',
  'cyber',
  'extra',
  'intra',
  'anti',
  'semi',
  'sous',
  'vice',
  'non',
];
/** Shortest rest a prefix is split from: « transport » is not « trans » + « port ». */
const SHORTEST_PREFIXED_REST = 5;

/** What compoundsOf asks of the vocabulary. */
export interface CompoundContext {
  /** The archive writes the word, or the vocabulary or the lexicon has a form for it. */
  known(word: string): boolean;
  /** A form reads the prefix and the rest as its two words (« anti-traite », « sous-groupes »). */
  joined(prefix: string, rest: string): boolean;
}

/** The cardinal points, folded: in a compound of them with the West (« Est-Ouest »), « est » is the East. */
const CARDINAL_POINTS = new Set(['nord', 'sud', 'est', 'ouest']);
/**
 * « est » in a compound of cardinal points with « ouest », written with its article so that it is
 * read as the noun (nounAfterArticle), never the verb: hyphenated, the verb stands only before its
 * subject (« est-ce », « est-il »), no cardinal point. « dialogue Est-Ouest » dropped the East (round
 * 9). « Sud-Est », « Nord-Est » are left to the forms that read them (« Europe du Sud-Est », « sud-est »:
 * southeast), whose words drop « est » as a function word: an East of its own beside them would be
 * a concept no form asked for.
 */
const THE_EAST = "l'est";

/**
 * A folded query's words, its compounds read as a French reader types them: a hyphenated word is
 * its parts (« anti-traite », « non-sanction »), or one word when only that is known
 * (« trans-frontalier » is « transfrontalier »); a word nobody knows that starts with a productive
 * prefix is the prefix and the rest only when a form reads them together (« antitraite »,
 * « sousgroupes »): a bare prefix is never a concept of its own, and the rest alone would change
 * the word's sense (« soustraite » is not « traite »), so any other such word stays whole.
 */
export function compoundsOf(folded: string, context: CompoundContext): string[] {
  const { known } = context;
  const out: string[] = [];
  let hyphenated: string[] = [];
  const flush = () => {
    const joined = hyphenated.join('');
    const cardinal = hyphenated.includes('ouest') && hyphenated.every((part) => CARDINAL_POINTS.has(part));
    if (hyphenated.length > 1 && !hyphenated.every(known) && known(joined)) out.push(joined);
    else
      for (const part of hyphenated) out.push(...(cardinal && part === 'est' ? [THE_EAST] : prefixed(part, context)));
    hyphenated = [];
  };
  // Stryker disable next-line UnaryOperator: equivalent, before the first word nothing is pending, and flushing an empty list adds nothing.
  let end = -1;
  for (const { word, start, end: after } of wordsOf(folded)) {
    if (!(folded[end] === '-' && start === end + 1 && /^\p{L}+$/u.test(word))) flush();
    hyphenated.push(word);
    end = after;
  }
  flush();
  return out;
}

/** A word as its prefix and the rest when a form joins them (see compoundsOf); an elision stays in front (« l'antitraite »). */
function prefixed(word: string, { known, joined }: CompoundContext): string[] {
  const [, elided = '', bare = word] = /^(.*')?(.*)$/su.exec(word)!;
  if (known(bare)) return [word];
  for (const prefix of PREFIXES) {
    const rest = bare.slice(prefix.length);
    if (!bare.startsWith(prefix) || rest.length < SHORTEST_PREFIXED_REST || !/^\p{L}+$/u.test(rest) || !known(rest))
      continue;
    if (joined(prefix, rest)) return [elided + prefix, rest];
  }
  return [word];
}

/** A name's or a lexicon form's words (letters and digits, no numbers as printed in them): cheaper than a query's words (compoundsOf) over thousands of forms. */
const wordsOfForm = (text: string) => fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];

/** What the analyser reads besides the reviewed vocabulary (db/search/search-lexicon.std.ts builds it). */
export interface Translations {
  /**
   * Names read after the reviewed entries (countries, months, days, cities). Only the typed form and
   * the English forms are searched; a city the archive never names is searched as its country.
   */
  generated: (VocabularyEntry & { country?: string })[];
  /** The lexicon: each French form, and the English words it translates. */
  lexicon: { french: string; english: string[] }[];
  /** How French words are compared: their French stem (frenchKey). */
  key(word: string): string;
}

/** What the analyser asks of the index: whether the archive writes a word as typed (English, a name). */
export interface AnalyseContext {
  isEnglish(word: string): boolean;
}

interface Form {
  words: string[];
  /** A French form is compared by its words' keys (their stems), not letter for letter. */
  french: boolean;
  id: string;
  /** The English spellings that answer the form's concept. */
  spellings: string[][];
  /** Its French spellings: they answer only where the archive writes them (see analyse). */
  frenchSpellings: string[][];
  /** 0 reviewed, 1 generated names, 2 lexicon: at equal length, the lower tier wins. */
  tier: number;
  /** A city's country, searched when the archive never names the city. */
  country?: string[];
}

const NO_CONTEXT: AnalyseContext = { isEnglish: () => false };

/**
 * Builds the analyser for a vocabulary; `ignore` drops a word (English stop words) as function
 * words are; `translations` adds the generated names and the lexicon.
 */
export function vocabularyAnalyser(
  vocabulary: Vocabulary,
  ignore: (word: string) => boolean,
  translations?: Translations,
) {
  const functionWords = new Set(vocabulary.functionWords.map(fold));
  // A word is searched unless it is a function word, bar a noun after an article (read on the query's
  // words before its frame words are dropped: « un but commun » keeps « but » after the frame « un »).
  const isContent = (words: string[], i: number, capitalUN = false) =>
    (!functionWords.has(words[i]!) && !ignore(words[i]!)) || nounAfterArticle(words, i, capitalUN);
  const content = (words: string[]) => words.filter((_, i) => isContent(words, i));
  const key = translations?.key ?? ((w: string) => w);
  const table = new FormTable(key);
  vocabulary.entries.forEach((entry) => table.addEntry(entry, 0, content, true));
  for (const entry of translations?.generated ?? []) table.addEntry(entry, 1, content, false);
  for (const { french, english } of translations?.lexicon ?? []) {
    table.addTranslation(lexiconWords(french, content), english);
    table.addCompound(french);
  }
  // Stryker disable next-line MethodExpression,CallExpression: equivalent, longest() weighs every candidate's length and tier itself (the sort is stable).
  table.sort();

  return function analyse(query: string, context: AnalyseContext = NO_CONTEXT): QueryAnalysis {
    const folded = fold(query);
    const known = (word: string) => context.isEnglish(word) || table.knows(word);
    const joined = (prefix: string, rest: string) => table.joins(prefix, rest);
    // A query's words as the index reads them (numbers as printed, UN symbols), elisions split: l'Europe → l, europe.
    // A name with an apostrophe inside stays one word, read as the index reads it (O'Brien's → obrien: indexWord).
    // Without filter(Boolean) no piece is empty either: indexWord trims the apostrophes at a word's ends, /'+/ takes a run whole.
    // Stryker disable next-line Regex,MethodExpression: /'/ for /'+/ is equivalent, filter(Boolean) drops the empty pieces between two apostrophes.
    const all = compoundsOf(folded, { known, joined }).flatMap((word) => indexWord(word).split(/'+/).filter(Boolean));
    const capitalUN = /(?<![\p{L}\p{N}])UN(?![\p{L}\p{N}])/u.test(query);
    const frames = frameWords(all, capitalUN);
    const words = all.filter((_, i) => !frames.has(i) && isContent(all, i, capitalUN));
    const concepts: Concept[] = [];
    for (let i = 0; i < words.length;) {
      // A reviewed or generated name first; a word the archive writes is taken as written; then the lexicon.
      const form = readingAt(table, words, i, context);
      if (form) {
        concepts.push(...table.conceptsOf(form, words.slice(i, i + form.words.length), context));
        i += form.words.length;
      } else if (frenchOrdinal(words[i]!)) {
        concepts.push({
          typed: [words[i]!],
          alternatives: [[words[i]!], [frenchOrdinal(words[i]!)!]],
          entry: 'ordinal',
          french: true,
        });
        i++;
      } else {
        concepts.push({ typed: [words[i]!], alternatives: [[words[i]!]], entry: null, french: false });
        i++;
      }
    }
    looseUnwritten(concepts, context);
    return {
      concepts,
      onlyFunctionWords:
        all.length > 0 &&
        all.every((w, i) => (functionWords.has(w) && !nounAfterArticle(all, i, capitalUN)) || frames.has(i)),
      // « ce qui » (« en ce qui concerne », « ce qui reste ») is no question.
      asksWho: all.some((w, i) => WHO.has(w) && all[i - 1] !== 'ce'),
      asksHowMany: asksHowMany(all),
    };
  };
}

/**
 * The form a query's words at `i` read: a reviewed or generated name first; a word the archive
 * writes is taken as written; then the lexicon. A name read only by its French stem gives way to a
 * lexicon form of as many words written as typed (round 9): « refuge » is the lexicon's « refuges »
 * (shelters), not the vocabulary's « réfugiés », whose Snowball stem it shares.
 */
function readingAt(table: FormTable, words: string[], i: number, context: AnalyseContext): Form | null {
  const named = table.longest(words, i, (f) => f.tier < 2);
  if (named && table.asWritten(named, words, i)) return named;
  const english = context.isEnglish(words[i]!) && !table.onlyFrench(words[i]!);
  const lexical = english ? null : (table.longest(words, i, (f) => f.tier === 2) ?? presentPlural(table, words, i));
  if (!named) return lexical;
  return lexical && lexical.words.length >= named.words.length && table.asWritten(lexical, words, i) ? lexical : named;
}

/** A present's third person plural, which Snowball leaves whole: the singular and -nt (« recommandent », « accueillent »). */
const PRESENT_PLURAL = /(?<=\p{L}{4}e)nt$/u;

/**
 * A word no lexicon form reads that ends as a present's third person plural (round 9), read as its
 * singular: « recommandent » is « recommande » (recommendations), « accueillent » « accueille »
 * (hosted), whose infinitive the lexicon does not list (REGULAR_VERBS makes the plural from it).
 */
function presentPlural(table: FormTable, words: string[], i: number): Form | null {
  if (!PRESENT_PLURAL.test(words[i]!)) return null;
  const singular = [...words];
  singular[i] = words[i]!.replace(PRESENT_PLURAL, '');
  return table.longest(singular, i, (f) => f.tier === 2);
}

/**
 * The English words of a lexicon term a French form translates alone (« droits de l'homme » is
 * “human rights”): each is a concept of its own, as if typed in English. A concept is answered only
 * where every word of one of its alternatives is (coveredMask, search-rank.std.ts): one concept
 * [human rights] would count a passage writing both as one of the query's words and one writing
 * “rights” alone as none, and could not keep each word's own reading beside it (termConcepts).
 * Null for any other form.
 */
const termWords = (form: Form): string[] | null =>
  form.tier === 2 && form.spellings.length === 1 && form.spellings[0]!.length > 1 ? form.spellings[0]! : null;

/** Spellings once each, in their order. */
const uniqueSpellings = (spellings: string[][]) => [...new Map(spellings.map((s) => [s.join(' '), s])).values()];

/**
 * For each English word of a term, the spellings its typed French word reads into alone, so that
 * the term keeps the words' own readings beside its English (« droits de l'homme »: rights beside
 * law, human beside men): a typed word goes to the English word one of its readings shares a stem
 * with, and the one typed word left to the one English word left. `readings`: each typed word's
 * spellings read alone (none when one word was typed: its reading is the term).
 */
function termConcepts(term: string[], readings: string[][][]): string[][][] {
  const used = new Set<number>();
  const paired = term.map((word) => {
    const k = readings.findIndex((r, k) => !used.has(k) && r.some((s) => s.some((w) => stem(w) === stem(word))));
    if (k >= 0) used.add(k);
    return k;
  });
  const left = readings.map((_, k) => k).filter((k) => !used.has(k));
  const unpaired = paired.flatMap((k, j) => (k < 0 ? [j] : []));
  if (left.length === 1 && unpaired.length === 1) paired[unpaired[0]!] = left[0]!;
  return paired.map((k) => readings[k] ?? []);
}

/**
 * In a query read as French (a concept came from a French form), a word no form reads and the
 * archive does not write as typed is French too: its English stem is a look-alike, which answers
 * loosely, never as typed (« achat d'actes sexuels » : « actes » is not the “ACT” of GLO.ACT).
 * Short words, numbers and symbols are left alone: the archive's word lists hold words of letters
 * only, of SHORTEST_TYPO_WORD letters or more (db/search/search-build.std.ts).
 */
function looseUnwritten(concepts: Concept[], context: AnalyseContext): void {
  if (!concepts.some((c) => c.french)) return;
  for (const concept of concepts)
    if (concept.entry === null && unwrittenWord(concept.typed[0]!, context)) concept.loose = true;
}
/** A word of letters the archive's word lists would hold, and do not (a number, a symbol, a short word: never). */
const unwrittenWord = (word: string, context: AnalyseContext) =>
  word.length >= SHORTEST_TYPO_WORD && /^\p{L}+$/u.test(word) && !context.isEnglish(word);

/** A French ordinal as the archive writes it in English: « 6e », « 27ème » → 6th, 27th; « 1er », « 1re » → 1st. */
export function frenchOrdinal(word: string): string | null {
  const m = /^(\d+)(?:e|eme|er|re|ere)$/.exec(word);
  if (!m) return null;
  const n = Number(m[1]);
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** A French noun's or adjective's plural: « responsables » is written as the form « responsable ». */
const singularFr = (word: string) => word.replace(/(?<=\p{L}{3})[sx]$/u, '');
/** Whether a typed word is a form's word as written (a French form's in the singular or the plural). */
const sameWord = (form: Form, typed: string | undefined, word: string) =>
  typed === word || (form.french && typed !== undefined && singularFr(typed) === singularFr(word));

/**
 * The ending Snowball's French stemmer strips as an adverb's, from nouns too: « parlement » is
 * « parl », the stem of « parler »; « principalement », « fortement » are « principal », « fort ».
 * A word and a form that only share a stem are read together first when both end so or neither
 * does (round 9, FormTable.longest): « parle » is speaking (« parlant »), not parliament; « relatif »
 * related, not relatively; a form read only by its stem across the ending answers when no other does.
 */
const EMENT = /ements?$/;

/** The first letters of a word, which its French stem keeps. */
const prefixOf = (word: string) => word.slice(0, 3);

/** Every form the analyser knows, by its first word (as written, or its French key), longest first. */
class FormTable {
  private readonly byFirst = new Map<string, Form[]>();
  private readonly translations = new Map<string, Form>();

  constructor(private readonly key: (word: string) => string) {}

  /** A reviewed entry answers with all its spellings; a generated one with its English ones (and the typed words). */
  addEntry(
    entry: VocabularyEntry & { country?: string },
    tier: number,
    content: (w: string[]) => string[],
    allSpellings: boolean,
  ): void {
    const english = entry.en.map((f) => content(wordsOfForm(f))).filter((w) => w.length > 0);
    const french = entry.fr.map((f) => content(wordsOfForm(f))).filter((w) => w.length > 0);
    const frenchSpellings = allSpellings ? french : [];
    if (entry.id.startsWith('country:') && english.length === 1) this.aliases.set(english[0]!.join(' '), french);
    const country = entry.country ? content(wordsOfForm(entry.country)) : undefined;
    const isEnglish = new Set(english.map((w) => w.join(' ')));
    for (const words of english)
      this.add({ words, id: entry.id, spellings: english, frenchSpellings, french: false, tier, country });
    for (const words of french)
      if (!isEnglish.has(words.join(' ')))
        this.add({ words, id: entry.id, spellings: english, frenchSpellings, french: true, tier, country });
  }

  /** A country's other names (the gazetteer's), by its English name: see writtenAliases. */
  private readonly aliases = new Map<string, string[][]>();

  /** Those of a country's other names the archive writes (Colombia: “Columbian”), for the spellings that name a country. */
  writtenAliases(spellings: string[][], context: AnalyseContext): string[][] {
    return spellings.flatMap((s) =>
      (this.aliases.get(s.join(' ')) ?? []).filter((alias) => alias.every((w) => context.isEnglish(w))),
    );
  }

  /** The English stems the lexicon translates into: the archive's English words (see onlyFrench). */
  private readonly englishStems = new Set<string>();
  /** The lexicon's one-word French forms as written, in the singular (see onlyFrench). */
  private readonly frenchWords = new Set<string>();

  /**
   * Whether a word the archive writes is French all the same: a one-word French form of the lexicon
   * as written (or its plural) that is none of the archive's English words, which the lexicon lists
   * all but a few of. The archive prints « Hommes » only in a name (Terre des Hommes): typed, it is
   * men. “action”, “date”, “programme” are English words of the lexicon: read as written.
   */
  onlyFrench(word: string): boolean {
    return this.frenchWords.has(singularFr(word)) && !this.englishStems.has(stem(word));
  }

  /** A lexicon form: one French form (by its keys) for every English word that lists it. */
  addTranslation(words: string[], english: string[]): void {
    if (!words.length) return;
    for (const word of english) for (const w of wordsOfForm(word)) this.englishStems.add(stem(w));
    if (words.length === 1) this.frenchWords.add(singularFr(words[0]!));
    const id = `lexicon:${words.join(' ')}`;
    let form = this.translations.get(id);
    // Stryker disable next-line ConditionalExpression: equivalent, a second form of the same words is merged with its twin by longest(), all their English words together.
    if (!form)
      this.translations.set(
        id,
        (form = this.add({ words, id, spellings: [], frenchSpellings: [], french: true, tier: 2 })),
      );
    for (const word of english.map(wordsOfForm))
      if (!form.spellings.some((s) => s.join(' ') === word.join(' '))) form.spellings.push(word);
  }

  /**
   * French forms are filed by the first letters of their first word, which stemming never changes:
   * a French stem costs about as much as a query, so only the forms a query word may meet are stemmed,
   * once (keyOf caches), not the thousands the table holds.
   */
  private add(form: Form): Form {
    const first = form.french ? `p:${prefixOf(form.words[0]!)}` : `w:${form.words[0]}`;
    const list = this.byFirst.get(first);
    if (list) list.push(form);
    else this.byFirst.set(first, [form]);
    return form;
  }

  private readonly keys = new Map<string, string>();
  private keyOf(word: string): string {
    let key = this.keys.get(word);
    // Stryker disable next-line ConditionalExpression: equivalent, a cache: the same key is computed again.
    if (key === undefined) this.keys.set(word, (key = this.key(word)));
    return key;
  }

  /** Longest forms first, and at equal length the reviewed before the generated before the lexicon. */
  // Stryker disable next-line BlockStatement: equivalent, as the call removed (in vocabularyAnalyser): longest() weighs length and tier itself.
  sort(): void {
    for (const forms of this.byFirst.values()) forms.sort((a, b) => b.words.length - a.words.length || a.tier - b.tier);
  }

  /** The concepts a form read from the typed words gives (see termConcepts for a lexicon term). */
  conceptsOf(form: Form, typed: string[], context: AnalyseContext): Concept[] {
    const named = form.country && !form.spellings.some((s) => s.every((w) => context.isEnglish(w)));
    // A French spelling is searched only where the archive writes it: its English stem would
    // otherwise meet English look-alikes (« préside » → presid → presidency).
    const written = (s: string[]) => !form.french || s.every((w) => context.isEnglish(w));
    const french = [typed, ...form.frenchSpellings].filter((s) => written(s));
    const term = termWords(form);
    if (term) {
      const alone = (word: string) => this.longest([word], 0, () => true)?.spellings ?? [];
      return termConcepts(term, typed.length > 1 ? typed.map(alone) : []).map((own, j) => ({
        typed,
        alternatives: uniqueSpellings([[term[j]!], ...french, ...own]),
        entry: form.id,
        french: true,
      }));
    }
    const spellings = [
      ...french,
      ...form.spellings,
      ...this.writtenAliases(form.spellings, context),
      ...(named ? [form.country!] : []),
    ];
    if (!spellings.length) spellings.push(typed);
    return [{ typed, alternatives: uniqueSpellings(spellings), entry: form.id, french: form.french || !!named }];
  }

  /** The lexicon's French forms of several words, written as one (« anti-traite » → antitraite), in the singular. */
  private readonly compounds = new Set<string>();
  addCompound(french: string): void {
    const words = wordsOfForm(french);
    if (words.length > 1) this.compounds.add(singularFr(words.join('')));
  }

  /** Whether a form of the lexicon is the prefix and the rest, hyphenated or not (« anti-traite », « sous-groupes »). */
  joins(prefix: string, rest: string): boolean {
    return (
      this.compounds.has(singularFr(prefix + rest)) || this.longest([prefix, rest], 0, () => true)?.words.length === 2
    );
  }

  /** Whether the words at `at` write a form as typed (in the singular or the plural for a French one), not only by its stem. */
  asWritten(form: Form, words: string[], at: number): boolean {
    return form.words.every((w, k) => sameWord(form, words[at + k], w));
  }

  /** Whether a word alone is a form of the table (a name, a vocabulary or lexicon form). */
  knows(word: string): boolean {
    return this.longest([word], 0, () => true) !== null;
  }

  /**
   * The longest form the words at `at` read (see scan): first among the forms whose words end in
   * -ement where the typed ones do (EMENT); the others only when none does (« prélevés » is
   * « prélèvement », removal, which no other form reads).
   */
  longest(words: string[], at: number, allowed: (form: Form) => boolean): Form | null {
    return this.scan(words, at, allowed, true) ?? this.scan(words, at, allowed, false);
  }

  private scan(words: string[], at: number, allowed: (form: Form) => boolean, endingsAlike: boolean): Form | null {
    const word = words[at]!;
    const candidates = [...(this.byFirst.get(`w:${word}`) ?? []), ...(this.byFirst.get(`p:${prefixOf(word)}`) ?? [])];
    let best: Form[] = [];
    // Stryker disable next-line BooleanLiteral: equivalent, it is read only beside `tied`, false until a first form is kept, which sets it.
    let bestAsWritten = false;
    for (const form of candidates) {
      const first = best[0];
      if (
        !allowed(form) ||
        (first &&
          (first.words.length > form.words.length ||
            (first.words.length === form.words.length && first.tier < form.tier)))
      )
        continue;
      const asWritten = form.words.every((w, k) => sameWord(form, words[at + k], w));
      // At equal length and tier, a form written as typed wins over one that only shares its stem
      // (« organes » is organs, not « organisme », whose Snowball stem is also « organ »).
      const tied = first !== undefined && first.words.length === form.words.length && first.tier === form.tier;
      if (tied && bestAsWritten && !asWritten) continue;
      const matches =
        asWritten ||
        form.words.every(
          (w, k) =>
            words[at + k] === w ||
            (form.french &&
              words[at + k] !== undefined &&
              this.keyOf(words[at + k]!) === this.keyOf(w) &&
              (!endingsAlike || EMENT.test(words[at + k]!) === EMENT.test(w))),
        );
      if (!matches) continue;
      // Lexicon forms that answer alike are one reading: all their English words are searched.
      if (tied && form.tier === 2 && asWritten === bestAsWritten) best.push(form);
      else best = [form];
      bestAsWritten = asWritten;
    }
    return best.length > 1 ? this.merged(best) : (best[0] ?? null);
  }

  private readonly mergedForms = new Map<string, Form>();
  /**
   * Lexicon forms a word answers alike (the same form in the singular and the plural, or forms that
   * share only its Snowball stem: « coordinatrices » meets coordination's « coordination » and
   * coordinator's « coordinatrice »…) as one form with every English word they translate.
   */
  private merged(forms: Form[]): Form {
    // Stryker disable next-line StringLiteral: equivalent, every id of a lexicon form starts with `lexicon:`, so no two lists of ids join alike.
    const id = forms.map((f) => f.id).join('|');
    let form = this.mergedForms.get(id);
    // Stryker disable next-line ConditionalExpression: equivalent, a cache: the same form is merged again.
    if (!form) {
      const spellings = new Map(forms.flatMap((f) => f.spellings).map((s) => [s.join(' '), s]));
      this.mergedForms.set(id, (form = { ...forms[0]!, id: forms[0]!.id, spellings: [...spellings.values()] }));
    }
    return form;
  }
}
