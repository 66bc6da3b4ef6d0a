/**
 * A country dossier for a trip: everything the archive says about one country across all issues —
 * the people and organisations met in its passages, its events in date order (coming or past
 * against today), and every passage that names it, with its source (issue, section, page).
 */
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Entity } from '../../../common/contract/contract.std';
import { api } from '../api/client.dom';
import { useCall } from '../api/useCall.dom';
import { dayLabel, eventDateLabel, eventTitle } from '../format/format.dom';
import { usePlaces } from '../format/places.dom';
import { Screen } from '../app/Screen.dom';
import { useSettings } from '../app/Settings.dom';
import { today } from '../format/today.dom';
import { AnnouncedAsComing, asOfToday, useIssues, usePlaceOf } from '../screens/Facts.dom';
import { PrintFrame } from './PrintFrame.dom';

type Related = NonNullable<Entity['related']>[number];

const byName = (a: Related, b: Related) => a.name.localeCompare(b.name);
const text = (value: unknown) => (typeof value === 'string' && value ? value : null);

function PeopleAndOffices({ people, organisations }: { people: Related[]; organisations: Related[] }) {
  const { t } = useTranslation();
  return (
    <>
      {people.length > 0 && (
        <section className="brief-box" data-part="people">
          <h2>{t('People')}</h2>
          <ul className="dossier-people">
            {people.map((p) => (
              <li key={p.key}>
                <strong>{p.name}</strong>
                {text(p.data.role) && <span> — {text(p.data.role)}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {organisations.length > 0 && (
        <section className="brief-box" data-part="organisations">
          <h2>{t('Organisations')}</h2>
          <ul className="dossier-people">
            {organisations.map((o) => (
              <li key={o.key}>
                <strong>{o.name}</strong>
                {text(o.data.acronym) && <span> ({text(o.data.acronym)})</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function Events({ events, heading, part }: { events: Related[]; heading: string; part: string }) {
  const { t } = useTranslation();
  const { locale } = useSettings();
  const issues = useIssues();
  const placeOf = usePlaceOf();
  if (events.length === 0) return null;
  return (
    <section className="brief-box" data-part={part}>
      <h2>{heading}</h2>
      <table className="brief-table">
        <tbody>
          {events.map((e) => (
            <tr key={e.key} data-status={asOfToday(e)} data-start={String(e.data.start)}>
              <th scope="row">{eventDateLabel(e.data, locale)}</th>
              <td>
                {eventTitle(e.name)}
                {placeOf(e.data) && (
                  <>
                    {' '}
                    — <span className="event-place">{placeOf(e.data)}</span>
                  </>
                )}
                {' · '}
                {t(asOfToday(e) === 'coming' ? 'Coming' : 'Past')}
                <AnnouncedAsComing event={e} issues={issues} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Passages({ mentions }: { mentions: Entity['mentions'] }) {
  const { t } = useTranslation();
  if (mentions.length === 0) return null;
  return (
    <section data-part="passages">
      <h2>{t('Passages')}</h2>
      {mentions.map((m) => (
        <figure key={m.key} className="dossier-passage">
          <blockquote>{m.text}</blockquote>
          <figcaption>
            {m.issueTitle} · {m.sectionTitle}
            {m.page !== null ? ` · ${t('page {{page}}', { page: m.page })}` : ''}
          </figcaption>
        </figure>
      ))}
    </section>
  );
}

export function CountryDossierScreen() {
  const { t } = useTranslation();
  const { locale } = useSettings();
  const { '*': key = '' } = useParams();
  const loaded = useCall(() => api.content.getEntity({ key }), [key]);
  const { country: countryIn } = usePlaces();
  return (
    <Screen name="print-country" title={loaded.state === 'ready' ? countryIn(loaded.value.name) : ''} loaded={loaded}>
      {(country) => {
        const related = country.related ?? [];
        const of = (type: string) => related.filter((r) => r.type === type);
        const events = of('event').sort((a, b) => String(a.data.start).localeCompare(String(b.data.start)));
        // An event takes place in its own country; one whose passage only names this one is apart.
        const held = events.filter((e) => e.data.country === country.name);
        const mentioning = events.filter((e) => e.data.country !== country.name);
        const title = t('Country dossier: {{country}}', { country: countryIn(country.name) });
        const date = dayLabel(today(), locale);
        return (
          <PrintFrame title={title} date={date} back={`/entity/${country.key}`}>
            <article className="brief dossier country-dossier">
              <header>
                <p className="issue-meta">{date}</p>
                <h1>{title}</h1>
              </header>
              <PeopleAndOffices people={of('person').sort(byName)} organisations={of('organisation').sort(byName)} />
              <Events events={held} part="events" heading={t('Events held in this country')} />
              <Events
                events={mentioning}
                part="events-mentioning"
                heading={t('Events elsewhere that mention this country')}
              />
              <Passages mentions={country.mentions} />
            </article>
          </PrintFrame>
        );
      }}
    </Screen>
  );
}
