/**
 * 0004: what each imported issues' search shard is built from (#25). The save writes a shard's
 * documents and their digest here; the thread that searches builds the Lunr index from them and
 * keeps it in `built_shards` (0003) under the same digest, so the analysis worker, which saves,
 * never loads Lunr. An index whose digest is not its documents' is stale and never read: after a
 * crash between the save and the index's build, the next start builds it again.
 *
 * A shard built before 0004 had its index written with it: its digest is copied here with no
 * documents (NULL), and its index stands until a later build changes the shard.
 */
import type { Migration } from '../migrate.node';

export const migration: Migration = {
  version: 4,
  name: 'shard-documents',
  up(db) {
    db.exec(`
      CREATE TABLE built_shard_docs (
        name   TEXT PRIMARY KEY,
        digest TEXT NOT NULL,  -- of the documents; built_shards.digest says which documents its index was built from
        docs   TEXT            -- JSON: the shard's search documents; NULL for a shard indexed before 0004
      ) STRICT;
      INSERT INTO built_shard_docs (name, digest, docs) SELECT name, digest, NULL FROM built_shards;
    `);
  },
};
