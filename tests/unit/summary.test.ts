import { describe, expect, it } from 'vitest';
import { sentencesOf, summaryOfSection } from '../../common/content/summary.std';

describe('extractive summaries', () => {
  it('cut sentences at end marks before a capital, not after a title or an initial', () => {
    expect(sentencesOf('Mr. Raus spoke. Then M. Fedotov answered? Yes! “Quoted” follows.')).toEqual([
      'Mr. Raus spoke.',
      'Then M. Fedotov answered?',
      'Yes!',
      '“Quoted” follows.',
    ]);
  });

  it('take the first sentence of the first running passage, and a second only when the first is short', () => {
    const paragraphs = [
      { kind: 'subheading', text: 'Background' },
      {
        kind: 'paragraph',
        text: 'A short one. The second sentence is here and carries the point of the passage. A third is left out.',
      },
    ];
    expect(summaryOfSection(paragraphs)).toEqual([
      'A short one.',
      'The second sentence is here and carries the point of the passage.',
    ]);
    expect(
      summaryOfSection([
        {
          kind: 'paragraph',
          text: 'This first sentence is long enough on its own to stand as the summary of the passage. Not this.',
        },
      ]),
    ).toEqual(['This first sentence is long enough on its own to stand as the summary of the passage.']);
  });

  it('give nothing for a section with no running text, and take a short first sentence with the next', () => {
    expect(summaryOfSection([{ kind: 'calendar', text: '16-19 April, Romania: meetings.' }])).toEqual([]);
    // 50 characters, under MIN_CHARS: the next sentence comes too, and no more (MAX_SENTENCES).
    const input = [
      { kind: 'bullet', text: 'Firstly, funds will be granted to the association. Secondly, more. Thirdly, not this.' },
    ];
    expect(summaryOfSection(input)).toEqual(['Firstly, funds will be granted to the association.', 'Secondly, more.']);
  });
});
