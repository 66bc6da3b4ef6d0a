/**
 * Reads a content database back into the pipeline's own form, so that imported issues can be
 * added to the bundled ones and the entities found again over all of them.
 */
import type Database from 'better-sqlite3';
import type { ExtractedIssue } from './pipeline/extract-issue.std';
import type { ParagraphKind } from './pipeline/issue/paragraphs.std';
import { parseShard, type SearchShard, type SerialisedShard } from './search/search-index.std';

export interface IssueRow {
  key: string;
  number: number | null;
  year: number;
  date: string | null;
  date_note: string | null;
  as_of: string;
  title: string;
  source_file: string;
  source_sha256: string;
  organisation_hints: string;
}

/**
 * Reads issues back from tables of the content schema's shape: the content database's own
 * (`main.issues`, `main.sections`, …, named in its schema so that the library's views of the same
 * names never stand in for them) or the user database's stored build (`built_issues`, …, prefix
 * `built_`). The prefix is one of the two the code names, never input.
 */
export function issueReader(db: Database.Database, prefix: 'main.' | 'built_' = 'main.') {
  const sections = db.prepare<
    [string],
    { key: string; title: string; kicker: string | null; page: number; title_lines: string }
  >(`SELECT key, title, kicker, page, title_lines FROM ${prefix}sections WHERE issue_key = ? ORDER BY ord`);
  const paragraphs = db.prepare<
    [string],
    { key: string; kind: ParagraphKind; text: string; page: number; lines: string }
  >(`SELECT key, kind, text, page, lines FROM ${prefix}paragraphs WHERE section_key = ? ORDER BY ord`);
  const dropped = db.prepare<[string], { no: number; text: string; reason: string }>(
    `SELECT line AS no, text, reason FROM ${prefix}dropped_lines WHERE issue_key = ? ORDER BY line`,
  );
  return (row: IssueRow): ExtractedIssue => ({
    key: row.key,
    number: row.number,
    year: row.year,
    date: row.date,
    dateNote: row.date_note,
    asOf: row.as_of,
    title: row.title,
    sourceFile: row.source_file,
    sourceSha256: row.source_sha256,
    organisationHints: JSON.parse(row.organisation_hints) as ExtractedIssue['organisationHints'],
    dropped: dropped.all(row.key),
    sections: sections.all(row.key).map((s) => ({
      key: s.key,
      title: s.title,
      kicker: s.kicker,
      page: s.page,
      titleLines: JSON.parse(s.title_lines) as number[],
      paragraphs: paragraphs
        .all(s.key)
        .map((p) => ({ key: p.key, kind: p.kind, text: p.text, page: p.page, lines: JSON.parse(p.lines) as number[] })),
    })),
  });
}

export function readExtractedIssues(db: Database.Database): ExtractedIssue[] {
  const read = issueReader(db);
  return db.prepare<[], IssueRow>('SELECT * FROM main.issues ORDER BY ord').all().map(read);
}

export function readShards(db: Database.Database): SearchShard[] {
  return db
    .prepare<[], SerialisedShard>('SELECT name, docs, idx FROM search_shards ORDER BY name')
    .all()
    .map(parseShard);
}
