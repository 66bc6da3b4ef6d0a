/** Countries and cities named in the interface language (common/place-names.std.ts). */
import { useMemo } from 'react';
import type { EntitySummary } from '../../../common/contract.std';
import { countryName, placeName } from '../../../common/place-names.std';
import { api } from '../api/client.dom';
import { useCall } from '../api/useCall.dom';
import { useSettings } from './Settings.dom';

export function usePlaces() {
  const { locale } = useSettings();
  return useMemo(() => ({ country: (name: string) => countryName(name, locale), place: (name: string) => placeName(name, locale) }), [locale]);
}

/**
 * Every country the archive knows, by key, with its archive name: those its passages name, and the
 * countries events take place in although no passage names them (Japan, for the Kyoto events).
 */
export function countryNamesOf(entities: EntitySummary[]): Map<string, string> {
  const names = new Map(entities.filter((e) => e.type === 'country').map((c) => [c.key, c.name]));
  for (const e of entities) if (e.type === 'event' && e.country && typeof e.data.country === 'string' && !names.has(e.country)) names.set(e.country, e.data.country);
  return names;
}

/** The archive's countries (see countryNamesOf) and its events by key, for screens that filter bookmarks by country and date. */
export function useArchivePlaces(): { names: Map<string, string>; events: Map<string, EntitySummary> } {
  const loaded = useCall(() => api.content.listEntities({ types: ['country', 'event'] }), []);
  return useMemo(() => {
    const entities = loaded.state === 'ready' ? loaded.value : [];
    return { names: countryNamesOf(entities), events: new Map(entities.filter((e) => e.type === 'event').map((e) => [e.key, e])) };
  }, [loaded]);
}
