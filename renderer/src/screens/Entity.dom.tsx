/**
 * A person, organisation, event, figure, contact, UN document or country: its facts as the text
 * gives them, the people, organisations, events and places around it, and every passage naming it.
 */
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Entity, EntitySummary } from '../../../common/contract.std';
import { api } from '../api/client.dom';
import { useCall } from '../api/useCall.dom';
import { eventDateLabel, issueLabel } from '../app/format.dom';
import { Screen } from '../app/Screen.dom';
import { useSettings } from '../app/Settings.dom';
import { usePlaces } from '../app/places.dom';
import { useIsOne } from '../i18n/plural.dom';
import { BookmarkButton } from '../bookmarks/BookmarkButton.dom';
import { TYPE_LABELS } from '../search/hits.dom';
import { AnnouncedAsComing, asOfToday, ContactList, EventList, FigureList, useIssues } from './Facts.dom';

const FACTS: Record<Entity['type'], [string, string][]> = {
  person: [['role', 'Role']],
  organisation: [['acronym', 'Acronym']],
  event: [['place', 'Place'], ['country', 'Country'], ['description', 'As reported']],
  figure: [['text', 'Figure'], ['label', 'What it counts'], ['period', 'Period']],
  contact: [['kind', 'Kind'], ['value', 'Contact'], ['owner', 'Owner']],
  document: [['symbol', 'Symbol'], ['title', 'Title'], ['sponsorText', 'Sponsors']],
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
function CountryEvents({ country, events, issues }: { country: Entity; events: EntitySummary[]; issues: ReturnType<typeof useIssues> }) {
  const { t } = useTranslation();
  const held = events.filter((e) => e.data.country === country.name);
  const mentioning = events.filter((e) => e.data.country !== country.name);
  return (
    <>
      {held.length > 0 && (
        <section aria-labelledby="related-event">
          <h2 id="related-event" className="toc-heading">{t('Events held in this country')}</h2>
          <EventList events={held} issues={issues} />
          <p className="more">
            <Link to={`/calendar?${new URLSearchParams({ country: country.key }).toString()}`}>{t('In the calendar')}</Link>
          </p>
        </section>
      )}
      {mentioning.length > 0 && (
        <section aria-labelledby="related-event-mentioning">
          <h2 id="related-event-mentioning" className="toc-heading">{t('Events elsewhere that mention this country')}</h2>
          <EventList events={mentioning} issues={issues} />
        </section>
      )}
    </>
  );
}

export function EntityScreen() {
  const { t } = useTranslation();
  const { locale } = useSettings();
  const { country, place } = usePlaces();
  const isOne = useIsOne();
  // A country's own page and chips name it in the interface language; every other name is the archive's.
  const nameOf = (e: { type: string; name: string }) => (e.type === 'country' ? country(e.name) : e.name);
  const { '*': key = '' } = useParams();
  const loaded = useCall(() => api.content.getEntity({ key }), [key]);
  const issues = useIssues();
  // A fact as a reader reads it: a place in the interface language, a contact's kind in words.
  const factText = (field: string, value: unknown) => {
    if (field === 'place' || field === 'country') return place(String(value));
    if (field === 'kind' && KIND_LABELS[String(value)]) return t(KIND_LABELS[String(value)]!);
    return String(value);
  };
  const issueName = (issueKey: string) => {
    const issue = issues.get(issueKey);
    return issue ? issueLabel(issue, locale, (n) => t('No. {{number}}', { number: n })) : issueKey;
  };
  return (
    <Screen name="entity" title={loaded.state === 'ready' ? nameOf(loaded.value) : ''} loaded={loaded} item={key} visit={{ route: `/entity/${key}`, kind: loaded.state === 'ready' ? TYPE_LABELS[loaded.value.type] : 'Page', ...(loaded.state === 'ready' && loaded.value.type === 'country' ? { title: loaded.value.name, as: 'country' as const } : {}) }}>
      {(entity) => {
        const related = (entity.related ?? []).map((r) => ({ ...r, countries: [], issues: [] }) as EntitySummary);
        const roles = Array.isArray(entity.data.issues) ? (entity.data.issues as { issue: string; role: string | null; organisation: string | null }[]) : [];
        const contacts = related.filter((r) => r.type === 'contact');
        return (
          <article className="entity">
            <nav aria-label={t('Breadcrumb')} className="breadcrumb">
              <Link to="/">{t('Library')}</Link> › <Link to="/directory">{t('Directory')}</Link>
            </nav>
            <header className="screen-header">
              <p className="issue-meta">{t(TYPE_LABELS[entity.type])}</p>
              <h1>{nameOf(entity)}</h1>
              <BookmarkButton itemKey={entity.key} label={entity.name} />
              <Link className="print-link" to={`/print/entity/${entity.key}`}>{t('Print…')}</Link>
              {entity.type === 'country' && <Link className="print-link" to={`/print/country/${entity.key}`}>{t('Print a country dossier…')}</Link>}
            </header>
            <dl className="facts">
              {entity.type === 'event' && (
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
              )}
              {FACTS[entity.type].map(([field, label]) =>
                entity.data[field] === null || entity.data[field] === undefined || entity.data[field] === '' ? null : (
                  <div key={field} className="fact">
                    <dt>{t(label)}</dt>
                    <dd>{factText(field, entity.data[field])}</dd>
                  </div>
                ),
              )}
              {entity.type === 'document' && Array.isArray(entity.data.sponsors) && (
                <div className="fact">
                  <dt>{t('Countries')}</dt>
                  <dd>{(entity.data.sponsors as string[]).map(country).join(', ')}</dd>
                </div>
              )}
            </dl>
            {roles.length > 1 && (
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
            )}
            {contacts.length > 0 && (
              <section>
                <h2 className="toc-heading">{t('Contacts')}</h2>
                <ContactList contacts={contacts} />
              </section>
            )}
            <div className="related">
              {GROUPS.map(([type, label]) => {
                const list = related.filter((r) => r.type === type);
                if (list.length === 0) return null;
                if (type === 'event' && entity.type === 'country') return <CountryEvents key={type} country={entity} events={list} issues={issues} />;
                return (
                  <section key={type} aria-labelledby={`related-${type}`}>
                    <h2 id={`related-${type}`} className="toc-heading">{t(type === 'country' && entity.type === 'event' ? 'Countries mentioned' : label)}</h2>
                    {type === 'event' ? <EventList events={list} issues={issues} /> : type === 'figure' ? <FigureList figures={list} /> : (
                      <ul className="chips">
                        {list.map((r) => (
                          <li key={r.key}><Link to={`/entity/${r.key}`}>{nameOf(r)}</Link></li>
                        ))}
                      </ul>
                    )}
                  </section>
                );
              })}
            </div>
            <h2 className="toc-heading">{t(isOne(entity.mentions.length) ? 'Mentioned in {{count}} passage' : 'Mentioned in {{count}} passages', { count: entity.mentions.length })}</h2>
            <ol className="mentions">
              {entity.mentions.map((m) => (
                <li key={m.key}>
                  <p className="hit-meta quiet">
                    {m.issueTitle} · {m.sectionTitle}
                    {m.page ? ` · ${t('page {{page}}', { page: m.page })}` : ''}
                  </p>
                  <blockquote>
                    <Link to={m.kind === 'title' ? `/read/${m.sectionKey}` : `/read/${m.sectionKey}?p=${encodeURIComponent(m.key)}`}>{m.text}</Link>
                  </blockquote>
                </li>
              ))}
            </ol>
          </article>
        );
      }}
    </Screen>
  );
}
