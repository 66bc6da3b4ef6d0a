/**
 * `accountWords` on a two-page source built by hand (#27): every line's words counted once, on its
 * printed page, as kept, dropped with its reason, or unaccounted (nowhere, or in two places).
 * `import-accounting.test.ts` checks the invariant on real PDFs; this pins each branch.
 */
import { describe, expect, it } from 'vitest';
import { accountWords, keptPercent, wordsIn } from '../../db/pipeline/accounting.std';
import type { ExtractedIssue } from '../../db/pipeline/extract-issue.std';

/** A page opens with a line that starts with one space after a line with text (pages.std.ts). */
const SOURCE = [
  'Title one', // 1 kept (title)
  'First paragraph words here.', // 2 kept
  'Page 1 footer', // 3 dropped: page-number
  ' Second page title', // 4 opens page 2, kept (title)
  'Lost line of three', // 5 nowhere
  'Twice cited line', // 6 in two paragraphs
  '', // 7 blank: no words, no entry
  'Another drop  ', // 8 dropped: running-header (trailing spaces: the lists keep the line trimmed)
].join('\n');

const section = (title: string, page: number, titleLines: number[], paragraphs: number[][]) => ({
  key: title,
  title,
  kicker: null,
  page,
  titleLines,
  paragraphs: paragraphs.map((lines) => ({ lines })),
});
const ISSUE = {
  sections: [section('Title one', 3, [1], [[2]]), section('Second page title', 4, [4], [[6], [6]])],
  dropped: [
    { no: 3, text: 'Page 1 footer', reason: 'page-number' },
    { no: 8, text: 'Another drop', reason: 'running-header' },
  ],
} as unknown as ExtractedIssue;

describe('accountWords', () => {
  const account = accountWords(SOURCE, ISSUE, 3);

  it('tallies each printed page: its words kept, dropped and unaccounted, and its sections', () => {
    expect(account.pages).toEqual([
      { page: 3, total: 9, kept: 6, dropped: 3, unaccounted: 0, sections: ['Title one'] },
      { page: 4, total: 12, kept: 3, dropped: 2, unaccounted: 7, sections: ['Second page title'] },
    ]);
    expect(account).toMatchObject({ total: 21, kept: 9 });
  });

  it('lists the dropped words by reason, with their lines and pages', () => {
    expect(account.dropped).toEqual([
      { reason: 'page-number', words: 3, lines: [{ page: 3, text: 'Page 1 footer' }] },
      { reason: 'running-header', words: 2, lines: [{ page: 4, text: 'Another drop' }] },
    ]);
  });

  it('lists a line in no place, and a line in two, as unaccounted', () => {
    expect(account.unaccounted).toEqual([
      { page: 4, text: 'Lost line of three', words: 4 },
      { page: 4, text: 'Twice cited line', words: 3 },
    ]);
  });

  it('numbers pages from 1 when no first page is given', () => {
    expect(accountWords(SOURCE, ISSUE).pages.map((p) => p.page)).toEqual([1, 2]);
  });
});

describe('wordsIn and keptPercent', () => {
  it('count runs of letters or digits, in any script', () => {
    expect(wordsIn('COVID-19, 15 313 l’été — Škofja Loka')).toBe(8);
    expect(wordsIn(' … — ')).toBe(0);
  });

  it('give the share kept with one decimal, and 100.0 for nothing to keep', () => {
    expect(keptPercent({ kept: 9, total: 21 })).toBe('42.9');
    expect(keptPercent({ kept: 1, total: 3 })).toBe('33.3');
    expect(keptPercent({ kept: 0, total: 0 })).toBe('100.0');
  });
});
