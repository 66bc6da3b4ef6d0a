/** Which countries an item is in, for every filter by country (#24): an event in its own, the others only mentioned. */
import { describe, expect, it } from 'vitest';
import { inCountries, mentionedCountries, ownCountries } from '../../common/places/item-countries.std';

const vienna = {
  type: 'event',
  country: 'country/austria',
  countries: ['country/austria', 'country/nigeria', 'country/thailand'],
};
const nowhere = { type: 'event', country: null, countries: ['country/italy', 'country/thailand'] };
const passage = { type: 'passage', countries: ['country/moldova', 'country/romania'] };

describe('an item’s countries', () => {
  it('an event is in its own place’s country; the others its passages name are mentioned', () => {
    expect(ownCountries(vienna)).toEqual(['country/austria']);
    expect(mentionedCountries(vienna)).toEqual(['country/nigeria', 'country/thailand']);
    expect(ownCountries(nowhere)).toEqual([]);
    expect(mentionedCountries(nowhere)).toEqual(['country/italy', 'country/thailand']);
  });
  it('anything else is in the countries its passages name', () => {
    expect(ownCountries(passage)).toEqual(['country/moldova', 'country/romania']);
    expect(mentionedCountries(passage)).toEqual([]);
  });
  it('a filter selects by the own country, and by a mention only when asked', () => {
    expect(inCountries(vienna, ['country/austria'], false)).toBe(true);
    expect(inCountries(vienna, ['country/thailand'], false)).toBe(false);
    expect(inCountries(vienna, ['country/thailand'], true)).toBe(true);
    expect(inCountries(nowhere, ['country/italy'], false)).toBe(false);
    expect(inCountries(passage, ['country/romania'], false)).toBe(true);
    expect(inCountries(nowhere, [], false)).toBe(true);
  });
});
