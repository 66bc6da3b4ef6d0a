/**
 * Bookmarks leave Valise as files: JSON (lossless, for another Valise), iCalendar (RFC 5545, the
 * bookmarked events, for a calendar) and vCard (RFC 6350, the bookmarked people and offices, for
 * an address book). The calendar and cards are written by maintained libraries (ical-generator,
 * vcard4), not by hand.
 *
 * Refused on import, with the reason and nothing changed: text that is not JSON, JSON that is not
 * a Valise bookmarks export, an export from a newer format version, more than MAX_IMPORTED records,
 * a record the exports below could not write (an empty label: a vCard needs a name; an event start
 * that is not a date: a calendar needs one). Valise's own exports never hold either.
 */
import ical from 'ical-generator';
import {
  EmailProperty,
  FNProperty,
  NoteProperty,
  OrgProperty,
  SpecialValueType,
  TextType,
  TitleProperty,
  VCARD,
} from 'vcard4';
import { z } from '../../../common/contract/zod.std';
import { BOOKMARK_TYPES, type Entity } from '../../../common/contract/contract.std';
import { ContractError } from '../../../common/contract/errors.std';
import { formatMessage, type MessageId, type MessageLanguage } from '../../../common/contract/messages.std';
import { plainNote } from '../../../common/content/note-text.std';
import { placeName } from '../../../common/places/place-names.std';
import type { BookmarkRecord } from './bookmarks.node';

export const EXPORT_FORMAT = 'valise-bookmarks';
export const EXPORT_VERSION = 1;
export const MAX_IMPORTED = 5_000;

const day = (iso: string, plus = 0) => {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + plus);
  return date;
};

const Record = z.object({
  key: z.string().min(1).max(200),
  type: z.enum(BOOKMARK_TYPES),
  label: z.string().min(1).max(2_000),
  snapshot: z.string().max(20_000),
  issueKey: z.string().max(200).nullable(),
  sectionKey: z.string().max(200).nullable(),
  page: z.number().int().nullable(),
  eventStart: z
    .string()
    .max(10)
    .refine((start) => !Number.isNaN(day(start).getTime()), 'not a date')
    .nullable(),
  countries: z.array(z.string().max(100)).max(100),
  note: z.string().max(20_000),
  tags: z.array(z.string().trim().min(1).max(60)).max(50),
  createdAt: z.string().datetime(),
  updatedAt: z.string().datetime(),
});

const ExportFile = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.number().int(),
  exportedAt: z.string(),
  bookmarks: z.array(Record).max(MAX_IMPORTED),
});

export function toJson(records: BookmarkRecord[], now: Date): string {
  return `${JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now.toISOString(), bookmarks: records }, null, 2)}\n`;
}

export function fromJson(text: string): BookmarkRecord[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw ContractError.fromCatalogue('BAD_REQUEST', 'bookmarks.file-not-json');
  }
  const head = z.object({ format: z.string(), version: z.number() }).safeParse(json);
  if (!head.success || head.data.format !== EXPORT_FORMAT) {
    throw ContractError.fromCatalogue('BAD_REQUEST', 'bookmarks.file-not-valise');
  }
  if (head.data.version > EXPORT_VERSION) {
    throw ContractError.fromCatalogue('BAD_REQUEST', 'bookmarks.file-newer');
  }
  const parsed = ExportFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw ContractError.fromCatalogue('BAD_REQUEST', 'bookmarks.file-damaged', {
      detail: `${issue.path.join('.')}: ${issue.message}`,
    });
  }
  return parsed.data.bookmarks;
}

/** One all-day event as a calendar holds it; `start` and `end` are ISO days, both included. */
export interface CalendarEvent {
  key: string;
  summary: string;
  start: string;
  end: string;
  description: string;
  location: string | null;
  /** `month` when the text gives only the month: such an event is left out of a calendar file. */
  precision?: string;
}

/** The place and country an event's facts give, named in `language` (Vienne, Autriche), once each, or null. */
export function locationOf(facts: Record<string, unknown>, language: MessageLanguage = 'en'): string | null {
  const place = [facts.place, facts.country]
    .filter((x): x is string => typeof x === 'string' && x !== '')
    .map((name) => placeName(name, language));
  return [...new Set(place)].join(', ') || null;
}

/**
 * The events a calendar file can hold: those known to the day. One known only to its month ("in
 * December 2018") is left out and counted, not written as a block over the whole month, which a
 * calendar would show as a month of busy days; the Calendar screen says how many were left out.
 */
export function datedOnly(events: CalendarEvent[]): { dated: CalendarEvent[]; undated: number } {
  const dated = events.filter((e) => e.precision !== 'month');
  return { dated, undated: events.length - dated.length };
}

/**
 * Events as one iCalendar file (RFC 5545), written by ical-generator: all-day, with exclusive end
 * dates. The calendar's name (X-WR-CALNAME, what a calendar application lists) is the catalogue's,
 * in the interface language.
 */
