/**
 * A masthead the PDF frames (#29): a band or a corner drawn as a box is read as box lines, and the
 * number and date it prints are the all the same. Lines shaped as the unseen sweep's
 * seed-7013 (a band: the name on two lines over "No. 39 — April 2030") and seed-7031 (a corner).
 */
import { describe, expect, it } from 'vitest';
import { mastheadOf } from '../../db/pipeline/issue/masthead.std';
import type { SourceLine } from '../../db/pipeline/text/lines.std';
import { styledLine } from '../support/styled-line';

const line = (no: number, text: string, box: SourceLine['box'], size = 1, bold = false) =>
  styledLine(no, text, { size, bold, box, family: 'Serif' });
const body = [
  line(7, 'Editorial', null, 1.6, true),
  line(9, 'This is an ordinary paragraph of the editorial,', null),
  line(10, 'set in the body size.', null),
];

describe('a masthead set in a box', () => {
  it('reads the number and date of a band, and takes the name above them', () => {
    const band = [
      line(1, 'Fight against human trafficking in South-East', 'box', 2, true),
      line(3, 'Europe', 'box', 2, true),
      line(5, 'No. 39 — April 2030', 'box', 1.2),
    ];
    expect(mastheadOf([...band, ...body])).toEqual({ lines: [1, 3, 5], number: 39, date: '2030-04', year: 2030 });
  });
  it('reads a corner that states the number, wherever it stands on the page', () => {
    const corner = line(40, 'Issue 49, Winter 2022', 'box');
    expect(
      mastheadOf([...body, ...Array.from({ length: 4 }, (_, i) => line(20 + i, 'More text.', null)), corner]),
    ).toEqual({ lines: [40], number: 49, date: '2022', year: 2022 });
  });
  it('leaves a month heading inside a box further down (a calendar) in the text', () => {
    const calendar = [line(30, 'Calendar', 'calendar', 1.2, true), line(31, 'March 2025', 'calendar')];
    expect(mastheadOf([...body, ...calendar])).toEqual({ lines: [], number: null, date: null, year: null });
  });
});

describe('ordinary boxes near the masthead (review of rounds 8–9, agendabox.pdf)', () => {
  it('leaves an agenda box under the first heading in the text, its month no date of the issue', () => {
    const agenda = [
      line(8, 'Agenda', 'deck'),
      line(9, 'March 2025', 'deck'),
      line(10, '12 March: meeting of the national coordinators in Vienna.', 'deck'),
    ];
    expect(mastheadOf([body[0]!, ...agenda, ...body.slice(1)])).toEqual({
      lines: [],
      number: null,
      date: null,
      year: null,
    });
  });
  it('never reads a report’s year as the issue’s number ("— Edition 2024")', () => {
    const reading = [
      line(30, 'Further reading', 'box'),
      line(31, 'UNODC Global Report on Trafficking in Persons — Edition 2024', 'box'),
    ];
    expect(mastheadOf([...body, ...reading])).toEqual({ lines: [], number: null, date: null, year: null });
  });
  it('takes for its band only the lines of its own box', () => {
    const other = line(1, 'In this issue', 'deck');
    const corner = line(3, 'No. 39 — April 2030', 'box');
    expect(mastheadOf([other, corner, ...body]).lines).toEqual([3]);
  });
  it('leaves a long box at the top (a contents list) in the text', () => {
    const contents = ['In this issue', 'March 2025', 'Editorial', 'Key figures', 'Calendar', 'Contacts'].map((t, i) =>
      line(1 + i, t, 'deck'),
    );
    expect(mastheadOf([...contents, ...body]).lines).toEqual([]);
  });
});
