/**
 * The content service: read-only queries over the bundled content database. Plain Node (no
 * Electron), so the tests, the CLI, the development web host and the app all use this one module.
 */
import Database from 'better-sqlite3';
import type {
  Entity,
  EntitySummary,
  IssueDetail,
  IssueSummary,
  ItemSnapshot,
  Link,
  Mention,
  SectionSummary,
} from '../../../common/contract/contract.std';
import { CONTENT_SCHEMA_VERSION } from '../../../db/content-schema.node';
import { dumpArchive, type ArchiveDump } from './archive-dump.node';
import { countrySlug } from '../../../db/pipeline/entities/places.std';

export interface ContentService {
  archiveVersion(): string;
  listIssues(): IssueSummary[];
  getIssue(key: string): IssueDetail | null;
  getEntity(key: string): Entity | null;
  listEntities(types: Entity['type'][]): EntitySummary[];
  /** What a bookmark of this item remembers; null if the archive has no such item. */
  describe(key: string): ItemSnapshot | null;
  /** Whether the archive has this item (a section, a paragraph or an entity). */
  exists(key: string): boolean;
  /** An event's own country (its place's), as a country key; null for anything else or an event placed nowhere. */
  countryOf(key: string): string | null;
  /** The contacts (e-mail, handles, addresses) whose owner is, or names, this person or office. */
  contactsOf(owner: string): Entity[];
  /** The archive in the `cli dump` shape; events' `statusToday` against `today` (the clock's day by default). */
  dump(today?: string): ArchiveDump;
  close(): void;
}

export class ContentDatabaseError extends Error {
  constructor(path: string, reason: string) {
    super(`The content database ${path} cannot be used: ${reason}`);
    this.name = 'ContentDatabaseError';
  }
}

interface IssueRow {
  date_note: string | null;
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
      throw new ContentDatabaseError(
        path,
        `schema version ${String(version)}, this Valise reads ${CONTENT_SCHEMA_VERSION}`,
      );
    }
  } catch (error) {
    if (error instanceof ContentDatabaseError) throw error;
    throw new ContentDatabaseError(path, (error as Error).message);
  }
  return db;
}

/** An event's own country key, from its place's country as the archive names it. */
function ownCountry(type: Entity['type'], data: Record<string, unknown>): string | null {
  return type === 'event' && typeof data.country === 'string' ? `country/${countrySlug(data.country)}` : null;
}

type EntityRow = { key: string; type: Entity['type']; name: string; data: string };

/** How the text may spell an entity a reader can follow: a country where the text names it as a place (not its adjective); anything else by its name, aliases and acronym. */
export function spellingsOf(
  type: string,
  name: string,
  data: { aliases?: string[]; names?: string[]; acronym?: string | null },
): string[] {
  return type === 'country'
    ? (data.names ?? [name])
    : [...new Set([name, ...(data.aliases ?? []), ...(data.acronym ? [data.acronym] : [])])];
}

/** Rows grouped by a key, each group in the rows' order. */
export function groupBy<T, K>(rows: Iterable<T>, keyOf: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const list = groups.get(keyOf(row)) ?? [];
    list.push(row);
    groups.set(keyOf(row), list);
  }
  return groups;
}

/**
 * Every entity, with the countries and issues of the passages that name it (for lists and
 * filters): an entity's countries are those named in the same passages, plus an event's own
 * country, never itself; its issues, those of its passages.
 */
export function summariesOf(
  mentions: { entity_key: string; item_key: string }[],
  entities: EntityRow[],
): Map<string, EntitySummary> {
  const issues = new Map<string, Set<string>>();
  for (const m of mentions)
    issues.set(m.entity_key, (issues.get(m.entity_key) ?? new Set()).add(m.item_key.split('/')[0]!));
  const countries = new Map<string, Set<string>>();
  for (const inItem of groupBy(mentions, (m) => m.item_key).values()) {
    const keys = inItem.map((m) => m.entity_key);
    const here = keys.filter((k) => k.startsWith('country/'));
    for (const k of keys) {
      const set = countries.get(k) ?? new Set<string>();
      for (const c of here) set.add(c);
      countries.set(k, set);
    }
  }
  const summaries = new Map<string, EntitySummary>();
  for (const row of entities) {
    const data = JSON.parse(row.data) as Record<string, unknown>;
    const own = ownCountry(row.type, data);
    summaries.set(row.key, {
      key: row.key,
      type: row.type,
      name: row.name,
      data,
      countries: [...new Set([...(countries.get(row.key) ?? []), ...(own ? [own] : [])])]
        .filter((c) => c !== row.key)
        .sort(),
      ...(row.type === 'event' ? { country: own } : {}),
      issues: [...(issues.get(row.key) ?? [])].sort(),
    });
  }
  return summaries;
}

