/**
 * The tables of place names in a language other than English (common/places/place-names.std.ts),
 * in their own chunk, loaded only for that language (#26): Settings loads them before the
 * interface shows in it, usePlaces (places.dom.ts) reads them. Apart from places.dom.ts so that
 * Settings does not import the hook that reads the settings (#25: no import cycle).
 */
import type * as PlaceNames from '../../../common/places/place-names.std';
import type { Language } from '../i18n/i18n.dom';

let names: typeof PlaceNames | null = null;

/** Loads the names' tables for a language other than English (a failure leaves the archive's names). */
export async function loadPlaceNames(language: Language): Promise<void> {
  if (language !== 'en') names ??= await import('../../../common/places/place-names.std').catch(() => null);
}

/** The tables loaded, or null (only English asked for so far, or the load failed). */
export const loadedPlaceNames = (): typeof PlaceNames | null => names;
