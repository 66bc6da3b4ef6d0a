/**
 * Bookmarks, notes and tags, in the user database. Every change is one transaction. A removal
 * can be undone (the row is kept, marked removed, and purged after PURGE_AFTER_DAYS). Bookmarks
 * point at items by stable key and keep a snapshot, so one whose item has vanished from the
 * archive is kept and shown as orphaned, never dropped.
 */
import type Database from 'better-sqlite3';
import type { Bookmark, ItemSnapshot } from '../../../common/contract/contract.std';
import { ContractError } from '../../../common/contract/errors.std';
import { isMessageId, type LocalisedMessage } from '../../../common/contract/messages.std';

export const PURGE_AFTER_DAYS = 30;

export interface Row {
  id: number;
  item_key: string;
  item_type: Bookmark['type'];
  label: string;
  snapshot: string;
  issue_key: string | null;
  section_key: string | null;
  page: number | null;
  event_start: string | null;
  countries: string;
  note: string;
  created_at: string;
  updated_at: string;
  removed_at: string | null;
  tags: string | null;
}

export type BookmarkRecord = Omit<Bookmark, 'id' | 'orphaned'>;

export interface BookmarkService {
  list(): Bookmark[];
  add(key: string): Bookmark;
  update(id: number, change: { note?: string; tags?: string[] }): Bookmark;
  tag(ids: number[], add: string[], remove: string[]): number;
  remove(ids: number[]): number;
  restore(ids: number[]): number;
  /**
   * Writes records as they are (import, restore from export): merges by item key, no duplicates.
   * `added` counts the bookmarks the list did not show before (new, or removed and brought back),
   * `merged` those it showed, now holding both versions' tags and the newer note.
   */
  merge(records: BookmarkRecord[]): { added: number; merged: number };
  records(ids?: number[]): BookmarkRecord[];
}

/** A change refused while the bookmarks are read-only: in the words of the notice that said why, if any. */
export function readOnlyError(reason: LocalisedMessage | undefined): ContractError {
  return isMessageId(reason?.messageId)
    ? ContractError.fromCatalogue('FORBIDDEN', reason.messageId, reason.params)
    : ContractError.fromCatalogue('FORBIDDEN', 'bookmarks.read-only');
}

export interface BookmarkOptions {
  readOnly: boolean;
  /** Why the bookmarks are read-only: the user database's notice, told again when a change is refused. */
  readOnlyReason?: LocalisedMessage;
  describe: (key: string) => ItemSnapshot | null;
  exists: (key: string) => boolean;
  /** The item's own country (an event's place's), as the archive says now. */
  countryOf?: (key: string) => string | null;
  now?: () => Date;
}

const DAY_MS = 86_400_000;

/** Removed bookmarks older than this (ISO time) are purged: their undo has expired. */
export function purgeCutoff(nowMs: number): string {
  return new Date(nowMs - PURGE_AFTER_DAYS * DAY_MS).toISOString();
}

/** The tags a person gave, as stored: trimmed, none empty, each once, in the order given. */
export function cleanTags(tags: string[]): string[] {
  return [...new Set(tags.map((t) => t.trim()).filter(Boolean))];
}

/** SQL placeholders for a list of ids: `(?,?,?)`. */
export function inIds(ids: number[]): string {
  return `(${ids.map(() => '?').join(',')})`;
}

/** A row as the page sees it: tags sorted, the item's own country and whether it still exists, as the archive says now. */
export function toBookmark(row: Row, archive: Pick<BookmarkOptions, 'exists' | 'countryOf'>): Bookmark {
  return {
    id: row.id,
    key: row.item_key,
    type: row.item_type,
    label: row.label,
    snapshot: row.snapshot,
    issueKey: row.issue_key,
    sectionKey: row.section_key,
    page: row.page,
    eventStart: row.event_start,
    countries: JSON.parse(row.countries) as string[],
    country: archive.countryOf?.(row.item_key) ?? null,
    note: row.note,
    tags: (JSON.parse(row.tags ?? '[]') as string[]).sort((a, b) => a.localeCompare(b)),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    orphaned: !archive.exists(row.item_key),
  };
}

