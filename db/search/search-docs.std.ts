/** The archive's sections and entities as search documents, grouped into shards. */
import type { EntityRecord } from '../pipeline/entities/extract-entities.std';
import { COUNTRY_LIST, countrySlug } from '../pipeline/entities/places.std';
import type { ExtractedIssue } from '../pipeline/extract-issue.std';
import { acronymsIn, type AcronymEntry, type SearchDoc, type SearchDocType } from './search-index.std';

/** The bundled archive's shard; imported issues add shards named `imported/<n>` (main/services/library/library.node.ts). */
export const ARCHIVE_SHARD = 'archive';

function entityBody(entity: EntityRecord): string {
  const d = entity.data;
  const parts = [
    d.role,
    d.acronym,
    d.description,
    d.label,
    d.period,
    d.place,
    d.country,
    d.owner,
    d.kind,
    d.title,
    d.sponsorText,
    d.unit,
  ];
  const roles = Array.isArray(d.issues) ? (d.issues as { role: string | null }[]).map((r) => r.role) : [];
  return [...parts, ...roles].filter((x): x is string => typeof x === 'string').join(' . ');
}

export function acronymTable(entities: EntityRecord[]): AcronymEntry[] {
  return entities
    .filter((e) => e.type === 'organisation' && typeof e.data.acronym === 'string' && e.data.acronym !== e.name)
    .map((e) => ({ acronym: e.data.acronym as string, name: e.name, aliases: [e.name] }));
}

export function searchDocsOf(
  issue: ExtractedIssue,
  entities: EntityRecord[],
  acronyms: AcronymEntry[],
  countriesOf: (itemKey: string) => string[],
): SearchDoc[] {
  const year = issue.year;
  const sections: SearchDoc[] = issue.sections.map((section) => {
    const body = section.paragraphs.map((p) => p.text).join('\n');
    return {
      ref: section.key,
      type: 'section',
      title: section.title,
      kicker: section.kicker,
      body,
      aliases: acronymsIn(`${section.title}\n${body}`, acronyms).join(' '),
      issue: issue.key,
      year,
      date: issue.date,
      countries: [...new Set([section.key, ...section.paragraphs.map((p) => p.key)].flatMap(countriesOf))],
    };
  });
  const own = entities.filter((e) => e.data.issue === issue.key).map((e) => entityDoc(e, acronyms, countriesOf, year));
  return [...sections, ...own];
}

/** Every name the gazetteer knows a country by, English and French ("Ivory Coast", "Macédoine du Nord"). */
const countryNames = new Map(COUNTRY_LIST.map((c) => [c.key, c.aliases.join(' . ')]));

const MONTH_NAME = new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' });

/**
 * An event's dates as words (« 16 April 2018 . 19 April 2018 »): its card answers the month and
 * year a query names (« Roumanie avril 2018 »), as the passage that dates it does. A date the
 * event does not have to the day (a month, a year) is written to its precision.
 */
export function eventDateWords(data: Record<string, unknown>): string {
  const words = (iso: unknown) => {
    const m = typeof iso === 'string' ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso) : null;
    if (!m) return '';
    const month = m[2] ? MONTH_NAME.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1))) : '';
    return [m[3] && data.precision === 'day' ? String(Number(m[3])) : '', month, m[1]].filter(Boolean).join(' ');
  };
  return [...new Set([words(data.start), words(data.end)].filter(Boolean))].join(' . ');
}

export function entityDoc(
  entity: EntityRecord,
  acronyms: AcronymEntry[],
  countriesOf: (itemKey: string) => string[],
  year: number | null,
): SearchDoc {
  const extra =
    entity.type === 'country'
      ? (countryNames.get(entity.key) ?? '')
      : entity.type === 'event'
        ? eventDateWords(entity.data)
        : '';
  const body = [entityBody(entity), extra].filter(Boolean).join(' . ');
  const country = typeof entity.data.country === 'string' ? [`country/${countrySlug(entity.data.country)}`] : [];
  return {
    ref: entity.key,
    type: entity.type as SearchDocType,
    // An event's place is part of what names it ("the seminar in Chisinau"): title:kyoto finds it.
    title:
      entity.type === 'event' && typeof entity.data.place === 'string'
        ? `${entity.name} (${entity.data.place})`
        : entity.name,
    // An organisation's acronym is part of its name: "UNODC" finds the organisation first.
    kicker:
      entity.type === 'organisation' && typeof entity.data.acronym === 'string' && entity.data.acronym !== entity.name
        ? entity.data.acronym
        : null,
    body,
    aliases: acronymsIn(`${entity.name}\n${body}`, acronyms).join(' '),
    issue: typeof entity.data.issue === 'string' ? entity.data.issue : null,
    year,
    date: typeof entity.data.start === 'string' ? entity.data.start : null,
    countries:
      entity.type === 'country' ? [entity.key] : [...new Set([...entity.mentions.flatMap(countriesOf), ...country])],
    ...passageReadFrom(entity),
  };
}

/** Cards read from one paragraph: a figure, and an event (the dated line that tells it). */
const READ_FROM_A_PASSAGE = new Set(['figure', 'event']);

/** A figure or an event is read from a paragraph (its first mention), whose key is its section's key and a slug. */
function passageReadFrom(entity: EntityRecord): Pick<SearchDoc, 'passage'> {
  const key = READ_FROM_A_PASSAGE.has(entity.type) ? entity.mentions[0] : undefined;
  return key && key.includes('/') ? { passage: { section: key.slice(0, key.lastIndexOf('/')), key } } : {};
}

const SHARED_TYPES = ['person', 'organisation', 'country'];

/** What every document needs from the whole set of entities: acronyms, and each item's countries. */
function contextOf(entities: EntityRecord[]) {
  const acronyms = acronymTable(entities);
  const countryKeysByItem = new Map<string, string[]>();
  for (const e of entities.filter((x) => x.type === 'country')) {
    for (const item of e.mentions) countryKeysByItem.set(item, [...(countryKeysByItem.get(item) ?? []), e.key]);
  }
  return { acronyms, countriesOf: (item: string) => countryKeysByItem.get(item) ?? [] };
}

/** The bundled archive's documents: the shared entities, then each issue's (search-build.std.ts indexes them). */
export function archiveDocs(issues: ExtractedIssue[], entities: EntityRecord[]): SearchDoc[] {
  const { acronyms, countriesOf } = contextOf(entities);
  const shared = entities
    .filter((e) => SHARED_TYPES.includes(e.type))
    .map((e) => entityDoc(e, acronyms, countriesOf, null));
  return [...shared, ...issues.flatMap((issue) => searchDocsOf(issue, entities, acronyms, countriesOf))];
}

/**
 * Each imported issue's search documents, in order: its sections and its own entities, and the
 * people, organisations and countries the archive's shard does not know yet, in the first issue
 * naming them. The library groups them into shards.
 */
export function importedDocs(imported: ExtractedIssue[], entities: EntityRecord[], known: Set<string>): SearchDoc[][] {
  const { acronyms, countriesOf } = contextOf(entities);
  const placed = new Set(known);
  return imported.map((issue) => {
    const prefix = `${issue.key}/`;
    const newShared = entities.filter(
      (e) => SHARED_TYPES.includes(e.type) && !placed.has(e.key) && e.mentions.some((m) => m.startsWith(prefix)),
    );
    for (const e of newShared) placed.add(e.key);
    return [
      ...newShared.map((e) => entityDoc(e, acronyms, countriesOf, null)),
      ...searchDocsOf(issue, entities, acronyms, countriesOf),
    ];
  });
}
