/** A trip dossier's sections, pure (renderer/src/print/dossier-sections.std.ts, #25). */
import { describe, expect, it } from 'vitest';
import type { Bookmark } from '../../common/contract/contract.std';
import { BLANK_BOOKMARK } from '../support/bookmark';
import {
  DOSSIER_ENTITY_TYPES,
  dossierContactLines,
  dossierSections,
} from '../../renderer/src/print/dossier-sections.std';

const base: Bookmark = BLANK_BOOKMARK;
const make = (id: number, type: Bookmark['type'], eventStart: string | null = null): Bookmark => ({
  ...base,
  id,
  key: `k${id}`,
  type,
  label: `L${id}`,
  eventStart,
});
const keys = (list: Bookmark[]) => list.map((b) => b.id);

describe('dossierSections', () => {
  const chosen = [
    make(1, 'event', '2018-10-03'),
    make(2, 'person'),
    make(3, 'passage'),
    make(4, 'country'),
    make(5, 'event', '2018-06-05'),
    make(6, 'contact'),
    make(7, 'section'),
    make(8, 'organisation'),
    make(9, 'event', null),
    make(10, 'figure'),
  ];
  const sections = dossierSections(chosen);

  it('puts people, offices and contacts together, in the order chosen', () => {
    expect(keys(sections.people)).toEqual([2, 6, 8]);
  });

  it('puts events in date order, an undated one first', () => {
    expect(keys(sections.events)).toEqual([9, 5, 1]);
  });

  it('puts passages and sections together, and every other bookmark apart', () => {
    expect(keys(sections.passages)).toEqual([3, 7]);
    expect(keys(sections.others)).toEqual([4, 10]);
  });

  it('loses no bookmark and prints none twice', () => {
    const all = [...sections.people, ...sections.events, ...sections.passages, ...sections.others];
    expect(keys(all).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('leaves its input in its order', () => {
    expect(keys(chosen)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
});

describe('dossierContactLines', () => {
  const related = [
    { type: 'contact', name: 'info@example.org' },
    { type: 'organisation', name: 'UNODC' },
    { type: 'contact', name: '@example' },
  ];

  it("lists a person's related contacts only", () => {
    expect(dossierContactLines({ type: 'person', label: 'Ana Petrova' }, related)).toEqual([
      'info@example.org',
      '@example',
    ]);
  });

  it('prints a bookmarked contact as its own line', () => {
    expect(dossierContactLines({ type: 'contact', label: 'ana@example.org' }, related)).toEqual(['ana@example.org']);
  });

  it('loads the entities of people, offices, events and contacts', () => {
    expect([...DOSSIER_ENTITY_TYPES].sort()).toEqual(['contact', 'event', 'organisation', 'person']);
  });
});
