/** How the structure stage cuts sections from lines (db/pipeline/sections.std.ts). */
import { describe, expect, it } from 'vitest';
import type { SourceLine } from '../../db/pipeline/lines.std';
import { splitSections } from '../../db/pipeline/sections.std';

/** Text lines as a text source gives them (no style), numbered from 1; a page is a list of lines. */
function linesOf(pages: string[][]): SourceLine[] {
  let no = 0;
  return pages.flatMap((page, pageIndex) =>
    page.map((text) => ({ no: ++no, text, pageIndex, gapBefore: text === '' ? 0 : 1, indented: false, box: null, style: null })),
  ).filter((line) => line.text !== '');
}

describe('sections cut from a page', () => {
  it('gives a title with nothing under it the heading that follows it on its page, never an empty section', () => {
    const sections = splitSections(
      linesOf([
        ['THE REGIONAL MEETING IN TIRANA', 'Prosecutors from five countries met to compare their cases of forced labour.'],
        ['DR. MARIA KOVAC', 'THREE QUESTIONS TO…', 'HEAD OF THE REGIONAL', 'OFFICE', '1. What does the office do today against trafficking in the region?', 'It trains judges and supports shelters.'],
      ]),
      new Set(),
    );
    expect(sections.map((s) => [s.title, s.kicker, s.blocks.length > 0])).toEqual([
      ['THE REGIONAL MEETING IN TIRANA', null, true],
      ['DR. MARIA KOVAC HEAD OF THE REGIONAL OFFICE', 'THREE QUESTIONS TO…', true],
    ]);
  });

  it('keeps two headings apart when the first has text under it', () => {
    const sections = splitSections(
      linesOf([['THE REGIONAL MEETING IN TIRANA', 'Prosecutors met to compare their cases.', 'FOCUS ON…', 'THE SHELTERS OF SKOPJE', 'Three shelters opened this year.']]),
      new Set(),
    );
    expect(sections.map((s) => s.title)).toEqual(['THE REGIONAL MEETING IN TIRANA', 'THE SHELTERS OF SKOPJE']);
  });
});
