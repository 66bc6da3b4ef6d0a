/**
 * How a trip dossier (Dossier.dom.tsx) sorts the bookmarks it prints, pure: people and offices,
 * events in date order, passages, and the rest; and the contact lines printed under a person.
 */
import type { Bookmark } from '../../../common/contract/contract.std';

/** The bookmarks whose entity a dossier loads, for a person's contacts, an event's date and place, a contact's owner. */
export const DOSSIER_ENTITY_TYPES: readonly string[] = ['person', 'organisation', 'event', 'contact'];

const PEOPLE_TYPES: readonly string[] = ['person', 'organisation', 'contact'];
const PASSAGE_TYPES: readonly string[] = ['passage', 'section'];

export interface DossierSections {
  people: Bookmark[];
  /** By their first day; an event with no start first. */
  events: Bookmark[];
  passages: Bookmark[];
  others: Bookmark[];
}

/** The dossier's sections, each in the order of `chosen` but for the events, in date order. */
export function dossierSections(chosen: readonly Bookmark[]): DossierSections {
  const people = chosen.filter((b) => PEOPLE_TYPES.includes(b.type));
  const events = chosen
    .filter((b) => b.type === 'event')
    .sort((a, b) => (a.eventStart ?? '').localeCompare(b.eventStart ?? ''));
  const passages = chosen.filter((b) => PASSAGE_TYPES.includes(b.type));
  const others = chosen.filter((b) => !people.includes(b) && !events.includes(b) && !passages.includes(b));
  return { people, events, passages, others };
}

/** The contact lines under a person or office: a bookmarked contact is its own line; a person's are those the archive relates to them. */
export function dossierContactLines(
  b: Pick<Bookmark, 'type' | 'label'>,
  related: readonly { type: string; name: string }[],
): string[] {
  if (b.type === 'contact') return [b.label];
  return related.filter((r) => r.type === 'contact').map((r) => r.name);
}
