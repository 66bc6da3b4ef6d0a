/** The palette's keyboard, pure (renderer/src/search/palette-keys.std.ts, #25). */
import { describe, expect, it } from 'vitest';
import { isPaletteMove, movedActive } from '../../renderer/src/search/palette-keys.std';

describe('movedActive', () => {
  it('moves down and up one hit at a time', () => {
    expect(movedActive('ArrowDown', 0, 8)).toBe(1);
    expect(movedActive('ArrowUp', 3, 8)).toBe(2);
  });

  it('stops at the last hit and at the first', () => {
    expect(movedActive('ArrowDown', 7, 8)).toBe(7);
    expect(movedActive('ArrowUp', 0, 8)).toBe(0);
  });
});

describe('isPaletteMove', () => {
  it('takes the arrows up and down, and no other key', () => {
    expect(['ArrowDown', 'ArrowUp', 'Enter', 'ArrowLeft', 'k'].filter(isPaletteMove)).toEqual(['ArrowDown', 'ArrowUp']);
  });
});
