/**
 * The search service's loaded shards and passages (#25, lifted out of createSearchService): a
 * stored shard made a Lunr index with its documents and words, what the shards know of a word,
 * and a section's passages tokenised once (the least recently read section dropped first).
 */
import lunr from 'lunr';
import { stem } from '../../../db/search/search-text.std';
import { tokensOf, type Token } from '../../../db/search/search-rank.std';
import type { AnalyseContext } from '../../../db/search/search-vocabulary.std';
import { buildShard } from '../../../db/search/search-build.std';
import {
  isUnread,
  parseShard,
  serialiseShard,
  SHORTEST_TYPO_WORD,
  type DocMeta,
  type SearchDoc,
  type SearchShard,
  type SerialisedShard,
} from '../../../db/search/search-index.std';

export interface LoadedShard {
  name: string;
  index: lunr.Index;
  /** By document number, the ref Lunr returns. */
  docs: DocMeta[];
  /** The words the shard's documents use, as written (null for a shard built before #28: typos are then looked for among stems). */
  words: string[] | null;
  /** Those words as a Lunr token set, built the first time a typo is looked for. */
  wordSet?: lunr.TokenSet;
  /** Those words as a set, built the first time a query asks whether the archive writes a word. */
  written?: Set<string>;
}

export interface Passage {
  key: string;
  text: string;
}

/** Parts of lunr.Index that its typings leave out. */
interface LunrInternals {
  invertedIndex: Record<string, unknown>;
  tokenSet: lunr.TokenSet;
}
const internals = (index: lunr.Index) => index as unknown as LunrInternals;
const fuzzySet = (term: string, distance: number): lunr.TokenSet =>
  (lunr.TokenSet as unknown as { fromFuzzyString(s: string, d: number): lunr.TokenSet }).fromFuzzyString(
    term,
    distance,
  );

/**
 * With no metadata kept, every posting of a loaded index holds its own empty object; one shared
 * frozen object serves them all and saves a third of the index's memory.
 */
export function shareEmptyMetadata(index: lunr.Index): lunr.Index {
  const empty = Object.freeze({});
  const inverted = (
    index as unknown as { invertedIndex: Record<string, Record<string, Record<string, object> | number>> }
  ).invertedIndex;
  for (const term in inverted) {
    const posting = inverted[term]!;
    for (const field in posting) {
      // _index; or a field of the compact format not read yet, made with the shared object when it is.
      if (field === '_index' || isUnread(posting, field)) continue;
      const refs = posting[field];
      if (typeof refs !== 'object') continue;
      for (const ref in refs) refs[ref] = empty;
    }
  }
  return index;
}

/** Where an imported issues' shard is read from: the documents the library's build wrote, and the index built from them. */
export interface ShardSource {
  /** The shard's stored index, if it was built from the documents the build holds now. */
  indexed(name: string): SerialisedShard | null;
  /** The documents (JSON) the build holds for the shard, and their digest; docs null for a shard indexed before they were kept. */
  documents(name: string): { digest: string; docs: string | null } | null;
  /** Keeps an index built from the documents of this digest; nothing if the build changed them since. */
  keep(digest: string, shard: SerialisedShard): void;
}

type Log = (message: string, error?: unknown) => void;

/**
 * An imported shard as the thread that searches takes it (#25): its stored index when it was built
 * from the build's documents, else built now from them and kept (a failure to keep it is only
 * logged: the index is built again at the next start). Null: the build holds no such shard now.
 * A damaged stored index is built again from the documents; damaged documents leave the shard out,
 * logged: one damaged shard never stops search over the others.
 */
export function importedShard(source: ShardSource, name: string, log: Log = () => {}): SearchShard | null {
  const stored = source.indexed(name);
  if (stored) {
    try {
      return parseShard(stored);
    } catch (error) {
      log(`the stored search index of ${name} is damaged: it is built again from its documents`, error);
    }
  }
  const wanted = source.documents(name);
  if (!wanted?.docs) return null;
  const docs = documentsOf(name, wanted.docs, log);
  return docs && builtAndKept(source, name, wanted.digest, docs, log);
}

