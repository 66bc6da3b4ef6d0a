/**
 * A person, organisation, event, figure, contact, UN document or country: its facts as the text
 * gives them, the people, organisations, events and places around it, and every passage naming it.
 */
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Entity, EntitySummary } from '../../../common/contract/contract.std';
import { api } from '../api/client.dom';
import { useCall } from '../api/useCall.dom';
import { eventDateLabel } from '../format/format.dom';
import { Screen } from '../app/Screen.dom';
import { useSettings } from '../app/Settings.dom';
import { usePlaces } from '../format/places.dom';
import { useIsOne } from '../i18n/plural.dom';
import { BookmarkButton } from '../bookmarks/BookmarkButton.dom';
import { TYPE_LABELS } from '../search/hits.dom';
import { AnnouncedAsComing, asOfToday, ContactList, EventList, FigureList, useIssueName, useIssues } from './Facts.dom';
import { relatedGroups, rolesOf, shownFacts, type Role } from './state/entity-page.std';

const FACTS: Record<Entity['type'], [string, string][]> = {
  person: [['role', 'Role']],
  organisation: [['acronym', 'Acronym']],
  event: [
    ['place', 'Place'],
    ['country', 'Country'],
    ['description', 'As reported'],
  ],
  figure: [
    ['text', 'Figure'],
    ['label', 'What it counts'],
    ['period', 'Period'],
  ],
  contact: [
    ['kind', 'Kind'],
    ['value', 'Contact'],
    ['owner', 'Owner'],
  ],
  document: [
    ['symbol', 'Symbol'],
    ['title', 'Title'],
    ['sponsorText', 'Sponsors'],
  ],
  country: [],
};

/** A contact's kind as the archive stores it, in words. */
const KIND_LABELS: Record<string, string> = { email: 'E-mail', handle: 'Social media', address: 'Postal address' };

const GROUPS: [EntitySummary['type'], string][] = [
  ['person', 'People'],
  ['organisation', 'Organisations'],
  ['event', 'Events'],
  ['figure', 'Figures'],
  ['document', 'UN documents'],
  ['country', 'Countries'],
];

/** A country's events: those it is the place of, and apart those held elsewhere whose passages name it. */
function CountryEvents({
  country,
  events,
  issues,
}: {
  country: Entity;
  events: EntitySummary[];
  issues: ReturnType<typeof useIssues>;
}) {
  const { t } = useTranslation();
  const held = events.filter((e) => e.data.country === country.name);
  const mentioning = events.filter((e) => e.data.country !== country.name);
  return (
    <>
      {held.length > 0 && (
        <section aria-labelledby="related-event">
          <h2 id="related-event" className="toc-heading">
            {t('Events held in this country')}
          </h2>
          <EventList events={held} issues={issues} />
          <p className="more">
            <Link to={`/calendar?${new URLSearchParams({ country: country.key }).toString()}`}>
              {t('In the calendar')}
            </Link>
          </p>
        </section>
      )}
      {mentioning.length > 0 && (
        <section aria-labelledby="related-event-mentioning">
          <h2 id="related-event-mentioning" className="toc-heading">
            {t('Events elsewhere that mention this country')}
          </h2>
          <EventList events={mentioning} issues={issues} />
        </section>
      )}
    </>
  );
}

/** An entity's name as the page shows it: a country's in the interface language, every other name the archive's. */
function useNameOf(): (e: { type: string; name: string }) => string {
  const { country } = usePlaces();
  return (e) => (e.type === 'country' ? country(e.name) : e.name);
}

function EntityHeader({ entity }: { entity: Entity }) {
  const { t } = useTranslation();
  const nameOf = useNameOf();
  return (
    <header className="screen-header">
      <p className="issue-meta">{t(TYPE_LABELS[entity.type])}</p>
      <h1>{nameOf(entity)}</h1>
      <BookmarkButton itemKey={entity.key} label={entity.name} />
      <Link className="print-link" to={`/print/entity/${entity.key}`}>
        {t('Print…')}
      </Link>
      {entity.type === 'country' && (
        <Link className="print-link" to={`/print/country/${entity.key}`}>
          {t('Print a country dossier…')}
        </Link>
      )}
    </header>
  );
}

/** An event's date and status against today. */
function EventWhen({ entity, issues }: { entity: Entity; issues: ReturnType<typeof useIssues> }) {
  const { t } = useTranslation();
  const { locale } = useSettings();
  return (
    <>
      <dt>{t('Date')}</dt>
      <dd>
        {eventDateLabel(entity.data, locale)}
        {entity.data.yearInferred === true && <span className="quiet"> ({t('year not stated')})</span>}
      </dd>
      <dt>{t('Status')}</dt>
      <dd>
        {t(asOfToday(entity) === 'coming' ? 'Coming' : 'Past')}
        <AnnouncedAsComing event={entity} issues={issues} />
      </dd>
    </>
  );
}

