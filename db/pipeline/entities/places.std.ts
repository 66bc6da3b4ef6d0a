import { slugify } from '../slug.std';

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

const COUNTRIES: [string, string[]][] = [
  ['Albania', ['Albanian']],
  ['Argentina', []],
  ['Austria', []],
  ['Belarus', ['Belarussian', 'Belarusian']],
  ['Bosnia and Herzegovina', ['Bosnia-Herzegovina', 'Bosnia', 'Bosnian']],
  ['Bulgaria', ['Bulgarian']],
  ['Colombia', ['Columbian', 'Colombian']],
  ['Côte d’Ivoire', ['Ivory Coast', 'Ivorian']],
  ['Croatia', ['Croatian']],
  ['Egypt', []],
  ['France', ['French', 'Franco']],
  ['Greece', ['Greek']],
  ['Hungary', ['Hungarian']],
  ['Italy', []],
  ['Japan', []],
  ['Kosovo', []],
  ['Mexico', []],
  ['Moldova', ['Republic of Moldova', 'Moldovan']],
  ['Montenegro', []],
  ['Nigeria', []],
  ['North Macedonia', ['Northern Macedonia', 'North Macedonian']],
  ['Romania', ['Romanian']],
  ['Serbia', ['Serbian']],
  ['Sweden', ['Swedish']],
  ['Thailand', []],
  ['Tunisia', []],
  ['United Kingdom', []],
  ['United States', ['USA']],
];

/** Names of countries as places (not adjectives), besides their own names. */
const PLACE_VARIANTS = ['Bosnia-Herzegovina', 'Northern Macedonia', 'Republic of Moldova', 'Ivory Coast', 'USA'];

/** The names a country goes by as a place: its name and listed variants, never its adjectives. */
export function placeNamesOf(country: Country): string[] {
  return [country.name, ...PLACE_VARIANTS.filter((v) => country.aliases.includes(v))];
}

export const CITIES: Record<string, string> = {
  Vienna: 'Austria',
  Paris: 'France',
  Essonne: 'France',
  Chisinau: 'Moldova',
  Sarajevo: 'Bosnia and Herzegovina',
  Bucharest: 'Romania',
  Kyoto: 'Japan',
  Tunis: 'Tunisia',
  Abuja: 'Nigeria',
  'New York': 'United States',
};

export const countrySlug = (name: string): string => slugify(name, 12);

export const COUNTRY_LIST: Country[] = COUNTRIES.map(([name, aliases]) => ({
  key: `country/${countrySlug(name)}`,
  name,
  aliases: [name, ...aliases],
}));

function aliasPattern(alias: string): RegExp {
  const escaped = alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
  // "Franco" only as in Franco-Romanian; other names as whole words.
  return alias === 'Franco' ? /\bFranco-?(?=\p{Lu})/u : new RegExp(`(?<![\\p{L}-])${escaped}(?![\\p{L}])`, 'u');
}

const PATTERNS = COUNTRY_LIST.map((country) => ({ country, patterns: country.aliases.map(aliasPattern) }));

export function countriesIn(text: string): Country[] {
  return PATTERNS.filter(({ patterns }) => patterns.some((p) => p.test(text))).map(({ country }) => country);
}

/** The country a place name is in: a country itself, or a listed city. */
export function countryOfPlace(place: string): Country | null {
  const city = Object.keys(CITIES).find((c) => new RegExp(`\\b${c}\\b`, 'i').test(place));
  const name = city ? CITIES[city]! : null;
  if (name) return COUNTRY_LIST.find((c) => c.name === name) ?? null;
  return countriesIn(place)[0] ?? null;
}

/** The first city or country named in a text, as written there. */
export function placeIn(text: string): string | null {
  let best: { at: number; name: string } | null = null;
  const candidates = [...Object.keys(CITIES), ...COUNTRY_LIST.map((c) => c.name), ...PLACE_VARIANTS];
  for (const name of candidates) {
    const match = new RegExp(`(?<![\\p{L}-])${name.replace(/ /g, '\\s+')}(?![\\p{L}])`, 'iu').exec(text);
    if (match && (!best || match.index < best.at)) best = { at: match.index, name: match[0] };
  }
  return best?.name ?? null;
}
