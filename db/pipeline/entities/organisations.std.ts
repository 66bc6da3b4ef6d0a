import { slugify } from '../slug.std';

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

const CONNECTORS = new Set(['of', 'on', 'and', 'for', 'the', 'against', 'in', 'to', 'de', 'des', 'du', 'et', 'la', 'le', 'les']);
const ORG_WORDS = /\b(Office|Organi[sz]ation|Centre|Center|Agency|Fund|Commission|Council|Mission|Section|Unit|Group|Programme|Ministry|Delegation|Department|Network|Association|Parliament|Secretariat|Platform)\b/;
/**
 * Capitals that are not organisations: abbreviations of the field (trafficking in persons,
 * smuggling of migrants, junior professional officers), units and common abbreviations. Names and
 * headings set in capitals, and programme codes, are left out by rule (isCapitalsRun,
 * isProgrammeCode), not listed.
 */
const NOT_ORGANISATIONS = new Set([
  'TIP', 'SOM', 'THB', 'TEH', 'JPO', 'JPOs', 'COVID', 'UN', 'EU', 'USA', 'INI', 'REV', 'GCM', 'NGO', 'NGOs', 'SDG',
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
  for (const w of left) if (caps(w)) run++; else break;
  for (const w of right) if (caps(w)) run++; else break;
  return run >= 3;
}

export const orgSlug = (text: string): string => slugify(text, 8);

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
      .map((w) => w.split('-').map((part) => part[0] ?? '').join(''))
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
        else if (['of', 'and'].includes(previous) && beforeThat && /^\p{Lu}/u.test(beforeThat) && beforeThat !== 'The') from -= 2;
        else break;
      }
      return words.slice(from).join(' ');
    }
  }
  return null;
}

export interface OrganisationHint {
  name: string;
  acronym?: string | null;
  aliases?: string[];
}

export function findOrganisations(texts: string[], hints: OrganisationHint[] = []): Organisation[] {
  const byAcronym = new Map<string, Organisation>();
  const byName = new Map<string, Organisation>();
  const add = (name: string, acronym: string | null, aliases: string[] = []) => {
    const existing = (acronym && byAcronym.get(acronym)) || byName.get(name.toLowerCase());
    if (existing) {
      if (acronym && !existing.acronym) existing.acronym = acronym;
      if (existing.name === existing.acronym && name !== acronym) existing.name = name;
      for (const alias of [name, ...(acronym ? [acronym] : []), ...aliases]) if (!existing.aliases.includes(alias)) existing.aliases.push(alias);
      if (acronym) byAcronym.set(acronym, existing);
      byName.set(name.toLowerCase(), existing);
      return;
    }
    const org: Organisation = { key: '', name, acronym, aliases: [...new Set([name, ...(acronym ? [acronym] : []), ...aliases])] };
    if (acronym) byAcronym.set(acronym, org);
    byName.set(name.toLowerCase(), org);
  };
  for (const hint of hints) add(hint.name, hint.acronym ?? null, hint.aliases ?? []);
  for (const text of texts) {
    for (const m of text.matchAll(/((?:[\p{L}’'-]+[ ,]+){1,16})\(([\p{Lu}][\p{L}.]{1,9})\)/gu)) {
      const acronym = m[2]!;
      if (lettersOf(acronym).length < 2 || NOT_ORGANISATIONS.has(acronym)) continue;
      const words = m[1]!.trim().replace(/,$/, '').split(/\s+/).map((w) => w.replace(/,$/, ''));
      const expansion = expansionBefore(words, acronym);
      if (expansion && (ORG_WORDS.test(expansion) || byAcronym.has(acronym))) add(expansion.replace(/^The\s+/, ''), acronym);
    }
  }
  for (const text of texts) {
    for (const m of text.matchAll(/(?<![\p{L}./-])(\p{Lu}(?:\.?\p{Lu})+\.?)(?![\p{L}\d/-])/gu)) {
      const token = /^(\p{Lu}\.)+$/u.test(m[1]!) ? m[1]! : m[1]!.replace(/\.$/, '');
      if (NOT_ORGANISATIONS.has(token) || /^\d/.test(token) || byAcronym.has(token) || isProgrammeCode(token)) continue;
      if (isCapitalsRun(text, m.index, m[0].length)) continue;
      // An acronym inside a known organisation's name (ECPAT in ECPAT France) is that organisation.
      if ([...byName.keys()].some((name) => name.split(/\s+/).includes(token.toLowerCase()))) continue;
      if (lettersOf(token).length < 3) continue;
      add(token, token);
    }
  }
  const organisations = [...new Set([...byAcronym.values(), ...byName.values()])];
  for (const org of organisations) org.key = `org/${orgSlug(org.acronym ?? org.name)}`;
  return organisations.sort((a, b) => a.key.localeCompare(b.key));
}

export function organisationPattern(org: Organisation): RegExp {
  const alternatives = [...org.aliases]
    .sort((a, b) => b.length - a.length)
    .map((alias) => alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'));
  return new RegExp(`(?<![\\p{L}])(${alternatives.join('|')})(?![\\p{L}])`, 'u');
}
