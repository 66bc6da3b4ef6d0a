/**
 * Bookmarks, notes and tags, in the user database. Every change is one transaction. A removal
 * can be undone (the row is kept, marked removed, and purged after PURGE_AFTER_DAYS). Bookmarks
 * point at items by stable key and keep a snapshot, so one whose item has vanished from the
 * archive is kept and shown as orphaned, never dropped.
 */
import type Database from 'better-sqlite3';
import type { Bookmark, ItemSnapshot } from '../../common/contract.std';
import { ContractError } from '../../common/errors.std';
import { isMessageId, type LocalisedMessage } from '../../common/messages.std';

export const PURGE_AFTER_DAYS = 30;

interface Row {
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
  return isMessageId(reason?.messageId) ? ContractError.fromCatalogue('FORBIDDEN', reason.messageId, reason.params) : ContractError.fromCatalogue('FORBIDDEN', 'bookmarks.read-only');
}

export function createBookmarkService(
  db: Database.Database,
  options: {
    readOnly: boolean;
    /** Why the bookmarks are read-only: the user database's notice, told again when a change is refused. */
    readOnlyReason?: LocalisedMessage;
    describe: (key: string) => ItemSnapshot | null;
    exists: (key: string) => boolean;
    /** The item's own country (an event's place's), as the archive says now. */
    countryOf?: (key: string) => string | null;
    now?: () => Date;
  },
): BookmarkService {
  const now = () => (options.now ?? (() => new Date()))().toISOString();
  const writable = () => {
    if (options.readOnly) throw readOnlyError(options.readOnlyReason);
  };
  const select = `SELECT b.*, (SELECT json_group_array(t.name) FROM bookmark_tags bt JOIN tags t ON t.id = bt.tag_id WHERE bt.bookmark_id = b.id ORDER BY t.name) AS tags FROM bookmarks b`;
  const byId = db.prepare<[number], Row>(`${select} WHERE b.id = ? AND b.removed_at IS NULL`);
  const byKey = db.prepare<[string], Row>(`${select} WHERE b.item_key = ?`);
  const live = db.prepare<[], Row>(`${select} WHERE b.removed_at IS NULL ORDER BY b.created_at DESC, b.id DESC`);
  const tagId = db.prepare<[string], { id: number }>('SELECT id FROM tags WHERE name = ?');
  const insertTag = db.prepare('INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO NOTHING');
  const link = db.prepare('INSERT OR IGNORE INTO bookmark_tags (bookmark_id, tag_id) VALUES (?, ?)');
  const unlink = db.prepare('DELETE FROM bookmark_tags WHERE bookmark_id = ? AND tag_id = ?');
  const unlinkAll = db.prepare('DELETE FROM bookmark_tags WHERE bookmark_id = ?');
  const dropUnusedTags = db.prepare('DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM bookmark_tags)');
  const insert = db.prepare(
    `INSERT INTO bookmarks (item_key, item_type, label, snapshot, issue_key, section_key, page, event_start, countries, note, created_at, updated_at)
     VALUES (@key, @type, @label, @snapshot, @issueKey, @sectionKey, @page, @eventStart, @countries, @note, @createdAt, @updatedAt)`,
  );
  const touch = db.prepare('UPDATE bookmarks SET updated_at = ? WHERE id = ?');

  if (!options.readOnly) {
    const cutoff = new Date(Date.now() - PURGE_AFTER_DAYS * 86_400_000).toISOString();
    db.prepare('DELETE FROM bookmarks WHERE removed_at IS NOT NULL AND removed_at < ?').run(cutoff);
  }

  const toBookmark = (row: Row): Bookmark => ({
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
    country: options.countryOf?.(row.item_key) ?? null,
    note: row.note,
    tags: (JSON.parse(row.tags ?? '[]') as string[]).sort((a, b) => a.localeCompare(b)),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    orphaned: !options.exists(row.item_key),
  });
  const get = (id: number) => {
    const row = byId.get(id);
    if (!row) throw ContractError.fromCatalogue('NOT_FOUND', 'bookmarks.gone');
    return toBookmark(row);
  };
  const setTags = (id: number, tags: string[]) => {
    unlinkAll.run(id);
    for (const name of new Set(tags.map((t) => t.trim()).filter(Boolean))) {
      insertTag.run(name);
      link.run(id, tagId.get(name)!.id);
    }
  };
  const inIds = (ids: number[]) => `(${ids.map(() => '?').join(',')})`;

  return {
    list: () => live.all().map(toBookmark),
    add(key) {
      writable();
      return db.transaction(() => {
        const existing = byKey.get(key);
        if (existing) {
          db.prepare('UPDATE bookmarks SET removed_at = NULL WHERE id = ?').run(existing.id);
          return get(existing.id);
        }
        const item = options.describe(key);
        if (!item) throw ContractError.fromCatalogue('NOT_FOUND', 'content.no-such-key', { key });
        const at = now();
        const { lastInsertRowid } = insert.run({ ...item, countries: JSON.stringify(item.countries), note: '', createdAt: at, updatedAt: at });
        return get(Number(lastInsertRowid));
      }).immediate();
    },
    update(id, change) {
      writable();
      return db.transaction(() => {
        get(id);
        if (change.note !== undefined) db.prepare('UPDATE bookmarks SET note = ? WHERE id = ?').run(change.note, id);
        if (change.tags !== undefined) {
          setTags(id, change.tags);
          dropUnusedTags.run();
        }
        touch.run(now(), id);
        return get(id);
      }).immediate();
    },
    tag(ids, add, remove) {
      writable();
      return db.transaction(() => {
        let changed = 0;
        for (const id of ids) {
          if (!byId.get(id)) continue;
          for (const name of add) {
            insertTag.run(name);
            link.run(id, tagId.get(name)!.id);
          }
          for (const name of remove) {
            const tag = tagId.get(name);
            if (tag) unlink.run(id, tag.id);
          }
          touch.run(now(), id);
          changed++;
        }
        dropUnusedTags.run();
        return changed;
      }).immediate();
    },
    remove(ids) {
      writable();
      return db.prepare(`UPDATE bookmarks SET removed_at = ? WHERE removed_at IS NULL AND id IN ${inIds(ids)}`).run(now(), ...ids).changes;
    },
    restore(ids) {
      writable();
      return db.prepare(`UPDATE bookmarks SET removed_at = NULL WHERE removed_at IS NOT NULL AND id IN ${inIds(ids)}`).run(...ids).changes;
    },
    records(ids) {
      const rows = live.all().filter((r) => !ids || ids.includes(r.id));
      // What the archive says now (the own country) is not part of the bookmark's record.
      return rows.map(toBookmark).map(({ id: _id, orphaned: _orphaned, country: _country, ...record }) => record);
    },
    merge(records) {
      writable();
      return db.transaction(() => {
        let added = 0;
        let merged = 0;
        for (const record of records) {
          const existing = byKey.get(record.key);
          if (!existing) {
            const { lastInsertRowid } = insert.run({ ...record, countries: JSON.stringify(record.countries) });
            setTags(Number(lastInsertRowid), record.tags);
            added++;
            continue;
          }
          const current = toBookmark(existing);
          const newer = record.updatedAt > current.updatedAt;
          db.prepare('UPDATE bookmarks SET note = ?, updated_at = ?, removed_at = NULL, created_at = min(created_at, ?) WHERE id = ?').run(
            newer ? record.note : current.note,
            newer ? record.updatedAt : current.updatedAt,
            record.createdAt,
            existing.id,
          );
          setTags(existing.id, [...current.tags, ...record.tags]);
          // One removed (still kept for its undo) comes back: for the user it is added again.
          if (existing.removed_at === null) merged++;
          else added++;
        }
        dropUnusedTags.run();
        return { added, merged };
      }).immediate();
    },
  };
}
