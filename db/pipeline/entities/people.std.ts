/**
 * People: found by the titles and roles the text puts before a name (Mr, Ms, M., Ambassador,
 * Minister, sociologist, counterpart…). A surname met alone (Ms Moiron-Braud, Ambassador Brunet)
 * is the person of that surname met in full. Each person's role is taken per issue from the text
 * around the name: the apposition after it ("Ms Ghada Waly, UNODC’s Executive Director") or the
 * title before it ("the French Ambassador to Romania, Ms Laurence Auer").
 */
import { entitySlug } from '../issue/slug.std';

export interface PersonMention {
  name: string;
  surnameOnly: boolean;
  role: string | null;
  index: number;
  length: number;
}

export interface Person {
  key: string;
  name: string;
  aliases: string[];
}

const NAME_WORD = "\\p{Lu}[\\p{Ll}’'\\p{Lu}]*(?:-\\p{Lu}[\\p{Ll}\\p{Lu}]+)?";
const PARTICLE = '(?:Le|de|van|von|da)';
const NAME = `${NAME_WORD}(?:[ ](?:${PARTICLE}[ ])?${NAME_WORD}){0,3}`;
const TITLES =
  '(?:Mr|Ms|Mrs|M|Dr)\\.?|Judge|Prosecutor|Professor|Ambassadors?|Ministers?|[Ss]ociologist|counterpart|quote from';
const PERSON = new RegExp(`(?<![\\p{L}])(${TITLES})[ ]+(${NAME})(?:[ ]and[ ](${NAME}))?`, 'gu');

/** Words that end a name when capitalised: they start the next phrase. */
const NOT_NAME = new Set([
  'The',
  'And',
  'In',
  'On',
  'For',
  'Of',
  'Permanent',
  'Regional',
  'General',
  'State',
  'French',
  'Executive',
  'National',
  'Coordinator',
  'Director',
]);

function titleCase(name: string): string {
  return name === name.toUpperCase()
    ? name.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase())
    : name;
}

function trimName(raw: string): string {
  const words = raw.split(' ');
  const kept: string[] = [];
  for (const word of words) {
    // In a name set in capitals the same words end it (M. JEAN DUPONT EXECUTIVE DIRECTOR).
    if (kept.length && NOT_NAME.has(titleCase(word))) break;
    kept.push(word);
  }
  return titleCase(kept.join(' '));
}

/** Role after the name: the apposition, up to a verb, a relative clause, a date or the sentence end. */
const ROLE_START =
  /^(\p{Lu}|(ambassador|magistrate|head|coordinator|regional|special|former|director|president|state|national|general|executive|secretary|expert|officer|lecturer|sociologist|judge|prosecutor|minister|representative|permanent|french|swedish|deputy|chief)\b)/u;
const ROLE_END =
  /,\s+(?:who|which|speaking|during|presented|explained|encouraged|reported|recalled|stressed|underlined|outlined|\d+)\b|,\s+and\s|\s+(?:presented|explained|encouraged|reported|recalled|stressed|underlined|outlined|said|will|has|have|is|was|who)\b|\s+and\s+(?:Ambassador|Mr|Ms)\b|[.;:](?:\s|$)/u;

function roleAfter(text: string, end: number): string | null {
  const rest = text.slice(end);
  // In a heading set in capitals the role follows the name without a comma.
  if (/^ [\p{Lu}\s(),’']{8,}$/u.test(rest)) return rest.trim();
  if (!/^,\s/.test(rest)) return null;
  const body = rest.slice(2);
  const stop = ROLE_END.exec(body);
  const role = (stop ? body.slice(0, stop.index) : body).trim().replace(/,$/, '');
  if (!ROLE_START.test(role) || role.length < 4 || role.length > 300) return null;
  if (/^(The|A|An|In|On|At|To|For|As)\s/.test(role)) return null;
  return role;
}

/** Role before the name: "the French Ambassador to Romania, Ms Laurence Auer". */
function roleBefore(text: string, start: number): string | null {
  const before = text.slice(Math.max(0, start - 160), start);
  const m =
    /(?:^|[,(]\s|\b(?:the|its|his|her)\s)((?:former\s|then\s)?(?:\p{Lu}[\p{L}-]*\s)*(?:Ambassador|Minister|Director|Secretary|Coordinator|Representative|magistrate|expert)[^,]{0,90}),\s*$/u.exec(
      before,
    );
  return m ? m[1]!.trim() : null;
}

export function personMentions(text: string): PersonMention[] {
  const found: PersonMention[] = [];
  PERSON.lastIndex = 0;
  for (let m = PERSON.exec(text); m; m = PERSON.exec(text)) {
    const title = m[1]!;
    for (const [raw, offset] of [
      [m[2]!, m[0].indexOf(m[2]!)],
      ...(m[3] ? [[m[3], m[0].lastIndexOf(m[3])] as const] : []),
    ] as const) {
      const name = trimName(raw);
      const words = name.split(' ').filter((w) => !new RegExp(`^${PARTICLE}$`).test(w));
      if (words.length === 0 || ((title === 'M' || title === 'M.') && words.length < 2)) continue;
      if (words.length === 1 && !/^(Mr|Ms|Mrs|M|Ambassador)\.?$/.test(title)) continue;
      const index = m.index + offset;
      const titled = /^(Ambassador|Minister|[Ss]ociologist)$/.test(title)
        ? (/(?:\p{Lu}[\p{L}-]*\s)*$/u.exec(text.slice(0, m.index))![0] + title).trim()
        : null;
      const role = m[3] ? titled : (roleAfter(text, index + name.length) ?? roleBefore(text, m.index) ?? titled);
      found.push({ name, surnameOnly: words.length === 1, role, index, length: raw.length });
    }
  }
  return found;
}

export function surnameOf(name: string): string {
  const words = name.split(' ');
  const last = words[words.length - 1]!;
  const particle = words[words.length - 2];
  return particle && new RegExp(`^${PARTICLE}$`).test(particle) ? `${particle} ${last}` : last;
}

/** Merges mentions into people: full names first, then surnames alone attach to them. */
export function peopleFrom(mentions: PersonMention[]): Map<string, Person> {
  const people = new Map<string, Person>();
  const bySurname = new Map<string, Person>();
  for (const m of mentions.filter((x) => !x.surnameOnly)) {
    const key = `person/${entitySlug(m.name)}`;
    if (!people.has(key)) {
      const person = { key, name: m.name, aliases: [m.name] };
      people.set(key, person);
      bySurname.set(surnameOf(m.name).toLowerCase(), person);
    }
  }
  for (const m of mentions.filter((x) => x.surnameOnly)) {
    const person = bySurname.get(m.name.toLowerCase());
    if (person) {
      if (!person.aliases.includes(m.name)) person.aliases.push(m.name);
    } else {
      const key = `person/${entitySlug(m.name)}`;
      if (!people.has(key)) people.set(key, { key, name: m.name, aliases: [m.name] });
    }
  }
  return people;
}

export function keyOfMention(people: Map<string, Person>, mention: PersonMention): string | null {
  for (const person of people.values()) if (person.aliases.includes(mention.name)) return person.key;
  return null;
}
