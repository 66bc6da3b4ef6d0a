/** The Bookmarks screen's filter and sort, pure (renderer/src/bookmarks/bookmark-filter.std.ts, #25). */
import { describe, expect, it } from 'vitest';
import type { Bookmark } from '../../common/contract/contract.std';
import { BLANK_BOOKMARK } from '../support/bookmark';
import {
  dossierQuery,
  filterBookmarks,
  hrefOf,
  inDates,
  NO_FILTER,
  pageShown,
  sortBookmarks,
} from '../../renderer/src/bookmarks/bookmark-filter.std';

const base: Bookmark = BLANK_BOOKMARK;
const passage: Bookmark = {
  ...base,
  id: 1,
  key: '2018-no-1/s1/p2',
  type: 'passage',
  label: 'Shelters in Tirana',
  snapshot: 'A new shelter opened.',
  sectionKey: '2018-no-1/s1',
  issueKey: '2018-no-1',
  countries: ['country/albania'],
  tags: ['visit'],
  createdAt: '2026-01-03T00:00:00.000Z',
};
const seminar: Bookmark = {
  ...base,
  id: 2,
  key: 'event/2018-10-03-seminar',
  type: 'event',
  label: 'Regional seminar',
  eventStart: '2018-10-03',
  country: 'country/austria',
  countries: ['country/austria', 'country/nigeria'],
  issueKey: '2018-no-2',
  note: 'Ask about TIRANA',
  createdAt: '2026-01-02T00:00:00.000Z',
};
const person: Bookmark = {
  ...base,
  id: 3,
  key: 'person/ana',
  type: 'person',
  label: 'Ana Petrova',
  countries: ['country/serbia'],
  tags: ['visit', 'call'],
  createdAt: '2026-01-04T00:00:00.000Z',
};
const undated: Bookmark = {
  ...base,
  id: 4,
  key: 'event/x',
  type: 'event',
  label: 'A conference',
  eventStart: null,
  createdAt: '2026-01-01T00:00:00.000Z',
};
const all = [passage, seminar, person, undated];
const ids = (list: Bookmark[]) => list.map((b) => b.id);

describe('filterBookmarks', () => {
  it('lets everything through with no filter', () => {
    expect(ids(filterBookmarks(all, NO_FILTER))).toEqual([1, 2, 3, 4]);
  });

  it('by type, tag and issue', () => {
    expect(ids(filterBookmarks(all, { ...NO_FILTER, type: 'event' }))).toEqual([2, 4]);
    expect(ids(filterBookmarks(all, { ...NO_FILTER, tag: 'visit' }))).toEqual([1, 3]);
    expect(ids(filterBookmarks(all, { ...NO_FILTER, issue: '2018-no-2' }))).toEqual([2]);
  });

  it('by country: an event in its own, and in one it only mentions when asked', () => {
    expect(ids(filterBookmarks(all, { ...NO_FILTER, country: 'country/nigeria' }))).toEqual([]);
    expect(ids(filterBookmarks(all, { ...NO_FILTER, country: 'country/nigeria', mentioned: true }))).toEqual([2]);
    expect(ids(filterBookmarks(all, { ...NO_FILTER, country: 'country/austria' }))).toEqual([2]);
    expect(ids(filterBookmarks(all, { ...NO_FILTER, country: 'country/albania' }))).toEqual([1]);
  });

  it('by dates: events only, by their first day; an undated event is left out once dates are set', () => {
    expect(ids(filterBookmarks(all, { ...NO_FILTER, from: '2018-10-01', to: '2018-10-31' }))).toEqual([1, 2, 3]);
    expect(ids(filterBookmarks(all, { ...NO_FILTER, from: '2018-11-01' }))).toEqual([1, 3]);
    expect(inDates(undated, null, null)).toBe(true);
  });

  it('by words, whatever their case, in the title, the text, the note and the tags', () => {
    expect(ids(filterBookmarks(all, { ...NO_FILTER, text: 'tirana' }))).toEqual([1, 2]);
    expect(ids(filterBookmarks(all, { ...NO_FILTER, text: 'CALL' }))).toEqual([3]);
    expect(ids(filterBookmarks(all, { ...NO_FILTER, text: 'shelter opened' }))).toEqual([1]);
  });
});

describe('sortBookmarks', () => {
  it('newest added first, by title, or by event date with undated ones last', () => {
    expect(ids(sortBookmarks([...all], 'added'))).toEqual([3, 1, 2, 4]);
    expect(ids(sortBookmarks([...all], 'title'))).toEqual([4, 3, 2, 1]);
    expect(ids(sortBookmarks([...all], 'event'))).toEqual([2, 1, 3, 4]);
  });
});

describe('links', () => {
  it('dossierQuery: the tag, the country with whether a mention counts, the dates', () => {
    expect(
      dossierQuery({
        ...NO_FILTER,
        tag: 'visit',
        country: 'country/austria',
        mentioned: true,
        from: '2018-10-01',
        to: '2018-10-31',
      }),
    ).toBe('tag=visit&country=country%2Faustria&mentioned=1&from=2018-10-01&to=2018-10-31');
    expect(dossierQuery({ ...NO_FILTER, mentioned: true })).toBe('');
  });

  it('hrefOf: a section and a passage in the reader, anything else to its page', () => {
    expect(hrefOf({ ...base, type: 'section', key: '2018-no-1/s1' })).toBe('/read/2018-no-1/s1');
    expect(hrefOf(passage)).toBe('/read/2018-no-1/s1?p=2018-no-1%2Fs1%2Fp2');
    expect(hrefOf(person)).toBe('/entity/person/ana');
  });
});

describe('pageShown', () => {
  it('a passage, an event or a figure keeps its page; a person, an organisation or a country shows none', () => {
    expect(pageShown({ ...passage, page: 3 })).toBe(3);
    expect(pageShown({ ...seminar, page: 5 })).toBe(5);
    expect(pageShown({ ...base, type: 'figure', page: 2 })).toBe(2);
    for (const type of ['person', 'organisation', 'country'] as const)
      expect(pageShown({ ...person, type, page: 4 })).toBeNull();
    expect(pageShown({ ...passage, page: null })).toBeNull();
  });
});
