/** The bookmarks screen: filter, search, sort, select several to tag, remove or export; notes edited in place. */
import { download } from '../app/download.dom';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Bookmark } from '../../../common/contract.std';
import { api } from '../api/client.dom';
import { Screen } from '../app/Screen.dom';
import { TYPE_LABELS } from '../search/hits.dom';
import { useBookmarks } from './BookmarksContext.dom';
import { NoteText } from './Note.dom';
import { TagDialog } from './TagDialog.dom';
import { useMainText } from '../i18n/main-text.dom';
import { useIsOne } from '../i18n/plural.dom';
import { useCall } from '../api/useCall.dom';
import { usePlaces } from '../app/places.dom';
import { useSettings } from '../app/Settings.dom';

type Sort = 'added' | 'title' | 'event';

function hrefOf(b: Bookmark): string {
  if (b.type === 'section') return `/read/${b.key}`;
  if (b.type === 'passage') return `/read/${b.sectionKey}?p=${encodeURIComponent(b.key)}`;
  return `/entity/${b.key}`;
}

function BookmarkRow({ bookmark, selected, onSelect }: { bookmark: Bookmark; selected: boolean; onSelect: (on: boolean) => void }) {
  const { t } = useTranslation();
  const { refresh, readOnly } = useBookmarks();
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState(bookmark.note);
  const [tags, setTags] = useState(bookmark.tags.join(', '));
  const save = async () => {
    await api.bookmarks.update({ id: bookmark.id, note, tags: tags.split(',').map((t) => t.trim()).filter(Boolean) });
    setEditing(false);
    await refresh();
  };
  return (
    <li className={`bookmark-row${bookmark.orphaned ? ' is-orphaned' : ''}`} data-bookmark-row={bookmark.key}>
      <input type="checkbox" aria-label={t('Select {{label}}', { label: bookmark.label })} checked={selected} onChange={(e) => onSelect(e.target.checked)} />
      <div className="bookmark-body">
        <p className="hit-meta">
          <span className={`type-badge type-${bookmark.type}`}>{t(TYPE_LABELS[bookmark.type])}</span>
          {bookmark.orphaned && <span className="orphan-badge" title={t('This item is no longer in the archive; its text is kept here.')}>{t('No longer in the archive')}</span>}
          {bookmark.eventStart && <span className="quiet">{bookmark.eventStart}</span>}
          {bookmark.page !== null && <span className="quiet">{t('page {{page}}', { page: bookmark.page })}</span>}
        </p>
        <h2 className="hit-title">{bookmark.orphaned ? bookmark.label : <Link to={hrefOf(bookmark)}>{bookmark.label}</Link>}</h2>
        {bookmark.snapshot && <p className="hit-snippet">{bookmark.snapshot.length > 280 ? `${bookmark.snapshot.slice(0, 280)}…` : bookmark.snapshot}</p>}
        {editing ? (
          <div className="bookmark-edit">
            <label>
              {t('Note')}
              <textarea value={note} rows={3} onChange={(e) => setNote(e.target.value)} placeholder={t('Plain text; **bold** and *italic* are shown as such.')} />
            </label>
            <label>
              {t('Tags, separated by commas')}
              <input value={tags} onChange={(e) => setTags(e.target.value)} />
            </label>
            <div className="actions">
              <button type="button" className="primary" onClick={() => void save()}>{t('Save')}</button>
              <button type="button" onClick={() => setEditing(false)}>{t('Cancel')}</button>
            </div>
          </div>
        ) : (
          <>
            {bookmark.note && <p className="bookmark-note"><NoteText text={bookmark.note} /></p>}
            <p className="bookmark-tags">
              {bookmark.tags.map((t) => <span key={t} className="tag">{t}</span>)}
              {!readOnly && (
                <button type="button" className="link-button" onClick={() => setEditing(true)}>
                  {t(bookmark.note || bookmark.tags.length ? 'Edit note and tags' : 'Add a note or tags')}
                </button>
              )}
            </p>
          </>
        )}
      </div>
    </li>
  );
}

