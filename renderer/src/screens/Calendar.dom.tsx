/**
 * Events as a traveller reads them: coming or past against today (the machine's clock), coming
 * first, by month. A trip filter (from–to dates, one or more countries) is kept in the URL, and the
 * events shown can be saved as one .ics file. What each issue announced stays as context.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { EntitySummary, IssueSummary } from '../../../common/contract/contract.std';
import { eventDates, isoDayOrNull, overlapsTrip } from '../../../common/content/event-dates.std';
import { inCountries, mentionedCountries, ownCountries } from '../../../common/places/item-countries.std';
import { api } from '../api/client.dom';
import { useCall } from '../api/useCall.dom';
import { download } from '../app/download.dom';
import { DateField } from '../app/DateField.dom';
import { dayLabel, eventDateLabel, issueLabel, monthLabel } from '../format/format.dom';
import { Screen } from '../app/Screen.dom';
import { useSettings } from '../app/Settings.dom';
import { today } from '../format/today.dom';
import { asOfToday, EventList, useIssues } from './Facts.dom';
import { countryNamesOf, usePlaces } from '../format/places.dom';
import { useIsOne } from '../i18n/plural.dom';

/** How many of the latest events the Calendar shows when nothing is coming. */
const LATEST_COUNT = 5;

interface Trip {
  from: string | null;
  to: string | null;
  countries: string[];
  /** Events that only mention a country chosen count too (`mentioned=1`). */
  mentioned: boolean;
  /** Only the events of one issue (from an issue's "All its events in the calendar"). */
  issue: string | null;
}

export function tripOf(params: URLSearchParams): Trip {
  return {
    from: isoDayOrNull(params.get('from')),
    to: isoDayOrNull(params.get('to')),
    countries: params.getAll('country'),
    mentioned: params.get('mentioned') === '1',
    issue: params.get('issue'),
  };
}

/** The trip as a query string: the Calendar's URL, and the trip dossier's. */
export function tripQuery(trip: Trip): string {
  const url = new URLSearchParams();
  if (trip.from) url.set('from', trip.from);
  if (trip.to) url.set('to', trip.to);
  for (const c of trip.countries) url.append('country', c);
  if (trip.mentioned) url.set('mentioned', '1');
  if (trip.issue) url.set('issue', trip.issue);
  return url.toString();
}

/** The events of a trip: one of their days between its dates, in a country chosen (its own, or only mentioned when asked), of its issue. */
export function inTrip(e: EntitySummary, trip: Trip): boolean {
  return (
    overlapsTrip(eventDates(e.data), trip.from, trip.to) &&
    inCountries(e, trip.countries, trip.mentioned) &&
    (!trip.issue || e.data.issue === trip.issue)
  );
}

/**
 * The countries a trip can choose: every event's own country (Japan for the Kyoto events, though no
 * passage names it), and, apart, those the events' passages only mention. Named in the interface
 * language, sorted as it sorts.
 */
function tripCountries(
  events: EntitySummary[],
  names: Map<string, string>,
  country: (name: string) => string,
  locale: string,
): { own: [string, string][]; mentioned: [string, string][] } {
  const own = new Map<string, string>();
  for (const key of events.flatMap(ownCountries)) if (names.has(key)) own.set(key, country(names.get(key)!));
  const mentioned = new Map<string, string>();
  for (const key of events.flatMap(mentionedCountries))
    if (!own.has(key) && names.has(key)) mentioned.set(key, country(names.get(key)!));
  const sorted = (m: Map<string, string>) => [...m].sort((a, b) => a[1].localeCompare(b[1], locale));
  return { own: sorted(own), mentioned: sorted(mentioned) };
}

function byMonth(events: EntitySummary[], locale: string): [string, EntitySummary[]][] {
  const months = new Map<string, EntitySummary[]>();
  for (const e of events) {
    const month = monthLabel(String(e.data.start), locale);
    months.set(month, [...(months.get(month) ?? []), e]);
  }
  return [...months];
}

const start = (e: EntitySummary) => String(e.data.start);

