import { useTranslation } from 'react-i18next';
import { semicolon } from '../format/format.dom';
import { usePlaces } from '../format/places.dom';
import { useSettings } from '../app/Settings.dom';

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
export function Highlighted({
  text,
  ranges,
  loose = [],
  notes = false,
}: {
  text: string;
  ranges: [number, number][];
  loose?: Loose[];
  notes?: boolean;
}) {
  const { t } = useTranslation();
  const { locale } = useSettings();
  const parts: React.ReactNode[] = [];
  let at = 0;
  const noted = new Map<string, string>();
  ranges.forEach(([start, end], i) => {
    if (start < at || end > text.length) return;
    if (start > at) parts.push(text.slice(at, start));
    const how = loose.find((l) => l.highlight === i);
    const note = how
      ? t(how.via === 'typo' ? 'close to “{{query}}”' : 'for “{{query}}”', { query: how.query })
      : undefined;
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
  if (notes && noted.size)
    parts.push(<small key="notes" className="loose-note">{` (${[...noted.values()].join(semicolon(locale))})`}</small>);
  return <>{parts}</>;
}

/**
 * A hit's title as the interface names its place: a country by its name in the interface language
 * (« Moldavie »), an event's place after its title ("… (Vienna)", « … (Vienne) »). The marks stay
 * on the newsletter's words; none is kept on a name the interface changed. Ranges are kept as a
 * prefix, so a loose mark's index (SearchHit.loose) still points at its range.
 */
function localTitle(
  type: string | undefined,
  shown: string,
  highlights: [number, number][],
  places: ReturnType<typeof usePlaces>,
): { text: string; ranges: [number, number][] } {
  if (type === 'country') {
    const text = places.country(shown);
    return { text, ranges: text === shown ? highlights : [] };
  }
  const event = type === 'event' ? /^(.*) \(([^()]+)\)$/su.exec(shown) : null;
  if (!event) return { text: shown, ranges: highlights };
  const text = `${event[1]} (${places.place(event[2]!)})`;
  return { text, ranges: text === shown ? highlights : highlights.filter(([, end]) => end <= event[1]!.length) };
}

/**
 * A hit's title and snippet: when the match is in the title itself (a name), the title carries the
 * marks and there is no separate snippet.
 */
export function HitText({
  hit,
  Title,
  Snippet,
}: {
  hit: { type?: string; title: string; snippet: string; highlights: [number, number][]; loose?: Loose[] };
  Title: (p: { children: React.ReactNode }) => React.ReactNode;
  Snippet: (p: { children: React.ReactNode }) => React.ReactNode;
}) {
  const places = usePlaces();
  const inTitle = hit.snippet === hit.title;
  const title = localTitle(hit.type, hit.title, hit.highlights, places);
  // A snippet cut from an event's title ends with its place too.
  const snippet = localTitle(hit.type === 'event' ? 'event' : undefined, hit.snippet, hit.highlights, places);
  return (
    <>
      <Title>{inTitle ? <Highlighted text={title.text} ranges={title.ranges} loose={hit.loose} /> : title.text}</Title>
      {!inTitle && (
        <Snippet>
          <Highlighted text={snippet.text} ranges={snippet.ranges} loose={hit.loose} notes />
        </Snippet>
      )}
    </>
  );
}
