/**
 * Events: every dated happening the issue reports, from the calendar ("16-19 April, Romania:
 * meetings with…") and from the running text ("From 5-7 June 2018, Moldova hosted an
 * interregional seminar…"). A dated sentence is an event when a rule below finds what happens in
 * it; its title is those words of the newsletter, and the whole sentence is its description. Dates
 * are ISO, with the year marked as inferred where the text omits it and the precision the text
 * gives (a day, or only a month); past or coming is judged against the date the issue speaks from.
 */
import { datesIn, type DateSpan } from './dates.std';
import { countryOfPlace, placeIn } from './places.std';

export type DatePrecision = 'day' | 'month';

export interface EventFact {
  title: string;
  start: string;
  end: string;
  yearInferred: boolean;
  /** What the text states: a day (or days), or only a month ("in December 2018"). Added in 0.5. */
  precision: DatePrecision;
  place: string | null;
  country: string | null;
  description: string;
  status: 'past' | 'coming';
  /** The paragraphs that report it. */
  paragraphKeys: string[];
  /** The words the event's key is made from (see keyPhrase): not shown, never changed. */
  keyPhrase: string;
}

const EVENT_NOUN =
  /\b(seminar|conference|meeting|meetings|workshop|congress|commission|session|round table|working groups?|committee|event|campaign|training|mission|negotiations|presidency|report|visit|gathering|presentation|follow-up|declaration)\b/i;

function sentenceAround(text: string, index: number): string {
  const starts = [...text.slice(0, index).matchAll(/[.!?”]\s+(?=[\p{Lu}“])/gu)];
  const start = starts.length ? starts[starts.length - 1]!.index! + starts[starts.length - 1]![0].length : 0;
  const endMatch = /[.!?](?=\s+[\p{Lu}“]|\s*$)/u.exec(text.slice(index));
  const end = endMatch ? index + endMatch.index + 1 : text.length;
  return text.slice(start, end).trim();
}

/** The clause of a sentence that holds the date (a sentence may report two things). */
function clauseWith(sentence: string, dateText: string): string {
  const clauses = sentence.split(/,\s+and\s+|;\s+/);
  return clauses.find((c) => c.includes(dateText)) ?? sentence;
}

// ---------------------------------------------------------------------------------------------
// The key phrase. Event keys (`event/<start>-<five words>`) were made from the titles of the first
// version of this module; bookmarks hold them, and a key once given never changes. So the phrase
// a key is made from is still found exactly as then, apart from the title, which the rules further
// down find. Do not improve this part: a change here changes keys.

function legacyTitleIn(sentence: string, date: DateSpan): string {
  const withoutDate = sentence.replace(date.text, ' ');
  const patterns = [
    /\bhosted\s+((?:an?|the)\s[^,;.]+?)(?=\s+(?:as part|on the topic|,|;|\.|in which)|$)/u,
    /\b((?:an?|the)\s[^,;.]*?\b(?:seminar|conference|meeting|workshop|congress|round table|session|committee|event)\b[^,;.]*?)\s+(?:was|were|will be|is)\s+(?:held|organised|planned)/iu,
    /\borganised\s+((?:an?|the)\s[^,;.]+?)(?=[,;.]|$)/u,
    /\bThe\s+(\d+\w*\s+[^,;.]*?(?:Committee|Congress|Conference|Session|session|Commission))\s/u,
    /((?:an?|the)\s[^,;.]*?\b(?:seminar|conference|meeting|workshop|congress|round table|session|working groups?)\b[^,;.]*)/iu,
  ];
  for (const p of patterns) {
    const m = p.exec(withoutDate);
    if (m && m[1]!.split(' ').length >= 2)
      return m[1]!
        .trim()
        .replace(/\s+/g, ' ')
        .replace(/\s+(in|on|at|from|of)$/, '');
  }
  return sentence
    .replace(/^[^,]*\d{4},\s*/, '')
    .split(/[,;:]/)[0]!
    .trim();
}

