/**
 * 0001: bookmarks, their notes and tags. A bookmark points at an archive item by its stable key
 * and keeps a snapshot of its label and text, so it outlives a rebuilt or shrunken archive.
 */
import type { Migration } from '../migrate.node';

export const migration: Migration = {
  version: 1,
  name: 'bookmarks',
  up(db) {
    db.exec(`
      CREATE TABLE bookmarks (
        id          INTEGER PRIMARY KEY,
        item_key    TEXT NOT NULL UNIQUE,
        item_type   TEXT NOT NULL,
        label       TEXT NOT NULL,
        snapshot    TEXT NOT NULL,
        issue_key   TEXT,
        section_key TEXT,
        page        INTEGER,
        event_start TEXT,
        countries   TEXT NOT NULL DEFAULT '[]', -- JSON array of country keys
        note        TEXT NOT NULL DEFAULT '',
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        removed_at  TEXT                        -- removed, still undoable; purged later
      ) STRICT;
      CREATE INDEX bookmarks_live ON bookmarks(removed_at, created_at);

      CREATE TABLE tags (
        id   INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE
      ) STRICT;

      CREATE TABLE bookmark_tags (
        bookmark_id INTEGER NOT NULL REFERENCES bookmarks(id) ON DELETE CASCADE,
        tag_id      INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
        PRIMARY KEY (bookmark_id, tag_id)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
