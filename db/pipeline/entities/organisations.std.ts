import { entitySlug, sameNameKey } from '../issue/slug.std';
import { countriesIn, countryOfPlace } from './places.std';

/**
 * Organisations: a full name and its acronym are one organisation, across issues. Found where
 * the text defines an acronym ("United Nations Office on Drugs and Crime (UNODC)"), where an
 * acronym stands alone, and, for organisations the text names without an acronym, from the
 * overlay's reviewed list (each name must occur in the text).
 */
export interface Organisation {
  key: string;
  name: string;
  acronym: string | null;
  /** Spellings that mention it in text: the name, the acronym, variants. */
  aliases: string[];
}

const CONNECTORS = new Set([
  'of',
  'on',
  'and',
  'for',
  'the',
  'against',
  'in',
  'to',
  'de',
  'des',
  'du',
  'et',
  'la',
  'le',
  'les',
]);
const ORG_WORDS =
  /\b(Office|Organi[sz]ation|Centre|Center|Agency|Fund|Commission|Council|Mission|Section|Unit|Group|Programme|Ministry|Delegation|Department|Network|Association|Parliament|Secretariat|Platform)\b/;
/**
 * Capitals that are not organisations: abbreviations of the field (trafficking in persons,
 * smuggling of migrants, junior professional officers), units and common abbreviations. Names and
 * headings set in capitals, and programme codes, are left out by rule (isCapitalsRun,
 * isProgrammeCode), not listed.
 */
const NOT_ORGANISATIONS = new Set([
  'TIP',
  'SOM',
  'THB',
  'TEH',
  'JPO',
  'JPOs',
  'COVID',
  'UN',
  'EU',
  'USA',
  'INI',
  'REV',
  'GCM',
  'NGO',
  'NGOs',
  'SDG',
]);

/** A programme's code or name, not an acronym: dotted parts of several letters (GLO.ACT). */
const isProgrammeCode = (token: string) => /\p{Lu}{2,}\.\p{Lu}{2,}/u.test(token);

/**
 * Whether the capitals at `at` stand in a run of words set in capitals (a name or a heading:
 * "M. JEAN DUPONT EXECUTIVE DIRECTOR"): three words or more, or right after a personal title.
 */
