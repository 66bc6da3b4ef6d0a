/** Countries and cities named in the interface language (common/place-names.std.ts). */
import { useMemo } from 'react';
import { countryName, placeName } from '../../../common/place-names.std';
import { useSettings } from './Settings.dom';

export function usePlaces() {
  const { locale } = useSettings();
  return useMemo(() => ({ country: (name: string) => countryName(name, locale), place: (name: string) => placeName(name, locale) }), [locale]);
}
