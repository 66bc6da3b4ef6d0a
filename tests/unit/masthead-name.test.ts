/**
 * The newsletter's name over the first article (#29): set larger than the "Editorial" under it, on
 * a first page whose number and date stand elsewhere (a corner), it is the masthead, not a section
 * title. Lines shaped as the unseen sweep's seed-7037 (XeLaTeX, number in the top-left corner).
 */
import { describe, expect, it } from 'vitest';
import { mastheadOf } from '../../db/pipeline/issue/masthead.std';
import type { SourceLine } from '../../db/pipeline/text/lines.std';

const line = (no: number, text: string, size = 1, bold = false): SourceLine => ({
  no,
  text,
  pageIndex: 0,
  gapBefore: 1,
  indented: false,
  box: null,
  style: { size, bold, italic: false, font: bold ? 'Sans-Bold' : 'Sans' },
});
const name = [line(5, 'Fight against human trafficking in', 2.27, true), line(7, 'South-East Europe', 2.27, true)];
const article = [
  line(9, 'Editorial', 1.58, true),
  line(11, 'Dr Thomas Nikolic, Head of the Anti-Trafficking Unit,', 1),
  line(12, 'stressed that victims are identified late.', 1),
];
const corner = line(60, 'No. 66 — December 2030', 0.91, true);

describe('the newsletter’s name at the top of the first page', () => {
  it('is the masthead’s where it is set larger than the heading under it', () => {
    expect(mastheadOf([...name, ...article, corner]).lines).toEqual([5, 7, 60]);
  });
  it('stays a title where the page has no number or date line, or nothing smaller follows it', () => {
    expect(mastheadOf([...name, ...article]).lines).toEqual([]);
    expect(mastheadOf([...name, ...article.slice(1), corner]).lines).toEqual([60]);
  });
});
