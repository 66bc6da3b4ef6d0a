/**
 * One passage of an article, drawn as what it is: running text, a heading, a quote, a caption,
 * a question; side boxes (key figures, calendar, contact) are grouped into boxes by Article, and
 * the calendar is a table.
 */
import { useTranslation } from 'react-i18next';
import type { Paragraph } from '../../../common/contract/contract.std';
import { BookmarkButton } from '../bookmarks/BookmarkButton.dom';
import { Linked } from './Linked.dom';

export const BOXED_KINDS = new Set(['key-figures', 'calendar-heading', 'calendar', 'contact']);

export function Passage({ paragraph }: { paragraph: Paragraph }) {
  const { key, kind, text, links } = paragraph;
  const common = { 'data-key': key, 'data-kind': kind };
  const body = <Linked text={text} links={links} />;
  switch (kind) {
    case 'subheading':
      return (
        <h2 className="passage-subheading" {...common}>
          {text}
        </h2>
      );
    case 'calendar-heading':
      return (
        <h3 className="passage-box-heading" {...common}>
          {text}
        </h3>
      );
    case 'deck':
      return (
        <p className="passage-deck" {...common}>
          {text}
        </p>
      );
    case 'quote':
      return (
        <blockquote className="passage-quote" {...common}>
          <p>{body}</p>
        </blockquote>
      );
    case 'attribution':
    case 'caption':
    case 'dateline':
    case 'link':
      return (
        <p className={`passage-${kind}`} {...common}>
          {body}
        </p>
      );
    case 'question':
      return (
        <p className="passage-question" {...common}>
          <strong>{text}</strong>
        </p>
      );
    case 'contact':
      return (
        <p className="passage-contact" {...common}>
          {text.split('\n').map((line, i) => (
            <span key={i}>
              {line}
              <br />
            </span>
          ))}
        </p>
      );
    default:
      return (
        <div className="passage-row" {...common}>
          <p className={kind === 'paragraph' ? undefined : `passage-${kind}`}>{body}</p>
          <BookmarkButton itemKey={key} label={`“${text.slice(0, 40)}…”`} compact />
        </div>
      );
  }
}

/** The calendar box as a table: date, place, what — cut from each entry's own words at its first colon. */
export function CalendarTable({ items }: { items: Paragraph[] }) {
  const { t } = useTranslation();
  const groups: { heading: string | null; rows: Paragraph[] }[] = [];
  for (const p of items) {
    if (p.kind === 'calendar-heading') groups.push({ heading: p.text, rows: [] });
    else (groups[groups.length - 1] ?? (groups.push({ heading: null, rows: [] }), groups[0]!)).rows.push(p);
  }
  return (
    <>
      {groups.map((group, i) => (
        <table key={group.heading ?? i} className="calendar-table">
          {group.heading && <caption>{group.heading}</caption>}
          <thead>
            <tr>
              <th scope="col">{t('Date')}</th>
              <th scope="col">{t('Place')}</th>
              <th scope="col">{t('What')}</th>
            </tr>
          </thead>
          <tbody>
            {group.rows.map((p) => {
              const m = /^(.+?),\s*([^,:]+):\s*(.+)$/su.exec(p.text);
              return (
                <tr key={p.key} data-key={p.key}>
                  {m ? (
                    <>
                      <td>{m[1]}</td>
                      <td>{m[2]}</td>
                      <td>
                        <Linked text={m[3]!} links={p.links} />
                      </td>
                    </>
                  ) : (
                    <td colSpan={3}>{p.text}</td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      ))}
    </>
  );
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
