/**
 * Events: every dated happening the issue reports, from the calendar ("16-19 April, Romania:
 * meetings with…") and from the running text ("From 5-7 June 2018, Moldova hosted an
 * interregional seminar…"). Title, place and description are the newsletter's own words; dates
 * are ISO, with the year marked as inferred where the text omits it; past or coming is judged
 * against the date the issue speaks from.
 */
import { datesIn, type DateSpan } from './dates.std';
import { countryOfPlace, placeIn } from './places.std';

export interface EventFact {
  title: string;
  start: string;
  end: string;
  yearInferred: boolean;
  place: string | null;
  country: string | null;
  description: string;
  status: 'past' | 'coming';
  /** The paragraphs that report it. */
  paragraphKeys: string[];
}

const EVENT_NOUN = /\b(seminar|conference|meeting|meetings|workshop|congress|commission|session|round table|working groups?|committee|event|campaign|training|mission|negotiations|presidency|report|visit|gathering|presentation|follow-up|declaration)\b/i;

function sentenceAround(text: string, index: number): string {
  const starts = [...text.slice(0, index).matchAll(/[.!?”]\s+(?=[\p{Lu}“])/gu)];
  const start = starts.length ? starts[starts.length - 1]!.index! + starts[starts.length - 1]![0].length : 0;
  const endMatch = /[.!?](?=\s+[\p{Lu}“]|\s*$)/u.exec(text.slice(index));
  const end = endMatch ? index + endMatch.index + 1 : text.length;
  return text.slice(start, end).trim();
}

/** The event's name within its sentence: the object of "hosted", the subject of "was held", a noun phrase. */
function titleIn(sentence: string, date: DateSpan, fallback: string | null): string {
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
    if (m && m[1]!.split(' ').length >= 2) return m[1]!.trim().replace(/\s+/g, ' ').replace(/\s+(in|on|at|from|of)$/, '');
  }
  return fallback ?? sentence.replace(/^[^,]*\d{4},\s*/, '').split(/[,;:]/)[0]!.trim();
}

/** The clause of a sentence that holds the date (a sentence may report two things). */
function clauseWith(sentence: string, dateText: string): string {
  const clauses = sentence.split(/,\s+and\s+|;\s+/);
  return clauses.find((c) => c.includes(dateText)) ?? sentence;
}

/** What "this workshop" refers to: the last "a … workshop" phrase before it. */
function antecedent(title: string, before: string): string | null {
  const noun = /^(?:this|that)\s+(\p{L}+)/iu.exec(title)?.[1];
  if (!noun) return null;
  const matches = [...before.matchAll(new RegExp(`\\b((?:an?|the)\\s[^.;]*?\\b${noun}\\b[^.;]*?)(?=\\s+(?:will|is|was|has|in collaboration)\\b|[.;]|$)`, 'giu'))];
  return matches.length ? matches[matches.length - 1]![1]!.trim() : null;
}

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

export function eventsIn(paragraphs: EventParagraph[], issue: { year: number; month: number | null; asOf: string }): EventFact[] {
  const events: EventFact[] = [];
  for (const p of paragraphs) {
    if (['title', 'subheading', 'caption', 'attribution', 'list-item', 'quote', 'key-figures', 'contact'].includes(p.kind)) continue;
    if (p.kind === 'calendar') {
      const m = /^(.+?),\s*([^,:]+):\s*(.+)$/su.exec(p.text);
      const date = datesIn(p.text, issue.year, null)[0];
      if (!m || !date || date.index !== 0) continue;
      const place = m[2]!.trim();
      const description = m[3]!.trim();
      events.push({
        title: description.split(/,\s|;\s/)[0]!.replace(/\.$/, ''),
        start: date.start,
        end: date.end,
        yearInferred: date.yearInferred,
        place,
        country: countryOfPlace(place)?.name ?? null,
        description,
        status: p.calendarGroup ?? statusOf(date.start, date.end, issue.asOf),
        paragraphKeys: [p.key],
      });
      continue;
    }
    for (const date of datesIn(p.text, issue.year, issue.month)) {
      const sentence = sentenceAround(p.text, date.index);
      const dateline = p.kind === 'dateline';
      if (!dateline && !EVENT_NOUN.test(sentence) && !/\b(hosted|held|met|launched|organised|adopted|published|concluded)\b/.test(sentence)) continue;
      if (date.monthOnly && (!EVENT_NOUN.test(sentence) || /^\s+\p{Ll}+/u.test(p.text.slice(date.index + date.text.length)) && !/^\s+(of|in|at|on|and)\b/.test(p.text.slice(date.index + date.text.length)))) continue;
      const sectionTitle = p.sectionTitle.replace(/^…\s*/, '');
      const subjectIsSection = dateline || /^(The (meeting|event|Congress|conference|seminar)|Held)\b/i.test(sentence);
      const clause = clauseWith(sentence, date.text);
      let title = subjectIsSection ? sectionTitle : titleIn(clause, date, null);
      if (/^(this|that)\s/i.test(title)) title = antecedent(title, p.previousText + ' ' + p.text.slice(0, date.index)) ?? title;
      const place = placeIn(sentence);
      events.push({
        title,
        start: date.start,
        end: date.end,
        yearInferred: date.yearInferred,
        place,
        country: place ? (countryOfPlace(place)?.name ?? null) : null,
        description: sentence,
        status: statusOf(date.start, date.end, issue.asOf),
        paragraphKeys: [p.key],
      });
    }
  }
  return mergeSame(events);
}

/** One event reported twice (a dateline and its story, the calendar and an article) is one event. */
function mergeSame(events: EventFact[]): EventFact[] {
  const merged: EventFact[] = [];
  for (const event of events) {
    const same = merged.find((e) => e.start === event.start && e.end === event.end && (!e.place || !event.place || e.country === event.country));
    if (!same) {
      merged.push({ ...event });
      continue;
    }
    same.place ??= event.place;
    same.country ??= event.country;
    for (const key of event.paragraphKeys) if (!same.paragraphKeys.includes(key)) same.paragraphKeys.push(key);
  }
  return merged;
}
