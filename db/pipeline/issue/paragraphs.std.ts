/**
 * Turns blocks into the archive's paragraphs: clean text (lines joined, words split by the layout
 * mended) and a kind, so that side boxes, quotes, captions and the calendar are blocks of their
 * own and not noise in the running text. The kinds come from the text's own marks; the overlay
 * can only say which lines form a box.
 */
import type { RawBlock } from './sections.std';
import { isSpacedOut, joinLines, unspace } from '../text/text.std';

export const PARAGRAPH_KINDS = [
  'paragraph', // running text
  'subheading', // a heading inside a section ("Background", "1. TECHNICAL ASSISTANCE")
  'deck', // the standfirst under a section's title
  'dateline', // when and where, under a section title ("From 14-18 May 2018, UNODC, in Vienna")
  'bullet', // an item whose bullet glyph was lost in extraction
  'list-item', // a numbered item ("16.2: …", "(1) …")
  'question', // an interviewer's question
  'quote', // a quotation, with its speaker and date where the text gives them
  'attribution', // who is quoted, and when (the line before a quote)
  'caption', // a photo caption, or a quote's caption without its quote
  'link', // a pointer to an online resource ("The full speech is available here")
  'key-figures', // an item of a key-figures box
  'calendar-heading', // "En bref", "À venir"
  'calendar', // one dated entry of the calendar
  'contact', // one line of a contact box
  'box', // any other side box
] as const;
export type ParagraphKind = (typeof PARAGRAPH_KINDS)[number];

export interface RawParagraph {
  kind: ParagraphKind;
  text: string;
  lines: number[];
  pageIndex: number;
}

const CALENDAR_ENTRY = /^\d{1,2}\s*(-\s*\d{1,2})?\s+\p{L}+(\s*-\s*\d{1,2}\s+\p{L}+)?,\s/u;
const ATTRIBUTION = /^(Mr|Ms|Mrs|M)\.?\s+\p{Lu}.*(\d{4}|\d{4} in [\p{L} ]+):$/u;

function kindOf(text: string, block: RawBlock, inCalendar: boolean): ParagraphKind {
  const first = block.lines[0]!;
  if (block.box === 'calendar' || inCalendar) {
    if (/^(en bref|à venir)$/i.test(text)) return 'calendar-heading';
    return 'calendar';
  }
  if (block.box === 'key-figures') return 'key-figures';
  if (block.box === 'contact') return 'contact';
  if (block.box === 'caption') return 'caption';
  if (block.box === 'quote') return 'quote';
  if (block.box === 'question') return 'question';
  if (block.box === 'deck') return 'deck';
  if (block.box === 'box') return 'box';
  if (/^(en bref|à venir)$/i.test(text)) return 'calendar-heading';
  if (/^[“«"]/.test(text) && /[”»"]\.?$/.test(text)) return 'quote';
  if (ATTRIBUTION.test(text)) return 'attribution';
  if (/\bis available here$/i.test(text)) return 'link';
  if (/\((right|left)\)/.test(text)) return 'caption';
  if (/^\d+\.\s.*\?$/.test(text)) return 'question';
  if (/^(\d+\.\d+:|\(\d+\))\s/.test(text)) return 'list-item';
  if (/^(from|held from)\s+\d.*\b\d{4}\b/i.test(text) && text.length < 80) return 'dateline';
  if (/^\d{1,2}\s+\p{L}+\s+\d{4}\s+in\s/iu.test(text) && text.length < 60) return 'dateline';
  if (isSpacedOut(first.text)) return 'subheading';
  const open = /\b(the|of|for|and|to|in|a|an|on|with|by|from)$/i.test(text);
  if (block.lines.length === 1 && text.length <= 60 && !/[.,;”]$/.test(text) && !/^\p{Ll}/u.test(text) && !open)
    return 'subheading';
  if (first.indented) return 'bullet';
  return 'paragraph';
}

export function paragraphsOf(blocks: RawBlock[], vocabulary: Set<string>): RawParagraph[] {
  const paragraphs: RawParagraph[] = [];
  let inCalendar = false;
  for (const block of blocks) {
    const text =
      block.box === 'contact'
        ? block.lines.map((l) => l.text).join('\n')
        : joinLines(
            block.lines.map((l) => (isSpacedOut(l.text) ? unspace(l.text, vocabulary) : l.text)),
            vocabulary,
          );
    if (/^(en bref|à venir)$/i.test(text)) inCalendar = true;
    else if (inCalendar && !CALENDAR_ENTRY.test(text) && block.lines[0]!.gapBefore > 0 && /^\p{Lu}/u.test(text))
      inCalendar = false;
    const kind = kindOf(text, block, inCalendar);
    paragraphs.push({ kind, text, lines: block.lines.map((l) => l.no), pageIndex: block.lines[0]!.pageIndex });
  }
  return paragraphs;
}
