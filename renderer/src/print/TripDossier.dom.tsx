/**
 * A trip dossier from the Calendar: the events its trip filter shows (dates, countries, an issue),
 * in date order, each with its dates as the text gives them, its place in the interface language,
 * the newsletter's sentence and the issue it comes from by name; the notes of those bookmarked;
 * and the people and offices the archive meets in the countries chosen.
 */
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Bookmark, EntitySummary } from '../../../common/contract/contract.std';
import { api } from '../api/client.dom';
import { useCall } from '../api/useCall.dom';
import { dayLabel, eventDateLabel, eventTitle, issueLabel, tripDates } from '../format/format.dom';
import { countryNamesOf, usePlaces } from '../format/places.dom';
import { Screen } from '../app/Screen.dom';
import { useSettings } from '../app/Settings.dom';
import { today } from '../format/today.dom';
import { NoteText } from '../bookmarks/Note.dom';
import { inTrip, tripOf, tripQuery } from '../screens/Calendar.dom';
import { AnnouncedAsComing, asOfToday, useIssues, usePlaceOf } from '../screens/Facts.dom';
import { PrintFrame } from './PrintFrame.dom';

const byName = (a: EntitySummary, b: EntitySummary) => a.name.localeCompare(b.name);

function TripEvents({ events, notes }: { events: EntitySummary[]; notes: Map<string, Bookmark> }) {
  const { t } = useTranslation();
  const { locale } = useSettings();
  const issues = useIssues();
  const placeOf = usePlaceOf();
  const issueName = (key: unknown) => {
    const issue = typeof key === 'string' ? issues.get(key) : undefined;
    return issue ? issueLabel(issue, locale, (n) => t('No. {{number}}', { number: n })) : '';
  };
  return (
    <section className="brief-box" data-part="events">
      <h2>{t('Events')}</h2>
      <table className="brief-table trip-events">
        <tbody>
          {events.map((e) => (
            <tr key={e.key} data-status={asOfToday(e)} data-start={String(e.data.start)}>
              <th scope="row">{eventDateLabel(e.data, locale)}</th>
              <td>
                <strong>{eventTitle(e.name)}</strong>
                {placeOf(e.data) && (
                  <>
                    {' '}
                    — <span className="event-place">{placeOf(e.data)}</span>
                  </>
                )}
                {' · '}
                {t(asOfToday(e) === 'coming' ? 'Coming' : 'Past')}
                <AnnouncedAsComing event={e} issues={issues} />
                {typeof e.data.description === 'string' && (
                  <blockquote className="trip-sentence">{e.data.description}</blockquote>
                )}
                <div className="trip-source">{issueName(e.data.issue)}</div>
                {notes.get(e.key)?.note && (
                  <div className="dossier-note">
                    <NoteText text={notes.get(e.key)!.note} />
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function PeopleOfTrip({ people }: { people: EntitySummary[] }) {
  const { t } = useTranslation();
  if (people.length === 0) return null;
  return (
    <section className="brief-box" data-part="people">
      <h2>{t('People and offices')}</h2>
      <ul className="dossier-people">
        {people.map((p) => (
          <li key={p.key}>
            <strong>{p.name}</strong>
            {typeof p.data.role === 'string' && p.data.role ? ` — ${p.data.role}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function TripDossierScreen() {
  const { t } = useTranslation();
  const { locale } = useSettings();
  const { country } = usePlaces();
  const [params] = useSearchParams();
  const trip = tripOf(params);
  const loaded = useCall(async () => {
    const [entities, bookmarks] = await Promise.all([
      api.content.listEntities({ types: ['event', 'country', 'person', 'organisation'] }),
      api.bookmarks.list({}),
    ]);
    return { entities, notes: new Map(bookmarks.map((b) => [b.key, b])) };
  }, [params.toString()]);
  const issues = useIssues();
  const title = t('Trip dossier');
  return (
    <Screen name="print-trip" title={title} loaded={loaded}>
      {({ entities, notes }) => {
        const names = countryNamesOf(entities);
        const events = entities
          .filter((e) => e.type === 'event' && inTrip(e, trip))
          .sort((a, b) => String(a.data.start).localeCompare(String(b.data.start)));
        const people = trip.countries.length
          ? entities
              .filter(
                (e) =>
                  (e.type === 'person' || e.type === 'organisation') &&
                  e.countries.some((c) => trip.countries.includes(c)),
              )
              .sort(byName)
          : [];
        const countries = trip.countries
          .map((key) => (names.has(key) ? country(names.get(key)!) : key))
          .sort((a, b) => a.localeCompare(b, locale));
        const issue = trip.issue ? issues.get(trip.issue) : undefined;
        const scope = [
          tripDates(trip.from, trip.to, locale, t),
          countries.length > 0 &&
            t(trip.mentioned ? 'Countries: {{countries}}, or mentioned' : 'Countries: {{countries}}', {
              countries: countries.join(', '),
            }),
          issue &&
            t('Issue: {{issue}}', { issue: issueLabel(issue, locale, (n) => t('No. {{number}}', { number: n })) }),
        ]
          .filter(Boolean)
          .join(' · ');
        const back = `/calendar?${tripQuery(trip)}`;
        if (events.length === 0) {
          return (
            <div className="problem" role="status">
              <h1>{title}</h1>
              <p>
                {t('No event in the archive matches this trip.')} {scope}
              </p>
              <p>
                <Link to={back}>{t('Back to the calendar')}</Link>
              </p>
            </div>
          );
        }
        const printedOn = dayLabel(today(), locale);
        return (
          <PrintFrame title={`${title}${scope ? ` — ${scope}` : ''}`} date={printedOn} back={back}>
            <article className="brief dossier trip-dossier">
              <header>
                <p className="issue-meta">{printedOn}</p>
                <h1>{title}</h1>
                {scope && <p className="quiet trip-scope">{scope}</p>}
              </header>
              <TripEvents events={events} notes={notes} />
              <PeopleOfTrip people={people} />
            </article>
          </PrintFrame>
        );
      }}
    </Screen>
  );
}
