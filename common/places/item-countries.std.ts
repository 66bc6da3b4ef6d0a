/**
 * Which countries an item is in, for every filter by country (the Calendar's trip, the Bookmarks
 * screen, the trip dossier). An event is in its own place's country ("15-19 October, Vienna": in
 * Austria); the other countries its sentence names are only mentioned ("the panellists (United
 * Kingdom, Nigeria…)" does not put a meeting in Vienna in Nigeria), and count only when the filter
 * asks for them. Any other item (a passage, a person, an organisation) is in the countries its
 * passages name.
 */
export interface PlacedItem {
  type: string;
  /** An event's own country key, or null when the text places it nowhere. */
  country?: string | null;
  /** The countries named where the item is mentioned. */
  countries: string[];
}

/** The countries the item is in. */
export function ownCountries(item: PlacedItem): string[] {
  if (item.type !== 'event') return item.countries;
  return item.country ? [item.country] : [];
}

/** The countries an event's passages name besides its own: mentioned, not visited. */
export function mentionedCountries(item: PlacedItem): string[] {
  return item.type === 'event' ? [...new Set(item.countries.filter((c) => c !== item.country))] : [];
}

/** Whether the item belongs to a filter on `chosen` countries (none chosen: every item). */
export function inCountries(item: PlacedItem, chosen: readonly string[], withMentioned: boolean): boolean {
  if (chosen.length === 0) return true;
  return [...ownCountries(item), ...(withMentioned ? mentionedCountries(item) : [])].some((c) => chosen.includes(c));
}
