/** Figures, events and contacts drawn compactly: in an issue at a glance, and on entity pages. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EntitySummary } from '../../../common/contract.std';
import { dateRange, figureLabel } from '../app/format.dom';
import { useSettings } from '../app/Settings.dom';

/** The figures an issue states as figures: a label of their own (not the sentence around them), short. */
export function keyFigures(facts: EntitySummary[]): EntitySummary[] {
  return facts.filter((f) => {
    const label = String(f.data.label ?? '');
    return f.type === 'figure' && !label.includes(f.name) && label.length <= 120;
  });
}

/** Every coming event in date order, and the `pastCount` latest past ones, latest first. */
export function glanceEvents(facts: EntitySummary[], pastCount: number): { coming: EntitySummary[]; past: EntitySummary[] } {
  const events = facts.filter((f) => f.type === 'event');
  const start = (e: EntitySummary) => String(e.data.start);
  return {
    coming: events.filter((e) => e.data.status === 'coming').sort((a, b) => start(a).localeCompare(start(b))),
    past: events.filter((e) => e.data.status !== 'coming').sort((a, b) => start(b).localeCompare(start(a))).slice(0, pastCount),
  };
}

export function FigureList({ figures }: { figures: EntitySummary[] }) {
  const { locale } = useSettings();
  return (
    <ul className="figure-list">
      {figures.map((f) => (
        <li key={f.key}>
          <Link to={`/entity/${f.key}`} className="figure-value">
            {typeof f.data.value === 'number' ? figureLabel(f.data.value, (f.data.currency as string | null) ?? null, locale) : f.name}
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

export function EventList({ events }: { events: EntitySummary[] }) {
  const { t } = useTranslation();
  const { locale } = useSettings();
  return (
    <ul className="event-list">
      {events.map((e) => (
        <li key={e.key} data-status={String(e.data.status)}>
          <span className="event-date">{dateRange(String(e.data.start), String(e.data.end), locale)}</span>
          <Link to={`/entity/${e.key}`}>{e.name}</Link>
          <span className="quiet">
            {[e.data.place, e.data.country].filter((x) => typeof x === 'string' && x).filter((x, i, a) => a.indexOf(x) === i).join(', ')}
            {' · '}
            {t(e.data.status === 'coming' ? 'Coming' : 'Past')}
          </span>
        </li>
      ))}
    </ul>
  );
}

export function ContactList({ contacts }: { contacts: EntitySummary[] }) {
  const byOwner = new Map<string, EntitySummary[]>();
  for (const c of contacts) byOwner.set(String(c.data.owner ?? ''), [...(byOwner.get(String(c.data.owner ?? '')) ?? []), c]);
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
