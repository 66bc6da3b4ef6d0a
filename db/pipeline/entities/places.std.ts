import { COUNTRY_TABLE } from '../../../common/places/countries.std';
import { slugify } from '../issue/slug.std';

/**
 * Places the newsletters speak of: countries by the names and adjectives the text uses, and the
 * cities whose country an event needs. A gazetteer, not guesswork: a name not listed here is not
 * taken for a country.
 */
export interface Country {
  key: string;
  name: string;
  /** Every spelling that names the country in text: names, variants, adjectives. */
  aliases: string[];
}

/**
 * Spellings the archive itself uses, reviewed with its issues, added to the table's: a country's
 * adjective in compounds (Franco-Romanian), short names, misspellings the newsletter prints.
 */
const ARCHIVE_ALIASES: Record<string, string[]> = {
  Belarus: ['Belarussian', 'Belarusian'],
  'Bosnia and Herzegovina': ['Bosnia-Herzegovina', 'Bosnia', 'Bosnian'],
  Colombia: ['Columbian', 'Colombian'],
  'Côte d’Ivoire': ['Ivory Coast', 'Ivorian'],
  France: ['French', 'Franco'],
  Moldova: ['Republic of Moldova', 'Moldovan'],
  'North Macedonia': ['Northern Macedonia', 'North Macedonian'],
  'United States': ['USA'],
};

/** Countries whose name is also a given name: not taken when a surname follows (Chad Smith). */
const GIVEN_NAMES = new Set(['Chad', 'Jordan', 'Georgia', 'Israel', 'Maurice']);

const COUNTRIES: [string, string[]][] = COUNTRY_TABLE.map(([, name, aliases]) => [
  name,
  [...new Set([...(ARCHIVE_ALIASES[name] ?? []), ...aliases])],
]);

/** Names of countries as places (not adjectives), besides their own names. */
const PLACE_VARIANTS = ['Bosnia-Herzegovina', 'Northern Macedonia', 'Republic of Moldova', 'Ivory Coast', 'USA'];

/** The names a country goes by as a place: its name and listed variants, never its adjectives. */
export function placeNamesOf(country: Country): string[] {
  return [country.name, ...PLACE_VARIANTS.filter((v) => country.aliases.includes(v))];
}

/**
 * Cities that place an event in its country: the region's capitals and main cities, the seats of
 * the institutions the newsletter follows, and those the archive names. Each is reviewed for its
 * French name in common/places/place-names.std.ts.
 */
export const CITIES: Record<string, string> = {
  Vienna: 'Austria',
  Graz: 'Austria',
  Paris: 'France',
  Essonne: 'France',
  Strasbourg: 'France',
  Lyon: 'France',
  Chisinau: 'Moldova',
  Balti: 'Moldova',
  Sarajevo: 'Bosnia and Herzegovina',
  'Banja Luka': 'Bosnia and Herzegovina',
  Mostar: 'Bosnia and Herzegovina',
  Tuzla: 'Bosnia and Herzegovina',
  Bihac: 'Bosnia and Herzegovina',
  Bucharest: 'Romania',
  'Cluj-Napoca': 'Romania',
  Iasi: 'Romania',
  Timisoara: 'Romania',
  Constanta: 'Romania',
  Belgrade: 'Serbia',
  'Novi Sad': 'Serbia',
  Nis: 'Serbia',
  Zagreb: 'Croatia',
  Split: 'Croatia',
  Ljubljana: 'Slovenia',
  Skopje: 'North Macedonia',
  Ohrid: 'North Macedonia',
  Tirana: 'Albania',
  Durres: 'Albania',
  Elbasan: 'Albania',
  Podgorica: 'Montenegro',
  Pristina: 'Kosovo',
  Prishtina: 'Kosovo',
  Sofia: 'Bulgaria',
  Plovdiv: 'Bulgaria',
  Varna: 'Bulgaria',
  Athens: 'Greece',
  Thessaloniki: 'Greece',
  Istanbul: 'Türkiye',
  Ankara: 'Türkiye',
  Kyiv: 'Ukraine',
  Lviv: 'Ukraine',
  Odesa: 'Ukraine',
  Budapest: 'Hungary',
  Warsaw: 'Poland',
  Prague: 'Czechia',
  Bratislava: 'Slovakia',
  Rome: 'Italy',
  Geneva: 'Switzerland',
  Brussels: 'Belgium',
  'The Hague': 'Netherlands',
  Berlin: 'Germany',
  London: 'United Kingdom',
  Kyoto: 'Japan',
  Tunis: 'Tunisia',
  Abuja: 'Nigeria',
  Lagos: 'Nigeria',
  'New York': 'United States',
};

