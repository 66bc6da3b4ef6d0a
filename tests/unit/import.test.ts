/** The import service's pure helpers (#25), lifted out of its closure: tested alone. */
import { describe, expect, it } from 'vitest';
import { keep, uniqueKey } from '../../main/services/import/import.node';

describe('uniqueKey ("keep both")', () => {
  it('keeps a free key, else takes the first numbered one no issue has', () => {
    expect(uniqueKey('2026-no-26', new Set(['2025-no-25']))).toBe('2026-no-26');
    expect(uniqueKey('2026-no-26', new Set(['2026-no-26']))).toBe('2026-no-26-2');
    expect(uniqueKey('2026-no-26', new Set(['2026-no-26', '2026-no-26-2', '2026-no-26-3']))).toBe('2026-no-26-4');
  });
});

describe('keep (uploads and jobs held at once)', () => {
  it('holds the four newest: the oldest goes first', () => {
    const held = new Map<string, number>();
    for (let n = 1; n <= 6; n++) keep(held, `j${n}`, n);
    expect([...held.keys()]).toEqual(['j3', 'j4', 'j5', 'j6']);
  });
});
