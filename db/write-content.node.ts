/**
 * Writes extracted issues into a new content database file. The file is written beside its
 * target under a temporary name and renamed into place only once complete, so a failed build
 * leaves the previous database untouched.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { EntityRecord } from './pipeline/entities/extract-entities.std';
import type { ExtractedIssue } from './pipeline/extract-issue.std';
import { serialiseShard, type SearchShard } from './search/search-index.std';
import { CONTENT_SCHEMA, CONTENT_SCHEMA_VERSION } from './content-schema.node';

/** Identifies the archive's content: a digest of every source file's digest, in order. */
export function archiveVersionOf(issues: ExtractedIssue[]): string {
  const hash = createHash('sha256');
  for (const issue of issues) hash.update(issue.sourceSha256);
  return hash.digest('hex').slice(0, 12);
}

/** Fills an empty database (a file being built, or the in-memory library) with the content. */
export function fillContentDatabase(
  db: Database.Database,
  content: { issues: ExtractedIssue[]; entities: EntityRecord[]; shards: SearchShard[]; archiveVersion: string },
): void {
  db.exec(CONTENT_SCHEMA);
  const insertIssue = db.prepare(
    `INSERT INTO issues (key, ord, number, year, date, date_note, as_of, title, source_file, source_sha256, organisation_hints)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertSection = db.prepare(
    'INSERT INTO sections (key, issue_key, ord, title, kicker, page, title_lines) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insertParagraph = db.prepare(
    'INSERT INTO paragraphs (key, section_key, ord, kind, text, page, lines) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insertDropped = db.prepare('INSERT INTO dropped_lines (issue_key, line, text, reason) VALUES (?, ?, ?, ?)');
  const insertEntity = db.prepare('INSERT INTO entities (key, ord, type, name, data) VALUES (?, ?, ?, ?, ?)');
  const insertMention = db.prepare('INSERT INTO mentions (entity_key, item_key, ord) VALUES (?, ?, ?)');
  const insertShard = db.prepare('INSERT INTO search_shards (name, docs, idx) VALUES (?, ?, ?)');
  db.transaction(() => {
    db.prepare('INSERT INTO meta (name, value) VALUES (?, ?)').run('archive_version', content.archiveVersion);
    content.issues.forEach((issue, ord) => {
      insertIssue.run(
        issue.key,
        ord,
        issue.number,
        issue.year,
        issue.date,
        issue.dateNote,
        issue.asOf,
        issue.title,
        issue.sourceFile,
        issue.sourceSha256,
        JSON.stringify(issue.organisationHints),
      );
      issue.sections.forEach((section, sectionOrd) => {
        insertSection.run(
          section.key,
          issue.key,
          sectionOrd,
          section.title,
          section.kicker,
          section.page,
          JSON.stringify(section.titleLines),
        );
        section.paragraphs.forEach((p, pOrd) => {
          insertParagraph.run(p.key, section.key, pOrd, p.kind, p.text, p.page, JSON.stringify(p.lines));
        });
      });
      for (const d of issue.dropped) insertDropped.run(issue.key, d.no, d.text, d.reason);
    });
    content.entities.forEach((entity, ord) => {
      insertEntity.run(entity.key, ord, entity.type, entity.name, JSON.stringify(entity.data));
      entity.mentions.forEach((item, i) => insertMention.run(entity.key, item, i));
    });
    for (const shard of content.shards) {
      const stored = serialiseShard(shard);
      insertShard.run(stored.name, stored.docs, stored.idx);
    }
  })();
  db.pragma(`user_version = ${CONTENT_SCHEMA_VERSION}`);
}

export function writeContentDatabase(
  target: string,
  issues: ExtractedIssue[],
  entities: EntityRecord[],
  shards: SearchShard[],
): void {
  mkdirSync(dirname(target), { recursive: true });
  const temporary = `${target}.building-${process.pid}`;
  rmSync(temporary, { force: true });
  try {
    const db = new Database(temporary);
    try {
      db.pragma('journal_mode = DELETE');
      fillContentDatabase(db, { issues, entities, shards, archiveVersion: archiveVersionOf(issues) });
      db.exec('VACUUM');
    } finally {
      db.close();
    }
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