function isCapitalsRun(text: string, at: number, length: number): boolean {
  const before = text.slice(0, at);
  if (/(?:^|\s)(?:Mr|Ms|Mrs|M)\.?\s+(?:\p{Lu}[\p{Lu}’'-]+\s+)*$/u.test(before)) return true;
  const words = (s: string) => s.split(/\s+/).filter((w) => w !== '');
  const left = words(before).reverse();
  const right = words(text.slice(at + length));
  // Words in capitals with no comma between them: a list of acronyms (IOM, EUROPOL, INTERPOL) is no run.
  const caps = (w: string) => /^\p{Lu}[\p{Lu}’'-]*\.?$/u.test(w) && /\p{Lu}{2}/u.test(w);
  let run = 1;
  for (const w of left)
    if (caps(w)) run++;
    else break;
  for (const w of right)
    if (caps(w)) run++;
    else break;
  return run >= 3;
}

export const orgSlug = (text: string): string => entitySlug(text, 8);

function lettersOf(acronym: string): string {
  return acronym.replace(/[^\p{Lu}]/gu, '').toLowerCase();
}

/** The words before an acronym in parentheses that spell it, or that name an organisation. */
function expansionBefore(words: string[], acronym: string): string | null {
  const letters = lettersOf(acronym);
  // 1. Initials: the shortest run of words ending at the parenthesis whose capitals spell the acronym.
  for (let start = words.length - 1; start >= Math.max(0, words.length - 14); start--) {
    const run = words.slice(start);
    if (!/^\p{Lu}/u.test(run[0]!)) continue;
    const initials = run
      .filter((w) => !CONNECTORS.has(w.toLowerCase()))
      .map((w) =>
        w
          .split('-')
          .map((part) => part[0] ?? '')
          .join(''),
      )
      .join('')
      .toLowerCase();
    if (initials === letters) return run.join(' ');
  }
  // 2. Otherwise the shortest capitalised run that names an organisation ("Inter-ministerial Mission on…").
  for (let start = words.length - 1; start >= Math.max(0, words.length - 14); start--) {
    const run = words.slice(start);
    if (/^\p{Lu}/u.test(run[0]!) && ORG_WORDS.test(run.join(' ')) && !CONNECTORS.has(run[0]!.toLowerCase())) {
      // Take in the capitalised words before it that belong to the name (Council of Europe’s Group…).
      let from = start;
      while (from > 0) {
        const previous = words[from - 1]!;
        const beforeThat = words[from - 2];
        if (/^\p{Lu}/u.test(previous) && previous !== 'The') from--;
        else if (['of', 'and'].includes(previous) && beforeThat && /^\p{Lu}/u.test(beforeThat) && beforeThat !== 'The')
          from -= 2;
        else break;
      }
      return words.slice(from).join(' ');
    }
  }
  return null;
}

/** Capitalised words, as names are set: "Federal", "OSCE", "Co-operation". */
const CAP = String.raw`\p{Lu}[\p{L}’'-]*`;
/** Words that head or end the name of a body. */
const INSTITUTION_WORDS = String.raw`(?:Office|Organi[sz]ation|Centre|Center|Agency|Fund|Commission|Council|Mission|Unit|Programme|Ministry|Delegation|Department|Directorate|Network|Association|Foundation|Institute|Service|Bureau|Authority|Committee|Court|Police|Union|Parliament|Secretariat|Inspectorate|Observatory|Federation|Coalition|Alliance)`;
/**
 * A body named by its institutional word: capitalised words before it ("Federal Criminal Police
 * Office"), and what it is of, for or on ("Ministry of Social Policy", "Council of the Baltic Sea States").
 */
const INSTITUTION_NAME = new RegExp(
  String.raw`(?<![\p{L}’'-])(?:${CAP}\s+){0,4}${INSTITUTION_WORDS}(?:\s+(?:of|for|on|against)(?:\s+the)?\s+${CAP}(?:\s+${CAP}){0,3}){0,3}(?![\p{L}’'-])`,
  'gu',
);
/** Words that open a sentence or a phrase and belong to no name ("The Council…", "In Serbia the…"). */
const LEADING_WORDS =
  /^(?:(?:The|A|An|This|That|These|Its|Our|Their|In|On|At|By|For|With|From|Since|Each|Every|Both|And|But|Then|Also|Today)\s+)+/u;
/** Words that begin a text's title after the body's name ("Council of Europe Convention on…"): the name ends before them. */
const DOCUMENT_WORDS =
  /\s+(?:Convention|Protocol|Report|Declaration|Strategy|Directive|Resolution|Recommendation|Guidelines|Plan|Conference|Day|Award|Prize)\b.*$/u;
/** A body the text introduces as such: "the non-governmental organisation Terre des hommes", "the NGO La Strada Ukraine". */
const INTRODUCED_NAME = new RegExp(
  String.raw`\b(?:non-?governmental\s+organi[sz]ations?|NGOs?|associations?|foundations?|charity|charities)\s+(${CAP}(?:\s+(?:(?:de|des|du|la|le|di|del|der|von|van)\s+[\p{L}’'-]+|${CAP})){0,4})`,
  'gu',
);
/**
 * Bodies named in one word by what they do: a single capitalised word (or two joined by "and") after
 * "supported by", "funded by", "run by"… ("supported by Europol and Eurojust"), not a place.
 */
const AGENT_NAMES = new RegExp(
  String.raw`\b(?:supported|funded|financed|coordinated|organi[sz]ed|run|hosted|backed)\s+by\s+(?:the\s+)?(${CAP})(?:\s+and\s+(?:the\s+)?(${CAP}))?(?![\p{L}’'-])(?!\s+\p{Lu})`,
  'gu',
);

const isPlace = (word: string) => countriesIn(word).length > 0 || countryOfPlace(word) !== null;

/** Names of bodies the text gives without an acronym, found by the rules above. */
export function namedOrganisations(text: string): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(INSTITUTION_NAME)) {
    const name = m[0].replace(LEADING_WORDS, '').replace(DOCUMENT_WORDS, '').replace(/\s+/g, ' ');
    // A name is two words or more: an institutional word alone ("Police", "Council") names no one body.
    if (name.split(' ').length >= 2 && new RegExp(`${INSTITUTION_WORDS}`, 'u').test(name)) names.push(name);
  }
  for (const m of text.matchAll(INTRODUCED_NAME)) names.push(m[1]!.replace(/\s+/g, ' '));
  for (const m of text.matchAll(AGENT_NAMES)) {
    for (const word of [m[1], m[2]]) if (word && !isPlace(word) && !/^\p{Lu}+$/u.test(word)) names.push(word);
  }
  return names;
}

export interface OrganisationHint {
  name: string;
  acronym?: string | null;
  aliases?: string[];
}

export interface FindOptions {
  /**
   * The texts in which names without an acronym are found by rule (namedOrganisations); all by
   * default. An issue whose reviewed overlay lists those names is left to its list.
   */
  ruleTexts?: string[];
}

/** Adds the bodies named by rule, unless the name is part of one already known ("Council" in "Council of Europe"). */
function addNamed(
  texts: string[],
  byName: Map<string, Organisation>,
  add: (name: string, acronym: string | null) => void,
) {
  const known = () => [...byName.values()].flatMap((org) => org.aliases.map((a) => a.toLowerCase()));
  for (const text of texts) {
    for (const name of namedOrganisations(text)) {
      const lower = name.toLowerCase();
      if (NOT_ORGANISATIONS.has(name) || known().some((alias) => alias.includes(lower))) continue;
      add(name, acronymAfter(text, name));
    }
  }
}

/** The acronym the text gives in parentheses right after a name ("European Labour Authority (ELA)"). */
function acronymAfter(text: string, name: string): string | null {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
  const m = new RegExp(`${escaped}\\s*\\((\\p{Lu}[\\p{L}.]{1,9})\\)`, 'u').exec(text);
  return m && !NOT_ORGANISATIONS.has(m[1]!) ? m[1]! : null;
}

export function findOrganisations(
  texts: string[],
  hints: OrganisationHint[] = [],
  options: FindOptions = {},
): Organisation[] {
  const byAcronym = new Map<string, Organisation>();
  const byName = new Map<string, Organisation>();
  const add = (name: string, acronym: string | null, aliases: string[] = []) => {
    const existing = (acronym && byAcronym.get(acronym)) || byName.get(name.toLowerCase());
    if (existing) {
      if (acronym && !existing.acronym) existing.acronym = acronym;
      if (existing.name === existing.acronym && name !== acronym) existing.name = name;
      for (const alias of [name, ...(acronym ? [acronym] : []), ...aliases])
        if (!existing.aliases.includes(alias)) existing.aliases.push(alias);
      if (acronym) byAcronym.set(acronym, existing);
      byName.set(name.toLowerCase(), existing);
      return;
    }
    const org: Organisation = {
      key: '',
      name,
      acronym,
      aliases: [...new Set([name, ...(acronym ? [acronym] : []), ...aliases])],
    };
    if (acronym) byAcronym.set(acronym, org);
    byName.set(name.toLowerCase(), org);
  };
  for (const hint of hints) add(hint.name, hint.acronym ?? null, hint.aliases ?? []);
  for (const text of texts) {
    for (const m of text.matchAll(/((?:[\p{L}’'-]+[ ,]+){1,16})\(([\p{Lu}][\p{L}.]{1,9})\)/gu)) {
      const acronym = m[2]!;
      if (lettersOf(acronym).length < 2 || NOT_ORGANISATIONS.has(acronym)) continue;
      const words = m[1]!
        .trim()
        .replace(/,$/, '')
        .split(/\s+/)
        .map((w) => w.replace(/,$/, ''));
      const expansion = expansionBefore(words, acronym);
      if (expansion && (ORG_WORDS.test(expansion) || byAcronym.has(acronym)))
        add(expansion.replace(/^The\s+/, ''), acronym);
    }
  }
  for (const text of texts) {
    for (const m of text.matchAll(/(?<![\p{L}./-])(\p{Lu}(?:\.?\p{Lu})+\.?)(?![\p{L}\d/-])/gu)) {
      const token = /^(\p{Lu}\.)+$/u.test(m[1]!) ? m[1]! : m[1]!.replace(/\.$/, '');
      if (NOT_ORGANISATIONS.has(token) || /^\d/.test(token) || byAcronym.has(token) || isProgrammeCode(token)) continue;
      if (isCapitalsRun(text, m.index, m[0].length)) continue;
      // Capitals that stand against a number are its unit or currency (EUR 2.5 million, 40 USD), not a body.
      if (/^\s?\d/.test(text.slice(m.index + m[0].length)) || /\d\s?$/.test(text.slice(0, m.index))) continue;
      // An acronym inside a known organisation's name (ECPAT in ECPAT France) is that organisation.
      if ([...byName.keys()].some((name) => name.split(/\s+/).includes(token.toLowerCase()))) continue;
      if (lettersOf(token).length < 3) continue;
      add(token, token);
    }
  }
  addNamed(options.ruleTexts ?? texts, byName, add);
  const organisations = [...new Set([...byAcronym.values(), ...byName.values()])];
  for (const org of organisations) org.key = `org/${orgSlug(org.acronym ?? org.name)}`;
  return mergeSameKey(organisations).sort((a, b) => a.key.localeCompare(b.key));
}

/**
 * Two organisations that come to one key and share a name are one ("European Union Agency for Law
 * Enforcement Cooperation (Europol)", then "Europol" named alone: a mixed-case acronym is also a
 * name): the one with the acronym and its expansion is kept, with the other's aliases. Two entities
 * of one key made the whole import fail (UNIQUE constraint failed: entities.key). Names are
 * compared in full, in any alphabet (sameNameKey), so a name read with a space for its hyphen is
 * the same name, and two bodies whose names part after the eighth word (the Office of the United
 * Nations High Commissioner for Refugees, and for Human Rights) are two. Bodies that share only
 * their key each take the slug of their whole name as key: it depends on the name alone, not on the
 * order they were read in. Names in Cyrillic or Greek are written in Latin for their keys (entitySlug).
 * Keys that still clash (two acronyms spelt "A.B." and "AB" for two names) are refused by
 * extractEntities with a clear reason.
 */
function mergeSameKey(organisations: Organisation[]): Organisation[] {
  const byKey = new Map<string, Organisation[]>();
  for (const org of organisations) {
    const group = byKey.get(org.key) ?? [];
    const same = group.findIndex((kept) => shareName(kept, org));
    if (same < 0) group.push(org);
    else group[same] = mergeTwo(group[same]!, org);
    byKey.set(org.key, group);
  }
  return [...byKey.values()].flatMap((group) =>
    group.length < 2 ? group : group.map((org) => ({ ...org, key: `org/${fullSlug(org.acronym ?? org.name)}` })),
  );
}

/** A name's slug with all its words: the key a body takes when another's name shares its first eight. */
const fullSlug = (text: string): string => entitySlug(text, Infinity);

/** Whether two organisations share a name (sameNameKey); a name with no word in it is shared by none. */
function shareName(a: Organisation, b: Organisation): boolean {
  const names = new Set(a.aliases.map(sameNameKey).filter(Boolean));
  return b.aliases.some((alias) => names.has(sameNameKey(alias)));
}

/** One organisation named twice: the one with the acronym and its expansion, with both's aliases. */
function mergeTwo(kept: Organisation, org: Organisation): Organisation {
  const [main, other] = kept.acronym && kept.name !== kept.acronym ? [kept, org] : [org, kept];
  return { ...main, aliases: [...new Set([...main.aliases, ...other.aliases])] };
}

export function organisationPattern(org: Organisation): RegExp {
  const alternatives = [...org.aliases]
    .sort((a, b) => b.length - a.length)
    .map((alias) => alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'));
  return new RegExp(`(?<![\\p{L}])(${alternatives.join('|')})(?![\\p{L}])`, 'u');
}
