/** The bookmark service's pure helpers (main/services/user-data/bookmarks.node.ts), each alone (#25). */
import { describe, expect, it } from 'vitest';
import {
  cleanTags,
  inIds,
  mergedVersion,
  purgeCutoff,
  toBookmark,
  toRecord,
  type Row,
} from '../../main/services/user-data/bookmarks.node';

const ROW: Row = {
  id: 7,
  item_key: 'person/jean-yves-le-drian',
  item_type: 'person',
  label: 'Jean-Yves Le Drian',
  snapshot: 'Minister',
  issue_key: '2018-no-1',
  section_key: null,
  page: 3,
  event_start: null,
  countries: '["FR","AT"]',
  note: 'call',
  created_at: '2026-01-02T10:00:00.000Z',
  updated_at: '2026-01-03T10:00:00.000Z',
  removed_at: null,
  tags: '["vienna","Albania","été"]',
};

describe('bookmark helpers', () => {
  it('purgeCutoff: thirty days before now', () => {
    expect(purgeCutoff(Date.parse('2026-03-31T12:00:00.000Z'))).toBe('2026-03-01T12:00:00.000Z');
  });

  it('cleanTags: trimmed, no empty one, each once, in the order given', () => {
    expect(cleanTags([' visa ', '', 'Vienna', '  ', 'visa', 'vienna'])).toEqual(['visa', 'Vienna', 'vienna']);
    expect(cleanTags([])).toEqual([]);
  });

  it('inIds: one placeholder per id', () => {
    expect(inIds([4, 5, 6])).toBe('(?,?,?)');
    expect(inIds([1])).toBe('(?)');
  });

  it('toBookmark: the row as the page sees it, with what the archive says now', () => {
    const bookmark = toBookmark(ROW, { exists: (key) => key !== 'person/jean-yves-le-drian', countryOf: () => 'FR' });
    expect(bookmark).toEqual({
      id: 7,
      key: 'person/jean-yves-le-drian',
      type: 'person',
      label: 'Jean-Yves Le Drian',
      snapshot: 'Minister',
      issueKey: '2018-no-1',
      sectionKey: null,
      page: 3,
      eventStart: null,
      countries: ['FR', 'AT'],
      country: 'FR',
      note: 'call',
      tags: ['Albania', 'été', 'vienna'],
      createdAt: '2026-01-02T10:00:00.000Z',
      updatedAt: '2026-01-03T10:00:00.000Z',
      orphaned: true,
    });
    expect(toBookmark({ ...ROW, tags: null }, { exists: () => true })).toMatchObject({
      tags: [],
      country: null,
      orphaned: false,
    });
  });

  it('toRecord: leaves out the id, the own country and orphaned', () => {
    const record = toRecord(toBookmark(ROW, { exists: () => false, countryOf: () => 'FR' }));
    expect(Object.keys(record).sort()).toEqual([
      'countries',
      'createdAt',
      'eventStart',
      'issueKey',
      'key',
      'label',
      'note',
      'page',
      'sectionKey',
      'snapshot',
      'tags',
      'type',
      'updatedAt',
    ]);
  });

  it('mergedVersion: the newer note and time, the earlier creation, both tags', () => {
    const here = { note: 'here', updatedAt: '2026-02-01', createdAt: '2026-01-10', tags: ['a'] };
    const file = { note: 'file', updatedAt: '2026-03-01', createdAt: '2026-01-05', tags: ['b'] };
    expect(mergedVersion(here, file)).toEqual({
      note: 'file',
      updatedAt: '2026-03-01',
      createdAt: '2026-01-05',
      tags: ['a', 'b'],
    });
    expect(mergedVersion(file, here)).toEqual({
      note: 'file',
      updatedAt: '2026-03-01',
      createdAt: '2026-01-05',
      tags: ['b', 'a'],
    });
  });
});
