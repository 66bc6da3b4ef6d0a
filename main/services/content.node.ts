/**
 * The content service: read-only queries over the bundled content database. Plain Node (no
 * Electron), so the tests, the CLI, the development web host and the app all use this one module.
 */
import Database from 'better-sqlite3';
import type { Entity, EntitySummary, IssueDetail, IssueSummary, ItemSnapshot, Link, Mention, SectionSummary } from '../../common/contract.std';
import { CONTENT_SCHEMA_VERSION } from '../../db/content-schema.node';
import { dumpArchive, type ArchiveDump } from './archive-dump.node';
import { countrySlug } from '../../db/pipeline/entities/places.std';

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
      throw new ContentDatabaseError(path, `schema version ${String(version)}, this Valise reads ${CONTENT_SCHEMA_VERSION}`);
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

export function openContentService(pathOrDb: string | Database.Database): ContentService {
  const db = typeof pathOrDb === 'string' ? openContentDatabase(pathOrDb) : pathOrDb;

  const issueRows = db.prepare<[], IssueRow>(
    'SELECT key, number, year, date, date_note, title, source_file, source_sha256 FROM issues ORDER BY year DESC, ord DESC',
  );
  const issueRow = db.prepare<[string], IssueRow>(
    'SELECT key, number, year, date, date_note, title, source_file, source_sha256 FROM issues WHERE key = ?',
  );
  const sectionRows = db.prepare<[string], SectionSummary>(
    'SELECT key, title, kicker, page FROM sections WHERE issue_key = ? ORDER BY ord',
  );
  // Every issue's sections in one query: one per issue cost 4 ms with 50 imported (the views' union each time).
  const allSectionRows = db.prepare<[], SectionSummary & { issue_key: string }>('SELECT issue_key, key, title, kicker, page FROM sections ORDER BY issue_key, ord');
  const paragraphRows = db.prepare<[string], { key: string; kind: string; text: string }>(
    'SELECT key, kind, text FROM paragraphs WHERE section_key = ? ORDER BY ord',
  );
  // Entities named in an issue's passages that a reader can follow from the text.
  const linkRows = db.prepare<[string], { item_key: string; key: string; type: string; name: string; data: string }>(
    `SELECT m.item_key, e.key, e.type, e.name, e.data FROM mentions m JOIN entities e ON e.key = m.entity_key
      WHERE m.item_key LIKE ? || '/%' AND e.type IN ('person', 'organisation', 'country', 'document')`,
  );
  const factRows = db.prepare<[string], { key: string }>(
    `SELECT key FROM entities WHERE type IN ('figure', 'event', 'contact') AND json_extract(data, '$.issue') = ? ORDER BY type, ord`,
  );
  const summaryOf = (keys: string[]) => keys.map((k) => summaries.get(k)).filter((x): x is EntitySummary => !!x);
  // Every entity, with the countries and issues of the passages that name it: for lists and filters.
  const summaries = new Map<string, EntitySummary>();
  const loadSummaries = () => {
    if (summaries.size) return;
    const countries = new Map<string, Set<string>>();
    const issues = new Map<string, Set<string>>();
    const byItem = new Map<string, string[]>();
    for (const m of db.prepare<[], { entity_key: string; item_key: string }>('SELECT entity_key, item_key FROM mentions').all()) {
      const list = byItem.get(m.item_key) ?? [];
      list.push(m.entity_key);
      byItem.set(m.item_key, list);
      const set = issues.get(m.entity_key) ?? new Set();
      set.add(m.item_key.split('/')[0]!);
      issues.set(m.entity_key, set);
    }
    for (const keys of byItem.values()) {
      const here = keys.filter((k) => k.startsWith('country/'));
      for (const k of keys) {
        const set = countries.get(k) ?? new Set();
        for (const c of here) set.add(c);
        countries.set(k, set);
      }
    }
    for (const row of db.prepare<[], { key: string; type: Entity['type']; name: string; data: string }>('SELECT key, type, name, data FROM entities ORDER BY ord').all()) {
      const data = JSON.parse(row.data) as Record<string, unknown>;
      const own = ownCountry(row.type, data);
      summaries.set(row.key, {
        key: row.key,
        type: row.type,
        name: row.name,
        data,
        countries: [...new Set([...(countries.get(row.key) ?? []), ...(own ? [own] : [])])].filter((c) => c !== row.key).sort(),
        ...(row.type === 'event' ? { country: own } : {}),
        issues: [...(issues.get(row.key) ?? [])].sort(),
      });
    }
  };
  const relatedRows = db.prepare<[string, string], { key: string }>(
    `SELECT DISTINCT m2.entity_key AS key FROM mentions m1 JOIN mentions m2 ON m2.item_key = m1.item_key
      WHERE m1.entity_key = ? AND m2.entity_key != ?`,
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

  const paragraphInfo = db.prepare<[string], { text: string; page: number | null; section_key: string; section_title: string; issue_key: string }>(
    `SELECT p.text, p.page, s.key AS section_key, s.title AS section_title, s.issue_key
       FROM paragraphs p JOIN sections s ON s.key = p.section_key WHERE p.key = ?`,
  );
  const sectionInfo = db.prepare<[string], { title: string; kicker: string | null; page: number | null; issue_key: string; first: string | null }>(
    `SELECT s.title, s.kicker, s.page, s.issue_key,
            (SELECT text FROM paragraphs WHERE section_key = s.key AND kind IN ('paragraph', 'bullet', 'deck') ORDER BY ord LIMIT 1) AS first
       FROM sections s WHERE s.key = ?`,
  );
  const countriesOfItems = db.prepare<[string, string], { key: string }>(
    `SELECT DISTINCT m.entity_key AS key FROM mentions m
      WHERE m.entity_key LIKE 'country/%' AND (m.item_key = ? OR m.item_key LIKE ? || '/%') ORDER BY key`,
  );

  const entityMentions = db.prepare<[string], { item_key: string }>('SELECT item_key FROM mentions WHERE entity_key = ? ORDER BY ord');
  const existsStmt = db.prepare<[string, string, string], { x: number }>(
    'SELECT 1 AS x FROM paragraphs WHERE key = ? UNION ALL SELECT 1 FROM sections WHERE key = ? UNION ALL SELECT 1 FROM entities WHERE key = ? LIMIT 1',
  );
  const contactRows = db.prepare<[string], { key: string; type: Entity['type']; name: string; data: string }>(
    `SELECT key, type, name, data FROM entities
      WHERE type = 'contact' AND instr(lower(json_extract(data, '$.owner')), lower(?)) > 0 ORDER BY ord`,
  );

  const summary = (row: IssueRow, sections = sectionRows.all(row.key)): IssueSummary => ({
    key: row.key,
    number: row.number,
    year: row.year,
    date: row.date,
    title: row.title,
    sections,
  });
  const listIssues = () => {
    const sections = new Map<string, SectionSummary[]>();
    for (const { issue_key: issue, ...section } of allSectionRows.all()) {
      const list = sections.get(issue) ?? [];
      list.push(section);
      sections.set(issue, list);
    }
    return issueRows.all().map((row) => summary(row, sections.get(row.key) ?? []));
  };

  return {
    archiveVersion: () => archiveVersion,
    listIssues,
    getIssue(key) {
      const row = issueRow.get(key);
      if (!row) return null;
      const links = new Map<string, Link[]>();
      for (const l of linkRows.all(key)) {
        const data = JSON.parse(l.data) as { aliases?: string[]; names?: string[]; acronym?: string | null };
        // A country is linked where the text names it as a place, not where it uses its adjective.
        const spellings = l.type === 'country' ? (data.names ?? [l.name]) : [...new Set([l.name, ...(data.aliases ?? []), ...(data.acronym ? [data.acronym] : [])])];
        const list = links.get(l.item_key) ?? [];
        list.push({ key: l.key, type: l.type, name: l.name, spellings });
        links.set(l.item_key, list);
      }
      return {
        ...summary(row),
        sourceFile: row.source_file,
        sourceSha256: row.source_sha256,
        dateNote: row.date_note,
        sections: sectionRows.all(key).map((section) => ({
          ...section,
          paragraphs: paragraphRows.all(section.key).map((p) => ({ ...p, links: links.get(p.key) ?? [] })),
        })),
        facts: (loadSummaries(), summaryOf(factRows.all(key).map((r) => r.key))),
      };
    },
    getEntity(key) {
      const row = entityRow.get(key);
      if (!row) return null;
      loadSummaries();
      const data = JSON.parse(row.data) as Record<string, unknown>;
      const owned = row.type === 'person' || row.type === 'organisation' ? contactRows.all(row.name).map((c) => c.key) : [];
      const members = row.type === 'organisation' ? [...summaries.values()].filter((s) => s.type === 'person' && s.data.organisation === key).map((s) => s.key) : [];
      const inCountry = row.type === 'country' ? [...summaries.values()].filter((s) => s.countries.includes(key)).map((s) => s.key) : [];
      const related = [...new Set([...owned, ...members, ...inCountry, ...relatedRows.all(key, key).map((r) => r.key)])]
        .map((k) => summaries.get(k))
        .filter((s): s is EntitySummary => !!s)
        .map(({ key: k, type, name, data: d }) => ({ key: k, type, name, data: d }));
      return { key: row.key, type: row.type, name: row.name, data, mentions: mentionRows.all(key), related };
    },
    exists: (key) => existsStmt.get(key, key, key) !== undefined,
    countryOf(key) {
      const row = entityRow.get(key);
      return row ? ownCountry(row.type, JSON.parse(row.data) as Record<string, unknown>) : null;
    },
    contactsOf(owner) {
      return contactRows.all(owner).map((row) => ({ key: row.key, type: row.type, name: row.name, data: JSON.parse(row.data) as Record<string, unknown>, mentions: [] }));
    },
    describe(key) {
      const countries = (item: string) => countriesOfItems.all(item, item).map((r) => r.key);
      const paragraph = paragraphInfo.get(key);
      if (paragraph) {
        return { key, type: 'passage', label: paragraph.section_title, snapshot: paragraph.text, issueKey: paragraph.issue_key, sectionKey: paragraph.section_key, page: paragraph.page, eventStart: null, countries: countries(key) };
      }
      const section = sectionInfo.get(key);
      if (section) {
        const label = section.kicker ? `${section.kicker} ${section.title}` : section.title;
        return { key, type: 'section', label, snapshot: section.first ?? '', issueKey: section.issue_key, sectionKey: key, page: section.page, eventStart: null, countries: countries(key) };
      }
      const entity = entityRow.get(key);
      if (!entity) return null;
      const data = JSON.parse(entity.data) as Record<string, unknown>;
      const text = (...fields: string[]) => fields.map((f) => data[f]).filter((v): v is string => typeof v === 'string' && v !== '').join(' — ');
      const snapshot: Record<Entity['type'], string> = {
        person: text('role'),
        organisation: text('acronym'),
        event: text('description'),
        figure: text('text', 'label', 'period'),
        contact: text('value', 'owner'),
        document: text('symbol', 'title'),
        country: '',
      };
      const items = entityMentions.all(key).map((m) => m.item_key);
      const first = items[0] ? (paragraphInfo.get(items[0]) ?? null) : null;
      return {
        key,
        type: entity.type,
        label: entity.name,
        snapshot: snapshot[entity.type],
        issueKey: typeof data.issue === 'string' ? data.issue : (first?.issue_key ?? null),
        sectionKey: first?.section_key ?? null,
        page: first?.page ?? null,
        eventStart: typeof data.start === 'string' ? data.start : null,
        countries: entity.type === 'country' ? [key] : [...new Set(items.flatMap(countries))],
      };
    },
    listEntities(types) {
      loadSummaries();
      return [...summaries.values()].filter((s) => types.includes(s.type));
    },
    dump: (today) => dumpArchive(db, today),
    close: () => db.close(),
  };
}
