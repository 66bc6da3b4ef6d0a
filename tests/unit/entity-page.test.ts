/** What an entity's page shows, pure (renderer/src/screens/state/entity-page.std.ts, #25). */
import { describe, expect, it } from 'vitest';
import type { EntitySummary } from '../../common/contract/contract.std';
import { relatedGroups, rolesOf, shownFacts } from '../../renderer/src/screens/state/entity-page.std';

const item = (type: EntitySummary['type'], key: string): EntitySummary =>
  ({ key, type, name: key, data: {}, countries: [], issues: [] }) as unknown as EntitySummary;
const EVENT: [string, string][] = [
  ['place', 'Place'],
  ['country', 'Country'],
  ['description', 'As reported'],
];

describe('shownFacts', () => {
  it('shows the facts that have a value, in the order of the fields', () => {
    expect(shownFacts(EVENT, { description: 'A seminar', place: 'Vienna', country: '' })).toEqual([
      ['place', 'Place', 'Vienna'],
      ['description', 'As reported', 'A seminar'],
    ]);
  });

  it('leaves out null and missing values, and shows nothing with no field', () => {
    expect(shownFacts(EVENT, { place: null })).toEqual([]);
    expect(shownFacts([], { role: 'x' })).toEqual([]);
  });

  it('keeps a zero and false', () => {
    expect(
      shownFacts(
        [
          ['text', 'Figure'],
          ['open', 'Open'],
        ],
        { text: 0, open: false },
      ),
    ).toEqual([
      ['text', 'Figure', 0],
      ['open', 'Open', false],
    ]);
  });
});

describe('rolesOf', () => {
  it("reads a person's roles by issue, and none when there is no list", () => {
    const roles = [{ issue: '2018-no-10', role: 'Ambassador', organisation: null }];
    expect(rolesOf({ issues: roles })).toEqual(roles);
    expect(rolesOf({ issues: 'not a list' })).toEqual([]);
    expect(rolesOf({})).toEqual([]);
  });
});

describe('relatedGroups', () => {
  const groups: [EntitySummary['type'], string][] = [
    ['person', 'People'],
    ['organisation', 'Organisations'],
    ['event', 'Events'],
    ['country', 'Countries'],
  ];
  const related = [
    item('country', 'country/albania'),
    item('person', 'person/a'),
    item('contact', 'contact/x'),
    item('event', 'event/e'),
    item('person', 'person/b'),
  ];

  it("groups related items by type in the groups' order, leaving out empty groups and types not asked for", () => {
    expect(relatedGroups(groups, related).map((g) => [g.type, g.label, g.list.map((r) => r.key)])).toEqual([
      ['person', 'People', ['person/a', 'person/b']],
      ['event', 'Events', ['event/e']],
      ['country', 'Countries', ['country/albania']],
    ]);
  });
});
