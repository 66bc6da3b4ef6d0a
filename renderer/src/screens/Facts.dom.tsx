/** Figures, events and contacts drawn compactly: in an issue at a glance, and on entity pages. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EntitySummary, IssueSummary } from '../../../common/contract/contract.std';
import { eventDates, statusOn, type EventStatus } from '../../../common/content/event-dates.std';
import { api } from '../api/client.dom';
import { useCall } from '../api/useCall.dom';
import { mentionedCountries } from '../../../common/places/item-countries.std';
import { eventDateLabel, figureLabel, issueDateLabel, issueLabel } from '../format/format.dom';
import { useSettings } from '../app/Settings.dom';
import { usePlaces } from '../format/places.dom';
import { today } from '../format/today.dom';

/** The figures an issue states as figures: a label of their own (not the sentence around them), short. */
export function keyFigures(facts: EntitySummary[]): EntitySummary[] {
  return facts.filter((f) => {
    const label = String(f.data.label ?? '');
    return f.type === 'figure' && !label.includes(f.name) && label.length <= 120;
  });
}

/** The status as the issue announced it (`status`, against the date the issue speaks from). */
export const asAnnounced = (e: Pick<EntitySummary, 'data'>): EventStatus =>
  e.data.status === 'coming' ? 'coming' : 'past';

/** The status against today, on the machine's clock. */
export const asOfToday = (e: Pick<EntitySummary, 'data'>): EventStatus => statusOn(eventDates(e.data), today());

/**
 * Every coming event in date order, and the `pastCount` latest past ones, latest first; coming or
 * past as `statusOf` says (today for a reader, the issue's own date for what it announced).
 */
export function glanceEvents(
  facts: EntitySummary[],
  pastCount: number,
  statusOf: (e: EntitySummary) => EventStatus = asOfToday,
): { coming: EntitySummary[]; past: EntitySummary[] } {
  const events = facts.filter((f) => f.type === 'event');
  const start = (e: EntitySummary) => String(e.data.start);
  return {
    coming: events.filter((e) => statusOf(e) === 'coming').sort((a, b) => start(a).localeCompare(start(b))),
    past: events
      .filter((e) => statusOf(e) !== 'coming')
      .sort((a, b) => start(b).localeCompare(start(a)))
      .slice(0, pastCount),
  };
}

/** The issues by key, to say which issue announced an event. */
export function useIssues(): Map<string, IssueSummary> {
  return useIssueMap().issues;
}

/** The archive's issues by key, and whether they were read (or failed to be: names then fall back to keys). */
export function useIssueMap(): { issues: Map<string, IssueSummary>; settled: boolean } {
  const loaded = useCall(() => api.content.listIssues({}), []);
  return useMemo(
    () => ({
      issues: new Map(loaded.state === 'ready' ? loaded.value.map((i) => [i.key, i]) : []),
      settled: loaded.state !== 'loading',
    }),
    [loaded],
  );
}

/** An issue by its number and date in the interface language (« N° 10 · 2018 »), or its key when it is not in the archive. */
export function useIssueName(issues: Map<string, IssueSummary>): (issueKey: string) => string {
  const { t } = useTranslation();
  const { locale } = useSettings();
  return (issueKey) => {
    const issue = issues.get(issueKey);
    return issue ? issueLabel(issue, locale, (n) => t('No. {{number}}', { number: n })) : issueKey;
  };
}

/** Past today but announced as coming: say so, with the issue that announced it. */
export function AnnouncedAsComing({
  event,
  issues,
}: {
  event: Pick<EntitySummary, 'data'>;
  issues: Map<string, IssueSummary>;
}) {
  const { t } = useTranslation();
  const { locale } = useSettings();
  if (asAnnounced(event) !== 'coming' || asOfToday(event) === 'coming') return null;
  const issue = issues.get(String(event.data.issue));
  return (
    <span className="announced">
      {issue
        ? t('announced as coming in the {{issue}} issue', { issue: issueDateLabel(issue, locale) })
        : t('announced as coming in its issue')}
    </span>
  );
}

