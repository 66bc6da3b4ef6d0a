/**
 * The prebuilt search index. Its design keeps Lunr fast as the archive grows (measured by
 * `npm run bench`):
 * - a document is a section (its kicker, title and all its passages) or an entity, not a
 *   paragraph: several times fewer documents and postings to score per query;
 * - no term positions are kept (metadataWhitelist is empty): highlights are computed at query
 *   time, only for the hits shown, from the passage text;
 * - documents are referenced by their number in the shard, not by their key: refs repeat in every
 *   posting and every field vector, so short refs make the index several times smaller and faster
 *   to load; the keys live beside the index in `docs`;
 * - two fields, title (boosted) and body: each field multiplies the postings;
 * - the bundled archive is one shard, so its vocabulary is stored once; an imported issue brings
 *   a small shard of its own and is searchable at once, nothing is rebuilt;
 * - the body carries the acronyms of the organisations a document names, so "UNODC" finds a
 *   passage that spells the name out, and the reverse;
 * - the serialised index carries, beside Lunr's own fields (which Lunr's load ignores), `words`:
 *   the words the shard's documents use, as written (folded), so that a misspelt word is compared
 *   with the word it misspells, not with its stem (`exploitaton` is one letter from
 *   `exploitation`, four from the stem `exploit`).
 */

export type SearchDocType =
  'section' | 'person' | 'organisation' | 'event' | 'figure' | 'contact' | 'document' | 'country';

export interface SearchDoc {
  ref: string;
  type: SearchDocType;
  title: string;
  kicker?: string | null;
  body: string;
  aliases: string;
  issue: string | null;
  year: number | null;
  /** ISO date for sorting by date: the event's start, or the issue's date. */
  date: string | null;
  countries: string[];
  /** A figure's or an event's passage (the paragraph it is read from, and that paragraph's section): a figure's snippet (added in #28; events' in round 2). */
  passage?: { section: string; key: string };
}

/** What a shard keeps about each document besides the index: enough to filter and sort hits. */
export type DocMeta = Omit<SearchDoc, 'body' | 'aliases' | 'kicker'> & {
  /** What the title field holds before the title (a section's kicker, an organisation's acronym), where there is one. */
  kicker?: string;
};

export interface SearchShard {
  name: string;
  docs: DocMeta[];
  /** Lunr's serialised index, and the shard's surface words (SurfaceWords; absent from shards built before #28). */
  index: object & SurfaceWords;
}

export interface SurfaceWords {
  /** The words the documents use, folded, without a possessive 's, sorted; only those typos are looked for in. */
  words?: string[];
}

/** Shortest word a typo is looked for in (search.node's typo rule starts there too). */
export const SHORTEST_TYPO_WORD = 4;

/**
 * A shard as the database stores it: its documents and index as JSON text. A shard travels so
 * between threads too: a string is copied at once, where cloning the index's objects held main's
 * event loop for tens of milliseconds per imported block.
 */
export interface SerialisedShard {
  name: string;
  docs: string;
  idx: string;
}

export const serialiseShard = (shard: SearchShard): SerialisedShard => ({
  name: shard.name,
  docs: JSON.stringify(shard.docs),
  idx: JSON.stringify(compactIndex(shard.index)),
});

/**
 * A stored index in either format: the compact one (#26 item 4), or Lunr's own JSON (shards stored
 * before it). Refused, with the shard's name, when damaged: text that is not JSON, documents that
 * are not a list, an index without the lists Lunr loads from (see `checkIndex`).
 */