function EntityFacts({ entity, issues }: { entity: Entity; issues: ReturnType<typeof useIssues> }) {
  const { t } = useTranslation();
  const { country, place } = usePlaces();
  // A fact as a reader reads it: a place in the interface language, a contact's kind in words.
  const factText = (field: string, value: unknown) => {
    if (field === 'place' || field === 'country') return place(String(value));
    if (field === 'kind' && KIND_LABELS[String(value)]) return t(KIND_LABELS[String(value)]!);
    return String(value);
  };
  return (
    <dl className="facts">
      {entity.type === 'event' && <EventWhen entity={entity} issues={issues} />}
      {shownFacts(FACTS[entity.type], entity.data).map(([field, label, value]) => (
        <div key={field} className="fact">
          <dt>{t(label)}</dt>
          <dd>{factText(field, value)}</dd>
        </div>
      ))}
      {entity.type === 'document' && Array.isArray(entity.data.sponsors) && (
        <div className="fact">
          <dt>{t('Countries')}</dt>
          <dd>{(entity.data.sponsors as string[]).map(country).join(', ')}</dd>
        </div>
      )}
    </dl>
  );
}

/** A person's roles issue by issue, when there is more than one issue. */
function RolesByIssue({ roles, issues }: { roles: Role[]; issues: ReturnType<typeof useIssues> }) {
  const { t } = useTranslation();
  const issueName = useIssueName(issues);
  if (roles.length <= 1) return null;
  return (
    <section>
      <h2 className="toc-heading">{t('Roles by issue')}</h2>
      <ul className="roles">
        {roles.map((r) => (
          <li key={r.issue}>
            <Link to={`/issue/${r.issue}`}>{issueName(r.issue)}</Link> — {r.role ?? '—'}
          </li>
        ))}
      </ul>
    </section>
  );
}

function EntityContacts({ contacts }: { contacts: EntitySummary[] }) {
  const { t } = useTranslation();
  if (contacts.length === 0) return null;
  return (
    <section>
      <h2 className="toc-heading">{t('Contacts')}</h2>
      <ContactList contacts={contacts} />
    </section>
  );
}

/** The people, organisations, events, figures, documents and countries around the entity, a section each. */
function RelatedItems({
  entity,
  related,
  issues,
}: {
  entity: Entity;
  related: EntitySummary[];
  issues: ReturnType<typeof useIssues>;
}) {
  const { t } = useTranslation();
  const nameOf = useNameOf();
  return (
    <div className="related">
      {relatedGroups(GROUPS, related).map(({ type, label, list }) => {
        if (type === 'event' && entity.type === 'country')
          return <CountryEvents key={type} country={entity} events={list} issues={issues} />;
        return (
          <section key={type} aria-labelledby={`related-${type}`}>
            <h2 id={`related-${type}`} className="toc-heading">
              {t(type === 'country' && entity.type === 'event' ? 'Countries mentioned' : label)}
            </h2>
            {type === 'event' ? (
              <EventList events={list} issues={issues} />
            ) : type === 'figure' ? (
              <FigureList figures={list} />
            ) : (
              <ul className="chips">
                {list.map((r) => (
                  <li key={r.key}>
                    <Link to={`/entity/${r.key}`}>{nameOf(r)}</Link>
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}

/** Every passage naming the entity, with its issue, section and page. */
function Mentions({ mentions }: { mentions: Entity['mentions'] }) {
  const { t } = useTranslation();
  const isOne = useIsOne();
  return (
    <>
      <h2 className="toc-heading">
        {t(isOne(mentions.length) ? 'Mentioned in {{count}} passage' : 'Mentioned in {{count}} passages', {
          count: mentions.length,
        })}
      </h2>
      <ol className="mentions">
        {mentions.map((m) => (
          <li key={m.key}>
            <p className="hit-meta quiet">
              {m.issueTitle} · {m.sectionTitle}
              {m.page ? ` · ${t('page {{page}}', { page: m.page })}` : ''}
            </p>
            <blockquote>
              <Link
                to={
                  m.kind === 'title' ? `/read/${m.sectionKey}` : `/read/${m.sectionKey}?p=${encodeURIComponent(m.key)}`
                }
              >
                {m.text}
              </Link>
            </blockquote>
          </li>
        ))}
      </ol>
    </>
  );
}

function EntityPage({ entity, issues }: { entity: Entity; issues: ReturnType<typeof useIssues> }) {
  const { t } = useTranslation();
  const related = (entity.related ?? []).map((r) => ({ ...r, countries: [], issues: [] }) as EntitySummary);
  return (
    <article className="entity">
      <nav aria-label={t('Breadcrumb')} className="breadcrumb">
        <Link to="/">{t('Library')}</Link> › <Link to="/directory">{t('Directory')}</Link>
      </nav>
      <EntityHeader entity={entity} />
      <EntityFacts entity={entity} issues={issues} />
      <RolesByIssue roles={rolesOf(entity.data)} issues={issues} />
      <EntityContacts contacts={related.filter((r) => r.type === 'contact')} />
      <RelatedItems entity={entity} related={related} issues={issues} />
      <Mentions mentions={entity.mentions} />
    </article>
  );
}

export function EntityScreen() {
  const nameOf = useNameOf();
  const { '*': key = '' } = useParams();
  const loaded = useCall(() => api.content.getEntity({ key }), [key]);
  const issues = useIssues();
  return (
    <Screen
      name="entity"
      title={loaded.state === 'ready' ? nameOf(loaded.value) : ''}
      loaded={loaded}
      item={key}
      visit={{
        route: `/entity/${key}`,
        kind: loaded.state === 'ready' ? TYPE_LABELS[loaded.value.type] : 'Page',
        ...(loaded.state === 'ready' && loaded.value.type === 'country'
          ? { title: loaded.value.name, as: 'country' as const }
          : {}),
      }}
    >
      {(entity) => <EntityPage entity={entity} issues={issues} />}
    </Screen>
  );
}