export function FigureList({ figures }: { figures: EntitySummary[] }) {
  const { locale } = useSettings();
  return (
    <ul className="figure-list">
      {figures.map((f) => (
        <li key={f.key}>
          <Link to={`/entity/${f.key}`} className="figure-value">
            {typeof f.data.value === 'number'
              ? figureLabel(f.data.value, (f.data.currency as string | null) ?? null, locale)
              : f.name}
            {typeof f.data.unit === 'string' ? ` ${f.data.unit}` : ''}
          </Link>
          <span className="figure-label">
            {String(f.data.label ?? '')}
            {f.data.period ? ` — ${String(f.data.period)}` : ''}
          </span>
          <span className="quiet figure-source">“{f.name}”</span>
        </li>
      ))}
    </ul>
  );
}

/** An event's place and country, each named in the interface language, once each ("Vienne, Autriche"). */
export function usePlaceOf(): (data: Record<string, unknown>) => string {
  const { place } = usePlaces();
  return (data) =>
    [
      ...new Set([data.place, data.country].filter((x): x is string => typeof x === 'string' && x !== '').map(place)),
    ].join(', ');
}

/** The countries an event's passages name besides its own, shown apart from where it takes place. */
function Mentioned({ event, names }: { event: EntitySummary; names: Map<string, string> }) {
  const { t } = useTranslation();
  const { country } = usePlaces();
  const { locale } = useSettings();
  const mentioned = mentionedCountries(event)
    .map((key) => names.get(key))
    .filter((n): n is string => !!n)
    .map(country)
    .sort((a, b) => a.localeCompare(b, locale));
  if (mentioned.length === 0) return null;
  return <span className="event-mentioned">{t('Mentions: {{countries}}', { countries: mentioned.join(', ') })}</span>;
}

/**
 * `issues` from the screen's one useIssues(): a list per month must not ask main for them again.
 * `countryNames` (country key → archive name) shows the countries an event only mentions, apart.
 */
export function EventList({
  events,
  issues,
  countryNames,
}: {
  events: EntitySummary[];
  issues: Map<string, IssueSummary>;
  countryNames?: Map<string, string>;
}) {
  const { t } = useTranslation();
  const { locale } = useSettings();
  const placeOf = usePlaceOf();
  return (
    <ul className="event-list">
      {events.map((e) => (
        <li
          key={e.key}
          data-status={asOfToday(e)}
          data-announced={asAnnounced(e)}
          data-precision={String(e.data.precision ?? 'day')}
        >
          <span className="event-date">{eventDateLabel(e.data, locale)}</span>
          <Link to={`/entity/${e.key}`}>{e.name}</Link>
          <span className="quiet">
            {placeOf(e.data) && <span className="event-place">{placeOf(e.data)}</span>}
            {placeOf(e.data) && ' · '}
            {t(asOfToday(e) === 'coming' ? 'Coming' : 'Past')}
            <AnnouncedAsComing event={e} issues={issues} />
          </span>
          {countryNames && <Mentioned event={e} names={countryNames} />}
        </li>
      ))}
    </ul>
  );
}

export function ContactList({ contacts }: { contacts: EntitySummary[] }) {
  const byOwner = new Map<string, EntitySummary[]>();
  for (const c of contacts)
    byOwner.set(String(c.data.owner ?? ''), [...(byOwner.get(String(c.data.owner ?? '')) ?? []), c]);
  return (
    <dl className="contact-list">
      {[...byOwner].map(([owner, list]) => (
        <div key={owner}>
          <dt>{owner}</dt>
          {list.map((c) => (
            <dd key={c.key}>
              <Link to={`/entity/${c.key}`}>{c.name}</Link>
            </dd>
          ))}
        </div>
      ))}
    </dl>
  );
}
