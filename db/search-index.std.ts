/**
 * The prebuilt search index. Its design keeps Lunr fast as the archive grows:
 * - a document is a section (its title, kicker and all its passages) or an entity, not a
 *   paragraph: ten times fewer documents, so far fewer postings to score per query;
 * - no term positions are kept (metadataWhitelist is empty): highlights are computed at query
 *   time, only for the hits shown, from the passage text;
 * - one shard per issue (its sections and its own events, figures, contacts, documents), plus
 *   one shard for the entities shared by all issues (people, organisations, countries): an
 *   imported issue brings its own shard and is searchable at once, nothing is rebuilt;
 * - each document carries an `aliases` field with the acronyms of the organisations it names,
 *   so "UNODC" finds a passage that spells the name out, and the reverse.
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
export type DocMeta = Omit<SearchDoc, 'body' | 'aliases' | 'kicker'>;

export interface SearchShard {
  name: string;
  docs: DocMeta[];
  index: object;
}

export function buildShard(name: string, docs: SearchDoc[]): SearchShard {
  const index = lunr(function () {
    useValisePipeline(this);
    this.ref('ref');
    this.field('title', { boost: 8 });
    this.field('kicker', { boost: 2 });
    this.field('aliases', { boost: 2 });
    this.field('body');
    for (const doc of docs) this.add({ ...doc, kicker: doc.kicker ?? '' });
  });
  return {
    name,
    docs: docs.map(({ body: _body, aliases: _aliases, kicker: _kicker, ...meta }) => meta),
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