/** What a bookmark of an entity shows under its name: the fields that say what it is, joined. */
export function entitySnapshot(type: Entity['type'], data: Record<string, unknown>): string {
  const text = (...fields: string[]) =>
    fields
      .map((f) => data[f])
      .filter((v): v is string => typeof v === 'string' && v !== '')
      .join(' — ');
  const snapshot: Record<Entity['type'], () => string> = {
    person: () => text('role'),
    organisation: () => text('acronym'),
    event: () => text('description'),
    figure: () => text('text', 'label', 'period'),
    contact: () => text('value', 'owner'),
    document: () => text('symbol', 'title'),
    country: () => '',
  };
  return snapshot[type]();
}

/** A section's label: its kicker before its title, when it has one. */
export function sectionLabel(section: { kicker: string | null; title: string }): string {
  return section.kicker ? `${section.kicker} ${section.title}` : section.title;
}

function statements(db: Database.Database) {
  return {
    issueRows: db.prepare<[], IssueRow>(
      'SELECT key, number, year, date, date_note, title, source_file, source_sha256 FROM issues ORDER BY year DESC, ord DESC',
    ),
    issueRow: db.prepare<[string], IssueRow>(
      'SELECT key, number, year, date, date_note, title, source_file, source_sha256 FROM issues WHERE key = ?',
    ),
    sectionRows: db.prepare<[string], SectionSummary>(
      'SELECT key, title, kicker, page FROM sections WHERE issue_key = ? ORDER BY ord',
    ),
    // Every issue's sections in one query: one per issue cost 4 ms with 50 imported (the views' union each time).
    allSectionRows: db.prepare<[], SectionSummary & { issue_key: string }>(
      'SELECT issue_key, key, title, kicker, page FROM sections ORDER BY issue_key, ord',
    ),
    paragraphRows: db.prepare<[string], { key: string; kind: string; text: string }>(
      'SELECT key, kind, text FROM paragraphs WHERE section_key = ? ORDER BY ord',
    ),
    // Entities named in an issue's passages that a reader can follow from the text.
    linkRows: db.prepare<[string], { item_key: string; key: string; type: string; name: string; data: string }>(
      `SELECT m.item_key, e.key, e.type, e.name, e.data FROM mentions m JOIN entities e ON e.key = m.entity_key
      WHERE m.item_key LIKE ? || '/%' AND e.type IN ('person', 'organisation', 'country', 'document')`,
    ),
    factRows: db.prepare<[string], { key: string }>(
      `SELECT key FROM entities WHERE type IN ('figure', 'event', 'contact') AND json_extract(data, '$.issue') = ? ORDER BY type, ord`,
    ),
    allMentions: db.prepare<[], { entity_key: string; item_key: string }>('SELECT entity_key, item_key FROM mentions'),
    allEntities: db.prepare<[], EntityRow>('SELECT key, type, name, data FROM entities ORDER BY ord'),
    relatedRows: db.prepare<[string, string], { key: string }>(
      `SELECT DISTINCT m2.entity_key AS key FROM mentions m1 JOIN mentions m2 ON m2.item_key = m1.item_key
      WHERE m1.entity_key = ? AND m2.entity_key != ?`,
    ),
    archiveVersion: db.prepare<[], { value: string }>("SELECT value FROM meta WHERE name = 'archive_version'"),
    entityRow: db.prepare<[string], EntityRow>('SELECT key, type, name, data FROM entities WHERE key = ?'),
    // A mention is a paragraph, or a section title (its key is the section's).
    mentionRows: db.prepare<[string], Mention>(
      `SELECT m.item_key AS key, COALESCE(p.kind, 'title') AS kind, COALESCE(p.text, s.title) AS text,
            s.key AS sectionKey, s.title AS sectionTitle, i.key AS issueKey, i.title AS issueTitle,
            COALESCE(p.page, s.page) AS page
       FROM mentions m
       LEFT JOIN paragraphs p ON p.key = m.item_key
       JOIN sections s ON s.key = COALESCE(p.section_key, m.item_key)
       JOIN issues i ON i.key = s.issue_key
      WHERE m.entity_key = ?
      ORDER BY i.ord, s.ord, p.ord`,
    ),
    paragraphInfo: db.prepare<
      [string],
      { text: string; page: number | null; section_key: string; section_title: string; issue_key: string }
    >(
      `SELECT p.text, p.page, s.key AS section_key, s.title AS section_title, s.issue_key
       FROM paragraphs p JOIN sections s ON s.key = p.section_key WHERE p.key = ?`,
    ),
    sectionInfo: db.prepare<
      [string],
      { title: string; kicker: string | null; page: number | null; issue_key: string; first: string | null }
    >(
      `SELECT s.title, s.kicker, s.page, s.issue_key,
            (SELECT text FROM paragraphs WHERE section_key = s.key AND kind IN ('paragraph', 'bullet', 'deck') ORDER BY ord LIMIT 1) AS first
       FROM sections s WHERE s.key = ?`,
    ),
    countriesOfItems: db.prepare<[string, string], { key: string }>(
      `SELECT DISTINCT m.entity_key AS key FROM mentions m
      WHERE m.entity_key LIKE 'country/%' AND (m.item_key = ? OR m.item_key LIKE ? || '/%') ORDER BY key`,
    ),
    entityMentions: db.prepare<[string], { item_key: string }>(
      'SELECT item_key FROM mentions WHERE entity_key = ? ORDER BY ord',
    ),
    exists: db.prepare<[string, string, string], { x: number }>(
      'SELECT 1 AS x FROM paragraphs WHERE key = ? UNION ALL SELECT 1 FROM sections WHERE key = ? UNION ALL SELECT 1 FROM entities WHERE key = ? LIMIT 1',
    ),
    contactRows: db.prepare<[string], EntityRow>(
      `SELECT key, type, name, data FROM entities
      WHERE type = 'contact' AND instr(lower(json_extract(data, '$.owner')), lower(?)) > 0 ORDER BY ord`,
    ),
  };
}
type Statements = ReturnType<typeof statements>;

