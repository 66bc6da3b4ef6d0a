/**
 * The newsletter's name over the first article (#29): set larger than the "Editorial" under it, on
 * a first page whose number and date stand elsewhere (a corner), it is the masthead, not a section
 * title. Lines shaped as the unseen sweep's seed-7037 (XeLaTeX, number in the top-left corner, read
 * first). The review of rounds 8–9's cases (keyfigures, person, foreword.pdf) keep their title.
 */
import { describe, expect, it } from 'vitest';
import { mastheadOf } from '../../db/pipeline/issue/masthead.std';
import { styledLine } from '../support/styled-line';

const line = (no: number, text: string, size = 1, bold = false) => styledLine(no, text, { size, bold });
const name = [line(5, 'Fight against human trafficking in', 2.27, true), line(7, 'South-East Europe', 2.27, true)];
const article = [
  line(9, 'Editorial', 1.58, true),
  line(11, 'Dr Thomas Nikolic, Head of the Anti-Trafficking Unit,', 1),
  line(12, 'stressed that victims are identified late.', 1),
];
const corner = line(3, 'No. 66 — December 2030', 0.91, true);
const foot = line(60, 'No. 66 — December 2030', 0.91, true);

describe('the newsletter’s name at the top of the first page', () => {
  it('is the masthead’s where it is set larger than the heading under it, beside a corner’s number line', () => {
    expect(mastheadOf([corner, ...name, ...article]).lines).toEqual([3, 5, 7]);
  });
  it('is the masthead’s beside a corner the PDF frames (read as a box, odt-29900)', () => {
    expect(mastheadOf([{ ...corner, box: 'box' }, ...name, ...article]).lines).toEqual([3, 5, 7]);
  });
  it('is the masthead’s right above the number line, where the name runs to three lines', () => {
    const small = line(1, 'Quarterly newsletter of the Permanent Mission of France', 0.8);
    const three = [line(2, 'Fight against', 2.27, true), ...name];
    expect(mastheadOf([small, ...three, { ...corner, no: 8 }, ...article]).lines).toEqual([1, 2, 5, 7, 8]);
  });
  it('stays a title where the page has no number or date line, or nothing smaller follows it', () => {
    expect(mastheadOf([...name, ...article]).lines).toEqual([]);
    expect(mastheadOf([corner, ...name, ...article.slice(1)]).lines).toEqual([3]);
  });
});

describe('a first section’s title over a smaller subtitle (review of rounds 8–9)', () => {
  const title = line(5, 'Professor Conny Rijken', 1.9, true);
  const subtitle = line(7, 'Interview with the chair of GRETA', 1.32, true);
  const body = line(9, 'Professor Rijken answers our questions on the fourth evaluation round.');
  it('stays a title where the number line stands in a corner at the foot (person.pdf)', () => {
    expect(mastheadOf([title, subtitle, body, foot]).lines).toEqual([60]);
  });
  it('stays a title under a band of small print and number line (keyfigures.pdf)', () => {
    const band = [
      line(1, 'Quarterly newsletter of the Permanent Mission of France', 0.91),
      line(2, 'No. 31 — March 2025', 0.91, true),
    ];
    expect(mastheadOf([...band, { ...title, text: 'Key figures' }, subtitle, body]).lines).toEqual([1, 2]);
  });
  it('stays a title where the only date line on the page is a calendar’s month (foreword.pdf)', () => {
    const month = line(20, 'March 2025');
    const { lines, date } = mastheadOf([
      { ...title, text: 'Foreword' },
      subtitle,
      body,
      ...[10, 11, 12].map((no) => line(no, 'More of the foreword, in the body size.')),
      month,
      line(21, '12 March: meeting in Vienna.'),
    ]);
    expect(lines).toEqual([]);
    expect(date).toBeNull();
  });
});
