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
const IRREGULAR: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, { children: 'child', women: 'woman', men: 'man', people: 'person', persons: 'person' });

const foldToken: lunr.PipelineFunction = (token) =>
  token.update((s) => {
    const word = fold(s).replace(/^'+|'+$/g, '').replace(/'s$/, '');
    return IRREGULAR[word] ?? word;
  });
let registered = false;

/** Registers the pipeline functions once per process; Lunr refuses to load an index without them. */
export function registerSearchPipeline(): void {
  if (registered) return;
  lunr.Pipeline.registerFunction(foldToken, 'valiseFold');
  registered = true;
}

/** Configures a builder with the Valise pipeline: fold, then Lunr's stop words and stemmer. */
export function useValisePipeline(builder: lunr.Builder): void {
  registerSearchPipeline();
  builder.pipeline.reset();
  builder.searchPipeline.reset();
  builder.pipeline.add(foldToken, lunr.trimmer, lunr.stopWordFilter, lunr.stemmer);
  builder.searchPipeline.add(foldToken, lunr.stemmer);
  builder.metadataWhitelist = [];
}

// Words repeat: stemming each distinct word once keeps highlighting cheap.
const stems = new Map<string, string>();
const MAX_CACHED_STEMS = 50_000;

export function stem(word: string): string {
  let term = stems.get(word);
  if (term === undefined) {
    const folded = fold(word).replace(/'s$/, '').replace(/'+$/, '');
    term = lunr.stemmer(new lunr.Token(IRREGULAR[folded] ?? folded, {})).toString();
    if (stems.size >= MAX_CACHED_STEMS) stems.clear();
    stems.set(word, term);
  }
  return term;
}

/** The index terms a text yields, in order, with where each word stands in the text. */
export function termsOf(text: string): { term: string; start: number; end: number }[] {
  const out: { term: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’]*/gu)) {
    out.push({ term: stem(m[0]), start: m.index!, end: m.index! + m[0].length });
  }
  return out;
}
