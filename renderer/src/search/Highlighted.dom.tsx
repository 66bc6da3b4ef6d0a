import { useTranslation } from 'react-i18next';

/** A highlight that answers a query word only through a translation or a typo (SearchHit.loose). */
export interface Loose {
  highlight: number;
  query: string;
  via: 'translation' | 'typo';
}

/**
 * A snippet with its matched words marked; built from offsets, never from HTML. A word matched only
 * through a translation or a typo is marked differently, and says for which word it was taken.
 */
export function Highlighted({ text, ranges, loose = [], notes = false }: { text: string; ranges: [number, number][]; loose?: Loose[]; notes?: boolean }) {
  const { t } = useTranslation();
  const parts: React.ReactNode[] = [];
  let at = 0;
  const noted = new Map<string, string>();
  ranges.forEach(([start, end], i) => {
    if (start < at || end > text.length) return;
    if (start > at) parts.push(text.slice(at, start));
    const how = loose.find((l) => l.highlight === i);
    const note = how ? t(how.via === 'typo' ? 'close to “{{query}}”' : 'for “{{query}}”', { query: how.query }) : undefined;
    parts.push(
      <mark key={i} className={how ? `loose loose-${how.via}` : undefined} title={note}>
        {text.slice(start, end)}
      </mark>,
    );
    if (how && note) noted.set(how.query, note);
    at = end;
  });
  parts.push(text.slice(at));
  // A snippet ends by saying which typed word each loose mark was taken for.
  if (notes && noted.size) parts.push(<small key="notes" className="loose-note">{` (${[...noted.values()].join('; ')})`}</small>);
  return <>{parts}</>;
}

/**
 * A hit's title and snippet: when the match is in the title itself (a name), the title carries the
 * marks and there is no separate snippet.
 */
export function HitText({ hit, Title, Snippet }: { hit: { title: string; snippet: string; highlights: [number, number][]; loose?: Loose[] }; Title: (p: { children: React.ReactNode }) => React.ReactNode; Snippet: (p: { children: React.ReactNode }) => React.ReactNode }) {
  const inTitle = hit.snippet === hit.title;
  return (
    <>
      <Title>{inTitle ? <Highlighted text={hit.title} ranges={hit.highlights} loose={hit.loose} /> : hit.title}</Title>
      {!inTitle && (
        <Snippet>
          <Highlighted text={hit.snippet} ranges={hit.highlights} loose={hit.loose} notes />
        </Snippet>
      )}
    </>
  );
}
