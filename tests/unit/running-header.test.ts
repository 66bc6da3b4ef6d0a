/** The printed running header (#17): whole words and an ellipsis, never "…in sout". */
import { describe, expect, it } from 'vitest';
import { fitRunningHeader } from '../../common/content/running-header.std';

const TITLE =
  'The 2021 programming of cooperation actions in the fight against human trafficking in south-eastern europe';
/** One unit a character: a stand-in for the canvas measure the print frame uses. */
const chars = (text: string) => [...text].length;

describe('fitRunningHeader', () => {
  it('keeps a title that fits as it is', () => {
    expect(fitRunningHeader('France’s multilateral commitment', 80, chars)).toBe('France’s multilateral commitment');
  });
  it('cuts a long title after a whole word, with an ellipsis, within the room', () => {
    // 90 characters used to give “…trafficking in sout”.
    const fitted = fitRunningHeader(TITLE, 90, chars);
    expect(fitted).toBe('The 2021 programming of cooperation actions in the fight against human trafficking in…');
    expect(chars(fitted)).toBeLessThanOrEqual(90);
    for (const room of [20, 37, 52, 64, 89, 105]) {
      const cut = fitRunningHeader(TITLE, room, chars);
      expect(cut.endsWith('…'), cut).toBe(true);
      expect(chars(cut), cut).toBeLessThanOrEqual(room);
      // Every word printed is a whole word of the title, in its order.
      const words = cut.slice(0, -1).split(' ');
      expect(TITLE.split(' ').slice(0, words.length)).toEqual(words);
    }
  });
  it('drops punctuation before the ellipsis', () => {
    expect(fitRunningHeader('Return to the side event, in Kyoto', 28, chars)).toBe('Return to the side event…');
  });
  it('cuts inside a word only when the first word alone is too long', () => {
    expect(fitRunningHeader('Internationalisation', 8, chars)).toBe('Interna…');
  });
});
