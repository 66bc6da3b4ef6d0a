/**
 * What the Bookmarks screen shows of the bookmarks, pure: the filters (type, tag, country, issue,
 * event dates, words), the sort, and where a bookmark and the trip dossier of the filters lead.
 * The screen (BookmarksScreen.dom.tsx) holds only the state; the dossier reuses `inDates`.
 */
import type { Bookmark } from '../../../common/contract/contract.std';
import { overlapsTrip } from '../../../common/content/event-dates.std';
import { inCountries } from '../../../common/places/item-countries.std';

export type BookmarkSort = 'added' | 'title' | 'event';

export interface BookmarkFilter {
  type: string;
  tag: string;
  country: string;
  issue: string;
  /** Words looked for in the title, the text kept, the note and the tags, whatever their case. */
  text: string;
  from: string | null;
  to: string | null;
  /** Whether an event that only mentions the country counts as in it. */
  mentioned: boolean;
}

export const NO_FILTER: BookmarkFilter = {
  type: '',
  tag: '',
  country: '',
  issue: '',
  text: '',
  from: null,
  to: null,
  mentioned: false,
};

/** Events with no start sort after every dated one. */
const UNDATED_LAST = '9999';

/** Dates choose events only (by their first day): people, offices and passages stay in a dossier by dates. */
export function inDates(b: Bookmark, from: string | null, to: string | null): boolean {
  if ((!from && !to) || b.type !== 'event') return true;
  return !!b.eventStart && overlapsTrip({ start: b.eventStart, end: b.eventStart }, from, to);
}

/** The bookmarks every filter set lets through, in the list's order. */
export function filterBookmarks(list: readonly Bookmark[], filter: BookmarkFilter): Bookmark[] {
  const text = filter.text.toLowerCase();
  return list.filter(
    (b) =>
      (!filter.type || b.type === filter.type) &&
      (!filter.tag || b.tags.includes(filter.tag)) &&
      (!filter.country || inCountries(b, [filter.country], filter.mentioned)) &&
      (!filter.issue || b.issueKey === filter.issue) &&
      inDates(b, filter.from, filter.to) &&
      (!text || [b.label, b.snapshot, b.note, ...b.tags].some((s) => s.toLowerCase().includes(text))),
  );
}

const ORDERS: Record<BookmarkSort, (a: Bookmark, b: Bookmark) => number> = {
  added: (a, b) => b.createdAt.localeCompare(a.createdAt),
  title: (a, b) => a.label.localeCompare(b.label),
  event: (a, b) => (a.eventStart ?? UNDATED_LAST).localeCompare(b.eventStart ?? UNDATED_LAST),
};

/** The rows sorted, in place: newest added first, by title, or by event date (undated last). */
export function sortBookmarks(rows: Bookmark[], sort: BookmarkSort): Bookmark[] {
  return rows.sort(ORDERS[sort]);
}

/** The trip dossier of what the filters choose: tag, country (and whether a mention counts), dates. */
export function dossierQuery(filter: Pick<BookmarkFilter, 'tag' | 'country' | 'mentioned' | 'from' | 'to'>): string {
  const query = new URLSearchParams();
  if (filter.tag) query.set('tag', filter.tag);
  if (filter.country) query.set('country', filter.country);
  if (filter.country && filter.mentioned) query.set('mentioned', '1');
  if (filter.from) query.set('from', filter.from);
  if (filter.to) query.set('to', filter.to);
  return query.toString();
}

/**
 * Kinds of item that belong to no page: a person, an organisation or a country runs through the
 * archive, and the page its bookmark keeps is only where it was first mentioned.
 */
const OF_NO_PAGE: ReadonlySet<Bookmark['type']> = new Set(['person', 'organisation', 'country']);

/** The page a bookmark's row and the dossier show beside it, or null where a page would mislead. */
export const pageShown = (b: Pick<Bookmark, 'type' | 'page'>): number | null =>
  OF_NO_PAGE.has(b.type) ? null : b.page;

/** Where a bookmark leads: a section or a passage in the reader, anything else to its page. */
export function hrefOf(b: Bookmark): string {
  if (b.type === 'section') return `/read/${b.key}`;
  if (b.type === 'passage') return `/read/${b.sectionKey}?p=${encodeURIComponent(b.key)}`;
  return `/entity/${b.key}`;
}