function issueSummary(st: Statements, row: IssueRow, sections = st.sectionRows.all(row.key)): IssueSummary {
  return { key: row.key, number: row.number, year: row.year, date: row.date, title: row.title, sections };
}

function listIssues(st: Statements): IssueSummary[] {
  const sections = groupBy(st.allSectionRows.all(), (row) => row.issue_key);
  return st.issueRows.all().map((row) =>
    issueSummary(
      st,
      row,
      (sections.get(row.key) ?? []).map(({ issue_key: _issue, ...section }) => section),
    ),
  );
}

function getIssue(st: Statements, key: string, facts: (keys: string[]) => EntitySummary[]): IssueDetail | null {
  const row = st.issueRow.get(key);
  if (!row) return null;
  const links = new Map<string, Link[]>();
  for (const [item, rows] of groupBy(st.linkRows.all(key), (l) => l.item_key)) {
    links.set(
      item,
      rows.map((l) => ({
        key: l.key,
        type: l.type,
        name: l.name,
        spellings: spellingsOf(l.type, l.name, JSON.parse(l.data) as Parameters<typeof spellingsOf>[2]),
      })),
    );
  }
  return {
    ...issueSummary(st, row),
    sourceFile: row.source_file,
    sourceSha256: row.source_sha256,
    dateNote: row.date_note,
    sections: st.sectionRows.all(key).map((section) => ({
      ...section,
      paragraphs: st.paragraphRows.all(section.key).map((p) => ({ ...p, links: links.get(p.key) ?? [] })),
    })),
    facts: facts(st.factRows.all(key).map((r) => r.key)),
  };
}

