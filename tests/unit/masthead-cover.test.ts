/**
 * The newsletter's name over the number line (#29): on a cover page, or with small print above
 * the title, the name, set large, stands over a date line set smaller and the small print under
 * that; the three are the masthead, not a section titled with the name. Lines shaped as the sweep's
 * cover pages (name 2.2, date line 1.6, small print at body size, an italic headline below).
 */
import { describe, expect, it } from 'vitest';
import { mastheadOf } from '../../db/pipeline/issue/masthead.std';
import { styledLine } from '../support/styled-line';

const line = (no: number, text: string, size = 1, bold = false, italic = false) =>
  styledLine(no, text, { size, bold, italic });
const name = [line(1, 'Fight against human trafficking in', 2.2, true), line(3, 'South-East Europe', 2.2, true)];
const dateLine = line(5, 'No. 47 — June 2020', 1.6);
const smallPrint = [
  line(7, 'Quarterly newsletter of the Permanent Mission of France to the United Nations', 1),
  line(8, 'and the international organisations in Vienna', 1),
];
const headline = line(23, 'Special issue: working together across the region', 1.4, false, true);
const body = [line(28, 'France granted €440 828 to the Ministry of', 1), line(29, 'the Interior of Serbia.', 1)];

describe('the newsletter’s name over the number line', () => {
  it('is the masthead’s, with the small print under the date line, up to the headline', () => {
    expect(mastheadOf([...name, dateLine, ...smallPrint, headline]).lines).toEqual([1, 3, 5, 7, 8]);
  });
  it('leaves a paragraph that runs on under the date line, and a title set smaller than the date line', () => {
    expect(mastheadOf([...name, dateLine, ...smallPrint, ...body, headline]).lines).toEqual([1, 3, 5]);
    const title = [line(1, 'A regional conference', 1.5, true)];
    expect(mastheadOf([...title, dateLine, ...smallPrint, headline]).lines).toEqual([5]);
  });
  it('takes no small print that a paragraph in the date line’s size follows without a heading', () => {
    const groff = [line(1, 'Fight against human trafficking in', 1.4, true), line(2, 'South-East Europe', 1.4, true)];
    const small = smallPrint.map((l) => ({ ...l, style: { ...l.style!, size: 0.8 } }));
    expect(mastheadOf([...groff, { ...dateLine, no: 3, style: body[0]!.style }, ...small, ...body]).lines).toEqual([
      1, 2, 3,
    ]);
    expect(mastheadOf([...groff, { ...dateLine, no: 3, style: body[0]!.style }, ...small, headline]).lines).toEqual([
      1, 2, 3, 7, 8,
    ]);
  });
});
