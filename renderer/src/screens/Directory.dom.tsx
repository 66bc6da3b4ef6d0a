/** People and organisations A–Z, filterable by organisation and country; a virtualised list. */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api/client.dom';
import { useCall } from '../api/useCall.dom';
import { Screen } from '../app/Screen.dom';
import type { EntitySummary } from '../../../common/contract/contract.std';
import { usePlaces } from '../format/places.dom';

const collator = new Intl.Collator(undefined, { sensitivity: 'base' });
const sortName = (e: EntitySummary) => (e.type === 'person' ? `${e.name.split(' ').slice(-1)[0]} ${e.name}` : e.name);

function VirtualList({ items }: { items: EntitySummary[] }) {
  const { t } = useTranslation();
  const parent = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: items.length,
    getScrollElement: () => parent.current,
    estimateSize: () => 64,
    overscan: 8,
  });
  return (
    <div ref={parent} className="virtual-list" role="list" aria-label={t('People and organisations, A–Z')}>
      <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
        {virtual.getVirtualItems().map((row) => {
          const e = items[row.index]!;
          return (
            <div
              key={e.key}
              role="listitem"
              className="directory-row"
              data-index={row.index}
              ref={virtual.measureElement}
              style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${row.start}px)` }}
            >
              <Link to={`/entity/${e.key}`}>{e.name}</Link>
              <span className={`type-badge type-${e.type}`}>{t(e.type === 'person' ? 'Person' : 'Organisation')}</span>
              <span className="quiet directory-detail">
                {String((e.type === 'person' ? e.data.role : e.data.acronym) ?? '')}
              </span>
            </div>
          );
        })}
      </div>
    </div>
  );
}

export function DirectoryScreen() {
  const { t } = useTranslation();
  const loaded = useCall(() => api.content.listEntities({ types: ['person', 'organisation', 'country'] }), []);
  const [filter, setFilter] = useState({ type: '', organisation: '', country: '' });
  const all = loaded.state === 'ready' ? loaded.value : [];
  const organisations = useMemo(
    () => all.filter((e) => e.type === 'organisation').sort((a, b) => collator.compare(a.name, b.name)),
    [all],
  );
  const { country } = usePlaces();
  const countries = useMemo(
    () =>
      all
        .filter((e) => e.type === 'country')
        .map((e) => ({ key: e.key, name: country(e.name) }))
        .sort((a, b) => collator.compare(a.name, b.name)),
    [all, country],
  );
  const shown = useMemo(
    () =>
      all
        .filter((e) => e.type === 'person' || e.type === 'organisation')
        .filter((e) => !filter.type || e.type === filter.type)
        .filter(
          (e) => !filter.organisation || e.key === filter.organisation || e.data.organisation === filter.organisation,
        )
        .filter((e) => !filter.country || e.countries.includes(filter.country))
        .sort((a, b) => collator.compare(sortName(a), sortName(b))),
    [all, filter],
  );
  return (
    <Screen
      name="directory"
      title={t('Directory')}
      loaded={loaded}
      visit={{ route: '/directory', kind: 'Directory', title: 'Directory', as: 'interface' }}
    >
      {() => (
        <section>
          <header className="screen-header">
            <h1>{t('Directory')}</h1>
            <p className="quiet">{t('{{count}} entries', { count: shown.length })}</p>
          </header>
          <div className="filters" role="group" aria-label={t('Filters')}>
            <label>
              {t('Type')}
              <select
                aria-label={t('Filter by type')}
                value={filter.type}
                onChange={(e) => setFilter({ ...filter, type: e.target.value })}
              >
                <option value="">{t('All')}</option>
                <option value="person">{t('People')}</option>
                <option value="organisation">{t('Organisations')}</option>
              </select>
            </label>
            <label>
              {t('Organisation')}
              <select
                aria-label={t('Filter by organisation')}
                value={filter.organisation}
                onChange={(e) => setFilter({ ...filter, organisation: e.target.value })}
              >
                <option value="">{t('All')}</option>
                {organisations.map((o) => (
                  <option key={o.key} value={o.key}>
                    {o.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('Country')}
              <select
                aria-label={t('Filter by country')}
                value={filter.country}
                onChange={(e) => setFilter({ ...filter, country: e.target.value })}
              >
                <option value="">{t('All')}</option>
                {countries.map((c) => (
                  <option key={c.key} value={c.key}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <VirtualList items={shown} />
        </section>
      )}
    </Screen>
  );
}
