/** A trip dossier from bookmarks chosen by tag, country or dates: people and offices, events, notes, passages. */
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Bookmark, Entity } from '../../../common/contract/contract.std';
import { api } from '../api/client.dom';
import { useCall } from '../api/useCall.dom';
import { isoDayOrNull } from '../../../common/content/event-dates.std';
import { inCountries } from '../../../common/places/item-countries.std';
import { dayLabel, eventDateLabel, eventTitle, tripDates } from '../format/format.dom';
import { bookmarkLabel, countryNamesOf, usePlaces } from '../format/places.dom';
import { useIssueName, useIssues, usePlaceOf } from '../screens/Facts.dom';
import { Screen } from '../app/Screen.dom';
import { useSettings } from '../app/Settings.dom';
import { today } from '../format/today.dom';
import { NoteText } from '../bookmarks/Note.dom';
import { inDates, pageShown } from '../bookmarks/bookmark-filter.std';
import { PrintFrame } from './PrintFrame.dom';
import { DOSSIER_ENTITY_TYPES, dossierContactLines, dossierSections } from './dossier-sections.std';

/** The bookmarks a dossier prints: of the tag, in the country (an event in its own; one that only mentions it when `mentioned=1`), in the dates. */
export function matchesDossier(b: Bookmark, p: URLSearchParams): boolean {
  const tag = p.get('tag');
  const country = p.get('country');
  if (tag && !b.tags.includes(tag)) return false;
  if (country && !inCountries(b, [country], p.get('mentioned') === '1')) return false;
  return inDates(b, isoDayOrNull(p.get('from')), isoDayOrNull(p.get('to')));
}

/** The bookmarks chosen, the entities of the people, offices, events and contacts among them, and the country's name. */
function useDossier(params: URLSearchParams) {
  return useCall(async () => {
    const chosen = (await api.bookmarks.list({})).filter((b) => matchesDossier(b, params));
    const entities = new Map<string, Entity>();
    for (const b of chosen.filter((x) => DOSSIER_ENTITY_TYPES.includes(x.type) && !x.orphaned)) {
      entities.set(b.key, await api.content.getEntity({ key: b.key }));
    }
    const countryKey = params.get('country');
    const countryName = countryKey
      ? countryNamesOf(await api.content.listEntities({ types: ['country', 'event'] })).get(countryKey)
      : undefined;
    return { chosen, entities, countryName };
  }, [params.toString()]);
}

/** What the dossier was asked for, in a line: the tag, the country by its name in the interface language (« Moldavie »), the dates. */
function useDossierScope(params: URLSearchParams): (countryName: string | undefined) => string {
  const { t } = useTranslation();
  const { locale } = useSettings();
  const places = usePlaces();
  const countryLabel = (name: string | undefined) =>
    name ? places.country(name) : (params.get('country') ?? '').replace('country/', '').replace(/-/g, ' ');
  const [from, to] = [isoDayOrNull(params.get('from')), isoDayOrNull(params.get('to'))];
  return (countryName) =>
    [
      params.get('tag') && t('Tag: {{tag}}', { tag: params.get('tag') }),
      params.get('country') &&
        t(params.get('mentioned') === '1' ? 'Country: {{country}}, or mentioned' : 'Country: {{country}}', {
          country: countryLabel(countryName),
        }),
      (from || to) && tripDates(from, to, locale, t),
    ]
      .filter(Boolean)
      .join(' · ');
}

function DossierNote({ note }: { note: string }) {
  return note ? (
    <div className="dossier-note">
      <NoteText text={note} />
    </div>
  ) : null;
}

function NothingToPrint({ title, scope }: { title: string; scope: string }) {
  const { t } = useTranslation();
  return (
    <div className="problem" role="status">
      <h1>{title}</h1>
      <p>
        {t('No bookmark matches this choice, so there is nothing to print.')} {scope}
      </p>
      <p>
        <Link to="/bookmarks">{t('Back to bookmarks')}</Link>
      </p>
    </div>
  );
}

