/**
 * Finds the entities of the whole archive and links each to every paragraph that mentions it.
 * People and organisations are merged across issues; a person's role is kept per issue.
 */
import { ExtractionError, type ExtractedIssue } from '../extract-issue.std';
import { slugify, uniqueSlugger } from '../issue/slug.std';
import { contactsIn } from './contacts.std';
import { documentsIn } from './documents.std';
import { eventsIn, type EventParagraph } from './events.std';
import { figuresIn } from './figures.std';
import { findOrganisations, organisationPattern, type Organisation, type OrganisationHint } from './organisations.std';
import { keyOfMention, peopleFrom, personMentions, type PersonMention } from './people.std';
import { COUNTRY_LIST, countriesIn, placeNamesOf } from './places.std';

export const ENTITY_TYPES = ['person', 'organisation', 'event', 'figure', 'contact', 'document', 'country'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export interface EntityRecord {
  key: string;
  type: EntityType;
  name: string;
  /** Type-specific facts, as the dump shows them. */
  data: Record<string, unknown>;
  /** Keys of the paragraphs that mention it, in reading order. */
  mentions: string[];
}

interface Para {
  issue: ExtractedIssue;
  sectionTitle: string;
  key: string;
  kind: string;
  text: string;
}

export interface IssueContext {
  issue: ExtractedIssue;
  asOf: string;
  organisations: OrganisationHint[];
}

/** Paragraphs, and each section's title as an item of its own: a name may stand only in a title. */
function paragraphsOf(issue: ExtractedIssue): Para[] {
  return issue.sections.flatMap((s) => [
    { issue, sectionTitle: s.title, key: s.key, kind: 'title', text: s.title },
    ...s.paragraphs.map((p) => ({ issue, sectionTitle: s.title, key: p.key, kind: p.kind, text: p.text })),
  ]);
}

/** The organisations found (reviewed names and rules) with every paragraph naming them; gives the lookup of the organisation a text names first. */
function addOrganisations(
  records: EntityRecord[],
  contexts: IssueContext[],
  paras: Para[],
): (text: string) => Organisation | null {
  // Organisations
  const orgTexts = paras.filter((p) => p.kind !== 'subheading' && p.kind !== 'title');
  // Names without an acronym are found by rule only in issues whose overlay does not list them.
  const reviewed = new Set(contexts.filter((c) => c.organisations.length > 0).map((c) => c.issue));
  const orgs = findOrganisations(
    orgTexts.map((p) => p.text),
    contexts.flatMap((c) => c.organisations),
    { ruleTexts: orgTexts.filter((p) => !reviewed.has(p.issue)).map((p) => p.text) },
  );
  const orgPatterns = orgs.map((org) => ({ org, re: organisationPattern(org) }));
  for (const { org, re } of orgPatterns) {
    const mentions = paras.filter((p) => re.test(p.text)).map((p) => p.key);
    if (mentions.length)
      records.push({
        key: org.key,
        type: 'organisation',
        name: org.name,
        data: { name: org.name, acronym: org.acronym, aliases: org.aliases },
        mentions,
      });
  }
  const orgIn = (text: string) => orgPatterns.find(({ re }) => re.test(text))?.org ?? null;
  return orgIn;
}

/** People, merged across issues, with their role per issue (and its organisation) and the latest as theirs. */
function addPeople(
  records: EntityRecord[],
  contexts: IssueContext[],
  paras: Para[],
  orgIn: (text: string) => Organisation | null,
): void {
  // People
  const found: { para: Para; mention: PersonMention }[] = paras.flatMap((para) =>
    personMentions(para.text).map((mention) => ({ para, mention })),
  );
  const people = peopleFrom(found.map((f) => f.mention));
  for (const person of people.values()) {
    const own = found.filter((f) => keyOfMention(people, f.mention) === person.key);
    const full = paras.filter((p) => person.aliases.some((a) => a.includes(' ') && p.text.includes(a)));
    const mentions = [...new Set([...own.map((f) => f.para.key), ...full.map((p) => p.key)])];
    const roles = contexts
      .map(({ issue }) => {
        const inIssue = own.filter((f) => f.para.issue === issue);
        if (inIssue.length === 0) return null;
        const contactRole = inIssue
          .filter((f) => f.para.kind === 'contact')
          .map((f) => f.para.text.split('\n')[1] ?? null)
          .find((line) => line && !/@/.test(line));
        const role = inIssue.map((f) => f.mention.role).find((r) => r) ?? contactRole ?? null;
        const organisation = role ? orgIn(role) : null;
        return { issue: issue.key, role, organisation: organisation?.key ?? null };
      })
      .filter((r) => r !== null);
    const latest = roles[roles.length - 1] ?? { role: null, organisation: null };
    records.push({
      key: person.key,
      type: 'person',
      name: person.name,
      data: {
        name: person.name,
        role: latest.role,
        organisation: latest.organisation,
        issues: roles,
        aliases: person.aliases,
      },
      mentions,
    });
  }
}

/** The countries each paragraph names. */
function addCountries(records: EntityRecord[], paras: Para[]): void {
  // Countries (each paragraph's once: the lookup scans every country)
  const paraCountries = paras.map((p) => ({ key: p.key, countries: countriesIn(p.text) }));
  for (const country of COUNTRY_LIST) {
    const mentions = paraCountries.filter((p) => p.countries.includes(country)).map((p) => p.key);
    if (mentions.length)
      records.push({
        key: country.key,
        type: 'country',
        name: country.name,
        data: { name: country.name, aliases: country.aliases, names: placeNamesOf(country) },
        mentions,
      });
  }
}

/** Each issue's events, figures, contacts and UN documents, issue by issue; keys made unique by `uniqueKey` across the archive. */
function addIssueRecords(
  records: EntityRecord[],
  contexts: IssueContext[],
  paras: Para[],
  uniqueKey: (slug: string) => string,
): void {
  for (const { issue, asOf } of contexts) {
    const own = paras.filter((p) => p.issue === issue);
    const month = issue.date && /^\d{4}-\d{2}/.test(issue.date) ? Number(issue.date.slice(5, 7)) : null;

    // Events
    let group: 'past' | 'coming' | null = null;
    const eventParas: EventParagraph[] = own.map((p) => {
      if (p.kind === 'calendar-heading') group = /bref/i.test(p.text) ? 'past' : 'coming';
      return {
        key: p.key,
        kind: p.kind,
        text: p.text,
        sectionTitle: p.sectionTitle,
        calendarGroup: p.kind === 'calendar' ? group : null,
        previousText: '',
      };
    });
    eventParas.forEach((p, i) => {
      p.previousText = eventParas[i - 1]?.text ?? '';
    });
    for (const { paragraphKeys, keyPhrase, ...event } of eventsIn(eventParas, { year: issue.year, month, asOf })) {
      records.push({
        key: uniqueKey(`event/${event.start}-${slugify(keyPhrase, 5)}`),
        type: 'event',
        name: event.title,
        data: { ...event, issue: issue.key },
        mentions: paragraphKeys,
      });
    }

    // Figures: a key-figures label is the item before its value.
    own.forEach((p, i) => {
      const previous = own[i - 1];
      const label =
        p.kind === 'key-figures' && previous?.kind === 'key-figures' && /^[€$]/.test(p.text) ? previous.text : null;
      for (const figure of figuresIn(p, label)) {
        records.push({
          key: uniqueKey(`figure/${issue.key}/${slugify(figure.text, 6)}`),
          type: 'figure',
          name: figure.text,
          data: {
            value: figure.value,
            currency: figure.currency,
            unit: figure.unit,
            label: figure.label,
            period: figure.period,
            text: figure.text,
            issue: issue.key,
          },
          mentions: [p.key],
        });
      }
    });

    // Contacts
    for (const p of own) {
      for (const contact of contactsIn(p)) {
        // Two offices may share an address: the owner is part of what the contact is.
        const key = `contact/${slugify(contact.owner || 'unknown', 12)}/${slugify(contact.value, 12)}`;
        const existing = records.find((r) => r.key === key);
        if (existing) {
          if (!existing.mentions.includes(p.key)) existing.mentions.push(p.key);
          continue;
        }
        records.push({
          key,
          type: 'contact',
          name: contact.value,
          data: { kind: contact.kind, value: contact.value, owner: contact.owner || null, issue: issue.key },
          mentions: [p.key],
        });
      }
    }

    // UN documents
    own.forEach((p, i) => {
      for (const doc of documentsIn(p, own[i - 1]?.text ?? null, own[i + 1]?.text ?? null)) {
        const key = `document/${slugify(doc.symbol, 12)}`;
        if (records.some((r) => r.key === key)) continue;
        const mentions = paras.filter((q) => q.text.toLowerCase().includes(doc.symbol.toLowerCase())).map((q) => q.key);
        records.push({
          key,
          type: 'document',
          name: doc.symbol,
          data: {
            symbol: doc.symbol,
            title: doc.title,
            sponsors: doc.sponsors,
            sponsorText: doc.sponsorText,
            issue: issue.key,
          },
          mentions,
        });
      }
    });
  }
}

export function extractEntities(contexts: IssueContext[]): EntityRecord[] {
  const paras = contexts.flatMap((c) => paragraphsOf(c.issue));
  const records: EntityRecord[] = [];
  const uniqueKey = uniqueSlugger();
  const orgIn = addOrganisations(records, contexts, paras);
  addPeople(records, contexts, paras, orgIn);
  addCountries(records, paras);
  addIssueRecords(records, contexts, paras, uniqueKey);
  refuseKeyClash(records, contexts);
  return records;
}

/**
 * Refuses entities of which two share a key (two acronyms "A.B." and "AB" of two names, a name of
 * no letter in any alphabet): the database would refuse them with SQLite's own words
 * ("UNIQUE constraint failed: entities.key"); this says which issues, in the user's language.
 */
function refuseKeyClash(records: EntityRecord[], contexts: IssueContext[]): void {
  const seen = new Set<string>();
  for (const { key } of records) {
    if (seen.has(key))
      throw ExtractionError.fromCatalogue(contexts.map((c) => c.issue.key).join(', '), 'reason.entity-key-clash');
    seen.add(key);
  }
}

/** The entities of these issues, each read as of its own date with its organisation hints (the build's, an import's). */
export function entitiesOf(issues: ExtractedIssue[]): EntityRecord[] {
  return extractEntities(issues.map((issue) => ({ issue, asOf: issue.asOf, organisations: issue.organisationHints })));
}