function Months({
  label,
  id,
  events,
  issues,
  countryNames,
}: {
  label: string;
  id: string;
  events: EntitySummary[];
  issues: Map<string, IssueSummary>;
  countryNames: Map<string, string>;
}) {
  const { locale } = useSettings();
  if (events.length === 0) return null;
  return (
    <section aria-labelledby={id} data-group={id}>
      <h2 id={id} className="calendar-group">
        {label}
      </h2>
      {byMonth(events, locale).map(([month, items]) => (
        <section key={month} className="calendar-month">
          <h3>{month}</h3>
          <EventList events={items} issues={issues} countryNames={countryNames} />
        </section>
      ))}
    </section>
  );
}

function Timeline({ events }: { events: EntitySummary[] }) {
  const { t } = useTranslation();
  const { locale } = useSettings();
  if (events.length === 0) return null;
  const years = events.map((e) => Number(start(e).slice(0, 4)));
  const [first, last] = [Math.min(...years), Math.max(...years)];
  return (
    <figure className="timeline" aria-label={t('Timeline')}>
      <ol>
        {[...events]
          .sort((a, b) => start(a).localeCompare(start(b)))
          .map((e) => {
            const year = Number(start(e).slice(0, 4)) + Number(start(e).slice(5, 7)) / 12;
            const left = last === first ? 50 : ((year - first) / (last - first + 1)) * 100;
            return (
              <li
                key={e.key}
                style={{ left: `${left}%` }}
                data-status={asOfToday(e)}
                title={`${eventDateLabel(e.data, locale)} — ${e.name}`}
              />
            );
          })}
      </ol>
      <figcaption>
        <span>{first}</span>
        <span>{last}</span>
      </figcaption>
    </figure>
  );
}

function CountryBoxes({
  legend,
  countries,
  chosen,
  onToggle,
}: {
  legend: string;
  countries: [string, string][];
  chosen: string[];
  onToggle: (key: string, on: boolean) => void;
}) {
  if (countries.length === 0) return null;
  return (
    <fieldset className="trip-countries">
      <legend>{legend}</legend>
      {countries.map(([key, name]) => (
        <label key={key}>
          <input type="checkbox" checked={chosen.includes(key)} onChange={(e) => onToggle(key, e.target.checked)} />
          {name}
        </label>
      ))}
    </fieldset>
  );
}

function TripFilter({
  trip,
  countries,
  onChange,
}: {
  trip: Trip;
  countries: ReturnType<typeof tripCountries>;
  onChange: (trip: Trip) => void;
}) {
  const { t } = useTranslation();
  const toggle = (key: string, on: boolean) =>
    onChange({ ...trip, countries: on ? [...trip.countries, key] : trip.countries.filter((c) => c !== key) });
  return (
    <div className="filters trip-filter" role="group" aria-label={t('Trip')}>
      <DateField label={t('Trip starts on')} value={trip.from} onChange={(from) => onChange({ ...trip, from })} />
      <DateField label={t('Trip ends on')} value={trip.to} onChange={(to) => onChange({ ...trip, to })} />
      <CountryBoxes legend={t('Countries')} countries={countries.own} chosen={trip.countries} onToggle={toggle} />
      <label className="trip-mentioned">
        <input
          type="checkbox"
          checked={trip.mentioned}
          onChange={(e) => onChange({ ...trip, mentioned: e.target.checked })}
        />
        {t('Also events that only mention a country chosen')}
      </label>
      {trip.mentioned && (
        <CountryBoxes
          legend={t('Countries only mentioned')}
          countries={countries.mentioned}
          chosen={trip.countries}
          onToggle={toggle}
        />
      )}
    </div>
  );
}

/** "Events of one issue", from the issue's link, with the way back to every issue's. */
function IssueScope({ issue, onClear }: { issue: IssueSummary | undefined; onClear: () => void }) {
  const { t } = useTranslation();
  const { locale } = useSettings();
  if (!issue) return null;
  const name = issueLabel(issue, locale, (n) => t('No. {{number}}', { number: n }));
  return (
    <p className="notice issue-scope">
      {t('Events of the issue {{issue}}', { issue: name })}{' '}
      <button type="button" className="link-button" onClick={onClear}>
        {t('Show the events of every issue')}
      </button>
    </p>
  );
}

