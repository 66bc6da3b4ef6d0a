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
 *   passage that spells the name out, and the reverse.
 */
import lunr from 'lunr';
import { useValisePipeline } from '../common/search-text.std';

export type SearchDocType = 'section' | 'person' | 'organisation' | 'event' | 'figure' | 'contact' | 'document' | 'country';

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
}

/** What a shard keeps about each document besides the index: enough to filter and sort hits. */
export type DocMeta = Omit<SearchDoc, 'body' | 'aliases' | 'kicker'> & {
  /** What the title field holds before the title (a section's kicker, an organisation's acronym), where there is one. */
  kicker?: string;
};

export interface SearchShard {
  name: string;
  docs: DocMeta[];
  index: object;
}

export function buildShard(name: string, docs: SearchDoc[]): SearchShard {
  const index = lunr(function () {
    useValisePipeline(this);
    this.ref('n');
    this.field('title', { boost: 8 });
    this.field('body');
    docs.forEach((doc, n) =>
      this.add({ n: String(n), title: doc.kicker ? `${doc.kicker} ${doc.title}` : doc.title, body: `${doc.aliases}\n${doc.body}` }),
    );
  });
  return {
    name,
    docs: docs.map(({ body: _body, aliases: _aliases, kicker, ...meta }) => (kicker ? { ...meta, kicker } : meta)),
    index: index.toJSON(),
  };
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
    .filter((org) => [org.acronym, ...org.aliases].some((spelling) => spelling.length > 2 && lower.includes(spelling.toLowerCase())))
    .map((org) => org.acronym);
}
