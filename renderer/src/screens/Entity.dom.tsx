/** A person, organisation, event, figure, contact, UN document or country, and every passage naming it. */
import { Link, useParams } from 'react-router';
import type { Entity } from '../../../common/contract.std';
import { api } from '../api/client.dom';
import { useCall } from '../api/useCall.dom';
import { Screen } from '../app/Screen.dom';
import { TYPE_LABELS } from '../search/hits.dom';
import { BookmarkButton } from '../bookmarks/BookmarkButton.dom';
import { useCurrentItem } from '../bookmarks/BookmarksContext.dom';

const FACTS: Record<Entity['type'], [string, string][]> = {
  person: [['role', 'Role'], ['organisation', 'Organisation']],
  organisation: [['acronym', 'Acronym']],
  event: [['start', 'From'], ['end', 'To'], ['place', 'Place'], ['country', 'Country'], ['status', 'Status'], ['description', 'As reported']],
  figure: [['text', 'Figure'], ['label', 'What it counts'], ['period', 'Period']],
  contact: [['kind', 'Kind'], ['value', 'Contact'], ['owner', 'Owner']],
  document: [['symbol', 'Symbol'], ['title', 'Title'], ['sponsorText', 'Sponsors']],
  country: [],
};

function Fact({ name, value }: { name: string; value: unknown }) {
  if (value === null || value === undefined || value === '') return null;
  const shown = typeof value === 'string' && value.startsWith('org/') ? <Link to={`/entity/${value}`}>{value.slice(4).toUpperCase()}</Link> : String(value);
  return (
    <>
      <dt>{name}</dt>
      <dd>{shown}</dd>
    </>
  );
}

export function EntityScreen() {
  const { '*': key = '' } = useParams();
  const loaded = useCall(() => api.content.getEntity({ key }), [key]);
  useCurrentItem(loaded.state === 'ready' ? key : null);
  return (
    <Screen name="entity" title={loaded.state === 'ready' ? loaded.value.name : ''} loaded={loaded}>
      {(entity) => (
        <article className="entity">
          <nav aria-label="Breadcrumb" className="breadcrumb">
            <Link to="/">Library</Link>
          </nav>
          <header className="screen-header">
            <p className="issue-meta">{TYPE_LABELS[entity.type]}</p>
            <h1>{entity.name}</h1>
            <BookmarkButton itemKey={entity.key} label={entity.name} />
          </header>
          <dl className="facts">
            {FACTS[entity.type].map(([field, label]) => (
              <Fact key={field} name={label} value={entity.data[field]} />
            ))}
            {entity.data.yearInferred === true && <Fact name="Year" value="not stated in the text; taken from the issue" />}
          </dl>
          <h2 className="toc-heading">Mentioned in {entity.mentions.length} {entity.mentions.length === 1 ? 'passage' : 'passages'}</h2>
          <ol className="mentions">
            {entity.mentions.map((m) => (
              <li key={m.key}>
                <p className="hit-meta quiet">
                  {m.issueTitle} · {m.sectionTitle}
                  {m.page ? ` · page ${m.page}` : ''}
                </p>
                <blockquote>
                  <Link to={m.kind === 'title' ? `/read/${m.sectionKey}` : `/read/${m.sectionKey}?p=${encodeURIComponent(m.key)}`}>{m.text}</Link>
                </blockquote>
              </li>
            ))}
          </ol>
        </article>
      )}
    </Screen>
  );
}