export function BookmarksScreen() {
  const { t } = useTranslation();
  const { sayError } = useMainText();
  const isOne = useIsOne();
  const { list, refresh, readOnly } = useBookmarks();
  const [filter, setFilter] = useState({ type: '', tag: '', country: '', issue: '', text: '' });
  const [sort, setSort] = useState<Sort>('added');
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [undo, setUndo] = useState<number[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [tagging, setTagging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  // Bookmarks may have changed elsewhere (another screen, an import from the menu): read them afresh.
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const tags = useMemo(() => [...new Set(list.flatMap((b) => b.tags))].sort(), [list]);
  // Countries by their names in the interface language, sorted as that language sorts them.
  const countryEntities = useCall(() => api.content.listEntities({ types: ['country'] }), []);
  const { country } = usePlaces();
  const { locale } = useSettings();
  const countries = useMemo(() => {
    const names = new Map(countryEntities.state === 'ready' ? countryEntities.value.map((c) => [c.key, country(c.name)]) : []);
    return [...new Set(list.flatMap((b) => b.countries))]
      .map((key): [string, string] => [key, names.get(key) ?? key.replace('country/', '').replace(/-/g, ' ')])
      .sort((a, b) => a[1].localeCompare(b[1], locale));
  }, [list, countryEntities, country, locale]);
  const issues = useMemo(() => [...new Set(list.map((b) => b.issueKey).filter((k): k is string => !!k))].sort(), [list]);
  const shown = useMemo(() => {
    const text = filter.text.toLowerCase();
    const rows = list.filter(
      (b) =>
        (!filter.type || b.type === filter.type) &&
        (!filter.tag || b.tags.includes(filter.tag)) &&
        (!filter.country || b.countries.includes(filter.country)) &&
        (!filter.issue || b.issueKey === filter.issue) &&
        (!text || [b.label, b.snapshot, b.note, ...b.tags].some((s) => s.toLowerCase().includes(text))),
    );
    const by: Record<Sort, (a: Bookmark, b: Bookmark) => number> = {
      added: (a, b) => b.createdAt.localeCompare(a.createdAt),
      title: (a, b) => a.label.localeCompare(b.label),
      event: (a, b) => (a.eventStart ?? '9999').localeCompare(b.eventStart ?? '9999'),
    };
    return rows.sort(by[sort]);
  }, [list, filter, sort]);

  const ids = [...selected].filter((id) => shown.some((b) => b.id === id));
  const act = async (run: () => Promise<unknown>) => {
    try {
      setMessage(null);
      await run();
    } catch (error) {
      setMessage(sayError(error));
    }
  };
  const removeSelected = () =>
    act(async () => {
      await api.bookmarks.remove({ ids });
      setUndo(ids);
      setSelected(new Set());
      await refresh();
    });
  const exportAs = (format: 'json' | 'ics' | 'vcf') =>
    act(async () => download(await api.bookmarks.export({ format, ...(ids.length ? { ids } : {}) })));
  const tagSelected = (name: string) => {
    setTagging(false);
    void act(async () => (await api.bookmarks.tag({ ids, add: [name], remove: [] }), await refresh()));
  };
  const importFile = (file: File) =>
    act(async () => {
      const result = await api.bookmarks.import({ content: await file.text() });
      setMessage(t('Imported: {{added}} new, {{merged}} merged with bookmarks you had.', result));
      await refresh();
    });

  const field = (name: keyof typeof filter, label: string, filterLabel: string, options: [string, string][]) => (
    <label>
      {t(label)}
      <select aria-label={t(filterLabel)} value={filter[name]} onChange={(e) => setFilter({ ...filter, [name]: e.target.value })}>
        <option value="">{t('All')}</option>
        {options.map(([value, text]) => <option key={value} value={value}>{text}</option>)}
      </select>
    </label>
  );

  return (
    <Screen name="bookmarks" title={t('Bookmarks')} loaded={{ state: 'ready', value: null }}>
      {() => (
        <section className="bookmarks">
          <header className="screen-header">
            <h1>{t('Bookmarks')}</h1>
            <p className="quiet">{t(isOne(list.length) ? '{{count}} bookmark' : '{{count}} bookmarks', { count: list.length })}{readOnly ? ` — ${t('read-only')}` : ''}</p>
          </header>
          <div className="filters" role="group" aria-label={t('Filter bookmarks')}>
            <label>
              {t('Search')}
              <input type="search" aria-label={t('Search bookmarks')} value={filter.text} onChange={(e) => setFilter({ ...filter, text: e.target.value })} placeholder={t('In titles, text and notes')} />
            </label>
            {field('type', 'Type', 'Filter by type', [...new Set(list.map((b) => b.type))].map((type) => [type, t(TYPE_LABELS[type])]))}
            {field('tag', 'Tag', 'Filter by tag', tags.map((tag) => [tag, tag]))}
            {field('country', 'Country', 'Filter by country', countries)}
            {field('issue', 'Issue', 'Filter by issue', issues.map((i) => [i, i]))}
            <label>
              {t('Sort')}
              <select value={sort} onChange={(e) => setSort(e.target.value as Sort)}>
                <option value="added">{t('Date added')}</option>
                <option value="title">{t('Title')}</option>
                <option value="event">{t('Event date')}</option>
              </select>
            </label>
          </div>
          <div className="toolbar" role="toolbar" aria-label={t('Bookmark actions')}>
            <label className="select-all">
              <input type="checkbox" aria-label={t('Select all shown')} checked={shown.length > 0 && ids.length === shown.length} onChange={(e) => setSelected(new Set(e.target.checked ? shown.map((b) => b.id) : []))} />
              {ids.length ? t('{{count}} selected', { count: ids.length }) : t('Select')}
            </label>
            <button type="button" disabled={!ids.length || readOnly} onClick={() => setTagging(true)}>{t('Tag…')}</button>
            <button type="button" disabled={!ids.length || readOnly} onClick={() => void removeSelected()}>{t('Remove')}</button>
            <span className="toolbar-gap" />
            <button type="button" onClick={() => void exportAs('json')}>{t(ids.length ? 'Export selected (JSON)' : 'Export all (JSON)')}</button>
            <button type="button" onClick={() => void exportAs('ics')}>{t('Events to calendar (.ics)')}</button>
            <button type="button" onClick={() => void exportAs('vcf')}>{t('Contacts (.vcf)')}</button>
            <button type="button" disabled={readOnly} onClick={() => fileInput.current?.click()}>{t('Import…')}</button>
            <Link
              className="print-link"
              to={`/print/dossier?${new URLSearchParams(Object.entries({ tag: filter.tag, country: filter.country }).filter(([, v]) => v)).toString()}`}
            >
              {t('Print a trip dossier…')}
            </Link>
            <input ref={fileInput} type="file" accept="application/json,.json" hidden onChange={(e) => e.target.files?.[0] && void importFile(e.target.files[0])} />
          </div>
          {tagging && <TagDialog count={ids.length} known={tags} onAdd={tagSelected} onCancel={() => setTagging(false)} />}
          {message && <p role="status" className="notice">{message}</p>}
          {undo && (
            <p role="status" className="notice">
              {t(isOne(undo.length) ? 'Removed {{count}} bookmark.' : 'Removed {{count}} bookmarks.', { count: undo.length })}{' '}
              <button type="button" className="link-button" onClick={() => void act(async () => (await api.bookmarks.restore({ ids: undo }), setUndo(null), await refresh()))}>{t('Undo')}</button>
            </p>
          )}
          {list.length === 0 ? (
            <p className="empty">{t('No bookmarks yet. Press B on an article or a person’s page, or use the ☆ beside a passage.')}</p>
          ) : (
            <ul className="bookmark-list">
              {shown.map((b) => (
                <BookmarkRow key={b.id} bookmark={b} selected={selected.has(b.id)} onSelect={(on) => setSelected((s) => { const next = new Set(s); if (on) next.add(b.id); else next.delete(b.id); return next; })} />
              ))}
            </ul>
          )}
        </section>
      )}
    </Screen>
  );
}
