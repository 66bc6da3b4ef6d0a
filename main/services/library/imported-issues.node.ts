/**
 * The user's imported issues, kept in the user database: the text and overlay the pipeline reads
 * (migration 0002), the source of truth, and what the pipeline made of them (migration 0003),
 * which a launch reads instead of extracting again. An imported issue goes through exactly the
 * pipeline the bundled ones went through.
 */
import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import type { EntityRecord } from '../../../db/pipeline/entities/extract-entities.std';
import { extractIssue, type ExtractedIssue } from '../../../db/pipeline/extract-issue.std';
import type { Overlay } from '../../../db/pipeline/overlay.std';
import { issueReader, type IssueRow } from '../../../db/read-content.node';
import type { SerialisedShard } from '../../../db/search/search-index.std';
import type { ShardSource } from '../search/search-shards.node';

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
  const bySha = db.prepare<[string], { key: string; title: string }>(
    'SELECT key, title FROM imported_issues WHERE source_sha256 = ? LIMIT 1',
  );
  return {
    list: () => all.all().map(fromRow),
    get: (key) => {
      const row = one.get(key);
      return row ? fromRow(row) : null;
    },
    fromFile: (sha256) => bySha.get(sha256) ?? null,
    put: (issue) => void upsert.run({ ...issue, overlay: JSON.stringify(issue.overlay) }),
    remove: (key) => remove.run(key).changes > 0,
    transaction: (change) => db.transaction(change).immediate(),
  };
}

/** The issue under another key ("keep both"): its sections and paragraphs move with it. */
export function rekey(issue: ExtractedIssue, key: string): ExtractedIssue {
  if (issue.key === key) return issue;
  const move = (k: string) => key + k.slice(issue.key.length);
  return {
    ...issue,
    key,
    sections: issue.sections.map((s) => ({
      ...s,
      key: move(s.key),
      paragraphs: s.paragraphs.map((p) => ({ ...p, key: move(p.key) })),
    })),
  };
}

export function extractStored(
  stored: Pick<StoredIssue, 'key' | 'sourceName' | 'sourceSha256' | 'text' | 'overlay'>,
): ExtractedIssue {
  const { issue } = extractIssue(
    { file: stored.sourceName, text: stored.text, sha256: stored.sourceSha256 },
    stored.overlay,
  );
  return stored.key ? rekey(issue, stored.key) : issue;
}

/** Digest of what an issue is built from: its stored text and overlay. */
export function builtFromOf(stored: Pick<StoredIssue, 'text' | 'overlay'>): string {
  return createHash('sha256')
    .update(stored.text)
    .update('\0')
    .update(JSON.stringify(stored.overlay))
    .digest('hex')
    .slice(0, 32);
}

export interface BuiltIssue {
  issue: ExtractedIssue;
  builtFrom: string;
  pipeline: string;
}

export interface LibraryBuild {
  /** Imported issues in library order: a new build, or null where the stored one stays. */
  issues: { key: string; built: BuiltIssue | null }[];
  /** The library's entities, found over bundled and imported issues together. */
  entities: EntityRecord[];
  /**
   * Every shard the build has, by name and its documents' digest; with the documents (JSON) only
   * where they changed (else the stored ones stay). The index is built from them by the thread
   * that searches (ShardSource), never by the build.
   */
  shards: { name: string; digest: string; docs: string | null }[];
  /** Issues in the bundle: imported issues are numbered after them. */
  bundledCount: number;
  pipeline: string;
}

/** What migrations 0003 and 0004 keep: each imported issue as built, the library's entities, its shards' documents and indexes. */
export interface BuiltStore extends ShardSource {
  /** Per imported issue, what its build was made from and by which pipeline. */
  state(): Map<string, { builtFrom: string; pipeline: string }>;
  /** The imported issues as built, in library order. */
  issues(): BuiltIssue[];
  /** Each search shard the build holds, by name: its documents' digest. */
  shardDigests(): Map<string, string>;
  /** Each shard whose stored index was built from the documents the build holds, by name: its digest. */
  indexedDigests(): Map<string, string>;
  /** Whether any issue is imported (without reading any). */
  any(): boolean;
  /** Imported issues with no build at all (a database of schema 2, before 0003). */
  unbuilt(): StoredIssue[];
  /** Replaces the whole build with this one, in one transaction. */
  write(build: LibraryBuild): void;
}

/** Joined to built_shards (as `s`): only an index built from the documents the build holds now. */
export const FRESH_INDEX = 'JOIN built_shard_docs d ON d.name = s.name AND d.digest = s.digest';

const digestsOf = (db: Database.Database, sql: string) =>
  new Map(
    db
      .prepare<[], { name: string; digest: string }>(sql)
      .all()
      .map((r) => [r.name, r.digest]),
  );

/**
 * The shards' documents and indexes as the thread that searches reads and keeps them. An index is
 * kept only while the build still holds the documents it was built from: a save that changed them
 * since (another thread, another process) wins, and its shard is built again.
 */
export function shardSource(db: Database.Database): ShardSource {
  const indexed = db.prepare<[string], SerialisedShard>(
    `SELECT s.name, s.docs, s.idx FROM built_shards s ${FRESH_INDEX} WHERE s.name = ?`,
  );
  const documents = db.prepare<[string], { digest: string; docs: string | null }>(
    'SELECT digest, docs FROM built_shard_docs WHERE name = ?',
  );
  const keep = db.prepare(
    `INSERT INTO built_shards (name, digest, docs, idx)
     SELECT @name, @digest, @docs, @idx WHERE EXISTS (SELECT 1 FROM built_shard_docs WHERE name = @name AND digest = @digest)
     ON CONFLICT (name) DO UPDATE SET digest = excluded.digest, docs = excluded.docs, idx = excluded.idx`,
  );
  return {
    indexed: (name) => indexed.get(name) ?? null,
    documents: (name) => documents.get(name) ?? null,
    keep: (digest, shard) => void keep.run({ digest, ...shard }),
  };
}