export function writeIcs(nameId: MessageId, events: CalendarEvent[], language: MessageLanguage): string {
  const calendar = ical({
    name: formatMessage(nameId, {}, language),
    prodId: { company: 'Valise', product: 'bookmarks', language: language.toUpperCase() },
  });
  for (const event of events) {
    calendar.createEvent({
      id: `${event.key}@valise`,
      allDay: true,
      start: day(event.start),
      end: day(event.end, 1), // DTEND of an all-day event is exclusive
      summary: event.summary,
      description: event.description,
      location: event.location,
    });
  }
  return calendar.toString();
}

/** The bookmarked events as an iCalendar file; `entity` gives each event's current facts, if it still exists. */
export function toIcs(
  records: BookmarkRecord[],
  entity: (key: string) => Entity | null,
  language: MessageLanguage = 'en',
): { content: string; count: number; undated: number } {
  const events: CalendarEvent[] = [];
  for (const record of records.filter((r) => r.type === 'event')) {
    const facts = entity(record.key)?.data ?? {};
    const start = (facts.start as string | undefined) ?? record.eventStart;
    if (!start) continue;
    events.push({
      key: record.key,
      summary: record.label,
      start,
      end: (facts.end as string | undefined) ?? start,
      // The note as plain text: a calendar shows **marks** as they are typed.
      description: [
        record.snapshot,
        record.note && formatMessage('export.note-label', { note: plainNote(record.note) }, language),
      ]
        .filter(Boolean)
        .join('\n\n'),
      location: locationOf(facts, language),
      precision: typeof facts.precision === 'string' ? facts.precision : 'day',
    });
  }
  const { dated, undated } = datedOnly(events);
  return { content: writeIcs('export.bookmarked-events-calendar', dated, language), count: dated.length, undated };
}

const CARD_TYPES = ['person', 'organisation', 'contact'];
/** Forms of address set before a name ("Ms. Caroline Charpentier"): not part of who the card is. */
const HONORIFIC = /^(?:(?:Mr|Ms|Mrs|Mme|Mlle|M|Dr|Prof|Professor|Ambassador|H\.E)\.?\s+)+/u;
/** Who a card is for: a name without its form of address, compared without case. */
const cardIdentity = (name: string) => name.replace(HONORIFIC, '').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * vcard4 escapes a colon in text as `\:`, which RFC 6350 does not define (a colon needs no escape
 * in a text value) and address books then show; the escapes it does define are kept.
 */
const unescapeColons = (card: string) => card.replace(/(?<!\\)((?:\\\\)*)\\:/g, '$1:');

/**
 * The bookmarked people, organisations and contacts as vCards: one card per person or office, with
 * name, role, organisation, e-mail, handles, address and the note as plain text. A bookmarked
 * contact is on its owner's card (the owner "Ms. Caroline Charpentier" is the person "Caroline
 * Charpentier"), never on a second card for the same person.
 */
export function toVcf(
  records: BookmarkRecord[],
  entity: (key: string) => Entity | null,
  contactsOf: (name: string) => Entity[],
  language: MessageLanguage = 'en',
): { content: string; count: number } {
  // People and offices first, so that a contact's owner already has the card its details go on.
  const chosen = records
    .filter((r) => CARD_TYPES.includes(r.type))
    .sort((a, b) => Number(a.type === 'contact') - Number(b.type === 'contact'));
  const cards = new Map<
    string,
    { name: string; record: BookmarkRecord; facts: Record<string, unknown>; notes: string[] }
  >();
  for (const record of chosen) {
    const facts = entity(record.key)?.data ?? {};
    const name = record.type === 'contact' ? String(facts.owner ?? record.label) : record.label;
    const card = cards.get(cardIdentity(name));
    if (card) {
      if (record.note) card.notes.push(plainNote(record.note));
      continue;
    }
    cards.set(cardIdentity(name), { name, record, facts, notes: record.note ? [plainNote(record.note)] : [] });
  }
  const content = [...cards.values()].map((card) => unescapeColons(vcardOf(card, contactsOf(card.name), language)));
  return { content: content.join(''), count: content.length };
}

function vcardOf(
  card: { name: string; record: BookmarkRecord; facts: Record<string, unknown>; notes: string[] },
  details: Entity[],
  language: MessageLanguage,
): string {
  const properties = [new FNProperty([], new TextType(card.name))];
  const role = typeof card.facts.role === 'string' ? card.facts.role : null;
  if (role) properties.push(new TitleProperty([], new TextType(role)) as never);
  if (card.record.type === 'organisation')
    properties.push(
      new OrgProperty([], new SpecialValueType('orgproperty', [new TextType(card.record.label)])) as never,
    );
  for (const c of details.filter((d) => d.data.kind === 'email'))
    properties.push(new EmailProperty([], new TextType(String(c.data.value))) as never);
  const notes = [
    ...details
      .filter((d) => d.data.kind !== 'email')
      .map((d) =>
        formatMessage(
          d.data.kind === 'handle' ? 'export.handle-label' : 'export.address-label',
          { value: String(d.data.value) },
          language,
        ),
      ),
    ...card.notes,
  ];
  if (notes.length) properties.push(new NoteProperty([], new TextType(notes.join('\n'))) as never);
  return new VCARD(properties).repr();
}