function legacyAntecedent(title: string, before: string): string | null {
  const noun = /^(?:this|that)\s+(\p{L}+)/iu.exec(title)?.[1];
  if (!noun) return null;
  const matches = [
    ...before.matchAll(
      new RegExp(
        `\\b((?:an?|the)\\s[^.;]*?\\b${noun}\\b[^.;]*?)(?=\\s+(?:will|is|was|has|in collaboration)\\b|[.;]|$)`,
        'giu',
      ),
    ),
  ];
  return matches.length ? matches[matches.length - 1]![1]!.trim() : null;
}

/** The words an event found in running text takes its key from, as the first version found its title. */
function keyPhrase(p: EventParagraph, sentence: string, date: DateSpan): string {
  const dateline = p.kind === 'dateline';
  if (dateline || /^(The (meeting|event|Congress|conference|seminar)|Held)\b/i.test(sentence))
    return p.sectionTitle.replace(/^…\s*/, '');
  const title = legacyTitleIn(clauseWith(sentence, date.text), date);
  return /^(this|that)\s/i.test(title)
    ? (legacyAntecedent(title, p.previousText + ' ' + p.text.slice(0, date.index)) ?? title)
    : title;
}

// ---------------------------------------------------------------------------------------------
// The title: what happens, in the newsletter's words. Each rule reads one way English says that
// something happens at a date; the first that finds a phrase gives the title.

/** Verbs saying that the subject before them happened (or will): "X took place", "X was held". */
const HAPPENED =
  /\s+(?:(?:was|were|will be|is|are|has been|had been|is being)\s+(?:\p{Ll}+ly\s+)?(?:held|organised|organized|convened|launched|opened|celebrated|hosted|planned|scheduled)|took place|takes place|will take place|met|meets|will meet|opened|convened|gathered|began|started)\b/u;
/** Verbs whose object is what happened: "X hosted a seminar", "concluded negotiations of…". */
const DID =
  /\b(?:hosted|hosts|will host|organised|organized|organises|organizes|will organise|will organize|jointly organised|launched|will launch|concluded|held|holds|will hold|convened|opened)\s+/u;
/** Where a noun phrase ends: a clause, a relative, a purpose, a finite verb. */
const PHRASE_END =
  /\s*[,;:.!?]|\s+(?:as part of|in which|which|who|whose|where|while|during|to discuss|to mark|chaired by|on the occasion|on the topic|was|were|is|are|will|would|has|have|had|took|takes|met|meets)\b|\s+\p{Ll}+ed\s+(?:the|a|an|on|its|their|his|her|that|this|these)\b|\s+\p{Ll}+s\s+(?:together|the|a|an)\b/u;
const DETERMINER = /(?<![\p{L}-])(?:an?|the|this|that|these|An?|The|This|That|These)\s+/gu;

/** The noun phrase opening `text`, up to where it ends, with no trailing preposition. */
function phraseAt(text: string): string | null {
  const end = PHRASE_END.exec(text);
  const phrase = (end ? text.slice(0, end.index) : text)
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/\s+(?:in|on|at|from|of|between|to)$/u, '');
  return phrase.split(' ').length >= 2 ? phrase : null;
}

