/**
 * What a query asks for, as concepts: the French–English vocabulary of the field
 * (db/vocabulary/fr-en.json, reviewed data) turns a phrase a French diplomat types ("Macédoine du
 * Nord", "ONUDC", "traite des êtres humains") into one concept with every way the archive spells
 * it; French function words (de, du, des, l'…) are never searched; every other word is a concept
 * of its own. Ranking counts how many concepts a result covers.
 */
import { fold, wordsOf } from '../common/search-text.std';
import vocabularyFile from './vocabulary/fr-en.json';

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
}

export interface QueryAnalysis {
  concepts: Concept[];
  /** The query had words, and all of them were function words. */
  onlyFunctionWords: boolean;
}

/** A query's words as the index reads them (numbers as printed, UN symbols), elisions split: l'Europe → l, europe. */
const wordsOfText = (text: string) => wordsOf(fold(text)).flatMap(({ word }) => word.split(/'+/).filter(Boolean));

interface Form {
  words: string[];
  entry: VocabularyEntry;
  french: boolean;
}

/** Builds the analyser for a vocabulary; `ignore` drops a word (English stop words) as function words are. */
export function vocabularyAnalyser(vocabulary: Vocabulary, ignore: (word: string) => boolean) {
  const functionWords = new Set(vocabulary.functionWords.map(fold));
  const content = (words: string[]) => words.filter((w) => !functionWords.has(w) && !ignore(w));
  const forms: Form[] = [];
  const spellings = new Map<string, string[][]>();
  for (const entry of vocabulary.entries) {
    const english = entry.en.map((f) => content(wordsOfText(f))).filter((w) => w.length > 0);
    const french = entry.fr.map((f) => content(wordsOfText(f))).filter((w) => w.length > 0);
    spellings.set(entry.id, [...english, ...french]);
    const isEnglish = new Set(english.map((w) => w.join(' ')));
    for (const words of english) forms.push({ words, entry, french: false });
    for (const words of french) if (!isEnglish.has(words.join(' '))) forms.push({ words, entry, french: true });
  }
  // Longest forms first: "traite des êtres humains" before "traite".
  forms.sort((a, b) => b.words.length - a.words.length);
  const byFirst = new Map<string, Form[]>();
  for (const form of forms) byFirst.set(form.words[0]!, [...(byFirst.get(form.words[0]!) ?? []), form]);

  return function analyse(query: string): QueryAnalysis {
    const all = wordsOfText(query);
    const words = content(all);
    const concepts: Concept[] = [];
    for (let i = 0; i < words.length; ) {
      const form = (byFirst.get(words[i]!) ?? []).find((f) => f.words.every((w, k) => words[i + k] === w));
      if (form) {
        const unique = new Map(spellings.get(form.entry.id)!.map((s) => [s.join(' '), s]));
        concepts.push({ typed: form.words, alternatives: [...unique.values()], entry: form.entry.id, french: form.french });
        i += form.words.length;
      } else {
        concepts.push({ typed: [words[i]!], alternatives: [[words[i]!]], entry: null, french: false });
        i++;
      }
    }
    return { concepts, onlyFunctionWords: all.length > 0 && all.every((w) => functionWords.has(w)) };
  };
}
