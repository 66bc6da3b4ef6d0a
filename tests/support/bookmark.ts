/** A bookmark as the contract gives it, empty but for what a test sets: the pure bookmark helpers' tests build theirs from it. */
import type { Bookmark } from '../../common/contract/contract.std';

export const BLANK_BOOKMARK: Bookmark = {
  id: 0,
  key: '',
  type: 'passage',
  label: '',
  snapshot: '',
  issueKey: null,
  sectionKey: null,
  page: null,
  eventStart: null,
  countries: [],
  country: null,
  note: '',
  tags: [],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  orphaned: false,
};
