/** A snippet with its matched words marked; built from offsets, never from HTML. */
export function Highlighted({ text, ranges }: { text: string; ranges: [number, number][] }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  ranges.forEach(([start, end], i) => {
    if (start < at || end > text.length) return;
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={i}>{text.slice(start, end)}</mark>);
    at = end;
  });
  parts.push(text.slice(at));
  return <>{parts}</>;
}

/**
 * A hit's title and snippet: when the match is in the title itself (a name), the title carries the
 * marks and there is no separate snippet.
 */
export function HitText({ hit, Title, Snippet }: { hit: { title: string; snippet: string; highlights: [number, number][] }; Title: (p: { children: React.ReactNode }) => React.ReactNode; Snippet: (p: { children: React.ReactNode }) => React.ReactNode }) {
  const inTitle = hit.snippet === hit.title;
  return (
    <>
      <Title>{inTitle ? <Highlighted text={hit.title} ranges={hit.highlights} /> : hit.title}</Title>
      {!inTitle && (
        <Snippet>
          <Highlighted text={hit.snippet} ranges={hit.highlights} />
        </Snippet>
      )}
    </>
  );
}
