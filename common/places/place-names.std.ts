/**
 * Place names in the interface language. A country is named by its ISO 3166-1 code through
 * `Intl.DisplayNames` (the locale data every browser and Node carry), so French reads « Grèce »,
 * « Bosnie-Herzégovine »; in English the archive's own name stays (“Bosnia and Herzegovina”, not
 * ICU's “Bosnia & Herzegovina”). A city has no ISO code: the few cities the archive places events
 * in have their French exonym in a reviewed table (Vienna → Vienne); a city not in it, or whose
 * French name is its own, is written as it is. This names places in the interface (a page title,
 * a filter, an event's place); the newsletter's own text is never rewritten.
 */
import { COUNTRY_TABLE } from './countries.std';

/**
 * The gazetteer's countries (db/pipeline/entities/places.std.ts) by their ISO 3166-1 alpha-2 code,
 * from the same table (common/places/countries.std.ts; Kosovo is XK, the code CLDR and the European
 * Commission use).
 */
export const COUNTRY_CODES: Record<string, string> = Object.fromEntries(
  COUNTRY_TABLE.map(([code, name]) => [name, code]),
);

/**
 * The French names of the cities the gazetteer places events in (CITIES), reviewed one by one
 * against French usage (the Ministry for Europe and Foreign Affairs' own pages): only where French
 * has its own name.
 */
export const CITY_NAMES_FR: Record<string, string> = {
  Vienna: 'Vienne',
  Bucharest: 'Bucarest',
  Athens: 'Athènes',
  Thessaloniki: 'Thessalonique',
  Warsaw: 'Varsovie',
  Rome: 'Rome',
  Geneva: 'Genève',
  Brussels: 'Bruxelles',
  'The Hague': 'La Haye',
  London: 'Londres',
  Durres: 'Durrës',
  Odesa: 'Odessa',
  Iasi: 'Iași',
  Timisoara: 'Timișoara',
  Constanta: 'Constanța',
  Nis: 'Niš',
  Bihac: 'Bihać',
};

/** The gazetteer's cities reviewed and found to be written the same in French. */
export const CITIES_SAME_IN_FRENCH = [
  'Paris',
  'Essonne',
  'Sarajevo',
  'Chisinau',
  'Kyoto',
  'Tunis',
  'Abuja',
  'New York',
  'Graz',
  'Strasbourg',
  'Lyon',
  'Balti',
  'Banja Luka',
  'Mostar',
  'Tuzla',
  'Cluj-Napoca',
  'Belgrade',
  'Novi Sad',
  'Zagreb',
  'Split',
  'Ljubljana',
  'Skopje',
  'Ohrid',
  'Tirana',
  'Elbasan',
  'Podgorica',
  'Pristina',
  'Prishtina',
  'Sofia',
  'Plovdiv',
  'Varna',
  'Istanbul',
  'Ankara',
  'Kyiv',
  'Lviv',
  'Budapest',
  'Prague',
  'Bratislava',
  'Berlin',
  'Lagos',
];

const displayNames = new Map<string, Intl.DisplayNames>();
function regionNames(locale: string): Intl.DisplayNames {
  let names = displayNames.get(locale);
  if (!names) displayNames.set(locale, (names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' })));
  return names;
}

const isEnglish = (locale: string) => /^en\b/i.test(locale);

/** A country's name in the locale, from its ISO code; in English, or unknown, the archive's name. */
export function countryName(name: string, locale: string): string {
  const code = COUNTRY_CODES[name];
  if (!code || isEnglish(locale)) return name;
  return regionNames(locale).of(code) ?? name;
}

/** A place (a country or a city) in the locale: a country by its code, a city by the reviewed table. */
export function placeName(name: string, locale: string): string {
  if (COUNTRY_CODES[name]) return countryName(name, locale);
  if (!/^fr\b/i.test(locale)) return name;
  // The archive writes a place as the text does ("kyoto" in one calendar): matched whatever its case.
  const city = Object.keys(CITY_NAMES_FR).find((c) => c.toLowerCase() === name.toLowerCase());
  return city ? CITY_NAMES_FR[city]! : name;
}