export function CalendarScreen() {
  const { t } = useTranslation();
  const { locale } = useSettings();
  const { country } = usePlaces();
  const isOne = useIsOne();
  const [params, setParams] = useSearchParams();
  const loaded = useCall(() => api.content.listEntities({ types: ['event', 'country'] }), []);
  const issues = useIssues();
  // The trip is the URL's (reload, back, a shared link), held in state too: the router updates
  // the URL in a transition, and a checkbox must show its new state on the click itself.
  const search = params.toString();
  const [trip, setTripState] = useState(() => tripOf(params));
  useEffect(() => setTripState(tripOf(new URLSearchParams(search))), [search]);
  const [saved, setSaved] = useState<{ undated: number } | null>(null);
  const entities = loaded.state === 'ready' ? loaded.value : [];
  const events = useMemo(() => entities.filter((e) => e.type === 'event'), [entities]);
  const names = useMemo(() => countryNamesOf(entities), [entities]);
  const countries = useMemo(() => tripCountries(events, names, country, locale), [events, names, country, locale]);
  const setTrip = (next: Trip) => {
    setTripState(next);
    setSaved(null);
    setParams(new URLSearchParams(tripQuery(next)), { replace: true });
  };
  const shown = events.filter((e) => inTrip(e, trip));
  const coming = shown.filter((e) => asOfToday(e) === 'coming').sort((a, b) => start(a).localeCompare(start(b)));
  const past = shown.filter((e) => asOfToday(e) === 'past').sort((a, b) => start(b).localeCompare(start(a)));
  const exportShown = async () => {
    const file = await api.content.exportEvents({ keys: shown.map((e) => e.key) });
    download(file);
    setSaved({ undated: file.undated ?? 0 });
  };
  return (
    <Screen
      name="calendar"
      title={t('Calendar')}
      loaded={loaded}
      visit={{ route: '/calendar', kind: 'Calendar', title: 'Calendar', as: 'interface' }}
    >
      {() => (
        <section>
          <header className="screen-header with-actions">
            <div>
              <h1>{t('Calendar')}</h1>
              <p className="quiet">{t('Events, coming first, as of {{date}}', { date: dayLabel(today(), locale) })}</p>
            </div>
            <div className="actions">
              <span className="quiet" data-shown={shown.length}>
                {t(isOne(shown.length) ? '{{count}} event shown' : '{{count}} events shown', { count: shown.length })}
              </span>
              <button type="button" disabled={shown.length === 0} onClick={() => void exportShown()}>
                {t('Save the events shown (.ics)')}
              </button>
              {shown.length > 0 && (
                <Link className="button print-trip" to={`/print/trip?${tripQuery(trip)}`}>
                  {t('Print the trip…')}
                </Link>
              )}
            </div>
          </header>
          <IssueScope
            issue={trip.issue ? issues.get(trip.issue) : undefined}
            onClear={() => setTrip({ ...trip, issue: null })}
          />
          <TripFilter trip={trip} countries={countries} onChange={setTrip} />
          {saved && saved.undated > 0 && (
            <p role="status" className="notice">
              {t(
                isOne(saved.undated)
                  ? '{{count}} event known only to its month was left out of the file: a calendar needs its days.'
                  : '{{count}} events known only to their month were left out of the file: a calendar needs their days.',
                { count: saved.undated },
              )}
            </p>
          )}
          <Timeline events={shown} />
          {shown.length === 0 && (
            <p role="status" className="notice">
              {t('No event in the archive matches this trip.')}
            </p>
          )}
          {shown.length > 0 && coming.length === 0 && (
            <p role="status" className="notice nothing-coming">
              {t('Nothing in the archive is coming after {{date}}. Here are the latest events.', {
                date: dayLabel(today(), locale),
              })}
            </p>
          )}
          <Months label={t('Coming events')} id="cal-coming" issues={issues} countryNames={names} events={coming} />
          {coming.length === 0 && (
            <Months
              label={t('Latest events')}
              id="cal-latest"
              issues={issues}
              countryNames={names}
              events={past.slice(0, LATEST_COUNT)}
            />
          )}
          <Months
            label={t('Past events')}
            id="cal-past"
            issues={issues}
            countryNames={names}
            events={coming.length === 0 ? past.slice(LATEST_COUNT) : past}
          />
        </section>
      )}
    </Screen>
  );
}
