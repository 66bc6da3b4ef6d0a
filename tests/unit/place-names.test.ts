/**
 * Places in the interface language (#17): every country of the gazetteer has an ISO code that the
 * locale data names, every city it places events in has been reviewed for French, and the names
 * read as a French reader expects (written here from French usage, not from the code's output).
 */
import { describe, expect, it } from 'vitest';
import {
  CITIES_SAME_IN_FRENCH,
  CITY_NAMES_FR,
  COUNTRY_CODES,
  countryName,
  placeName,
} from '../../common/places/place-names.std';
import { CITIES, COUNTRY_LIST } from '../../db/pipeline/entities/places.std';

describe('country names by ISO code', () => {
  it('cover exactly the gazetteer’s countries, each with a code the locale data names', () => {
    const names = COUNTRY_LIST.map((c) => c.name);
    expect(names.length).toBeGreaterThan(20);
    expect(names.filter((name) => !COUNTRY_CODES[name])).toEqual([]);
    expect(Object.keys(COUNTRY_CODES).filter((name) => !names.includes(name))).toEqual([]);
    const french = new Intl.DisplayNames(['fr-FR'], { type: 'region', fallback: 'none' });
    expect(Object.entries(COUNTRY_CODES).filter(([, code]) => !french.of(code))).toEqual([]);
  });

  it('read in French as a French reader writes them', () => {
    expect(countryName('Greece', 'fr-FR')).toBe('Grèce');
    expect(countryName('Austria', 'fr-FR')).toBe('Autriche');
    expect(countryName('Bosnia and Herzegovina', 'fr-FR')).toBe('Bosnie-Herzégovine');
    expect(countryName('North Macedonia', 'fr-FR')).toBe('Macédoine du Nord');
    expect(countryName('Moldova', 'fr-FR')).toBe('Moldavie');
    expect(countryName('United States', 'fr-FR')).toBe('États-Unis');
    expect(countryName('Kosovo', 'fr-FR')).toBe('Kosovo');
  });

  it('keep the archive’s own name in English, and a name the gazetteer does not know', () => {
    expect(countryName('Bosnia and Herzegovina', 'en-GB')).toBe('Bosnia and Herzegovina');
    expect(countryName('Greece', 'en-GB')).toBe('Greece');
    expect(countryName('Bosnia-Herzegovina', 'fr-FR')).toBe('Bosnia-Herzegovina');
  });
});

describe('city names', () => {
  it('have each of the gazetteer’s cities reviewed for French', () => {
    const cities = Object.keys(CITIES);
    expect(cities.length).toBeGreaterThan(5);
    expect(cities.filter((city) => !(city in CITY_NAMES_FR) && !CITIES_SAME_IN_FRENCH.includes(city))).toEqual([]);
  });

  it('read in French where French has its own name, and as written otherwise', () => {
    expect(placeName('Vienna', 'fr-FR')).toBe('Vienne');
    expect(placeName('Bucharest', 'fr-FR')).toBe('Bucarest');
    expect(placeName('Sarajevo', 'fr-FR')).toBe('Sarajevo');
    expect(placeName('Austria', 'fr-FR')).toBe('Autriche');
    expect(`${placeName('Vienna', 'fr-FR')}, ${placeName('Austria', 'fr-FR')}`).toBe('Vienne, Autriche');
    expect(placeName('Vienna', 'en-GB')).toBe('Vienna');
  });
});
