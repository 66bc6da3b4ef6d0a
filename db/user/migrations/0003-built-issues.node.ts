/**
 * 0003: imported issues stored built. What the pipeline made of each imported issue at import
 * (sections, paragraphs, dropped lines) and what the library made of all issues together (the
 * entities found over bundled and imported issues, their mentions, each imported issue's search
 * shard) is kept, in the content database's own columns, so a launch reads it and never extracts
 * again. `built_meta` holds the stamp of the pipeline that made the build: when it differs from
 * this version's, the stored issues are rebuilt in the background and the old build is read
 * until then. The text and overlay of 0002 stay the source of truth.
 *
 * Keys once given never change: `entity_keys` is every entity key the library has handed out,
 * with its mentions when it was last seen; `key_aliases` sends a key the pipeline now derives (an
 * acronym or a fuller name revealed by a later issue) or a merged entity's key to the key kept.
 */
import type { Migration } from '../migrate.node';

export const migration: Migration = {
  version: 3,
  name: 'built-issues',
  up(db) {
    db.exec(`
      CREATE TABLE built_meta (
        name  TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE built_issues (
        key           TEXT PRIMARY KEY REFERENCES imported_issues(key) ON DELETE CASCADE,
        ord           INTEGER NOT NULL,
        number        INTEGER,
        year          INTEGER NOT NULL,
        date          TEXT,
        date_note     TEXT,
        as_of         TEXT NOT NULL,
        title         TEXT NOT NULL,
        source_file   TEXT NOT NULL,
        source_sha256 TEXT NOT NULL,
        organisation_hints TEXT NOT NULL DEFAULT '[]',
        built_from    TEXT NOT NULL,  -- digest of the stored text and overlay this build was made from
        pipeline      TEXT NOT NULL   -- stamp of the pipeline that made it
      ) STRICT;

      CREATE TABLE built_sections (
        key         TEXT PRIMARY KEY,
        issue_key   TEXT NOT NULL REFERENCES built_issues(key) ON DELETE CASCADE,
        ord         INTEGER NOT NULL,
        title       TEXT NOT NULL,
        kicker      TEXT,
        page        INTEGER,
        title_lines TEXT NOT NULL
      ) STRICT;
      CREATE INDEX built_sections_by_issue ON built_sections(issue_key, ord);

      CREATE TABLE built_paragraphs (
        key         TEXT PRIMARY KEY,
        section_key TEXT NOT NULL REFERENCES built_sections(key) ON DELETE CASCADE,
        ord         INTEGER NOT NULL,
        kind        TEXT NOT NULL,
        text        TEXT NOT NULL,
        page        INTEGER,
        lines       TEXT NOT NULL
      ) STRICT;
      CREATE INDEX built_paragraphs_by_section ON built_paragraphs(section_key, ord);

      CREATE TABLE built_dropped_lines (
        issue_key TEXT NOT NULL REFERENCES built_issues(key) ON DELETE CASCADE,
        line      INTEGER NOT NULL,
        text      TEXT NOT NULL,
        reason    TEXT NOT NULL,
        PRIMARY KEY (issue_key, line)
      ) STRICT;

      -- The library's entities: found over bundled and imported issues together.
      CREATE TABLE built_entities (
        key  TEXT PRIMARY KEY,
        ord  INTEGER NOT NULL,
        type TEXT NOT NULL,
        name TEXT NOT NULL,
        data TEXT NOT NULL
      ) STRICT;
      CREATE INDEX built_entities_by_type ON built_entities(type, ord);

      CREATE TABLE built_mentions (
        entity_key TEXT NOT NULL,
        item_key   TEXT NOT NULL,
        ord        INTEGER NOT NULL,
        PRIMARY KEY (entity_key, item_key)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX built_mentions_by_item ON built_mentions(item_key);

      -- Each imported issue's search shard (issue/<key>), as the content database keeps its own.
      CREATE TABLE built_shards (
        name   TEXT PRIMARY KEY,
        digest TEXT NOT NULL,  -- before the large columns: read without reading them
        docs   TEXT NOT NULL,
        idx    TEXT NOT NULL
      ) STRICT;

      CREATE TABLE entity_keys (
        key        TEXT PRIMARY KEY,
        type       TEXT NOT NULL,
        name       TEXT NOT NULL,
        mentions   TEXT NOT NULL,  -- JSON: the items that mentioned it when it was last seen
        first_seen TEXT NOT NULL
      ) STRICT;

      CREATE TABLE key_aliases (
        alias       TEXT PRIMARY KEY,  -- a key that resolves to another
        key         TEXT NOT NULL,     -- the key it resolves to
        why         TEXT NOT NULL CHECK (why IN ('renamed', 'merged')),
        recorded_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
