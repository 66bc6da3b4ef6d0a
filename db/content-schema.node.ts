/**
 * Schema of the bundled content database. It is rebuilt from assets/ on every `npm run build:db`
 * and opened read-only by the app, so it has a version but no migrations: a reader refuses a
 * database whose version it does not know.
 */
export const CONTENT_SCHEMA_VERSION = 4;

export const CONTENT_SCHEMA = `
CREATE TABLE meta (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE issues (
  key           TEXT PRIMARY KEY,
  ord           INTEGER NOT NULL,
  number        INTEGER,
  year          INTEGER NOT NULL,
  date          TEXT,
  date_note     TEXT,
  as_of         TEXT NOT NULL,
  title         TEXT NOT NULL,
  source_file   TEXT NOT NULL,
  source_sha256 TEXT NOT NULL,
  -- JSON: the organisations the overlay names, so the entities can be found again with imported issues
  organisation_hints TEXT NOT NULL DEFAULT '[]'
) STRICT;

CREATE TABLE sections (
  key         TEXT PRIMARY KEY,
  issue_key   TEXT NOT NULL REFERENCES issues(key),
  ord         INTEGER NOT NULL,
  title       TEXT NOT NULL,
  kicker      TEXT,
  page        INTEGER,
  title_lines TEXT NOT NULL -- JSON array of the source line numbers the title is made of
) STRICT;
CREATE INDEX sections_by_issue ON sections(issue_key, ord);

CREATE TABLE paragraphs (
  key         TEXT PRIMARY KEY,
  section_key TEXT NOT NULL REFERENCES sections(key),
  ord         INTEGER NOT NULL,
  kind        TEXT NOT NULL,
  text        TEXT NOT NULL,
  page        INTEGER,
  lines       TEXT NOT NULL -- JSON array of the source line numbers, in reading order
) STRICT;
CREATE INDEX paragraphs_by_section ON paragraphs(section_key, ord);

-- Source lines left out of the archive on purpose (page furniture), with the reason.
CREATE TABLE dropped_lines (
  issue_key TEXT NOT NULL REFERENCES issues(key),
  line      INTEGER NOT NULL,
  text      TEXT NOT NULL,
  reason    TEXT NOT NULL,
  PRIMARY KEY (issue_key, line)
) STRICT;

CREATE TABLE entities (
  key  TEXT PRIMARY KEY,
  ord  INTEGER NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('person', 'organisation', 'event', 'figure', 'contact', 'document', 'country')),
  name TEXT NOT NULL,
  data TEXT NOT NULL -- JSON: the type's own facts, as \`cli dump\` shows them
) STRICT;
CREATE INDEX entities_by_type ON entities(type, ord);

-- Which paragraph (or section title) mentions which entity.
CREATE TABLE mentions (
  entity_key TEXT NOT NULL REFERENCES entities(key),
  item_key   TEXT NOT NULL,
  ord        INTEGER NOT NULL,
  PRIMARY KEY (entity_key, item_key)
) STRICT, WITHOUT ROWID;
CREATE INDEX mentions_by_item ON mentions(item_key);

-- The prebuilt Lunr index, one shard per issue plus one for shared entities (db/search/search-index.std.ts).
CREATE TABLE search_shards (
  name  TEXT PRIMARY KEY,
  docs  TEXT NOT NULL, -- JSON: per document, what filtering and sorting need
  idx   TEXT NOT NULL  -- JSON: the serialised lunr.Index
) STRICT;
`;
