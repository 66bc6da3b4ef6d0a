/** Events on a timeline and by month, coming ones first, filterable by country. */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.dom';
import { useCall } from '../api/useCall.dom';
import { monthLabel } from '../app/format.dom';
import { Screen } from '../app/Screen.dom';
import { useSettings } from '../app/Settings.dom';
import { EventList } from './Facts.dom';
import type { EntitySummary } from '../../../common/contract.std';

function byMonth(events: EntitySummary[], locale: string): [string, EntitySummary[]][] {
  const months = new Map<string, EntitySummary[]>();
  for (const e of events) {
    const month = monthLabel(String(e.data.start), locale);
    months.set(month, [...(months.get(month) ?? []), e]);
  }
  return [...months];
}

export function CalendarScreen() {
  const { t } = useTranslation();
  const { locale } = useSettings();
  const loaded = useCall(() => api.content.listEntities({ types: ['event'] }), []);
  const [country, setCountry] = useState('');
  const events = loaded.state === 'ready' ? loaded.value : [];
  const countries = useMemo(() => [...new Set(events.map((e) => e.data.country).filter((c): c is string => typeof c === 'string'))].sort(), [events]);
  const shown = events.filter((e) => !country || e.data.country === country);
  const coming = shown.filter((e) => e.data.status === 'coming').sort((a, b) => String(a.data.start).localeCompare(String(b.data.start)));
  const past = shown.filter((e) => e.data.status !== 'coming').sort((a, b) => String(b.data.start).localeCompare(String(a.data.start)));
  const years = shown.map((e) => Number(String(e.data.start).slice(0, 4)));
  const [first, last] = [Math.min(...years), Math.max(...years)];
  return (
    <Screen name="calendar" title={t('Calendar')} loaded={loaded} visit={{ route: '/calendar', kind: 'Calendar' }}>
      {() => (
        <section>
          <header className="screen-header">
            <h1>{t('Calendar')}</h1>
            <p className="quiet">{t('Events, coming first')}</p>
          </header>
          <div className="filters" role="group" aria-label={t('Filters')}>
            <label>
              {t('Country')}
              <select aria-label={t('Filter by country')} value={country} onChange={(e) => setCountry(e.target.value)}>
                <option value="">{t('All')}</option>
                {countries.map((c) => <option key={c} value={c}>{c}</option>)}
              </select>
            </label>
          </div>
          {shown.length > 0 && (
            <figure className="timeline" aria-label={t('Timeline')}>
              <ol>
                {[...shown].sort((a, b) => String(a.data.start).localeCompare(String(b.data.start))).map((e) => {
                  const year = Number(String(e.data.start).slice(0, 4)) + Number(String(e.data.start).slice(5, 7)) / 12;
                  const left = last === first ? 50 : ((year - first) / (last - first + 1)) * 100;
                  return <li key={e.key} style={{ left: `${left}%` }} data-status={String(e.data.status)} title={`${String(e.data.start)} — ${e.name}`} />;
                })}
              </ol>
              <figcaption>
                <span>{first}</span>
                <span>{last}</span>
              </figcaption>
            </figure>
          )}
          {[['Coming events', coming], ['Past events', past]].map(([label, list]) =>
            (list as EntitySummary[]).length === 0 ? null : (
              <section key={label as string} aria-labelledby={`cal-${label as string}`}>
                <h2 id={`cal-${label as string}`} className="calendar-group">{t(label as string)}</h2>
                {byMonth(list as EntitySummary[], locale).map(([month, items]) => (
                  <section key={month} className="calendar-month">
                    <h3>{month}</h3>
                    <EventList events={items} />
                  </section>
                ))}
              </section>
            ),
          )}
        </section>
      )}
    </Screen>
  );
}