function getEntity(st: Statements, key: string, loadSummaries: () => Map<string, EntitySummary>): Entity | null {
  const row = st.entityRow.get(key);
  if (!row) return null;
  const summaries = loadSummaries();
  const data = JSON.parse(row.data) as Record<string, unknown>;
  const owned =
    row.type === 'person' || row.type === 'organisation' ? st.contactRows.all(row.name).map((c) => c.key) : [];
  const members =
    row.type === 'organisation'
      ? [...summaries.values()].filter((s) => s.type === 'person' && s.data.organisation === key).map((s) => s.key)
      : [];
  const inCountry =
    row.type === 'country' ? [...summaries.values()].filter((s) => s.countries.includes(key)).map((s) => s.key) : [];
  const related = [...new Set([...owned, ...members, ...inCountry, ...st.relatedRows.all(key, key).map((r) => r.key)])]
    .map((k) => summaries.get(k))
    .filter((s): s is EntitySummary => !!s)
    .map(({ key: k, type, name, data: d }) => ({ key: k, type, name, data: d }));
  return { key: row.key, type: row.type, name: row.name, data, mentions: st.mentionRows.all(key), related };
}

function describeItem(st: Statements, key: string): ItemSnapshot | null {
  const countries = (item: string) => st.countriesOfItems.all(item, item).map((r) => r.key);
  const paragraph = st.paragraphInfo.get(key);
  if (paragraph) {
    return {
      key,
      type: 'passage',
      label: paragraph.section_title,
      snapshot: paragraph.text,
      issueKey: paragraph.issue_key,
      sectionKey: paragraph.section_key,
      page: paragraph.page,
      eventStart: null,
      countries: countries(key),
    };
  }
  const section = st.sectionInfo.get(key);
  if (section) {
    return {
      key,
      type: 'section',
      label: sectionLabel(section),
      snapshot: section.first ?? '',
      issueKey: section.issue_key,
      sectionKey: key,
      page: section.page,
      eventStart: null,
      countries: countries(key),
    };
  }
  const entity = st.entityRow.get(key);
  if (!entity) return null;
  const data = JSON.parse(entity.data) as Record<string, unknown>;
  const items = st.entityMentions.all(key).map((m) => m.item_key);
  const first = items[0] ? (st.paragraphInfo.get(items[0]) ?? null) : null;
  return {
    key,
    type: entity.type,
    label: entity.name,
    snapshot: entitySnapshot(entity.type, data),
    issueKey: typeof data.issue === 'string' ? data.issue : (first?.issue_key ?? null),
    sectionKey: first?.section_key ?? null,
    page: first?.page ?? null,
    eventStart: typeof data.start === 'string' ? data.start : null,
    countries: entity.type === 'country' ? [key] : [...new Set(items.flatMap(countries))],
  };
}

export function openContentService(pathOrDb: string | Database.Database): ContentService {
  const db = typeof pathOrDb === 'string' ? openContentDatabase(pathOrDb) : pathOrDb;
  const st = statements(db);
  const archiveVersion = st.archiveVersion.get()?.value ?? 'unknown';
  // Every entity's summary, read once, when a list, a filter or an entity first needs it.
  let summaries: Map<string, EntitySummary> | null = null;
  const loadSummaries = () => (summaries ??= summariesOf(st.allMentions.all(), st.allEntities.all()));
  const summaryOf = (keys: string[]) => keys.map((k) => loadSummaries().get(k)).filter((x): x is EntitySummary => !!x);

  return {
    archiveVersion: () => archiveVersion,
    listIssues: () => listIssues(st),
    getIssue: (key) => getIssue(st, key, summaryOf),
    getEntity: (key) => getEntity(st, key, loadSummaries),
    exists: (key) => st.exists.get(key, key, key) !== undefined,
    countryOf(key) {
      const row = st.entityRow.get(key);
      return row ? ownCountry(row.type, JSON.parse(row.data) as Record<string, unknown>) : null;
    },
    contactsOf(owner) {
      return st.contactRows.all(owner).map((row) => ({
        key: row.key,
        type: row.type,
        name: row.name,
        data: JSON.parse(row.data) as Record<string, unknown>,
        mentions: [],
      }));
    },
    describe: (key) => describeItem(st, key),
    listEntities: (types) => [...loadSummaries().values()].filter((s) => types.includes(s.type)),
    dump: (today) => dumpArchive(db, today),
    close: () => db.close(),
  };
}