/** The documents a shard is built from, or null (logged) when their text is damaged. */
function documentsOf(name: string, text: string, log: Log): SearchDoc[] | null {
  try {
    const docs: unknown = JSON.parse(text);
    if (Array.isArray(docs)) return docs as SearchDoc[];
  } catch {
    // Said below, as a list that is not one.
  }
  log(`the search documents of ${name} are damaged: the issues they hold are left out of search`);
  return null;
}

function builtAndKept(source: ShardSource, name: string, digest: string, docs: SearchDoc[], log: Log): SearchShard {
  const shard = buildShard(name, docs);
  try {
    source.keep(digest, serialiseShard(shard));
  } catch (error) {
    log(`the search index of ${name} could not be kept: it is built again at the next start`, error);
  }
  return shard;
}

/** A stored shard made searchable. */
export const loadShard = (shard: SearchShard): LoadedShard => ({
  name: shard.name,
  index: shareEmptyMetadata(lunr.Index.load(shard.index)),
  docs: shard.docs,
  words: Array.isArray(shard.index.words) ? shard.index.words : null,
});

/** The words of a shard within `distance` edits of a word: its words as written, or, for an old shard, its stems. */
export function neighboursIn(shard: LoadedShard, word: string, term: string, distance: number): string[] {
  if (!shard.words) return internals(shard.index).tokenSet.intersect(fuzzySet(term, distance)).toArray();
  const set = (shard.wordSet ??= (lunr.TokenSet as unknown as { fromArray(words: string[]): lunr.TokenSet }).fromArray(
    shard.words,
  ));
  return set.intersect(fuzzySet(word, distance)).toArray();
}

/** Whether an index term is in some shard. */
export const knownIn = (term: string, loaded: LoadedShard[]) =>
  loaded.some((s) => term in internals(s.index).invertedIndex);

/**
 * Whether the archive writes a word as typed: then it is read as written (English, a name), not
 * translated. Words shorter than the shards' word lists keep (and old shards) are asked of the stems.
 */
export const writtenIn = (loaded: LoadedShard[]): AnalyseContext => ({
  isEnglish: (word) =>
    loaded.some((s) =>
      s.words && word.length >= SHORTEST_TYPO_WORD
        ? (s.written ??= new Set(s.words)).has(word)
        : stem(word) in internals(s.index).invertedIndex,
    ),
});

/** A passage with its words as index terms, and the set of them. */
export interface TokenisedPassage {
  passage: Passage;
  tokens: Token[];
  terms: Set<string>;
}

/** Reads a section's passages, tokenised once. */
export interface PassageCache {
  of(sectionKey: string): TokenisedPassage[];
  clear(): void;
}

/** Sections whose passages are kept tokenised (their words as index terms); the least recently read is dropped. */
const CACHED_SECTIONS = 500;

export function passageCache(read: (sectionKey: string) => Passage[], size = CACHED_SECTIONS): PassageCache {
  const tokenised = new Map<string, TokenisedPassage[]>();
  return {
    of(sectionKey) {
      let cached = tokenised.get(sectionKey);
      if (cached) {
        // Read again: moved to the end, so that the least recently read section is the one dropped.
        tokenised.delete(sectionKey);
        tokenised.set(sectionKey, cached);
        return cached;
      }
      cached = read(sectionKey).map((passage) => {
        const tokens = tokensOf(passage.text);
        return { passage, tokens, terms: new Set(tokens.map((t) => t.term)) };
      });
      if (tokenised.size >= size) tokenised.delete(tokenised.keys().next().value!);
      tokenised.set(sectionKey, cached);
      return cached;
    },
    clear: () => tokenised.clear(),
  };
}
