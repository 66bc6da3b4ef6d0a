/**
 * One passage of an article, drawn as what it is: running text, a heading, a quote, a caption,
 * a question; side boxes (key figures, calendar, contact) are grouped into boxes by Article.
 */
import type { Paragraph } from '../../../common/contract.std';
import { BookmarkButton } from '../bookmarks/BookmarkButton.dom';

export const BOXED_KINDS = new Set(['key-figures', 'calendar-heading', 'calendar', 'contact']);

export function Passage({ paragraph }: { paragraph: Paragraph }) {
  const { key, kind, text } = paragraph;
  const common = { 'data-key': key, 'data-kind': kind };
  switch (kind) {
    case 'subheading':
      return <h2 className="passage-subheading" {...common}>{text}</h2>;
    case 'calendar-heading':
      return <h3 className="passage-box-heading" {...common}>{text}</h3>;
    case 'deck':
      return <p className="passage-deck" {...common}>{text}</p>;
    case 'quote':
      return <blockquote className="passage-quote" {...common}><p>{text}</p></blockquote>;
    case 'attribution':
    case 'caption':
    case 'dateline':
    case 'link':
      return <p className={`passage-${kind}`} {...common}>{text}</p>;
    case 'question':
      return <p className="passage-question" {...common}><strong>{text}</strong></p>;
    case 'contact':
      return <p className="passage-contact" {...common}>{text.split('\n').map((line, i) => <span key={i}>{line}<br /></span>)}</p>;
    case 'bullet':
    case 'list-item':
      return (
        <div className="passage-row" {...common}>
          <p className={`passage-${kind}`}>{text}</p>
          <BookmarkButton itemKey={key} label={`passage “${text.slice(0, 40)}…”`} compact />
        </div>
      );
    default:
      return (
        <div className="passage-row" {...common}>
          <p>{text}</p>
          <BookmarkButton itemKey={key} label={`passage “${text.slice(0, 40)}…”`} compact />
        </div>
      );
  }
}

/** Consecutive boxed passages of one box kind form one box. */
export function groupPassages(paragraphs: Paragraph[]): (Paragraph | { box: string; items: Paragraph[] })[] {
  const out: (Paragraph | { box: string; items: Paragraph[] })[] = [];
  for (const p of paragraphs) {
    const box = BOXED_KINDS.has(p.kind) ? (p.kind.startsWith('calendar') ? 'calendar' : p.kind) : null;
    const last = out[out.length - 1];
    if (box && last && 'box' in last && last.box === box) last.items.push(p);
    else if (box) out.push({ box, items: [p] });
    else out.push(p);
  }
  return out;
}
