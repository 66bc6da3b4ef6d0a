/**
 * The PDF layer on pages built in the test, one rule at a time: presentation forms, soft hyphens,
 * columns from the page's own x-positions, running headers, footnote marks and footnotes (#16).
 */
import { describe, expect, it } from 'vitest';
import { plainText, sourceFromLayout, type PdfPageText, type PdfRun } from '../../db/pipeline/source/pdf-layout.std';

const SIZE = 10;
const LEADING = 12;
const A4 = { width: 595, height: 842 };

/** A column of lines set from (x, top) down, one run per line. */
function column(lines: string[], x: number, top: number, width: number): PdfRun[] {
  return lines.map((text, i) => ({ text, x, y: top - i * LEADING, width, size: SIZE }));
}

const page = (runs: PdfRun[], rects: PdfPageText['rects'] = []): PdfPageText => ({ ...A4, runs, rects });
const textOf = (pages: PdfPageText[]) =>
  sourceFromLayout(pages)
    .text.split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
const words = (column: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${column} line ${i + 1} of the column`);

describe('presentation forms and soft hyphens', () => {
  it('reads ligatures and full-width letters as the letters they stand for', () => {
    expect(plainText('the ﬁrst ﬂow of ﬀ')).toBe('the first flow of ff');
    expect(plainText('ＵＮＯＤＣ')).toBe('UNODC');
  });
  it('leaves other characters as they are (an ellipsis, quotes)', () => {
    expect(plainText('Focus on… “quoted”')).toBe('Focus on… “quoted”');
  });
  it('turns a soft hyphen at a line end into the hyphen the line broke at, and drops it elsewhere', () => {
    expect(plainText('traffick\u00ADing')).toBe('trafficking');
    expect(plainText('traffick\u00AD')).toBe('traffick-');
  });
});

describe('columns found from the x-positions', () => {
  it('reads three columns down, left to right, under a title across them', () => {
    const title: PdfRun = {
      text: 'A title set across the three columns of the page',
      x: 60,
      y: 780,
      width: 470,
      size: 20,
    };
    const runs = [
      title,
      ...column(words('left', 20), 60, 740, 150),
      ...column(words('middle', 20), 225, 740, 150),
      ...column(words('right', 20), 390, 740, 150),
    ];
    const lines = textOf([page(runs)]);
    expect(lines[0]).toBe(title.text);
    expect(lines.slice(1, 21)).toEqual(words('left', 20));
    expect(lines.slice(21, 41)).toEqual(words('middle', 20));
    expect(lines.slice(41, 61)).toEqual(words('right', 20));
  });
  it('runs a sentence cut at the foot of a full column on at the head of the next, with no blank line', () => {
    const title: PdfRun = { text: 'Editorial', x: 60, y: 780, width: 90, size: 20 };
    const left = column(words('left', 20), 60, 740, 220);
    left[19] = { ...left[19]!, text: 'and the sentence goes on in' };
    const right = column(['the next column, where it ends.', ...words('right', 5)], 310, 740, 220);
    const text = sourceFromLayout([page([title, ...left, ...right])]).text;
    expect(text).toContain('and the sentence goes on in\nthe next column, where it ends.');
  });
  it('reads a page of one column as one column, however ragged', () => {
    // Every third line stops short, at the same place: a stripe no line of those crosses.
    const lines = words('only', 30).map((l, i) => (i % 3 ? l : l.slice(0, 11)));
    const runs = column(lines, 60, 740, 300).map((r) => ({ ...r, width: r.text.length * 5 }));
    expect(textOf([page(runs)])).toEqual(lines);
  });
});

describe('page furniture', () => {
  const header = (n: number): PdfRun[] => [
    { text: 'Fight against human trafficking in South-East Europe', x: 150, y: 800, width: 300, size: 8 },
    { text: String(n), x: 295, y: 30, width: 6, size: 8 },
  ];
  it('drops a running header repeated across pages, with the reason', () => {
    const pages = [1, 2, 3].map((n) => page([...header(n), ...column(words(`page ${n}`, 10), 60, 740, 400)]));
    const { text, overlay } = sourceFromLayout(pages);
    const lines = text.split('\n');
    const dropped = overlay.drop
      .filter((d) => d.reason === 'running header or footer')
      .map((d) => lines[Number(d.lines) - 1]);
    expect(dropped).toEqual(Array(3).fill('Fight against human trafficking in South-East Europe'));
    expect(overlay.drop.filter((d) => d.reason === 'page number')).toHaveLength(3);
  });
  it('keeps a first line that is not repeated on the other pages', () => {
    const pages = [1, 2].map((n) =>
      page([
        { text: `A heading of page ${n}`, x: 60, y: 790, width: 200, size: 16 },
        ...column(words(`page ${n}`, 10), 60, 740, 400),
      ]),
    );
    expect(sourceFromLayout(pages).overlay.drop).toEqual([]);
  });
  it('puts a raised footnote mark aside and keeps the footnote apart, as a box', () => {
    const body = column(words('body', 8), 60, 740, 400);
    const mark: PdfRun = { text: '1', x: 461, y: body[7]!.y + 4, width: 4, size: 6 };
    const note: PdfRun[] = [
      { text: '1 The Protocol entered into force on 25 December 2003.', x: 60, y: 100, width: 300, size: 8 },
    ];
    const { text, overlay } = sourceFromLayout([page([...body, mark, ...note])]);
    const lines = text.split('\n');
    expect(lines).toContain(body[7]!.text);
    const box = overlay.boxes.find((b) => b.lines.some((no) => lines[Number(no) - 1] === note[0]!.text));
    expect(box?.kind).toBe('box');
  });
});

describe('a ligature pdf.js cuts out of its word (#29)', () => {
  /** "…Human Tra" | "ﬃ" | "cking …": three items where the glyphs stand, touching, as pdf.js gives them. */
  function splitWordLine(x: number, y: number): PdfRun[] {
    const head = { text: 'were trained by the Human Tra', x, y, width: 125, size: SIZE };
    const piece = { text: '\uFB03', x: head.x + head.width, y, width: 8, size: SIZE };
    const tail = { text: 'cking unit of the police', x: piece.x + piece.width, y, width: 85, size: SIZE };
    return [head, piece, tail];
  }

  it('reads the pieces as one word, and the column around them as it is', () => {
    const left = column(words('left', 20), 60, 740, 220);
    left.splice(10, 1, ...splitWordLine(60, 740 - 10 * LEADING));
    const right = column(words('right', 20), 310, 740, 220);
    const lines = textOf([page([...left, ...right])]);
    expect(lines.slice(0, 20)).toEqual([
      ...words('left', 10),
      'were trained by the Human Trafficking unit of the police',
      ...words('left', 20).slice(11),
    ]);
    expect(lines.slice(20)).toEqual(words('right', 20));
    // No line of the column was taken for indented, and no blank line cut it.
    expect(
      sourceFromLayout([page([...left, ...right])])
        .text.split('\n')
        .slice(0, 20)
        .every((l) => /^\S/.test(l)),
    ).toBe(true);
  });
});

describe('a thin space between the digits of a number (#29)', () => {
  /** "France granted $882" | "478 to the…": the narrow no-break space drawn as a gap of 0.125 em, as Chromium and LibreOffice draw it. */
  it('writes the gap as a space, and joins the pieces of a word that touch', () => {
    const head = { text: 'France granted $882', x: 60, y: 700, width: 90, size: SIZE };
    const tail = { text: '478 to the Council', x: head.x + head.width + 0.125 * SIZE, y: 700, width: 80, size: SIZE };
    const word = { text: 'Tra', x: 60, y: 688, width: 14, size: SIZE };
    const rest = { text: 'fficking in 2024', x: word.x + word.width + 0.05 * SIZE, y: 688, width: 60, size: SIZE };
    expect(textOf([page([head, tail, word, rest])])).toEqual([
      'France granted $882 478 to the Council',
      'Trafficking in 2024',
    ]);
  });
});

describe("a paragraph's first line set in with no space above it (#29)", () => {
  /** groff -mom: every paragraph's first line set in by 2.5 ems, the lines at one leading, no space between paragraphs. */
  it("marks the indent, and not a quotation set in on every line, nor an entry's hanging second line", () => {
    const left = 60;
    const at = (text: string, i: number, inset = 0) => ({
      text,
      x: left + inset,
      y: 740 - i * LEADING,
      width: 200,
      size: SIZE,
    });
    const runs = [
      at('their families at home will be punished.', 0),
      at('In 2027, eleven police officers were trained in', 1, 25),
      at('Albania, according to the European Union Agency.', 2),
      at('“A victim who is punished will never trust', 3, 25),
      at('the police again,” said the prosecutor of the region.', 4, 25),
      at('The text was adopted in 2024 by the Commission: joint', 5),
      at('seminar on forced marriage in Vienna', 6, 25),
      at('The last line of the column stands at the left edge.', 7),
    ];
    const lines = sourceFromLayout([page(runs)])
      .text.split('\n')
      .filter((l) => l.trim() !== '');
    expect(lines.filter((l) => l.startsWith('    ')).map((l) => l.trim())).toEqual([
      'In 2027, eleven police officers were trained in',
    ]);
  });
});

describe('the same footnote under several pages (#29)', () => {
  /** A page whose column ends with a sentence that calls note 1 (raised, small), and the note's own items below. */
  const notedPage = (name: string, noteItems: PdfRun[]) =>
    page([
      ...column(words(name, 12), 60, 740, 220),
      { text: 'were trained by the police', x: 60, y: 740 - 12 * LEADING, width: 120, size: SIZE },
      { text: '1', x: 181, y: 740 - 12 * LEADING + 4, width: 3, size: 6 },
      ...noteItems,
    ]);
  /** The text of each line the layout dropped as page furniture. */
  const droppedOf = ({ text, overlay }: ReturnType<typeof sourceFromLayout>) =>
    overlay.drop.map((d) => text.split('\n')[Number(d.lines) - 1]!.trim());

  it('is a footnote of each page, not a running footer', () => {
    const note = '1 The figures are those published by the national authorities.';
    const read = sourceFromLayout(
      ['left', 'right'].map((name) => notedPage(name, [{ text: note, x: 60, y: 60, width: 220, size: 8 }])),
    );
    expect(droppedOf(read)).toEqual(['1', '1']);
    expect(read.text.split('\n').filter((l) => l.trim() === note)).toHaveLength(2);
  });
  it('keeps a footnote of two lines, its last line too, repeated on three pages', () => {
    const note = ['1 The figures are those published by the national au-', 'thorities in 2020.'];
    const items = note.map((text, i) => ({ text, x: 60, y: 70 - i * 10, width: i === 0 ? 220 : 80, size: 8 }));
    const read = sourceFromLayout(['first', 'second', 'third'].map((name) => notedPage(name, items)));
    expect(droppedOf(read)).toEqual(['1', '1', '1']);
  });
  it('keeps the last line of a footnote whose number stands alone, beside a column that runs lower (groff)', () => {
    const note = ['The figures are those published by the national', 'authorities in 2024.'];
    const pageWith = (name: string) =>
      page([
        ...column(words(name, 20), 60, 740, 220),
        { text: '3', x: 62, y: 82, width: 4, size: 8 },
        ...note.map((text, i) => ({ text, x: 60, y: 72 - i * 10, width: i === 0 ? 200 : 80, size: 8 })),
        ...column(words(`${name} right`, 58), 310, 740, 220),
      ]);
    const read = sourceFromLayout(['first', 'second', 'third'].map(pageWith));
    expect(droppedOf(read).filter((l) => note.includes(l))).toEqual([]);
    expect(read.text.split('\n').filter((l) => l.trim() === note[1])).toHaveLength(3);
  });
  it('is a footnote too where its number is printed against its first word (LibreOffice: "1The figures…")', () => {
    const note = '1The figures are those published by the national authorities.';
    const read = sourceFromLayout(
      ['left', 'right'].map((name) => notedPage(name, [{ text: note, x: 60, y: 60, width: 220, size: 8 }])),
    );
    expect(droppedOf(read)).toEqual(['1', '1']);
    const lines = read.text.split('\n');
    expect(lines.filter((l) => l.trim() === note)).toHaveLength(2);
    // Each note is a box of its own (a footnote), not running text.
    const boxed = read.overlay.boxes.flatMap((b) => b.lines.map((no) => lines[Number(no) - 1]!.trim()));
    expect(boxed.filter((l) => l === note)).toHaveLength(2);
  });
});

describe('a band too short to show its own columns (#29)', () => {
  it('is read at the gutter of the page’s columns below it (the end of a paragraph at the head of a page)', () => {
    const header: PdfRun = { text: 'The newsletter’s running header', x: 189, y: 802, width: 218, size: 9 };
    const title: PdfRun = {
      text: 'A title across the whole page over the columns',
      x: 57,
      y: 700,
      width: 480,
      size: 17,
    };
    const runs = [
      header,
      ...column(
        [
          'experts met in Strasbourg for an expert meeting on',
          'the protection of witnesses, organised by the Ministry',
        ],
        57,
        764,
        233,
      ),
      { text: 'of Justice of Albania.', x: 306, y: 764, width: 93, size: SIZE },
      title,
      ...column(words('left', 12), 57, 670, 233),
      ...column(words('right', 12), 306, 670, 233),
    ];
    // The header, alone at the top of one page, is dropped as furniture; it crosses the gutter and is not the band's text.
    expect(textOf([page(runs)]).slice(0, 4)).toEqual([
      'experts met in Strasbourg for an expert meeting on',
      'the protection of witnesses, organised by the Ministry',
      'of Justice of Albania.',
      title.text,
    ]);
  });
});

describe('a heading set in one column with nothing beside it (#29)', () => {
  const heading = (text: string, y: number, size = 15): PdfRun => ({ text, x: 60, y, width: 150, size });
  it('is read where it stands: the columns above it first (a title CSS columns set at one column’s width)', () => {
    const runs = [
      ...column(words('upper left', 10), 60, 740, 220),
      ...column(words('upper right', 10), 310, 740, 220),
      heading('A title in one column', 600),
      ...column(words('lower left', 8), 60, 575, 220),
      ...column(words('lower right', 8), 310, 575, 220),
    ];
    expect(textOf([page(runs)])).toEqual([
      ...words('upper left', 10),
      ...words('upper right', 10),
      'A title in one column',
      ...words('lower left', 8),
      ...words('lower right', 8),
    ]);
  });
  it('closes the columns above it when nothing of theirs goes on below it (a kicker under LaTeX columns)', () => {
    const title: PdfRun = { text: 'the title across the page under its kicker', x: 60, y: 570, width: 470, size: 20 };
    const runs = [
      ...column(words('upper left', 10), 60, 740, 220),
      ...column(words('upper right', 10), 310, 740, 220),
      heading('Return to…', 600, 12),
      title,
      ...column(words('lower left', 8), 60, 540, 220),
      ...column(words('lower right', 8), 310, 540, 220),
    ];
    expect(textOf([page(runs)]).slice(0, 22)).toEqual([
      ...words('upper left', 10),
      ...words('upper right', 10),
      'Return to…',
      title.text,
    ]);
  });
  it('closes three columns when the nearest column ended more than a line of its size above it (LibreOffice)', () => {
    // The middle column's last line stands 1.4 of the kicker's size above it: not beside it.
    const title: PdfRun = { text: 'the title across the page under its kicker', x: 60, y: 565, width: 470, size: 16 };
    const runs = [
      ...column(words('left', 8), 60, 740, 150),
      ...column(words('middle', 12), 230, 740, 150),
      ...column(words('right', 6), 400, 740, 150),
      heading('Focus on…', 740 - 11 * LEADING - 16.8, 12),
      title,
      ...column(words('lower left', 6), 60, 540, 150),
      ...column(words('lower middle', 6), 230, 540, 150),
    ];
    expect(textOf([page(runs)]).slice(0, 28)).toEqual([
      ...words('left', 8),
      ...words('middle', 12),
      ...words('right', 6),
      'Focus on…',
      title.text,
    ]);
  });
  it('keeps a title of several lines whole when text stands beside its first line only', () => {
    const lines = ['A title set', 'over three lines', 'in one column'];
    const runs = [
      ...column(words('left', 6), 60, 740, 220),
      ...lines.map((text, i) => heading(text, 660 - 15 * i, 13)),
      ...column(words('lower left', 5), 60, 610, 220),
      ...column(words('right', 7), 310, 740, 220),
      ...column(words('lower right', 5), 310, 610, 220),
    ];
    expect(textOf([page(runs)])).toEqual([
      ...words('left', 6),
      ...lines,
      ...words('lower left', 5),
      ...words('right', 7),
      ...words('lower right', 5),
    ]);
  });
  it('stays in its column when its own text goes on under it beside a column that ended higher', () => {
    const runs = [
      ...column(words('left', 12), 60, 740, 220),
      heading('A subheading', 740 - 13 * LEADING),
      ...column(words('after the subheading', 6), 60, 740 - 15 * LEADING, 220),
      ...column(words('right', 8), 310, 740, 220),
    ];
    expect(textOf([page(runs)])).toEqual([
      ...words('left', 12),
      'A subheading',
      ...words('after the subheading', 6),
      ...words('right', 8),
    ]);
  });
});

describe('blank lines measured in the leading of the lines’ own size (#29)', () => {
  it('does not cut running text set on a pixel grid by the tighter leading of smaller type', () => {
    // Chromium's 10-point lines stand 12.75 and 13.5 points apart in turn; a part set in 8 points, 10.5.
    const ys = Array.from({ length: 12 }, (_, i) => 740 - Math.floor(i / 2) * 26.25 - (i % 2) * 12.75);
    const first = ys.map((y, i) => ({ text: `first paragraph line ${i + 1}`, x: 60, y, width: 300, size: SIZE }));
    const second = column(words('second paragraph', 4), 60, ys[11]! - 22, 300);
    const small = Array.from({ length: 8 }, (_, i) => ({
      text: `small print line ${i + 1}`,
      x: 60,
      y: 300 - i * 10.5,
      width: 200,
      size: 8,
    }));
    const lines = sourceFromLayout([page([...first, ...second, ...small])]).text.split('\n');
    const at = lines.indexOf('first paragraph line 1');
    expect(lines.slice(at, at + 14)).toEqual([...first.map((r) => r.text), '', words('second paragraph', 1)[0]]);
  });
});

describe('a sentence cut at the foot of a column above a footnote (#29)', () => {
  it('runs on at the head of the next column, the footnote after it', () => {
    const left = column(words('left', 18), 60, 740, 220);
    left[17] = { ...left[17]!, text: 'Its director called for the confiscation of the' };
    const note: PdfRun = { text: '1 The names of the victims have been changed.', x: 60, y: 500, width: 200, size: 8 };
    const right = column(['profits of the networks, and for compensation.', ...words('right', 5)], 310, 740, 220);
    const lines = sourceFromLayout([page([...left, note, ...right])]).text.split('\n');
    const at = lines.indexOf(left[17]!.text);
    expect(lines.slice(at, at + 2)).toEqual([left[17]!.text, right[0]!.text]);
    expect(lines.indexOf(note.text)).toBeGreaterThan(lines.indexOf(words('right', 5)[4]!));
  });
  it('runs on past its footnotes where the next column runs lower than the sentence (the notes take its foot)', () => {
    const left = column(words('left', 18), 60, 740, 220);
    left[17] = { ...left[17]!, text: 'Its director called for the confiscation of the' };
    const notes: PdfRun[] = [
      { text: '1 The names of the victims have been changed,', x: 60, y: 510, width: 200, size: 8 },
      { text: 'as they asked.', x: 60, y: 500, width: 60, size: 8 },
    ];
    const right = column(['profits of the networks, and for compensation.', ...words('right', 21)], 310, 740, 220);
    const lines = sourceFromLayout([page([...left, ...notes, ...right])]).text.split('\n');
    const at = lines.indexOf(left[17]!.text);
    expect(lines.slice(at, at + 2)).toEqual([left[17]!.text, right[0]!.text]);
  });
});

describe('footnote numbers raised near another column’s line (#29)', () => {
  const mark = (text: string, x: number, y: number): PdfRun => ({ text, x, y, width: 3, size: 5.6 });
  const note = (text: string, x: number, y: number): PdfRun => ({ text, x, y, width: 170, size: 8 });
  it('numbers each column’s footnote where two stand on one baseline (groff)', () => {
    // Each column's last sentence stops above its own footnote; the notes' numbers and first lines
    // stand 1.6 points apart, so the page's baselines hold both.
    const left = column(words('left', 20), 60, 740, 220);
    const right = column(words('right', 20), 310, 740, 220);
    const runs = [
      ...left,
      ...right,
      mark('1', 70, 487.3),
      note('The full report is available.', 75, 484),
      mark('2', 320, 488.9),
      note('The figures are those published.', 325, 485.6),
    ];
    const { text, overlay } = sourceFromLayout([page(runs)]);
    const lines = text.split('\n').map((l) => l.trim());
    for (const n of ['1 The full report is available.', '2 The figures are those published.']) {
      const box = overlay.boxes.find((b) => b.lines.some((no) => lines[Number(no) - 1] === n));
      expect(box?.kind, n).toBe('box');
    }
  });
  it('puts a number raised to the height of the next column’s line back on its footnote (Typst)', () => {
    const left = column(words('left', 20), 60, 740, 220);
    // The right column's 21st line stands 0.5 points under the raised number of the left's footnote.
    const right = column(words('right', 22), 310, 736.7, 220);
    const runs = [...left, ...right, mark('1', 59.5, 497.2), note('The figures are those published.', 63.7, 493.1)];
    const lines = textOf([page(runs)]);
    expect(lines).toContain('1 The figures are those published.');
    expect(lines).not.toContain('1');
  });
  it('leaves a mark on the line of the word it touches when another column’s line stands just under it', () => {
    // The right column's mark after "ministry" is raised 3 points; the left column's line, set 2
    // points lower than the right's, stands under it within its reach, far from it across the page.
    const left = column(words('left', 20), 60, 740, 220);
    const right = column(words('right', 20), 310, 742, 200);
    right[5] = { ...right[5]!, text: 'the figures given by the ministry' };
    const runs = [
      ...left,
      ...right,
      mark('1', 510.5, right[5].y + 3),
      mark('1', 310, 90),
      note('The figures are those of 2024.', 314, 86),
    ];
    const { text, overlay } = sourceFromLayout([page(runs)]);
    const lines = text.split('\n').map((l) => l.trim());
    // The mark is put aside (the overlay drops its line), not read as text on the left column's line.
    expect(overlay.drop).toEqual([{ lines: expect.any(String), reason: 'footnote mark' }]);
    expect(lines[Number(overlay.drop[0]!.lines) - 1]).toBe('1');
    expect(lines).toContain('1 The figures are those of 2024.');
  });
});

describe('columns set inside one column of the page (#29)', () => {
  const run = (text: string, x: number, y: number, width: number): PdfRun => ({ text, x, y, width, size: SIZE });
  const entries = (side: string, n: number) => Array.from({ length: n }, (_, i) => `${side} entry ${i + 1}`);
  /** A left column holding running text, then a calendar of two sub-columns, then running text; a right column beside it. */
  function calendarPage(right: (i: number) => number, leftWidth: (i: number) => number = () => 70): PdfRun[] {
    const top = 740;
    const rowsAt = top - 5 * LEADING;
    const calendar = [
      run('En bref', 60, rowsAt, 60),
      run('À venir', right(-1), rowsAt, 60),
      ...entries('past', 4).map((t, i) => run(t, 60, rowsAt - (i + 1) * LEADING, leftWidth(i))),
      ...entries('coming', 4).map((t, i) => run(t, right(i), rowsAt - (i + 1) * LEADING, 70)),
    ];
    return [
      ...column(words('above', 5), 60, top, 220),
      ...calendar,
      ...column(words('below', 4), 60, rowsAt - 6 * LEADING, 220),
      ...column(words('right', 16), 310, top, 220),
    ];
  }
  /** The calendar page read as its reader reads it: each sub-column down, then the text below, then the right column. */
  const readDown = () => [
    ...words('above', 5),
    'En bref',
    ...entries('past', 4),
    'À venir',
    ...entries('coming', 4),
    ...words('below', 4),
    ...words('right', 16),
  ];
  it('reads a calendar of two sub-columns one after the other, each down (not across)', () => {
    expect(textOf([page(calendarPage(() => 170))])).toEqual(readDown());
  });
  it('cuts a line where two cells are set close, one em apart (Chromium), when the others open at that edge', () => {
    const close = (i: number) => (i < 2 ? 100 : 70);
    expect(textOf([page(calendarPage(() => 170, close))])).toEqual(readDown());
  });
  it('ends the sub-columns before a row whose line beyond the gap does not open at their edge (justified text)', () => {
    // groff's justified "France   co-sponsored   resolution" under a table: a word that falls
    // near the table's edge is no cell, and the row is read across, after the table.
    const lines = textOf([page(calendarPage((i) => (i === 2 ? 185 : 170)))]);
    expect(lines.slice(5, 11)).toEqual([
      'En bref',
      'past entry 1',
      'past entry 2',
      'À venir',
      'coming entry 1',
      'coming entry 2',
    ]);
    expect(lines.indexOf('coming entry 3')).toBe(lines.indexOf('past entry 3') + 1);
  });
  it('closes the sub-columns at a line across their edge: a calendar, a full line, a calendar', () => {
    const rows = (side: string, at: number) =>
      entries(side, 3).map((t, i) => [run(t, 60, at - i * LEADING, 70), run(`${t} beyond`, 170, at - i * LEADING, 90)]);
    const across = 'a full line set across the edge of the calendars';
    const runs = [
      ...column(words('above', 3), 60, 740, 220),
      ...rows('first', 740 - 4 * LEADING).flat(),
      run(across, 60, 740 - 7 * LEADING, 220),
      ...rows('second', 740 - 8 * LEADING).flat(),
      ...column(words('right', 14), 310, 740, 220),
    ];
    const lines = textOf([page(runs)]);
    const first = entries('first', 3);
    const second = entries('second', 3);
    expect(lines.slice(3, 16)).toEqual([
      ...first,
      ...first.map((t) => `${t} beyond`),
      across,
      ...second,
      ...second.map((t) => `${t} beyond`),
    ]);
  });
});

describe('a narrow sub-column whose cells wrap, inside one column (#29)', () => {
  const run = (text: string, x: number, y: number, width: number): PdfRun => ({ text, x, y, width, size: SIZE });
  it('is read down before the cells beside it, though its edge leaves under 35 % of the column on its left', () => {
    // "En bref" entries wrapped in a cell of a 220-point column whose edge is at 74 points (34 %),
    // a date's line running to 17 points of it and its event going on in lower case on the next row.
    const left: [string, number][] = [
      ['En bref', 35],
      ['6 April 2019, Ljubljana:', 57],
      ['national expert meeting', 50],
      ['9 May 2020, Skopje:', 52],
      ['regional workshop', 45],
      ['3 June 2021, Sofia:', 50],
      ['joint round table', 44],
    ];
    const right = [
      'À venir',
      '12 May 2027, Vienna: regional',
      'conference on forced labour',
      '20 July 2027, Tirana:',
      'seminar on debt bondage',
      '8 August 2027, Belgrade:',
      'training on witnesses',
    ];
    const at = (i: number) => 740 - (6 + i) * LEADING;
    const runs = [
      ...column(words('above', 5), 60, 740, 220),
      ...left.map(([text, width], i) => run(text, 60, at(i), width)),
      ...right.map((text, i) => run(text, 134, at(i), 140)),
      ...column(words('below', 4), 60, at(8), 220),
      ...column(words('right', 24), 310, 740, 220),
    ];
    const lines = textOf([page(runs)]);
    expect(lines.slice(5, 19)).toEqual([...left.map(([t]) => t), ...right]);
  });
});

describe('labels and their values at a tab stop, inside one column (#29)', () => {
  const run = (text: string, x: number, y: number, width: number): PdfRun => ({ text, x, y, width, size: SIZE });
  /** Running text in a left column of 220 points, then pairs set label at x=60, value at `at`; a right column beside. */
  function pairsPage(pairs: [string, string][], at: number): PdfRun[] {
    const top = 740;
    const rowsAt = top - 6 * LEADING;
    return [
      ...column(words('above', 5), 60, top, 220),
      ...pairs.flatMap(([label, value], i) => [
        run(label, 60, rowsAt - i * LEADING, label.length * 5),
        run(value, at, rowsAt - i * LEADING, Math.min(value.length * 4.5, 280 - at)),
      ]),
      ...column(words('below', 4), 60, rowsAt - (pairs.length + 1) * LEADING, 220),
      ...column(words('right', 16), 310, top, 220),
    ];
  }
  /** Each label's value read right after it (on its line or the next), not after all the labels. */
  const rowByRow = (lines: string[], pairs: [string, string][]) =>
    pairs.map(([label, value]) => {
      const at = lines.findIndex((l) => l.startsWith(label));
      return at >= 0 && (lines[at]!.endsWith(value) || lines[at + 1] === value);
    });
  it('reads a contact block row by row, each label with its value', () => {
    const contact: [string, string][] = [
      ['Tel.:', '+33 1 23 45 67 89'],
      ['Fax:', '+33 1 23 45 67 90'],
      ['Email:', 'contact@example.org'],
      ['Web:', 'www.example.org'],
    ];
    expect(rowByRow(textOf([page(pairsPage(contact, 110))]), contact)).toEqual(contact.map(() => true));
  });
  it('reads an acronym glossary row by row, each acronym with its meaning', () => {
    const glossary: [string, string][] = [
      ['IOM', 'International Organization for Migration'],
      ['OSCE', 'Organization for Security and Co-operation'],
      ['UNODC', 'United Nations Office on Drugs and Crime'],
      ['GRETA', 'Group of Experts on Action against Trafficking'],
    ];
    expect(rowByRow(textOf([page(pairsPage(glossary, 100))]), glossary)).toEqual(glossary.map(() => true));
  });
});

describe('a sentence that opens a column on several pages (#29)', () => {
  it('is text, not a running header: it goes on at the leading of the text under it', () => {
    const repeated = 'The text, issued as document';
    const pageWith = (name: string) =>
      page([
        { text: repeated, x: 60, y: 800, width: 220, size: SIZE },
        ...column(words(name, 12), 60, 800 - LEADING, 220),
        ...column(words(`${name} right`, 13), 310, 800, 220),
      ]);
    const { text, overlay } = sourceFromLayout([pageWith('first'), pageWith('second'), pageWith('third')]);
    expect(overlay.drop).toEqual([]);
    expect(text.split('\n').filter((l) => l.trim() === repeated)).toHaveLength(3);
  });
  it('is a running header where it stands apart from the text, above its leading', () => {
    const header = 'Fight against trafficking, a running header';
    const pageWith = (name: string) =>
      page([
        { text: header, x: 60, y: 800, width: 220, size: SIZE },
        ...column(words(name, 12), 60, 800 - 3 * LEADING, 220),
        ...column(words(`${name} right`, 12), 310, 800 - 3 * LEADING, 220),
      ]);
    const { text, overlay } = sourceFromLayout([pageWith('first'), pageWith('second')]);
    const lines = text.split('\n');
    expect(overlay.drop.map((d) => lines[Number(d.lines) - 1]!.trim())).toEqual([header, header]);
  });
  it('keeps a running line as text where it stands amid the text of another page (a table head)', () => {
    const head = 'Country Victims Of whom children';
    const atTop = (name: string) =>
      page([
        { text: head, x: 60, y: 800, width: 220, size: SIZE },
        ...column(words(name, 12), 60, 800 - 3 * LEADING, 220),
        ...column(words(`${name} right`, 12), 310, 800 - 3 * LEADING, 220),
      ]);
    const amid = page([
      ...column(words('third', 12), 60, 740, 220),
      { text: head, x: 60, y: 740 - 14 * LEADING, width: 220, size: SIZE },
      ...column(words('third after', 8), 60, 740 - 16 * LEADING, 220),
      ...column(words('third right', 24), 310, 740, 220),
    ]);
    const { text, overlay } = sourceFromLayout([atTop('first'), atTop('second'), amid]);
    const lines = text.split('\n').map((l) => l.trim());
    expect(overlay.drop.map((d) => lines[Number(d.lines) - 1])).toEqual([head, head]);
    expect(lines.filter((l) => l === head)).toHaveLength(3);
  });
  it('drops a two-line footer repeated on three pages, its lines set small and close', () => {
    const footer = ['Permanent Mission of France in Vienna', 'Fight against trafficking, a two-line footer'];
    const pageWith = (name: string) =>
      page([
        ...column(words(name, 20), 60, 740, 220),
        ...column(words(`${name} right`, 20), 310, 740, 220),
        ...footer.map((text, i) => ({ text, x: 60, y: 60 - i * 10, width: 300, size: 8 })),
      ]);
    const { text, overlay } = sourceFromLayout(['first', 'second', 'third'].map(pageWith));
    const lines = text.split('\n').map((l) => l.trim());
    expect(overlay.drop.map((d) => lines[Number(d.lines) - 1])).toEqual([...footer, ...footer, ...footer]);
  });
});

describe('a table ruled inside one column, its cells wrapped (#29)', () => {
  const run = (text: string, x: number, y: number, width: number): PdfRun => ({ text, x, y, width, size: SIZE });
  const top = 740 - 6 * LEADING;
  // A .docx table in a column 144 points wide: cells at 66, 110 and 154, set close (the header's
  // "Victims" and "Of" one em apart); the header and the country names wrap in their cells.
  const cells: [string, number, number][][] = [
    [
      ['Coun-', 66, 27],
      ['Victims', 110, 33],
      ['Of', 154, 11],
    ],
    [
      ['try', 66, 13],
      ['whom', 154, 26],
    ],
    [['chil-', 154, 19]],
    [['dren', 154, 20]],
    [
      ['Moldov', 66, 32],
      ['326', 110, 15],
      ['135', 154, 15],
    ],
    [['a', 66, 5]],
    [
      ['Serbia', 66, 26],
      ['851', 110, 15],
      ['126', 154, 15],
    ],
    [
      ['Roma-', 66, 27],
      ['365', 110, 15],
      ['196', 154, 15],
    ],
    [['nia', 66, 12]],
    [
      ['Bul-', 66, 20],
      ['127', 110, 15],
      ['42', 154, 10],
    ],
    [['garia', 66, 22]],
  ];
  /** Where each row of the table starts, in lines from its top (the header is rows 0–3). */
  const rowStarts = [0, 4, 6, 7, 9];
  const lineY = (i: number) => top - i * 1.15 * LEADING - rowStarts.filter((r) => r <= i).length * 5;
  function tablePage(): PdfPageText {
    const table = cells.flatMap((row, i) => row.map(([text, x, width]) => run(text, x, lineY(i), width)));
    const rules = [...rowStarts.map((r) => lineY(r) + LEADING - 1), lineY(cells.length - 1) - 5].map((y) => ({
      x0: 60,
      y0: y,
      x1: 204,
      y1: y + 0.5,
    }));
    const below = lineY(cells.length - 1) - 2 * LEADING;
    return {
      ...page([
        ...column(words('above', 5), 60, 740, 144),
        ...table,
        ...column(words('below', 4), 60, below, 144),
        ...column(words('right', 30), 230, 740, 144),
      ]),
      rules,
    };
  }
  it('reads it one sub-column after the other, each cell down, between its first and last rule', () => {
    const lines = textOf([tablePage()]);
    expect(lines.slice(5, 27)).toEqual([
      ...['Coun-', 'try', 'Moldov', 'a', 'Serbia', 'Roma-', 'nia', 'Bul-', 'garia'],
      ...['Victims', '326', '851', '365', '127'],
      ...['Of', 'whom', 'chil-', 'dren', '135', '126', '196', '42'],
    ]);
    expect(lines.slice(27, 31)).toEqual(words('below', 4));
  });
  it('reads a closing line inside the rules after the cells, not before the right-hand ones', () => {
    // A calendar of two cells a row between two rules, its last line across the column, under the cells.
    const cellRows = [
      ['12 May, Vienna:', '3 June, Tirana:'],
      ['expert meeting', 'round table'],
      ['20 July, Sofia:', '8 August, Skopje:'],
      ['training session', 'regional seminar'],
    ];
    const first = 740 - 6 * LEADING;
    const table = cellRows.flatMap(([a, b], i) => [
      run(a!, 60, first - i * LEADING, 90),
      run(b!, 170, first - i * LEADING, 90),
    ]);
    const closing = run('All times are local.', 60, first - 4 * LEADING, 80);
    const rules = [first + LEADING - 2, first - 4 * LEADING - 4].map((y) => ({ x0: 60, y0: y, x1: 280, y1: y + 0.5 }));
    const runs = [
      ...column(words('above', 5), 60, 740, 220),
      ...table,
      closing,
      ...column(words('below', 4), 60, first - 6 * LEADING, 220),
      ...column(words('right', 30), 310, 740, 220),
    ];
    const lines = textOf([{ ...page(runs), rules }]);
    expect(lines.slice(5, 19)).toEqual([
      ...['12 May, Vienna:', 'expert meeting', '20 July, Sofia:', 'training session'],
      ...['3 June, Tirana:', 'round table', '8 August, Skopje:', 'regional seminar'],
      'All times are local.',
      ...words('below', 4),
      words('right', 1)[0],
    ]);
  });
});

describe('a number beside a title set larger in another column (#29)', () => {
  it('is text, not a raised footnote mark: it is measured against the word it stands beside', () => {
    // A table's row "Serbia 851" a little above the baseline of a 16-point title in the next column.
    const title: PdfRun = { text: 'Round table in Zagreb', x: 310, y: 600 - 2.7, width: 150, size: 16 };
    const runs = [
      ...column(words('left', 10), 60, 740, 220),
      { text: 'Serbia', x: 66, y: 600, width: 26, size: SIZE },
      { text: '851', x: 100, y: 600, width: 15, size: SIZE },
      ...column(words('left after', 6), 60, 600 - 2 * LEADING, 220),
      ...column(words('right', 10), 310, 740, 220),
      title,
      ...column(words('right after', 6), 310, 600 - 2 * LEADING, 220),
    ];
    const { text, overlay } = sourceFromLayout([page(runs)]);
    expect(text.split('\n').map((l) => l.trim())).toContain('Serbia 851');
    expect(overlay.drop).toEqual([]);
  });
});

describe('two blocks set in the same columns, one under the other (#29)', () => {
  const run = (text: string, x: number, y: number, width: number, size = SIZE): PdfRun => ({ text, x, y, width, size });
  const xs = [60, 225, 390];
  /** Text in three columns down to y=572, a gap, then `lower` (runs) under it. */
  function blocksPage(lower: PdfRun[]): PdfRun[] {
    const upper = xs.map((x, i) => column(words(`upper ${i + 1}`, 15), x, 740, 150));
    upper[1]![14] = { ...upper[1]![14]!, text: 'by France and Albania, by consensus. Dr Marta' };
    upper[2]![0] = { ...upper[2]![0]!, text: 'Petrovski, programme officer at the UNICEF,' };
    return [...upper.flat(), ...lower];
  }
  it('reads the upper block column by column before a calendar under its title in one column (Chromium)', () => {
    const calendar = [
      run('Calendar', 60, 542, 75, 15),
      ...xs.flatMap((x, i) => column(words(`calendar ${i + 1}`, 5), x, 520, 150)),
    ];
    const lines = textOf([page(blocksPage(calendar))]);
    const at = lines.indexOf('by France and Albania, by consensus. Dr Marta');
    expect(lines[at + 1]).toBe('Petrovski, programme officer at the UNICEF,');
    expect(lines.slice(lines.indexOf('Calendar'))).toEqual([
      'Calendar',
      ...words('calendar 1', 5),
      ...words('calendar 2', 5),
      ...words('calendar 3', 5),
    ]);
  });
  it('measures the space above the lower block from the foot of the upper one, not from the page top', () => {
    // 30 points (two and a half lines) part the upper block's foot (y=572) from the title (y=542).
    const calendar = [
      run('Calendar', 60, 542, 75, 15),
      ...xs.flatMap((x, i) => column(words(`calendar ${i + 1}`, 5), x, 520, 150)),
    ];
    const text = sourceFromLayout([page(blocksPage(calendar))]).text.split('\n');
    const blanks = text.indexOf('Calendar') - text.indexOf(words('upper 3', 15)[14]!) - 1;
    expect(blanks).toBeGreaterThanOrEqual(1);
    expect(blanks).toBeLessThanOrEqual(2);
  });
  it('lets the columns flow on past the gap where headings stand side by side in them (groff)', () => {
    const sections = xs.flatMap((x, i) => [
      run(`Heading ${i + 1}`, x + 20, 540, 80, 13),
      ...column(words(`lower ${i + 1}`, 5), x, 515, 150),
    ]);
    const lines = textOf([page(blocksPage(sections))]);
    expect(lines.slice(0, 21)).toEqual([...words('upper 1', 15), 'Heading 1', ...words('lower 1', 5)]);
  });
  it('keeps a heading and its text in their column when the other column ended above them (pdfLaTeX)', () => {
    // Two columns on a last page: the right one ends at y=632; the left one goes on, a section
    // heading set after a wide space (LaTeX's \section*), then its text; a page number centred under them.
    const runs = [
      ...column(words('left', 20), 60, 740, 220),
      run('Seminar in Belgrade', 60, 740 - 19 * LEADING - 32, 120, 12),
      ...column(words('seminar', 8), 60, 740 - 19 * LEADING - 52, 220),
      ...column(words('right', 10), 310, 740, 220),
      run('2', 293, 60, 5),
    ];
    const lines = textOf([page(runs)]);
    expect(lines.slice(0, 39)).toEqual([
      ...words('left', 20),
      'Seminar in Belgrade',
      ...words('seminar', 8),
      ...words('right', 10),
    ]);
  });
  it('reads balanced columns before a short one-column section set under them (review of rounds 8–9)', () => {
    // Two columns ending level at y=632 (an editorial), then after a wide space a "Calendar" heading
    // and two lines in the left column only: the right column is the editorial's, not the calendar's.
    const foot = 740 - 9 * LEADING;
    const runs = [
      ...column(words('left', 10), 60, 740, 220),
      ...column(words('right', 10), 310, 740, 220),
      run('Calendar', 60, foot - 40, 60, 12),
      ...column(words('calendar', 2), 60, foot - 60, 220),
      run('2', 293, 60, 5),
    ];
    const lines = textOf([page(runs)]);
    expect(lines.slice(0, 23)).toEqual([
      ...words('left', 10),
      ...words('right', 10),
      'Calendar',
      ...words('calendar', 2),
    ]);
  });
});
