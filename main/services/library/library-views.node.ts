/**
 * The library read where it lies: the user database attached to a read-only connection of the
 * bundle, and temporary views that put both under the content database's own table names. Main's
 * connection and the search worker's each attach it so (library.node.ts, search-worker.node.ts).
 */
import type Database from 'better-sqlite3';
import { FRESH_INDEX } from './imported-issues.node';

/** The tables of the content database the build adds rows to, and how its columns read. */
const UNION_TABLES: Record<string, string> = {
  issues: 'key, ord, number, year, date, date_note, as_of, title, source_file, source_sha256, organisation_hints',
  sections: 'key, issue_key, ord, title, kicker, page, title_lines',
  paragraphs: 'key, section_key, ord, kind, text, page, lines',
  dropped_lines: 'issue_key, line, text, reason',
};
/** The tables the build replaces whole (entities are found over all issues), once it has any. */
const REPLACED_TABLES: Record<string, string> = {
  entities: 'key, ord, type, name, data',
  mentions: 'entity_key, item_key, ord',
};

/** Attaches the user database to the bundle's connection and puts both under the content tables' names. */
export function attachBuild(bundle: Database.Database, path: string): void {
  bundle.prepare('ATTACH DATABASE ? AS lib').run(path);
  for (const [table, columns] of Object.entries(UNION_TABLES)) {
    bundle.exec(
      `CREATE TEMP VIEW ${table} AS SELECT ${columns} FROM main.${table} UNION ALL SELECT ${columns} FROM lib.built_${table}`,
    );
  }
  // An imported shard's index only where it was built from the documents the build holds (migration 0004).
  bundle.exec(
    `CREATE TEMP VIEW search_shards AS SELECT name, docs, idx FROM main.search_shards
     UNION ALL SELECT s.name, s.docs, s.idx FROM lib.built_shards s ${FRESH_INDEX.replaceAll('built_', 'lib.built_')}`,
  );
  for (const [table, columns] of Object.entries(REPLACED_TABLES)) {
    bundle.exec(
      `CREATE TEMP VIEW ${table} AS SELECT ${columns} FROM main.${table} WHERE NOT EXISTS (SELECT 1 FROM lib.built_entities)
       UNION ALL SELECT ${columns} FROM lib.built_${table}`,
    );
  }
}
