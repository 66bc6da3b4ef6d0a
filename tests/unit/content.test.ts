/** The content service's pure helpers (main/services/library/content.node.ts), each alone (#25). */
import { describe, expect, it } from 'vitest';
import {
  entitySnapshot,
  groupBy,
  sectionLabel,
  spellingsOf,
  summariesOf,
} from '../../main/services/library/content.node';

describe('content helpers', () => {
  it('spellingsOf: a country by the names the text gives it as a place; anything else by name, aliases and acronym, once each', () => {
    expect(spellingsOf('country', 'Albania', { names: ['Albania', 'Republic of Albania'] })).toEqual([
      'Albania',
      'Republic of Albania',
    ]);
    expect(spellingsOf('country', 'Albania', {})).toEqual(['Albania']);
    expect(
      spellingsOf('organisation', 'International Organization for Migration', {
        aliases: ['IOM', 'OIM'],
        acronym: 'IOM',
      }),
    ).toEqual(['International Organization for Migration', 'IOM', 'OIM']);
    expect(spellingsOf('person', 'Jean Dupont', { acronym: null })).toEqual(['Jean Dupont']);
  });

  it('groupBy: groups in the rows’ order', () => {
    const groups = groupBy(
      [
        { k: 'b', v: 1 },
        { k: 'a', v: 2 },
        { k: 'b', v: 3 },
      ],
      (r) => r.k,
    );
    expect([...groups.keys()]).toEqual(['b', 'a']);
    expect(groups.get('b')!.map((r) => r.v)).toEqual([1, 3]);
  });

  it('summariesOf: countries named in the same passages (never itself) plus an event’s own; issues of its passages', () => {
    const mentions = [
      { entity_key: 'person/ana', item_key: '2018-no-1/s1/p1' },
      { entity_key: 'country/albania', item_key: '2018-no-1/s1/p1' },
      { entity_key: 'person/ana', item_key: '2019-no-2/s4/p2' },
      { entity_key: 'country/serbia', item_key: '2019-no-2/s4/p2' },
      { entity_key: 'event/2019-05-01-seminar', item_key: '2019-no-2/s5/p1' },
    ];
    const entities = [
      { key: 'person/ana', type: 'person' as const, name: 'Ana', data: '{}' },
      { key: 'country/albania', type: 'country' as const, name: 'Albania', data: '{}' },
      { key: 'event/2019-05-01-seminar', type: 'event' as const, name: 'Seminar', data: '{"country":"Austria"}' },
    ];
    const summaries = summariesOf(mentions, entities);
    expect([...summaries.keys()]).toEqual(['person/ana', 'country/albania', 'event/2019-05-01-seminar']);
    expect(summaries.get('person/ana')).toEqual({
      key: 'person/ana',
      type: 'person',
      name: 'Ana',
      data: {},
      countries: ['country/albania', 'country/serbia'],
      issues: ['2018-no-1', '2019-no-2'],
    });
    expect(summaries.get('country/albania')).toMatchObject({ countries: [], issues: ['2018-no-1'] });
    expect(summaries.get('event/2019-05-01-seminar')).toMatchObject({
      countries: ['country/austria'],
      country: 'country/austria',
      issues: ['2019-no-2'],
    });
  });

  it('entitySnapshot: the fields that say what it is, empty ones left out', () => {
    expect(entitySnapshot('figure', { text: '1,200', label: 'victims', period: '' })).toBe('1,200 — victims');
    expect(entitySnapshot('contact', { value: 'a@b.org', owner: 'IOM' })).toBe('a@b.org — IOM');
    expect(entitySnapshot('person', { role: 42 })).toBe('');
    expect(entitySnapshot('country', { role: 'x' })).toBe('');
  });

  it('sectionLabel: the kicker before the title when there is one', () => {
    expect(sectionLabel({ kicker: 'Albania', title: 'New shelter' })).toBe('Albania New shelter');
    expect(sectionLabel({ kicker: null, title: 'New shelter' })).toBe('New shelter');
  });
});