export const countrySlug = (name: string): string => slugify(name, 12);

export const COUNTRY_LIST: Country[] = COUNTRIES.map(([name, aliases]) => ({
  key: `country/${countrySlug(name)}`,
  name,
  aliases: [name, ...aliases],
}));

/** Spellings compared with white space as one space and straight and curly apostrophes alike. */
const normal = (name: string) => name.replace(/\s+/g, ' ').replace(/’/g, "'");
const FIRST_WORD = /^\p{Lu}\p{L}*/u;

/** Every spelling of every country by its first word, longest first. */
const BY_FIRST_WORD = new Map<string, { alias: string; country: Country }[]>();
for (const country of COUNTRY_LIST) {
  for (const alias of country.aliases.map(normal)) {
    const first = FIRST_WORD.exec(alias)?.[0];
    if (!first) continue;
    const list = BY_FIRST_WORD.get(first) ?? [];
    if (!list.some((entry) => entry.alias === alias)) list.push({ alias, country });
    BY_FIRST_WORD.set(first, list);
  }
}
for (const list of BY_FIRST_WORD.values()) list.sort((a, b) => b.alias.length - a.alias.length);

/** Whether a spelling found at `at` ends where a word ends (and a given name is not followed by a surname). */
function endsThere(text: string, alias: string, at: number): boolean {
  const rest = text.slice(at + alias.length);
  if (alias === 'Franco') return false; // read on its own, below
  if (/^\p{L}/u.test(rest)) return false;
  return !(GIVEN_NAMES.has(alias) && /^\s+\p{Lu}\p{Ll}/u.test(rest));
}

/**
 * The countries a text names, in the gazetteer's order. At each capitalised word the longest
 * spelling that fits is taken, so overlapping names give the longer one (South Sudan, not Sudan;
 * Papua New Guinea, not Guinea).
 */
export function countriesIn(raw: string): Country[] {
  const text = normal(raw);
  const found = new Set<Country>();
  let covered = 0;
  for (const m of text.matchAll(/(?<![\p{L}-])\p{Lu}\p{L}*/gu)) {
    if (m.index < covered) continue; // a word inside the name just found
    const hit = BY_FIRST_WORD.get(m[0])?.find(
      ({ alias }) => text.startsWith(alias, m.index) && endsThere(text, alias, m.index),
    );
    if (!hit) continue;
    found.add(hit.country);
    covered = m.index + hit.alias.length;
  }
  // "Franco" only as in Franco-Romanian (or FrancoRomanian, as one issue prints it).
  const franco = COUNTRY_LIST.find((c) => c.aliases.includes('Franco'));
  if (franco && /(?<![\p{L}-])Franco-?(?=\p{Lu})/u.test(text)) found.add(franco);
  return COUNTRY_LIST.filter((country) => found.has(country));
}

const CITY_PATTERNS = Object.keys(CITIES).map((city) => ({ city, pattern: new RegExp(`\\b${city}\\b`, 'i') }));

/** The country a place name is in: a country itself, or a listed city. */
export function countryOfPlace(place: string): Country | null {
  const city = CITY_PATTERNS.find(({ pattern }) => pattern.test(place))?.city;
  const name = city ? CITIES[city]! : null;
  if (name) return COUNTRY_LIST.find((c) => c.name === name) ?? null;
  return countriesIn(place)[0] ?? null;
}

const PLACE_NAMES = [...Object.keys(CITIES), ...COUNTRY_LIST.map((c) => c.name), ...PLACE_VARIANTS];
const PLACE_PATTERNS = PLACE_NAMES.map(
  (name) => new RegExp(`(?<![\\p{L}-])${name.replace(/ /g, '\\s+')}(?![\\p{L}])`, 'iu'),
);

/**
 * A place as the text writes it; but where its capitals were lost ("kyoto" in a line the PDF set in
 * small capitals, "KYOTO" in one set in capitals), as the gazetteer spells it, which is how the
 * rest of the newsletter prints it.
 */
function asPrinted(written: string, index: number): string {
  const letters = written.replace(/[^\p{L}]/gu, '');
  return letters === letters.toLowerCase() || letters === letters.toUpperCase() ? PLACE_NAMES[index]! : written;
}

/** The first city or country named in a text, as written there. */
export function placeIn(text: string): string | null {
  let best: { at: number; name: string } | null = null;
  for (const [i, pattern] of PLACE_PATTERNS.entries()) {
    const match = pattern.exec(text);
    if (match && (!best || match.index < best.at)) best = { at: match.index, name: asPrinted(match[0], i) };
  }
  return best?.name ?? null;
}
