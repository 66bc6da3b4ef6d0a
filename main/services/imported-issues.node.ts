/**
 * The user's imported issues, kept in the user database (migration 0002) as the text and overlay
 * the pipeline reads, and extracted again from them: an imported issue goes through exactly the
 * pipeline the bundled ones went through.
 */
import type Database from 'better-sqlite3';
import { extractIssue, type ExtractedIssue } from '../../db/pipeline/extract-issue.std';
import type { Overlay } from '../../db/pipeline/overlay.std';

export interface StoredIssue {
  key: string;
  title: string;
  sourceName: string;
  sourceKind: 'pdf' | 'text' | 'pack';
  sourceSha256: string;
  text: string;
  overlay: Overlay;
  importedAt: string;
}

export interface ImportedIssueStore {
  list(): StoredIssue[];
  get(key: string): StoredIssue | null;
  /** The imported issue read from a file with these bytes, if any. */
  fromFile(sha256: string): Pick<StoredIssue, 'key' | 'title'> | null;
  /** Adds the issue, or replaces the one with its key. */
  put(issue: StoredIssue): void;
  remove(key: string): boolean;
  /** Runs `change` in one transaction of the user database: all of it is kept, or none if it throws. */
  transaction<T>(change: () => T): T;
}

interface Row {
  key: string;
  title: string;
  source_name: string;
  source_kind: StoredIssue['sourceKind'];
  source_sha256: string;
  text: string;
  overlay: string;
  imported_at: string;
}

const fromRow = (row: Row): StoredIssue => ({
  key: row.key,
  title: row.title,
  sourceName: row.source_name,
  sourceKind: row.source_kind,
  sourceSha256: row.source_sha256,
  text: row.text,
  overlay: JSON.parse(row.overlay) as Overlay,
  importedAt: row.imported_at,
});

export function importedIssueStore(db: Database.Database): ImportedIssueStore {
  const all = db.prepare<[], Row>('SELECT * FROM imported_issues ORDER BY imported_at, key');
  const one = db.prepare<[string], Row>('SELECT * FROM imported_issues WHERE key = ?');
  const upsert = db.prepare(
    `INSERT INTO imported_issues (key, title, source_name, source_kind, source_sha256, text, overlay, imported_at)
     VALUES (@key, @title, @sourceName, @sourceKind, @sourceSha256, @text, @overlay, @importedAt)
     ON CONFLICT (key) DO UPDATE SET title = excluded.title, source_name = excluded.source_name, source_kind = excluded.source_kind,
       source_sha256 = excluded.source_sha256, text = excluded.text, overlay = excluded.overlay, imported_at = excluded.imported_at`,
  );
  const remove = db.prepare('DELETE FROM imported_issues WHERE key = ?');
  const bySha = db.prepare<[string], { key: string; title: string }>('SELECT key, title FROM imported_issues WHERE source_sha256 = ? LIMIT 1');
  return {
    list: () => all.all().map(fromRow),
    get: (key) => {
      const row = one.get(key);
      return row ? fromRow(row) : null;
    },
    fromFile: (sha256) => bySha.get(sha256) ?? null,
    put: (issue) => void upsert.run({ ...issue, overlay: JSON.stringify(issue.overlay) }),
    remove: (key) => remove.run(key).changes > 0,
    transaction: (change) => db.transaction(change)(),
  };
}

/** The issue under another key ("keep both"): its sections and paragraphs move with it. */
export function rekey(issue: ExtractedIssue, key: string): ExtractedIssue {
  if (issue.key === key) return issue;
  const move = (k: string) => key + k.slice(issue.key.length);
  return {
    ...issue,
    key,
    sections: issue.sections.map((s) => ({ ...s, key: move(s.key), paragraphs: s.paragraphs.map((p) => ({ ...p, key: move(p.key) })) })),
  };
}

export function extractStored(stored: Pick<StoredIssue, 'key' | 'sourceName' | 'sourceSha256' | 'text' | 'overlay'>): ExtractedIssue {
  const { issue } = extractIssue({ file: stored.sourceName, text: stored.text, sha256: stored.sourceSha256 }, stored.overlay);
  return stored.key ? rekey(issue, stored.key) : issue;
}
