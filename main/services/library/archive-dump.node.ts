/**
 * The whole archive in the `cli dump` shape — a public interface other tools read: fields are
 * only ever added, never renamed or repurposed.
 */
import type Database from 'better-sqlite3';
import { eventDates, localDay, statusOn } from '../../../common/content/event-dates.std';

type Json = Record<string, unknown>;

export interface ArchiveDump {
  issues: Json[];
  people: Json[];
  organisations: Json[];
  events: Json[];
  figures: Json[];
  contacts: Json[];
  documents: Json[];
  countries: Json[];
}

const TYPE_TO_LIST = {
  person: 'people',
  organisation: 'organisations',
  event: 'events',
  figure: 'figures',
  contact: 'contacts',
  document: 'documents',
  country: 'countries',
} as const;

/**
 * An event's `status` is as its issue announced it (against the issue's `asOf`), and keeps that
 * meaning; `statusToday` (added in 0.4) is the same event against `today`, the machine's clock
 * unless a caller gives another day.
 */
function withStatusToday(row: Json, today: string): Json {
  return { ...row, statusToday: statusOn(eventDates(row), today) };
}

export function dumpArchive(db: Database.Database, today: string = localDay(new Date())): ArchiveDump {
  const sections = db.prepare<[string], { key: string; title: string; kicker: string | null; page: number | null }>(
    'SELECT key, title, kicker, page FROM sections WHERE issue_key = ? ORDER BY ord',
  );
  const paragraphs = db.prepare<
    [string],
    { key: string; kind: string; text: string; page: number | null; lines: string }
  >('SELECT key, kind, text, page, lines FROM paragraphs WHERE section_key = ? ORDER BY ord');
  const issues = db
    .prepare<
      [],
      Json & { key: string; date_note: string | null; as_of: string; source_file: string; source_sha256: string }
    >('SELECT key, number, year, date, title, date_note, as_of, source_file, source_sha256 FROM issues ORDER BY ord')
    .all()
    .map(({ date_note, as_of, source_file, source_sha256, ...issue }) => ({
      ...issue,
      dateNote: date_note,
      asOf: as_of,
      sourceFile: source_file,
      sourceSha256: source_sha256,
      sections: sections.all(issue.key).map((section) => ({
        ...section,
        paragraphs: paragraphs
          .all(section.key)
          .map(({ lines, ...p }) => ({ ...p, lines: JSON.parse(lines) as number[] })),
      })),
    }));
  const dump: ArchiveDump = {
    issues,
    people: [],
    organisations: [],
    events: [],
    figures: [],
    contacts: [],
    documents: [],
    countries: [],
  };
  const mentions = db.prepare<[string], { item_key: string }>(
    'SELECT item_key FROM mentions WHERE entity_key = ? ORDER BY ord',
  );
  const rows = db
    .prepare<[], { key: string; type: keyof typeof TYPE_TO_LIST; data: string }>(
      'SELECT key, type, data FROM entities ORDER BY ord',
    )
    .all();
  for (const row of rows) {
    const entity: Json = {
      key: row.key,
      ...(JSON.parse(row.data) as Json),
      mentions: mentions.all(row.key).map((m) => m.item_key),
    };
    dump[TYPE_TO_LIST[row.type]].push(row.type === 'event' ? withStatusToday(entity, today) : entity);
  }
  return dump;
}

export function archiveStats(dump: ArchiveDump) {
  const perIssue = dump.issues.map((issue) => {
    const sections = issue.sections as { paragraphs: unknown[] }[];
    const inIssue = (list: Json[]) => list.filter((e) => e.issue === issue.key).length;
    return {
      issue: issue.key as string,
      sections: sections.length,
      paragraphs: sections.reduce((n, s) => n + s.paragraphs.length, 0),
      events: inIssue(dump.events),
      figures: inIssue(dump.figures),
      contacts: inIssue(dump.contacts),
      documents: inIssue(dump.documents),
      people: dump.people.filter((p) => (p.issues as { issue: string }[]).some((i) => i.issue === issue.key)).length,
    };
  });
  const totals = Object.fromEntries(Object.entries(dump).map(([kind, list]) => [kind, (list as unknown[]).length]));
  return { totals, perIssue };
}
