/**
 * The full gazetteer (#16): every country, English and French names and adjectives, from the
 * world-countries table, and the region's cities. Expectations written from the atlas, not from
 * the code's output.
 */
import { describe, expect, it } from 'vitest';
import { COUNTRY_TABLE } from '../../common/places/countries.std';
import { COUNTRY_LIST, countriesIn, countryOfPlace } from '../../db/pipeline/entities/places.std';

const names = (text: string) => countriesIn(text).map((c) => c.name);

describe('the gazetteer', () => {
  it('holds every UN member state, Kosovo among them', () => {
    expect(COUNTRY_TABLE.length).toBeGreaterThanOrEqual(193);
    for (const code of ['UA', 'TR', 'NG', 'XK', 'PH', 'UZ', 'NP', 'BD', 'LY'])
      expect(COUNTRY_TABLE.map(([c]) => c)).toContain(code);
  });
  it('keeps the names the archive already keys its countries by', () => {
    for (const name of [
      'Côte d’Ivoire',
      'Moldova',
      'North Macedonia',
      'Bosnia and Herzegovina',
      'United States',
      'United Kingdom',
      'Kosovo',
    ]) {
      expect(COUNTRY_LIST.map((c) => c.name)).toContain(name);
    }
    expect(COUNTRY_LIST.find((c) => c.name === 'Côte d’Ivoire')?.key).toBe('country/cote-divoire');
  });
  it('finds countries by their English and French names and adjectives', () => {
    expect(names('refugees from Ukraine reached Türkiye and Nigeria')).toEqual(['Nigeria', 'Türkiye', 'Ukraine']);
    expect(names('the Russian invasion; Turkey; a Czech court')).toEqual(['Czechia', 'Russia', 'Türkiye']);
    expect(names('la Grèce, la Moldavie et les Ukrainiennes')).toEqual(['Greece', 'Moldova', 'Ukraine']);
    expect(names("Côte d'Ivoire and Côte d’Ivoire")).toEqual(['Côte d’Ivoire']);
  });
  it('gives overlapping names to the longer one', () => {
    expect(names('Papua New Guinea and South Sudan')).toEqual(['Papua New Guinea', 'South Sudan']);
    expect(names('Guinea-Bissau')).toEqual(['Guinea-Bissau']);
  });
  it('does not take a given name followed by a surname for a country, nor a word inside another', () => {
    expect(names('Chad Smith and Jordan Peterson met Georgia Brown')).toEqual([]);
    expect(names('in Chad, and in Jordan.')).toEqual(['Chad', 'Jordan']);
    expect(names('Nigerian and Nigerien')).toEqual(['Niger', 'Nigeria']);
  });
  it('keeps the archive’s Franco- compounds, with or without the hyphen', () => {
    // As before: the word after the hyphen is part of the compound, not a mention of its own.
    expect(names('the Franco-Romanian resolution')).toEqual(['France']);
    expect(names('the FrancoRomanian resolution')).toEqual(['France']);
  });
  it('places the region’s cities in their country', () => {
    expect(countryOfPlace('Skopje')?.name).toBe('North Macedonia');
    expect(countryOfPlace('Istanbul')?.name).toBe('Türkiye');
    expect(countryOfPlace('Tirana, Albania')?.name).toBe('Albania');
    expect(countryOfPlace('Lviv')?.name).toBe('Ukraine');
  });
});