export function parseShard(row: SerialisedShard): SearchShard {
  try {
    const docs: unknown = JSON.parse(row.docs);
    if (!Array.isArray(docs)) throw new Error('its documents are not a list');
    const stored: unknown = JSON.parse(row.idx);
    if (typeof stored !== 'object' || stored === null) throw new Error('its index is not an object');
    return { name: row.name, docs: docs as DocMeta[], index: readIndex(stored) };
  } catch (error) {
    throw new Error(
      `the search shard ${row.name} is damaged: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}

/** The lists every stored index has, in either format: without one, Lunr fails on it at load. */
const INDEX_LISTS = ['fields', 'fieldVectors', 'pipeline'] as const;

/** Refuses an index missing a list Lunr loads from, or with a term not stored as a list. */
function checkIndex(stored: Partial<CompactIndex> & Partial<LunrJson>): void {
  const terms = stored.format === undefined ? stored.invertedIndex : stored.postings;
  const missing = INDEX_LISTS.find((key) => !Array.isArray(stored[key])) ?? (Array.isArray(terms) ? null : 'terms');
  if (missing) throw new Error(`its index has no list of ${missing}`);
  if (!(terms as unknown[]).every(Array.isArray)) throw new Error('its index holds a term that is not a list');
}

/** Marks an index stored in the compact format. */
export const COMPACT_FORMAT = 'valise-compact-1';

/**
 * The compact stored index (#26 item 4): Lunr's serialised index, with each term's postings as
 * lists of document numbers instead of Lunr's `{ "12": {}, "40": {} }` per field. With no metadata
 * kept, each `{}` was an object for `JSON.parse` to make and for the service to replace; the text
 * is about a sixth smaller, and a term's postings are made into Lunr's objects only when a query
 * reads them. Field vectors and the pipeline are Lunr's, as they are.
 */
export interface CompactIndex extends SurfaceWords {
  format: typeof COMPACT_FORMAT;
  version: string;
  fields: string[];
  fieldVectors: [string, number[]][];
  pipeline: string[];
  /** [term, Lunr's _index, then for each of `fields` its documents' numbers]. */
  postings: [string, number, ...number[][]][];
}

/** Lunr's serialised index as this module reads and writes it. */
interface LunrJson extends SurfaceWords {
  version: string;
  fields: string[];
  fieldVectors: [string, number[]][];
  invertedIndex: [string, Record<string, Record<string, object>> & { _index: number }][];
  pipeline: string[];
}

export function compactIndex(index: object): CompactIndex {
  const lunrJson = index as LunrJson;
  const { version, fields, fieldVectors, invertedIndex, pipeline, words } = lunrJson;
  const postings = invertedIndex.map(([term, posting]): CompactIndex['postings'][number] => [
    term,
    posting._index,
    ...fields.map((f) => Object.keys(posting[f] ?? {}).map(Number)),
  ]);
  return { format: COMPACT_FORMAT, version, fields, fieldVectors, pipeline, postings, ...(words ? { words } : {}) };
}

/** Postings carry no metadata (metadataWhitelist is empty): one frozen empty object serves them all. */
const NO_METADATA = Object.freeze({});

/**
 * A term's posting as Lunr reads it (`{ _index, title: { "12": {} }, body: … }`), each field's
 * object made the first time it is read: making them all on load was most of the load's time, and
 * a query reads the postings of a few terms. An accessor until then (see isUnread).
 */
function lazyPosting(_index: number, fields: string[], refs: number[][]): object {
  const posting: Record<string, unknown> = { _index };
  fields.forEach((field, f) => {
    Object.defineProperty(posting, field, {
      enumerable: true,
      configurable: true,
      get() {
        const docs: Record<string, object> = {};
        for (const ref of refs[f] ?? []) docs[ref] = NO_METADATA;
        Object.defineProperty(posting, field, { value: docs, enumerable: true, writable: true, configurable: true });
        return docs;
      },
    });
  });
  return posting;
}

/** Whether a posting's field is still unread (compact format): its documents already share one empty metadata object. */
export const isUnread = (posting: object, field: string) =>
  typeof Object.getOwnPropertyDescriptor(posting, field)?.get === 'function';

/**
 * A stored index as Lunr loads it: a compact one is expanded, its postings sharing one empty
 * metadata object; Lunr's own JSON (a shard stored before the compact format) is read as it is.
 * Anything else is refused: a stored index is the project's own.
 */
export function readIndex(stored: object): SearchShard['index'] {
  const compact = stored as Partial<CompactIndex>;
  if (compact.format !== undefined && compact.format !== COMPACT_FORMAT)
    throw new Error(`unknown search index format: ${String(compact.format)}`);
  checkIndex(compact);
  if (compact.format === undefined) return stored as SearchShard['index'];
  const fields = compact.fields!;
  const invertedIndex = compact.postings!.map(([term, _index, ...refs]) => [term, lazyPosting(_index, fields, refs)]);
  const { postings: _postings, format: _format, ...rest } = compact;
  return { ...rest, invertedIndex } as SearchShard['index'];
}

export interface AcronymEntry {
  acronym: string;
  name: string;
  aliases: string[];
}

/** The acronyms of the organisations a text names, by acronym or by any spelling of the name. */
export function acronymsIn(text: string, organisations: AcronymEntry[]): string[] {
  const lower = text.toLowerCase();
  return organisations
    .filter((org) =>
      [org.acronym, ...org.aliases].some((spelling) => spelling.length > 2 && lower.includes(spelling.toLowerCase())),
    )
    .map((org) => org.acronym);
}
