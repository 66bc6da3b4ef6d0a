/** How the structure stage cuts sections from lines (db/pipeline/issue/sections.std.ts). */
import { describe, expect, it } from 'vitest';
import type { SourceLine } from '../../db/pipeline/text/lines.std';
import { marksParagraphs, splitSections } from '../../db/pipeline/issue/sections.std';
import type { LineStyle } from '../../db/pipeline/text/style.std';

/** Text lines as a text source gives them (no style), numbered from 1; a page is a list of lines. */
function linesOf(pages: string[][]): SourceLine[] {
  let no = 0;
  return pages
    .flatMap((page, pageIndex) =>
      page.map((text) => ({
        no: ++no,
        text,
        pageIndex,
        gapBefore: text === '' ? 0 : 1,
        indented: false,
        box: null,
        style: null,
      })),
    )
    .filter((line) => line.text !== '');
}

describe('sections cut from a page', () => {
  it('gives a title with nothing under it the heading that follows it on its page, never an empty section', () => {
    const sections = splitSections(
      linesOf([
        [
          'THE REGIONAL MEETING IN TIRANA',
          'Prosecutors from five countries met to compare their cases of forced labour.',
        ],
        [
          'DR. MARIA KOVAC',
          'THREE QUESTIONS TO…',
          'HEAD OF THE REGIONAL',
          'OFFICE',
          '1. What does the office do today against trafficking in the region?',
          'It trains judges and supports shelters.',
        ],
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
      linesOf([
        [
          'THE REGIONAL MEETING IN TIRANA',
          'Prosecutors met to compare their cases.',
          'FOCUS ON…',
          'THE SHELTERS OF SKOPJE',
          'Three shelters opened this year.',
        ],
      ]),
      new Set(),
    );
    expect(sections.map((s) => s.title)).toEqual(['THE REGIONAL MEETING IN TIRANA', 'THE SHELTERS OF SKOPJE']);
  });
});

/** Lines as a PDF's layout writes them, styled (a line in capitals as a title, the rest as running text); '' is a blank line. */
function pdfLines(pages: string[][]): SourceLine[] {
  const body: LineStyle = { size: 1, bold: false, italic: false, font: 'Body' };
  const title: LineStyle = { size: 1.6, bold: true, italic: false, font: 'Body-Bold' };
  let no = 0;
  return pages.flatMap((page, pageIndex) => {
    let gap = 0;
    return page.flatMap((text) => {
      no++;
      if (text === '') {
        gap++;
        return [];
      }
      const line = {
        no,
        text,
        pageIndex,
        gapBefore: gap,
        indented: false,
        box: null,
        style: text === text.toUpperCase() ? title : body,
      };
      gap = 0;
      return [line];
    });
  });
}

/** Paragraphs of the sections, each as its lines' text joined. */
const paragraphsOf = (lines: SourceLine[]) =>
  splitSections(lines, new Set()).flatMap((s) => s.blocks.map((b) => b.lines.map((l) => l.text).join(' ')));

describe('paragraphs where a PDF marks them (#29)', () => {
  // Justified narrow columns: a line that ends a sentence inside a paragraph is stretched to the
  // column's edge, yet has fewer letters than its neighbours; paragraphs are parted by space.
  const column = [
    'The Group of Experts published its general report on',
    'the identification of victims in asylum procedures,',
    'and its findings deserve the attention of ministries.',
    'It was discussed in Vienna.',
    '',
    'Prosecutors still find it hard to prove that a forced',
    'marriage was forced when the parents arranged it and',
    'most victims withdraw their statements before trial.',
    'Shelters need funding.',
    '',
    'The text, issued as a document of the Commission, calls',
    'on States to protect victims from the punishment for',
    'the offences they were compelled to commit.',
    'In 2020, eleven investigations were opened in the region',
    'by the police, according to the national authorities.',
    'The number is rising.',
    '',
    'A regional seminar on the protection of the witnesses',
    'took place in Skopje, with the judges and prosecutors',
    'of the region and the police of the four countries.',
    'It will meet again.',
  ];
  const paragraph = (from: number, to: number) => column.slice(from, to).join(' ');

  it('runs a short sentence end on where no space parts it from the next line', () => {
    const lines = pdfLines([['EDITORIAL', ...column]]);
    expect(marksParagraphs(lines)).toBe(true);
    expect(paragraphsOf(lines)).toEqual([paragraph(0, 4), paragraph(5, 9), paragraph(10, 16), paragraph(17, 21)]);
  });

  it('keeps a short sentence end as a paragraph end where the document marks no paragraph', () => {
    const lines = pdfLines([['EDITORIAL', ...column.filter((l) => l !== '')]]);
    expect(marksParagraphs(lines)).toBe(false);
    expect(paragraphsOf(lines)).toContain(paragraph(10, 13));
  });

  it('runs a paragraph on across a page that goes on with a capital or a symbol', () => {
    const lines = pdfLines([
      [
        'EDITORIAL',
        ...column.slice(0, 5),
        'The Commission on Crime Prevention adopted a resolution',
        'last year in Vienna. The text, issued as the document',
      ],
      [
        'CTOC/COP/2020/L.4, calls on States to protect victims from',
        'punishment for offences they were compelled to commit.',
      ],
    ]);
    expect(paragraphsOf(lines)).toEqual([
      paragraph(0, 4),
      'The Commission on Crime Prevention adopted a resolution last year in Vienna. The text, issued as the document CTOC/COP/2020/L.4, calls on States to protect victims from punishment for offences they were compelled to commit.',
    ]);
  });

  it('does not run a one-line subheading on into the next page', () => {
    const lines = pdfLines([
      ['EDITORIAL', ...column.slice(0, 5), 'Background'],
      ['Prosecutors met in Vienna to compare their', 'cases of forced labour.'],
    ]);
    expect(paragraphsOf(lines)).toEqual([
      paragraph(0, 4),
      'Background',
      'Prosecutors met in Vienna to compare their cases of forced labour.',
    ]);
  });

  it('runs a paragraph on across a page after a parenthesis where the page goes on in lower case (#29)', () => {
    const lines = pdfLines([
      ['EDITORIAL', ...column.slice(0, 5), 'France granted USD 467,362 to the European', 'Labour Authority (ELA)'],
      ['for its programme in Moldova. The text was adopted.', 'Prosecutors met in Vienna.'],
    ]);
    expect(paragraphsOf(lines)[1]).toBe(
      'France granted USD 467,362 to the European Labour Authority (ELA) for its programme in Moldova. The text was adopted. Prosecutors met in Vienna.',
    );
  });

  it('runs a paragraph on into a first line that ends it, where the page sets both alike (#29)', () => {
    const lines = pdfLines([
      ['EDITORIAL', ...column.slice(0, 5), 'In August 2028, the Office for Democratic', 'Institutions and'],
      ['Human Rights (ODIHR) will hold a workshop in Belgrade.', '', 'Background'],
    ]);
    expect(paragraphsOf(lines)[1]).toBe(
      'In August 2028, the Office for Democratic Institutions and Human Rights (ODIHR) will hold a workshop in Belgrade.',
    );
  });

  it('runs a paragraph on across a page over the footnote that closes the page', () => {
    const lines = pdfLines([
      [
        'EDITORIAL',
        ...column.slice(0, 5),
        'In Serbia, the non-governmental organisation ASTRA',
        'has recorded cases in which families received between',
        '',
        '1 The figures are those of the national authorities.',
      ],
      ['2,000 and 10,000 euros for a daughter of fourteen or', 'fifteen, in rural communities.'],
    ]);
    const note = lines.find((l) => l.text.startsWith('1 The figures'))!;
    note.box = 'box';
    expect(paragraphsOf(lines)).toEqual([
      paragraph(0, 4),
      'In Serbia, the non-governmental organisation ASTRA has recorded cases in which families received between 2,000 and 10,000 euros for a daughter of fourteen or fifteen, in rural communities.',
      '1 The figures are those of the national authorities.',
    ]);
  });
});

describe('small print in a paragraph’s way (#29)', () => {
  it('ends a pull quote’s attribution where the next column’s text opens at the running size', () => {
    const lines = pdfLines([
      [
        'THE RETURN OF VICTIMS',
        'The courts of the region still hear too few',
        'cases of labour exploitation.',
        '',
        '— Ambassador Goran Mercier, Director of the',
        'shelter for victims',
        'Professor Teuta Mercier, national rapporteur,',
        'recalled that the courts still hear too few cases.',
      ],
    ]);
    for (const l of lines.filter((x) => x.text.startsWith('—') || x.text === 'shelter for victims'))
      l.style = { ...l.style!, size: 0.9 };
    expect(paragraphsOf(lines)).toEqual([
      'The courts of the region still hear too few cases of labour exploitation.',
      '— Ambassador Goran Mercier, Director of the shelter for victims',
      'Professor Teuta Mercier, national rapporteur, recalled that the courts still hear too few cases.',
    ]);
  });
});