/** The clause with the date's words taken out, so that a phrase never runs into the date. */
function withoutDate(clause: string, date: DateSpan): string {
  return clause.replace(
    new RegExp(`\\s*(?:\\b(?:from|on|in|between)\\s+)?${date.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'i'),
    ',',
  );
}

/**
 * "On 3 March, a regional meeting was held": the subject before a verb of happening. A subject
 * with no event word ("244 experts met in Athens for a round table on…") gives way to the phrase
 * with one after the verb, which says what happened.
 */
function subjectOfHappening(clause: string): string | null {
  const verb = HAPPENED.exec(clause);
  if (!verb) return null;
  const before = clause.slice(0, verb.index);
  const start = Math.max(0, ...[...before.matchAll(/[,;:]\s+/g)].map((m) => m.index + m[0].length));
  const subject = phraseAt(before.slice(start));
  if (subject && EVENT_NOUN.test(subject)) return subject;
  return eventNounPhrase(clause.slice(verb.index + verb[0].length)) ?? subject;
}

/** "Moldova hosted an interregional seminar": the object of a verb of doing. */
function objectOfDoing(clause: string): string | null {
  const verb = DID.exec(clause);
  return verb ? phraseAt(clause.slice(verb.index + verb[0].length)) : null;
}

/**
 * "…the human trafficking working group discussed…": a noun phrase with an event word, the last one
 * of the clause. A phrase after "by" is who acted ("…for a workshop on…, organised by the European
 * Commission"), not what happened, whatever its words.
 */
function eventNounPhrase(clause: string): string | null {
  for (const det of [...clause.matchAll(DETERMINER)].reverse()) {
    if (AGENT.test(clause.slice(0, det.index))) continue;
    const phrase = phraseAt(clause.slice(det.index));
    if (phrase && EVENT_NOUN.test(phrase)) return phrase;
  }
  return null;
}

/** What stands before the phrase that says who did something: "organised by", "supported by". */
const AGENT = /\bby\s+$/u;

/** "the adoption in June 2014 of a strategy": a phrase with the date inside it. */
function phraseAroundDate(sentence: string, date: DateSpan): string | null {
  const at = sentence.indexOf(date.text);
  const head = /(?<![\p{L}-])(?:an?|the)\s+\p{Ll}+\s+(?:in|on)\s+$/iu.exec(sentence.slice(0, at));
  return head && /^\s+of\s/u.test(sentence.slice(at + date.text.length)) ? phraseAt(sentence.slice(head.index)) : null;
}

/** "…a regional debriefing in Belgrade from 3 to 5 November": the phrase the date follows. */
function phraseAtDate(sentence: string, date: DateSpan): string | null {
  const at = sentence.indexOf(date.text);
  const introduced = /\s*\b(?:from|on|in|between)\s*$/iu.exec(sentence.slice(0, Math.max(0, at)));
  if (!introduced) return null;
  const before = sentence.slice(0, introduced.index);
  const last = [...before.matchAll(DETERMINER)].pop();
  if (!last || /[,;:]/.test(before.slice(last.index))) return null;
  return phraseAt(before.slice(last.index));
}

/** A title that only points elsewhere: "this workshop", "the meeting", "the latest edition". */
const ANAPHOR = /^(?:this|that|these|those|the\s+(?:latest|last|previous|same|recent))\s+|^the\s+\p{Ll}+$/iu;
/** One of a series: "the first seminar", "the next session" (its section is not the series). */
const ORDINAL = /^the\s+(?:first|second|third|fourth|fifth|next|final)\s+/iu;
/** A mention with nothing but its kind: "an interregional seminar", "a regional expert group meeting". */
const BARE = /^(?:[Aa]n?|[Tt]he)\s+(?:[\p{Ll}-]+\s+){0,3}[\p{Ll}-]+$/u;

/** A phrase that says what it is about ("the latest round table on forced marriage") names its happening itself. */
const SAYS_WHAT = /\s(?:on|against|about)\s+\p{L}/u;

/** The last phrase before, with the same head noun ("a … workshop" for "this workshop"). */
function antecedent(title: string, before: string): string | null {
  const noun = /(\p{L}+)$/u.exec(title)?.[1];
  if (!noun) return null;
  const found = [
    ...before.matchAll(
      new RegExp(
        `(?<![\\p{L}-])((?:an?|the)\\s[^.;]*?\\b${noun}\\b[^.;]*?)(?=\\s+(?:will|is|was|has|in collaboration)\\b|[.;]|$)`,
        'giu',
      ),
    ),
  ];
  const match = found[found.length - 1]?.[1];
  if (!match) return null;
  // The phrase opens at the determiner nearest its noun ("the police will hold a workshop": "a workshop").
  const nounAt = match.search(new RegExp(`\\b${noun}\\b`, 'iu'));
  const last = match.slice([...match.slice(0, nounAt).matchAll(DETERMINER)].pop()?.index ?? 0).trim();
  return last.toLowerCase() !== title.toLowerCase() && !ANAPHOR.test(last) ? last : null;
}

/**
 * A title that points elsewhere, read where it points: what came before, or the section it is in.
 * A first mention that says only its kind ("an interregional seminar") stays as it is: its
 * section's title would name it too, but the event would then answer searches as the article does.
 */
function resolved(title: string, before: string, sectionTitle: string): string {
  if (ORDINAL.test(title)) return antecedent(title, before) ?? title;
  if (ANAPHOR.test(title) && SAYS_WHAT.test(title)) return title;
  if (ANAPHOR.test(title)) return antecedent(title, before) ?? sectionTitle;
  return title;
}

/** What happens at `date` in its sentence, in the newsletter's words; null when no rule finds it. */
export function eventTitle(
  sentence: string,
  date: DateSpan,
  context: { before: string; sectionTitle: string },
): string | null {
  const clause = withoutDate(clauseWith(sentence, date.text), date);
  const found =
    phraseAroundDate(sentence, date) ??
    subjectOfHappening(clause) ??
    objectOfDoing(clause) ??
    eventNounPhrase(clause) ??
    phraseAtDate(sentence, date);
  return found ? resolved(found, context.before, context.sectionTitle.replace(/^…\s*/, '')) : null;
}

// ---------------------------------------------------------------------------------------------

function statusOf(start: string, end: string, asOf: string): 'past' | 'coming' {
  return end <= asOf || start <= asOf ? 'past' : 'coming';
}

export interface EventParagraph {
  key: string;
  kind: string;
  text: string;
  sectionTitle: string;
  calendarGroup: 'past' | 'coming' | null;
  /** The paragraph before, where "this workshop" was introduced. */
  previousText: string;
}

const NOT_EVENTS = ['title', 'subheading', 'caption', 'attribution', 'quote', 'key-figures', 'contact'];

/** A calendar entry: "16-19 April, Romania: meetings with…". */
function calendarEvent(p: EventParagraph, issue: { year: number; asOf: string }): EventFact | null {
  const m = /^(.+?),\s*([^,:]+):\s*(.+)$/su.exec(p.text);
  const date = datesIn(p.text, issue.year, null)[0];
  if (!m || !date || date.index !== 0) return null;
  return entryFact(p, date, m[2]!.trim(), m[3]!.trim(), issue.asOf);
}

/** The event a calendar entry states: its title is the description's first clause. */
function entryFact(p: EventParagraph, date: DateSpan, place: string, description: string, asOf: string): EventFact {
  const keyWords = description.split(/,\s|;\s/)[0]!.replace(/\.$/, '');
  return {
    // A pointer to another page ("(page 9)") names no happening.
    title: keyWords.replace(/\s*\(pages?\s+\d+\)$/u, ''),
    start: date.start,
    end: date.end,
    yearInferred: date.yearInferred,
    precision: date.monthOnly ? 'month' : 'day',
    place,
    country: countryOfPlace(place)?.name ?? null,
    description,
    status: p.calendarGroup ?? statusOf(date.start, date.end, asOf),
    paragraphKeys: [p.key],
    keyPhrase: keyWords,
  };
}

/** A calendar entry's head after its date: ", Place:" (a place is a capitalised name of a few words). */
const ENTRY_PLACE = /^,\s*(\p{Lu}[^,:;.•]{0,40}?)\s*:\s*/u;
/** Words a date in a sentence follows ("on 5 May, Athens: …" is no entry). */
const LEADS_INTO_DATE = /\b(?:on|in|from|of|to|and|since|until|by|at|between|before|after)\s*$/iu;

/**
 * Calendar entries wherever they stand, by their shape: "• 18–20 July 2028, Sofia: a seminar on…",
 * several in one paragraph when the lines of a list or of two columns were joined. An entry runs
 * from its date to the next entry's date (or bullet), or to the end of the text.
 */
export function calendarEntriesIn(
  text: string,
  issue: { year: number; month: number | null },
): { date: DateSpan; place: string; description: string }[] {
  const heads = datesIn(text, issue.year, issue.month).flatMap((date) => {
    const place = ENTRY_PLACE.exec(text.slice(date.index + date.text.length));
    const before = text.slice(0, date.index);
    return place && !LEADS_INTO_DATE.test(before)
      ? [{ date, place: place[1]!, from: date.index + date.text.length + place[0].length }]
      : [];
  });
  return heads.map((h, i) => {
    const to = heads[i + 1]?.date.index ?? text.length;
    return {
      date: h.date,
      place: h.place,
      description: text
        .slice(h.from, to)
        .replace(/[\s•]+$/u, '')
        .trim(),
    };
  });
}

/** Each entry of a paragraph that holds several (or one outside the calendar), as calendarEvent reads one. */
function entryEvents(p: EventParagraph, entries: ReturnType<typeof calendarEntriesIn>, asOf: string): EventFact[] {
  return entries.map(({ date, place, description }) => entryFact(p, date, place, description, asOf));
}

/**
 * Whether a date in running text may be an event's: a day is, wherever a title is found; a month
 * alone only beside an event word, and not when it qualifies a noun ("the May 2018 session").
 */
function mayBeEvent(p: EventParagraph, sentence: string, date: DateSpan): boolean {
  if (!date.monthOnly) return true;
  const after = p.text.slice(date.index + date.text.length);
  return EVENT_NOUN.test(sentence) && !(/^\s+\p{Ll}+/u.test(after) && !/^\s+(of|in|at|on|and)\b/.test(after));
}

function textEvents(
  p: EventParagraph,
  issue: { year: number; month: number | null; asOf: string },
  entryDates: ReadonlySet<number> = new Set(),
): EventFact[] {
  const events: EventFact[] = [];
  for (const date of datesIn(p.text, issue.year, issue.month)) {
    if (entryDates.has(date.index)) continue;
    const sentence = sentenceAround(p.text, date.index);
    if (!mayBeEvent(p, sentence, date)) continue;
    const sectionTitle = p.sectionTitle.replace(/^…\s*/, '');
    // What came before the sentence: where "this workshop" was introduced.
    const before = `${p.previousText}. ${p.text.slice(0, Math.max(0, p.text.lastIndexOf(sentence, date.index)))}`;
    const title = p.kind === 'dateline' ? sectionTitle : eventTitle(sentence, date, { before, sectionTitle });
    if (!title) continue;
    const place = placeIn(sentence);
    events.push({
      title,
      start: date.start,
      end: date.end,
      yearInferred: date.yearInferred,
      precision: date.monthOnly ? 'month' : 'day',
      place,
      country: place ? (countryOfPlace(place)?.name ?? null) : null,
      description: sentence,
      status: statusOf(date.start, date.end, issue.asOf),
      paragraphKeys: [p.key],
      keyPhrase: keyPhrase(p, sentence, date),
    });
  }
  return events;
}

export function eventsIn(
  paragraphs: EventParagraph[],
  issue: { year: number; month: number | null; asOf: string },
): EventFact[] {
  const events: EventFact[] = [];
  for (const p of paragraphs) {
    if (NOT_EVENTS.includes(p.kind)) continue;
    const entries = calendarEntriesIn(p.text, issue);
    if (p.kind === 'calendar' && entries.length <= 1) {
      const event = calendarEvent(p, issue);
      if (event) events.push(event);
      if (event || entries.length === 0) continue;
    }
    events.push(...entryEvents(p, entries, issue.asOf));
    if (p.kind !== 'calendar') events.push(...textEvents(p, issue, new Set(entries.map((e) => e.date.index))));
  }
  return mergeSame(events);
}

/** Whether a title only says its kind or points elsewhere ("The first seminar"), so another report's is better. */
const saysLittle = (title: string) => BARE.test(title) || ANAPHOR.test(title) || ORDINAL.test(title);

/** One event reported twice (a dateline and its story, the calendar and an article) is one event. */
function mergeSame(events: EventFact[]): EventFact[] {
  const merged: EventFact[] = [];
  for (const event of events) {
    const same = merged.find(
      (e) =>
        e.start === event.start && e.end === event.end && (!e.place || !event.place || e.country === event.country),
    );
    if (!same) {
      merged.push({ ...event });
      continue;
    }
    same.place ??= event.place;
    same.country ??= event.country;
    if (saysLittle(same.title) && !saysLittle(event.title)) same.title = event.title;
    for (const key of event.paragraphKeys) if (!same.paragraphKeys.includes(key)) same.paragraphKeys.push(key);
  }
  return merged;
}