function DossierPeople({ people, entities }: { people: Bookmark[]; entities: Map<string, Entity> }) {
  const { t } = useTranslation();
  if (people.length === 0) return null;
  return (
    <section className="brief-box">
      <h2>{t('People and offices')}</h2>
      <ul className="dossier-people">
        {people.map((b) => {
          const entity = entities.get(b.key);
          const lines = dossierContactLines(b, entity?.related ?? []);
          return (
            <li key={b.key}>
              <strong>{b.type === 'contact' ? String(entity?.data.owner ?? b.label) : b.label}</strong>
              {b.snapshot && b.type !== 'contact' ? <span> — {b.snapshot}</span> : null}
              {lines.length > 0 && <div className="dossier-contacts">{lines.join(' · ')}</div>}
              <DossierNote note={b.note} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function DossierEvents({ events, entities }: { events: Bookmark[]; entities: Map<string, Entity> }) {
  const { t } = useTranslation();
  const { locale } = useSettings();
  const placeOf = usePlaceOf();
  if (events.length === 0) return null;
  return (
    <section className="brief-box">
      <h2>{t('Events')}</h2>
      <table className="brief-table">
        <tbody>
          {events.map((b) => {
            const e = entities.get(b.key);
            return (
              <tr key={b.key}>
                <th scope="row">
                  {e ? eventDateLabel(e.data, locale) : b.eventStart && dayLabel(b.eventStart, locale)}
                </th>
                <td>
                  {eventTitle(b.label)}
                  {e && placeOf(e.data) && (
                    <>
                      {' '}
                      — <span className="event-place">{placeOf(e.data)}</span>
                    </>
                  )}
                  <DossierNote note={b.note} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function DossierPassages({ passages, issues }: { passages: Bookmark[]; issues: ReturnType<typeof useIssues> }) {
  const { t } = useTranslation();
  const issueName = useIssueName(issues);
  if (passages.length === 0) return null;
  return (
    <section>
      <h2>{t('Passages')}</h2>
      {passages.map((b) => (
        <figure key={b.key} className="dossier-passage">
          <blockquote>{b.snapshot}</blockquote>
          <figcaption>
            {b.label}
            {b.issueKey ? ` · ${issueName(b.issueKey)}` : ''}
            {pageShown(b) !== null ? ` · ${t('page {{page}}', { page: pageShown(b) })}` : ''}
          </figcaption>
          <DossierNote note={b.note} />
        </figure>
      ))}
    </section>
  );
}

function DossierOthers({ others }: { others: Bookmark[] }) {
  const { t } = useTranslation();
  const places = usePlaces();
  if (others.length === 0) return null;
  return (
    <section>
      <h2>{t('Other bookmarks')}</h2>
      <ul>
        {others.map((b) => (
          <li key={b.key}>
            <strong>{bookmarkLabel(b, places.country)}</strong>
            {b.snapshot ? ` — ${b.snapshot}` : ''}
            <DossierNote note={b.note} />
          </li>
        ))}
      </ul>
    </section>
  );
}

export function DossierScreen() {
  const { t } = useTranslation();
  const { locale } = useSettings();
  const [params] = useSearchParams();
  const loaded = useDossier(params);
  const issues = useIssues();
  const scopeOf = useDossierScope(params);
  const title = t('Trip dossier');
  return (
    <Screen name="print-dossier" title={title} loaded={loaded}>
      {({ chosen, entities, countryName }) => {
        const scope = scopeOf(countryName);
        if (chosen.length === 0) return <NothingToPrint title={title} scope={scope} />;
        const { people, events, passages, others } = dossierSections(chosen);
        const printedOn = dayLabel(today(), locale);
        return (
          <PrintFrame title={`${title}${scope ? ` — ${scope}` : ''}`} date={printedOn} back="/bookmarks">
            <article className="brief dossier">
              <header>
                <p className="issue-meta">{printedOn}</p>
                <h1>{title}</h1>
                {scope && <p className="quiet">{scope}</p>}
              </header>
              <DossierPeople people={people} entities={entities} />
              <DossierEvents events={events} entities={entities} />
              <DossierPassages passages={passages} issues={issues} />
              <DossierOthers others={others} />
            </article>
          </PrintFrame>
        );
      }}
    </Screen>
  );
}