/** A bookmark as a file keeps it: what the archive says now (own country, orphaned) and the row's id are not part of it. */
export function toRecord({ id: _id, orphaned: _orphaned, country: _country, ...record }: Bookmark): BookmarkRecord {
  return record;
}

/**
 * One bookmark kept twice (here, and in a file merged in): the newer note with its time, the
 * earlier creation, both versions' tags.
 */
export function mergedVersion(
  current: Pick<Bookmark, 'note' | 'updatedAt' | 'createdAt' | 'tags'>,
  record: Pick<BookmarkRecord, 'note' | 'updatedAt' | 'createdAt' | 'tags'>,
) {
  const newer = record.updatedAt > current.updatedAt;
  return {
    note: newer ? record.note : current.note,
    updatedAt: newer ? record.updatedAt : current.updatedAt,
    createdAt: record.createdAt < current.createdAt ? record.createdAt : current.createdAt,
    tags: [...current.tags, ...record.tags],
  };
}

const SELECT = `SELECT b.*, (SELECT json_group_array(t.name) FROM bookmark_tags bt JOIN tags t ON t.id = bt.tag_id WHERE bt.bookmark_id = b.id ORDER BY t.name) AS tags FROM bookmarks b`;

function statements(db: Database.Database) {
  return {
    byId: db.prepare<[number], Row>(`${SELECT} WHERE b.id = ? AND b.removed_at IS NULL`),
    byKey: db.prepare<[string], Row>(`${SELECT} WHERE b.item_key = ?`),
    live: db.prepare<[], Row>(`${SELECT} WHERE b.removed_at IS NULL ORDER BY b.created_at DESC, b.id DESC`),
    tagId: db.prepare<[string], { id: number }>('SELECT id FROM tags WHERE name = ?'),
    insertTag: db.prepare('INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO NOTHING'),
    link: db.prepare('INSERT OR IGNORE INTO bookmark_tags (bookmark_id, tag_id) VALUES (?, ?)'),
    unlink: db.prepare('DELETE FROM bookmark_tags WHERE bookmark_id = ? AND tag_id = ?'),
    unlinkAll: db.prepare('DELETE FROM bookmark_tags WHERE bookmark_id = ?'),
    dropUnusedTags: db.prepare('DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM bookmark_tags)'),
    insert: db.prepare(
      `INSERT INTO bookmarks (item_key, item_type, label, snapshot, issue_key, section_key, page, event_start, countries, note, created_at, updated_at)
     VALUES (@key, @type, @label, @snapshot, @issueKey, @sectionKey, @page, @eventStart, @countries, @note, @createdAt, @updatedAt)`,
    ),
    touch: db.prepare('UPDATE bookmarks SET updated_at = ? WHERE id = ?'),
    restoreOne: db.prepare('UPDATE bookmarks SET removed_at = NULL WHERE id = ?'),
    setNote: db.prepare('UPDATE bookmarks SET note = ? WHERE id = ?'),
    mergeOne: db.prepare(
      'UPDATE bookmarks SET note = ?, updated_at = ?, removed_at = NULL, created_at = min(created_at, ?) WHERE id = ?',
    ),
  };
}
type Statements = ReturnType<typeof statements>;

function addTag(st: Statements, id: number, name: string) {
  st.insertTag.run(name);
  st.link.run(id, st.tagId.get(name)!.id);
}

function setTags(st: Statements, id: number, tags: string[]) {
  st.unlinkAll.run(id);
  for (const name of cleanTags(tags)) addTag(st, id, name);
}

