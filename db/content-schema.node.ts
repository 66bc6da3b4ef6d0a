/**
 * Schema of the bundled content database. It is rebuilt from assets/ on every `npm run build:db`
 * and opened read-only by the app, so it has a version but no migrations: a reader refuses a
 * database whose version it does not know.
 */
export const CONTENT_SCHEMA_VERSION = 1;

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
  title         TEXT NOT NULL,
  source_file   TEXT NOT NULL,
  source_sha256 TEXT NOT NULL
) STRICT;

CREATE TABLE sections (
  key       TEXT PRIMARY KEY,
  issue_key TEXT NOT NULL REFERENCES issues(key),
  ord       INTEGER NOT NULL,
  title     TEXT NOT NULL,
  kicker    TEXT,
  page      INTEGER
) STRICT;
CREATE INDEX sections_by_issue ON sections(issue_key, ord);

CREATE TABLE paragraphs (
  key         TEXT PRIMARY KEY,
  section_key TEXT NOT NULL REFERENCES sections(key),
  ord         INTEGER NOT NULL,
  kind        TEXT NOT NULL,
  text        TEXT NOT NULL,
  page        INTEGER
) STRICT;
CREATE INDEX paragraphs_by_section ON paragraphs(section_key, ord);
`;