export function builtStore(db: Database.Database): BuiltStore {
  const state = db.prepare<[], { key: string; built_from: string; pipeline: string }>(
    'SELECT key, built_from, pipeline FROM built_issues',
  );
  const issues = db.prepare<[], IssueRow & { built_from: string; pipeline: string }>(
    'SELECT * FROM built_issues ORDER BY ord',
  );
  const readIssue = issueReader(db, 'built_');
  const insert = {
    issue: db.prepare(
      `INSERT INTO built_issues (key, ord, number, year, date, date_note, as_of, title, source_file, source_sha256, organisation_hints, built_from, pipeline)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    section: db.prepare(
      'INSERT INTO built_sections (key, issue_key, ord, title, kicker, page, title_lines) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    paragraph: db.prepare(
      'INSERT INTO built_paragraphs (key, section_key, ord, kind, text, page, lines) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    dropped: db.prepare('INSERT INTO built_dropped_lines (issue_key, line, text, reason) VALUES (?, ?, ?, ?)'),
    entity: db.prepare('INSERT INTO built_entities (key, ord, type, name, data) VALUES (?, ?, ?, ?, ?)'),
    mention: db.prepare('INSERT INTO built_mentions (entity_key, item_key, ord) VALUES (?, ?, ?)'),
    shardDocs: db.prepare(
      'INSERT INTO built_shard_docs (name, digest, docs) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET digest = excluded.digest, docs = excluded.docs',
    ),
    shardGone: db.prepare('DELETE FROM built_shards WHERE name = ?'),
    shardDocsGone: db.prepare('DELETE FROM built_shard_docs WHERE name = ?'),
    issueGone: db.prepare('DELETE FROM built_issues WHERE key = ?'),
    order: db.prepare('UPDATE built_issues SET ord = ? WHERE key = ?'),
    meta: db.prepare(
      "INSERT INTO built_meta (name, value) VALUES ('pipeline', ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
    ),
  };
  const writeIssue = ({ issue, builtFrom, pipeline }: BuiltIssue, ord: number) => {
    insert.issue.run(
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
      builtFrom,
      pipeline,
    );
    issue.sections.forEach((section, sectionOrd) => {
      insert.section.run(
        section.key,
        issue.key,
        sectionOrd,
        section.title,
        section.kicker,
        section.page,
        JSON.stringify(section.titleLines),
      );
      section.paragraphs.forEach((p, pOrd) =>
        insert.paragraph.run(p.key, section.key, pOrd, p.kind, p.text, p.page, JSON.stringify(p.lines)),
      );
    });
    for (const d of issue.dropped) insert.dropped.run(issue.key, d.no, d.text, d.reason);
  };
  return {
    any: () => db.prepare('SELECT 1 FROM imported_issues LIMIT 1').get() !== undefined,
    unbuilt: () =>
      db
        .prepare<[], Row>(
          'SELECT i.* FROM imported_issues i WHERE NOT EXISTS (SELECT 1 FROM built_issues b WHERE b.key = i.key) ORDER BY i.imported_at, i.key',
        )
        .all()
        .map(fromRow),
    shardDigests: () => digestsOf(db, 'SELECT name, digest FROM built_shard_docs'),
    indexedDigests: () => digestsOf(db, `SELECT s.name, s.digest FROM built_shards s ${FRESH_INDEX}`),
    ...shardSource(db),
    state: () => new Map(state.all().map((r) => [r.key, { builtFrom: r.built_from, pipeline: r.pipeline }])),
    issues: () =>
      issues.all().map((row) => ({ builtFrom: row.built_from, pipeline: row.pipeline, issue: readIssue(row) })),
    write(build) {
      db.transaction(() => {
        for (const table of ['built_mentions', 'built_entities']) db.exec(`DELETE FROM ${table}`);
        // Only issues gone or built anew are deleted (their sections and paragraphs go with them).
        const staying = new Set(build.issues.filter((x) => !x.built).map((x) => x.key));
        for (const { key } of state.all()) if (!staying.has(key)) insert.issueGone.run(key);
        build.issues.forEach(({ key, built }, i) =>
          built ? writeIssue(built, build.bundledCount + i) : insert.order.run(build.bundledCount + i, key),
        );
        if (build.issues.length > 0) {
          build.entities.forEach((e, ord) => {
            insert.entity.run(e.key, ord, e.type, e.name, JSON.stringify(e.data));
            e.mentions.forEach((item, i) => insert.mention.run(e.key, item, i));
          });
        }
        const names = new Set(build.shards.map((s) => s.name));
        for (const name of db
          .prepare<[], { name: string }>('SELECT name FROM built_shard_docs UNION SELECT name FROM built_shards')
          .all()
          .map((r) => r.name))
          if (!names.has(name)) {
            insert.shardGone.run(name);
            insert.shardDocsGone.run(name);
          }
        // New documents: the index built from the old ones goes with them (the search thread builds it again).
        for (const { name, digest, docs } of build.shards) {
          if (docs === null) continue;
          insert.shardDocs.run(name, digest, docs);
          insert.shardGone.run(name);
        }
        insert.meta.run(build.pipeline);
      }).immediate();
    },
  };
}