/** Tags added to and taken from each live bookmark of `ids`; how many were changed. */
function tagMany(st: Statements, ids: number[], add: string[], remove: string[], at: () => string): number {
  let changed = 0;
  for (const id of ids) {
    if (!st.byId.get(id)) continue;
    for (const name of add) addTag(st, id, name);
    for (const name of remove) {
      const tag = st.tagId.get(name);
      if (tag) st.unlink.run(id, tag.id);
    }
    st.touch.run(at(), id);
    changed++;
  }
  st.dropUnusedTags.run();
  return changed;
}

/** Records merged in by item key (see BookmarkService.merge). */
function mergeRecords(
  st: Statements,
  records: BookmarkRecord[],
  archive: Pick<BookmarkOptions, 'exists' | 'countryOf'>,
) {
  let added = 0;
  let merged = 0;
  for (const record of records) {
    const existing = st.byKey.get(record.key);
    if (!existing) {
      const { lastInsertRowid } = st.insert.run({ ...record, countries: JSON.stringify(record.countries) });
      setTags(st, Number(lastInsertRowid), record.tags);
      added++;
      continue;
    }
    const current = toBookmark(existing, archive);
    const version = mergedVersion(current, record);
    st.mergeOne.run(version.note, version.updatedAt, version.createdAt, existing.id);
    setTags(st, existing.id, version.tags);
    // One removed (still kept for its undo) comes back: for the user it is added again.
    if (existing.removed_at === null) merged++;
    else added++;
  }
  st.dropUnusedTags.run();
  return { added, merged };
}

export function createBookmarkService(db: Database.Database, options: BookmarkOptions): BookmarkService {
  const now = () => (options.now ?? (() => new Date()))().toISOString();
  const writable = () => {
    if (options.readOnly) throw readOnlyError(options.readOnlyReason);
  };
  const st = statements(db);
  if (!options.readOnly)
    db.prepare('DELETE FROM bookmarks WHERE removed_at IS NOT NULL AND removed_at < ?').run(purgeCutoff(Date.now()));
  const get = (id: number) => {
    const row = st.byId.get(id);
    if (!row) throw ContractError.fromCatalogue('NOT_FOUND', 'bookmarks.gone');
    return toBookmark(row, options);
  };
  /** A change written in one immediate transaction, refused while read-only. */
  const change = <T>(write: () => T): T => {
    writable();
    return db.transaction(write).immediate();
  };

  return {
    list: () => st.live.all().map((row) => toBookmark(row, options)),
    add: (key) =>
      change(() => {
        const existing = st.byKey.get(key);
        if (existing) {
          st.restoreOne.run(existing.id);
          return get(existing.id);
        }
        const item = options.describe(key);
        if (!item) throw ContractError.fromCatalogue('NOT_FOUND', 'content.no-such-key', { key });
        const at = now();
        const { lastInsertRowid } = st.insert.run({
          ...item,
          countries: JSON.stringify(item.countries),
          note: '',
          createdAt: at,
          updatedAt: at,
        });
        return get(Number(lastInsertRowid));
      }),
    update: (id, edit) =>
      change(() => {
        get(id);
        if (edit.note !== undefined) st.setNote.run(edit.note, id);
        if (edit.tags !== undefined) {
          setTags(st, id, edit.tags);
          st.dropUnusedTags.run();
        }
        st.touch.run(now(), id);
        return get(id);
      }),
    tag: (ids, add, remove) => change(() => tagMany(st, ids, add, remove, now)),
    remove(ids) {
      writable();
      return db
        .prepare(`UPDATE bookmarks SET removed_at = ? WHERE removed_at IS NULL AND id IN ${inIds(ids)}`)
        .run(now(), ...ids).changes;
    },
    restore(ids) {
      writable();
      return db
        .prepare(`UPDATE bookmarks SET removed_at = NULL WHERE removed_at IS NOT NULL AND id IN ${inIds(ids)}`)
        .run(...ids).changes;
    },
    records: (ids) =>
      st.live
        .all()
        .filter((r) => !ids || ids.includes(r.id))
        .map((row) => toRecord(toBookmark(row, options))),
    merge: (records) => change(() => mergeRecords(st, records, options)),
  };
}
