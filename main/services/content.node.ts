/**
 * The content service: read-only queries over the bundled content database. Plain Node (no
 * Electron), so the tests, the CLI, the development web host and the app all use this one module.
 */
import Database from 'better-sqlite3';
import type { Entity, IssueDetail, IssueSummary, Mention, SectionSummary } from '../../common/contract.std';
import { CONTENT_SCHEMA_VERSION } from '../../db/content-schema.node';
import { dumpArchive, type ArchiveDump } from './archive-dump.node';

export interface ContentService {
  archiveVersion(): string;
  listIssues(): IssueSummary[];
  getIssue(key: string): IssueDetail | null;
  getEntity(key: string): Entity | null;
  dump(): ArchiveDump;
  close(): void;
}

export class ContentDatabaseError extends Error {
  constructor(path: string, reason: string) {
    super(`The content database ${path} cannot be used: ${reason}`);
    this.name = 'ContentDatabaseError';
  }
}

interface IssueRow {
  key: string;
  number: number | null;
  year: number;
  date: string | null;
  title: string;
  source_file: string;
  source_sha256: string;
}

/** Opens the content database read-only, refusing a file that is not one of this version. */
export function openContentDatabase(path: string): Database.Database {
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const version = db.pragma('user_version', { simple: true });
    if (version !== CONTENT_SCHEMA_VERSION) {
      db.close();
      throw new ContentDatabaseError(path, `schema version ${String(version)}, this Valise reads ${CONTENT_SCHEMA_VERSION}`);
    }
  } catch (error) {
    if (error instanceof ContentDatabaseError) throw error;
    throw new ContentDatabaseError(path, (error as Error).message);
  }
  return db;
}

export function openContentService(pathOrDb: string | Database.Database): ContentService {
  const db = typeof pathOrDb === 'string' ? openContentDatabase(pathOrDb) : pathOrDb;

  const issueRows = db.prepare<[], IssueRow>(
    'SELECT key, number, year, date, title, source_file, source_sha256 FROM issues ORDER BY year DESC, ord DESC',
  );
  const issueRow = db.prepare<[string], IssueRow>(
    'SELECT key, number, year, date, title, source_file, source_sha256 FROM issues WHERE key = ?',
  );
  const sectionRows = db.prepare<[string], SectionSummary>(
    'SELECT key, title, kicker, page FROM sections WHERE issue_key = ? ORDER BY ord',
  );
  const paragraphRows = db.prepare<[string], { key: string; kind: string; text: string }>(
    'SELECT key, kind, text FROM paragraphs WHERE section_key = ? ORDER BY ord',
  );
  const archiveVersion = db.prepare<[], { value: string }>("SELECT value FROM meta WHERE name = 'archive_version'").get()?.value ?? 'unknown';

  const entityRow = db.prepare<[string], { key: string; type: Entity['type']; name: string; data: string }>(
    'SELECT key, type, name, data FROM entities WHERE key = ?',
  );
  // A mention is a paragraph, or a section title (its key is the section's).
  const mentionRows = db.prepare<[string], Mention>(
    `SELECT m.item_key AS key, COALESCE(p.kind, 'title') AS kind, COALESCE(p.text, s.title) AS text,
            s.key AS sectionKey, s.title AS sectionTitle, i.key AS issueKey, i.title AS issueTitle,
            COALESCE(p.page, s.page) AS page
       FROM mentions m
       LEFT JOIN paragraphs p ON p.key = m.item_key
       JOIN sections s ON s.key = COALESCE(p.section_key, m.item_key)
       JOIN issues i ON i.key = s.issue_key
      WHERE m.entity_key = ?
      ORDER BY i.ord, s.ord, p.ord`,
  );

  const summary = (row: IssueRow): IssueSummary => ({
    key: row.key,
    number: row.number,
    year: row.year,
    date: row.date,
    title: row.title,
    sections: sectionRows.all(row.key),
  });

  return {
    archiveVersion: () => archiveVersion,
    listIssues: () => issueRows.all().map(summary),
    getIssue(key) {
      const row = issueRow.get(key);
      if (!row) return null;
      return {
        ...summary(row),
        sourceFile: row.source_file,
        sourceSha256: row.source_sha256,
        sections: sectionRows.all(key).map((section) => ({ ...section, paragraphs: paragraphRows.all(section.key) })),
      };
    },
    getEntity(key) {
      const row = entityRow.get(key);
      if (!row) return null;
      return { key: row.key, type: row.type, name: row.name, data: JSON.parse(row.data) as Record<string, unknown>, mentions: mentionRows.all(key) };
    },
    dump: () => dumpArchive(db),
    close: () => db.close(),
  };
}
