/**
 * Events as a traveller reads them: coming or past against today (the machine's clock), coming
 * first, by month. A trip filter (from–to dates, one or more countries) is kept in the URL, and the
 * events shown can be saved as one .ics file. What each issue announced stays as context.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { EntitySummary, IssueSummary } from '../../../common/contract.std';
import { eventDates, isoDayOrNull, overlapsTrip } from '../../../common/event-dates.std';
import { api } from '../api/client.dom';
import { useCall } from '../api/useCall.dom';
import { download } from '../app/download.dom';
import { dayLabel, monthLabel } from '../app/format.dom';
import { Screen } from '../app/Screen.dom';
import { useSettings } from '../app/Settings.dom';
import { today } from '../app/today.dom';
import { asOfToday, EventList, useIssues } from './Facts.dom';
import { usePlaces } from '../app/places.dom';

/** How many of the latest events the Calendar shows when nothing is coming. */
const LATEST_COUNT = 5;

interface Trip {
  from: string | null;
  to: string | null;
  countries: string[];
}

function tripOf(params: URLSearchParams): Trip {
  return { from: isoDayOrNull(params.get('from')), to: isoDayOrNull(params.get('to')), countries: params.getAll('country') };
}

/** The countries an event is in: its own place's country when the text gives one, else those its passages name. */
function countriesOf(e: EntitySummary, keyOfName: Map<string, string>): string[] {
  const own = typeof e.data.country === 'string' ? keyOfName.get(e.data.country) : undefined;
  return own ? [own] : e.countries;
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

function Months({ label, id, events, issues }: { label: string; id: string; events: EntitySummary[]; issues: Map<string, IssueSummary> }) {
  const { locale } = useSettings();
  if (events.length === 0) return null;
  return (
    <section aria-labelledby={id} data-group={id}>
      <h2 id={id} className="calendar-group">{label}</h2>
      {byMonth(events, locale).map(([month, items]) => (
        <section key={month} className="calendar-month">
          <h3>{month}</h3>
          <EventList events={items} issues={issues} />
        </section>
      ))}
    </section>
  );
}

function Timeline({ events }: { events: EntitySummary[] }) {
  const { t } = useTranslation();
  if (events.length === 0) return null;
  const years = events.map((e) => Number(start(e).slice(0, 4)));
  const [first, last] = [Math.min(...years), Math.max(...years)];
  return (
    <figure className="timeline" aria-label={t('Timeline')}>
      <ol>
        {[...events].sort((a, b) => start(a).localeCompare(start(b))).map((e) => {
          const year = Number(start(e).slice(0, 4)) + Number(start(e).slice(5, 7)) / 12;
          const left = last === first ? 50 : ((year - first) / (last - first + 1)) * 100;
          return <li key={e.key} style={{ left: `${left}%` }} data-status={asOfToday(e)} title={`${start(e)} — ${e.name}`} />;
        })}
      </ol>
      <figcaption>
        <span>{first}</span>
        <span>{last}</span>
      </figcaption>
    </figure>
  );
}

function TripFilter({ trip, countries, onChange }: { trip: Trip; countries: [string, string][]; onChange: (trip: Trip) => void }) {
  const { t } = useTranslation();
  const toggle = (key: string, on: boolean) => onChange({ ...trip, countries: on ? [...trip.countries, key] : trip.countries.filter((c) => c !== key) });
  return (
    <div className="filters trip-filter" role="group" aria-label={t('Trip')}>
      <label>
        {t('From')}
        <input type="date" aria-label={t('Trip starts on')} value={trip.from ?? ''} onChange={(e) => onChange({ ...trip, from: isoDayOrNull(e.target.value) })} />
      </label>
      <label>
        {t('To')}
        <input type="date" aria-label={t('Trip ends on')} value={trip.to ?? ''} onChange={(e) => onChange({ ...trip, to: isoDayOrNull(e.target.value) })} />
      </label>
      <fieldset className="trip-countries">
        <legend>{t('Countries')}</legend>
        {countries.map(([key, name]) => (
          <label key={key}>
            <input type="checkbox" checked={trip.countries.includes(key)} onChange={(e) => toggle(key, e.target.checked)} />
            {name}
          </label>
        ))}
      </fieldset>
    </div>
  );
}

export function CalendarScreen() {
  const { t } = useTranslation();
  const { locale } = useSettings();
  const { country } = usePlaces();
  const [params, setParams] = useSearchParams();
  const loaded = useCall(() => api.content.listEntities({ types: ['event', 'country'] }), []);
  const issues = useIssues();
  // The trip is the URL's (reload, back, a shared link), held in state too: the router updates
  // the URL in a transition, and a checkbox must show its new state on the click itself.
  const search = params.toString();
  const [trip, setTripState] = useState(() => tripOf(params));
  useEffect(() => setTripState(tripOf(new URLSearchParams(search))), [search]);
  const entities = loaded.state === 'ready' ? loaded.value : [];
  const keyOfName = useMemo(() => new Map(entities.filter((e) => e.type === 'country').map((c) => [c.name, c.key])), [entities]);
  const events = useMemo(() => entities.filter((e) => e.type === 'event'), [entities]);
  const countries = useMemo(() => {
    const inUse = new Set(events.flatMap((e) => countriesOf(e, keyOfName)));
    return entities.filter((c) => c.type === 'country' && inUse.has(c.key)).map((c): [string, string] => [c.key, country(c.name)]).sort((a, b) => a[1].localeCompare(b[1], locale));
  }, [entities, events, keyOfName, locale, country]);
  const setTrip = (next: Trip) => {
    const url = new URLSearchParams();
    if (next.from) url.set('from', next.from);
    if (next.to) url.set('to', next.to);
    for (const c of next.countries) url.append('country', c);
    setTripState(next);
    setParams(url, { replace: true });
  };
  const shown = events.filter((e) => overlapsTrip(eventDates(e.data), trip.from, trip.to) && (trip.countries.length === 0 || countriesOf(e, keyOfName).some((c) => trip.countries.includes(c))));
  const coming = shown.filter((e) => asOfToday(e) === 'coming').sort((a, b) => start(a).localeCompare(start(b)));
  const past = shown.filter((e) => asOfToday(e) === 'past').sort((a, b) => start(b).localeCompare(start(a)));
  const exportShown = async () => download(await api.content.exportEvents({ keys: shown.map((e) => e.key) }));
  return (
    <Screen name="calendar" title={t('Calendar')} loaded={loaded} visit={{ route: '/calendar', kind: 'Calendar' }}>
      {() => (
        <section>
          <header className="screen-header with-actions">
            <div>
              <h1>{t('Calendar')}</h1>
              <p className="quiet">{t('Events, coming first, as of {{date}}', { date: dayLabel(today(), locale) })}</p>
            </div>
            <div className="actions">
              <span className="quiet" data-shown={shown.length}>{t('{{count}} events shown', { count: shown.length })}</span>
              <button type="button" disabled={shown.length === 0} onClick={() => void exportShown()}>
                {t('Save the events shown (.ics)')}
              </button>
            </div>
          </header>
          <TripFilter trip={trip} countries={countries} onChange={setTrip} />
          <Timeline events={shown} />
          {shown.length === 0 && <p role="status" className="notice">{t('No event in the archive matches this trip.')}</p>}
          {shown.length > 0 && coming.length === 0 && (
            <p role="status" className="notice nothing-coming">
              {t('Nothing in the archive is coming after {{date}}. Here are the latest events.', { date: dayLabel(today(), locale) })}
            </p>
          )}
          <Months label={t('Coming events')} id="cal-coming" issues={issues} events={coming} />
          {coming.length === 0 && <Months label={t('Latest events')} id="cal-latest" issues={issues} events={past.slice(0, LATEST_COUNT)} />}
          <Months label={t('Past events')} id="cal-past" issues={issues} events={coming.length === 0 ? past.slice(LATEST_COUNT) : past} />
        </section>
      )}
    </Screen>
  );
}
