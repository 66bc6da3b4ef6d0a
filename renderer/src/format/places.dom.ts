/**
 * Countries and cities named in the interface language (common/places/place-names.std.ts). In English a
 * place keeps the archive's name, so the names' tables (the gazetteer's countries, their own
 * chunk) are loaded only for another language, before the interface shows in it (#26;
 * place-names.dom.ts loads them).
 */
import { useMemo } from 'react';
import type { EntitySummary } from '../../../common/contract/contract.std';
import { api } from '../api/client.dom';
import { useCall } from '../api/useCall.dom';
import { useSettings } from '../app/Settings.dom';
import { loadedPlaceNames } from './place-names.dom';

export function usePlaces() {
  const { locale } = useSettings();
  return useMemo(
    () => ({
      country: (name: string) => loadedPlaceNames()?.countryName(name, locale) ?? name,
      place: (name: string) => loadedPlaceNames()?.placeName(name, locale) ?? name,
    }),
    [locale],
  );
}

/** A bookmark's name in the interface language: a country's is the country's name there, others keep theirs. */
export function bookmarkLabel(bookmark: { type: string; label: string }, country: (name: string) => string): string {
  return bookmark.type === 'country' ? country(bookmark.label) : bookmark.label;
}

/**
 * Every country the archive knows, by key, with its archive name: those its passages name, and the
 * countries events take place in although no passage names them (Japan, for the Kyoto events).
 */
export function countryNamesOf(entities: EntitySummary[]): Map<string, string> {
  const names = new Map(entities.filter((e) => e.type === 'country').map((c) => [c.key, c.name]));
  for (const e of entities)
    if (e.type === 'event' && e.country && typeof e.data.country === 'string' && !names.has(e.country))
      names.set(e.country, e.data.country);
  return names;
}

/** The archive's countries (see countryNamesOf) and its events by key, for screens that filter bookmarks by country and date. */
export function useArchivePlaces(): {
  names: Map<string, string>;
  events: Map<string, EntitySummary>;
  /** Read, or failed to be (names then fall back to keys): a screen showing them may say it is ready. */
  settled: boolean;
} {
  const loaded = useCall(() => api.content.listEntities({ types: ['country', 'event'] }), []);
  return useMemo(() => {
    const entities = loaded.state === 'ready' ? loaded.value : [];
    return {
      names: countryNamesOf(entities),
      events: new Map(entities.filter((e) => e.type === 'event').map((e) => [e.key, e])),
      settled: loaded.state !== 'loading',
    };
  }, [loaded]);
}
