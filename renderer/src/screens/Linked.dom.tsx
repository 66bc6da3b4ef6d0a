/**
 * A passage's text with the people, organisations, countries and documents it names made into
 * links. The text itself is untouched: links wrap the very words of the newsletter. A surname met
 * alone is linked only after a title (Ms Moiron-Braud, Ambassador Brunet).
 */
import { Link as RouterLink } from 'react-router';
import type { Link } from '../../../common/contract/contract.std';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function Linked({ text, links = [] }: { text: string; links?: Link[] }) {
  const spellings: { spelling: string; key: string; name: string }[] = [];
  for (const link of links) {
    for (const spelling of link.spellings) {
      if (link.type === 'country' && !/^\p{Lu}/u.test(spelling)) continue;
      spellings.push({ spelling, key: link.key, name: link.name });
      if (link.type === 'person' && spelling.includes(' ')) {
        const surname = spelling.split(' ').slice(-1)[0]!;
        for (const title of ['Mr', 'Ms', 'Ms.', 'Mrs', 'Ambassador'])
          spellings.push({ spelling: `${title} ${surname}`, key: link.key, name: link.name });
      }
    }
  }
  if (spellings.length === 0) return <>{text}</>;
  spellings.sort((a, b) => b.spelling.length - a.spelling.length);
  const squash = (s: string) => s.replace(/\s+/g, ' ');
  const targets = new Map<string, (typeof spellings)[number]>();
  for (const s of spellings) if (!targets.has(s.spelling)) targets.set(s.spelling, s);
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(${spellings.map((s) => escape(s.spelling).replace(/ /g, '\\s+')).join('|')})(?![\\p{L}\\p{N}])`,
    'gu',
  );
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const m of text.matchAll(pattern)) {
    const target = targets.get(squash(m[0]))!;
    if (m.index! > at) parts.push(text.slice(at, m.index));
    parts.push(
      <RouterLink key={`${m.index}`} to={`/entity/${target.key}`} className="entity-link" title={target.name}>
        {m[0]}
      </RouterLink>,
    );
    at = m.index! + m[0].length;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}
