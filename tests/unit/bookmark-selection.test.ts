/** The Bookmarks screen's selection, pure (renderer/src/bookmarks/bookmark-selection.std.ts, #25). */
import { describe, expect, it } from 'vitest';
import { selectedShown, toggled } from '../../renderer/src/bookmarks/bookmark-selection.std';

describe('toggled', () => {
  it('ticks and unticks a row in a new set, leaving the old one as it was', () => {
    const before = new Set([1, 2]);
    expect([...toggled(before, 3, true)]).toEqual([1, 2, 3]);
    expect([...toggled(before, 1, false)]).toEqual([2]);
    expect([...toggled(before, 2, true)]).toEqual([1, 2]);
    expect([...before]).toEqual([1, 2]);
  });
});

describe('selectedShown', () => {
  it('keeps only the selected bookmarks the filters still show', () => {
    expect(selectedShown(new Set([4, 1, 7]), [{ id: 1 }, { id: 2 }, { id: 4 }])).toEqual([4, 1]);
    expect(selectedShown(new Set([9]), [{ id: 1 }])).toEqual([]);
  });
});
