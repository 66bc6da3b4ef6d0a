/**
 * 0002: issues the user imported (a PDF, a text file or a content pack). What is kept is what the
 * pipeline reads, the issue's own text, and the overlay it was read with (the layout found in the
 * PDF and the reviewer's corrections), so the issue is extracted again, the same way, on open.
 */
import type { Migration } from '../migrate.node';

export const migration: Migration = {
  version: 2,
  name: 'imported-issues',
  up(db) {
    db.exec(`
      CREATE TABLE imported_issues (
        key           TEXT PRIMARY KEY,  -- the issue's key in the library
        title         TEXT NOT NULL,
        source_name   TEXT NOT NULL,     -- the file it came from, as the user named it
        source_kind   TEXT NOT NULL CHECK (source_kind IN ('pdf', 'text', 'pack')),
        source_sha256 TEXT NOT NULL,     -- of the imported file's bytes
        text          TEXT NOT NULL,     -- the issue's text in the pipeline's raw form
        overlay       TEXT NOT NULL,     -- JSON: the overlay the text is read with
        imported_at   TEXT NOT NULL
      ) STRICT;
    `);
  },
};
