/** The bookmarks screen: filter, search, sort, select several to tag, remove or export; notes edited in place. */
import { download } from '../app/download.dom';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Bookmark, EntitySummary } from '../../../common/contract/contract.std';
import { mentionedCountries, ownCountries } from '../../../common/places/item-countries.std';
import { api } from '../api/client.dom';
import { Screen } from '../app/Screen.dom';
import { TYPE_LABELS } from '../search/hits.dom';
import { useBookmarks } from './BookmarksContext.dom';
import { NoteText } from './Note.dom';
import { TagDialog } from './TagDialog.dom';
import { useMainText } from '../i18n/main-text.dom';
import { useIsOne } from '../i18n/plural.dom';
import { DateField } from '../app/DateField.dom';
import { dayLabel, eventDateLabel, issueLabel } from '../format/format.dom';
import { bookmarkLabel, useArchivePlaces, usePlaces } from '../format/places.dom';
import { useSettings } from '../app/Settings.dom';
import { useIssueMap } from '../screens/Facts.dom';
import {
  dossierQuery,
  filterBookmarks,
  hrefOf,
  NO_FILTER,
  pageShown,
  sortBookmarks,
  type BookmarkFilter,
  type BookmarkSort,
} from './bookmark-filter.std';
import { selectedShown, toggled } from './bookmark-selection.std';

function BookmarkRow({
  bookmark,
  event,
  selected,
  onSelect,
}: {
  bookmark: Bookmark;
  event: EntitySummary | undefined;
  selected: boolean;
  onSelect: (on: boolean) => void;
}) {
  const { t } = useTranslation();
  const { locale } = useSettings();
  const { country } = usePlaces();
  const label = bookmarkLabel(bookmark, country);
  const { refresh, readOnly } = useBookmarks();
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState(bookmark.note);
  const [tags, setTags] = useState(bookmark.tags.join(', '));
  const save = async () => {
    await api.bookmarks.update({
      id: bookmark.id,
      note,
      tags: tags
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    });
    setEditing(false);
    await refresh();
  };
  return (
    <li className={`bookmark-row${bookmark.orphaned ? ' is-orphaned' : ''}`} data-bookmark-row={bookmark.key}>
      <input
        type="checkbox"
        aria-label={t('Select {{label}}', { label })}
        checked={selected}
        onChange={(e) => onSelect(e.target.checked)}
      />
      <div className="bookmark-body">
        <p className="hit-meta">
          <span className={`type-badge type-${bookmark.type}`}>{t(TYPE_LABELS[bookmark.type])}</span>
          {bookmark.orphaned && (
            <span className="orphan-badge" title={t('This item is no longer in the archive; its text is kept here.')}>
              {t('No longer in the archive')}
            </span>
          )}
          {bookmark.eventStart && (
            <span className="quiet event-when">
              {event ? eventDateLabel(event.data, locale) : dayLabel(bookmark.eventStart, locale)}
            </span>
          )}
          {pageShown(bookmark) !== null && (
            <span className="quiet">{t('page {{page}}', { page: pageShown(bookmark) })}</span>
          )}
        </p>
        <h2 className="hit-title">{bookmark.orphaned ? label : <Link to={hrefOf(bookmark)}>{label}</Link>}</h2>
        {bookmark.snapshot && (
          <p className="hit-snippet">
            {bookmark.snapshot.length > 280 ? `${bookmark.snapshot.slice(0, 280)}…` : bookmark.snapshot}
          </p>
        )}
        {editing ? (
          <div className="bookmark-edit">
            <label>
              {t('Note')}
              <textarea
                value={note}
                rows={3}
                onChange={(e) => setNote(e.target.value)}
                placeholder={t('Plain text; **bold** and *italic* are shown as such.')}
              />
            </label>
            <label>
              {t('Tags, separated by commas')}
              <input value={tags} onChange={(e) => setTags(e.target.value)} />
            </label>
            <div className="actions">
              <button type="button" className="primary" onClick={() => void save()}>
                {t('Save')}
              </button>
              <button type="button" onClick={() => setEditing(false)}>
                {t('Cancel')}
              </button>
            </div>
          </div>
        ) : (
          <>
            {bookmark.note && (
              <p className="bookmark-note">
                <NoteText text={bookmark.note} />
              </p>
            )}
            <p className="bookmark-tags">
              {bookmark.tags.map((t) => (
                <span key={t} className="tag">
                  {t}
                </span>
              ))}
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

/** What the filters offer: the tags, the countries and the issues of these bookmarks, as a reader names them. */
function useFilterOptions(list: Bookmark[], mentioned: boolean) {
  const { t } = useTranslation();
  const tags = useMemo(() => [...new Set(list.flatMap((b) => b.tags))].sort(), [list]);
  // Countries by their names in the interface language, sorted as that language sorts them: an
  // event's own country, and those it only mentions when asked (common/places/item-countries.std.ts).
  const places = useArchivePlaces();
  const { country } = usePlaces();
  const { locale } = useSettings();
  const countries = useMemo(() => {
    const keys = list.flatMap((b) => [...ownCountries(b), ...(mentioned ? mentionedCountries(b) : [])]);
    return [...new Set(keys)]
      .map((key): [string, string] => [
        key,
        places.names.has(key) ? country(places.names.get(key)!) : key.replace('country/', '').replace(/-/g, ' '),
      ])
      .sort((a, b) => a[1].localeCompare(b[1], locale));
  }, [list, places, country, locale, mentioned]);
  // Issues by the names a reader knows (« N° 10 · 2018 »), newest first, never by their keys.
  const { issues: issueList, settled: issuesSettled } = useIssueMap();
  const issues = useMemo(() => {
    const keys = [...new Set(list.map((b) => b.issueKey).filter((k): k is string => !!k))];
    const label = (key: string) => {
      const issue = issueList.get(key);
      return issue ? issueLabel(issue, locale, (n) => t('No. {{number}}', { number: n })) : key;
    };
    const date = (key: string) => issueList.get(key)?.date ?? String(issueList.get(key)?.year ?? '');
    return keys.sort((a, b) => date(b).localeCompare(date(a))).map((key): [string, string] => [key, label(key)]);
  }, [list, issueList, locale, t]);
  return { tags, countries, issues, places, settled: issuesSettled && places.settled };
}

interface FilterProps {
  list: Bookmark[];
  options: { tags: string[]; countries: [string, string][]; issues: [string, string][] };
  filter: BookmarkFilter;
  setFilter: (filter: BookmarkFilter) => void;
  sort: BookmarkSort;
  setSort: (sort: BookmarkSort) => void;
}

/** The filters and the sort above the list. */
function BookmarkFilters({
  list,
  options: { tags, countries, issues },
  filter,
  setFilter,
  sort,
  setSort,
}: FilterProps) {
  const { t } = useTranslation();
  const field = (
    name: 'type' | 'tag' | 'country' | 'issue',
    label: string,
    filterLabel: string,
    options: [string, string][],
  ) => (
    <label>
      {t(label)}
      <select
        aria-label={t(filterLabel)}
        value={filter[name]}
        onChange={(e) => setFilter({ ...filter, [name]: e.target.value })}
      >
        <option value="">{t('All')}</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div className="filters" role="group" aria-label={t('Filter bookmarks')}>
      <label>
        {t('Search')}
        <input
          type="search"
          aria-label={t('Search bookmarks')}
          value={filter.text}
          onChange={(e) => setFilter({ ...filter, text: e.target.value })}
          placeholder={t('In titles, text and notes')}
        />
      </label>
      {field(
        'type',
        'Type',
        'Filter by type',
        [...new Set(list.map((b) => b.type))].map((type) => [type, t(TYPE_LABELS[type])]),
      )}
      {field(
        'tag',
        'Tag',
        'Filter by tag',
        tags.map((tag) => [tag, tag]),
      )}
      {field('country', 'Country', 'Filter by country', countries)}
      <label className="filter-mentioned">
        <input
          type="checkbox"
          checked={filter.mentioned}
          onChange={(e) => setFilter({ ...filter, mentioned: e.target.checked })}
        />
        {t('Also events that only mention it')}
      </label>
      {field('issue', 'Issue', 'Filter by issue', issues)}
      <DateField label={t('Events from')} value={filter.from} onChange={(from) => setFilter({ ...filter, from })} />
      <DateField label={t('Events until')} value={filter.to} onChange={(to) => setFilter({ ...filter, to })} />
      <label>
        {t('Sort')}
        <select value={sort} onChange={(e) => setSort(e.target.value as BookmarkSort)}>
          <option value="added">{t('Date added')}</option>
          <option value="title">{t('Title')}</option>
          <option value="event">{t('Event date')}</option>
        </select>
      </label>
    </div>
  );
}

interface ToolbarProps {
  shown: Bookmark[];
  ids: number[];
  readOnly: boolean;
  filter: BookmarkFilter;
  onSelectAll: (on: boolean) => void;
  onTag: () => void;
  onRemove: () => void;
  onExport: (format: 'json' | 'ics' | 'vcf') => void;
  onImport: (file: File) => void;
}

/** What can be done with the bookmarks selected (or all shown): tag, remove, export, import, print a dossier. */
function BookmarkToolbar({
  shown,
  ids,
  readOnly,
  filter,
  onSelectAll,
  onTag,
  onRemove,
  onExport,
  onImport,
}: ToolbarProps) {
  const { t } = useTranslation();
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <div className="toolbar" role="toolbar" aria-label={t('Bookmark actions')}>
      <label className="select-all">
        <input
          type="checkbox"
          aria-label={t('Select all shown')}
          checked={shown.length > 0 && ids.length === shown.length}
          onChange={(e) => onSelectAll(e.target.checked)}
        />
        {ids.length ? t('{{count}} selected', { count: ids.length }) : t('Select')}
      </label>
      <button type="button" disabled={!ids.length || readOnly} onClick={onTag}>
        {t('Tag…')}
      </button>
      <button type="button" disabled={!ids.length || readOnly} onClick={onRemove}>
        {t('Remove')}
      </button>
      <span className="toolbar-gap" />
      <button type="button" onClick={() => onExport('json')}>
        {t(ids.length ? 'Export selected (JSON)' : 'Export all (JSON)')}
      </button>
      <button type="button" onClick={() => onExport('ics')}>
        {t('Events to calendar (.ics)')}
      </button>
      <button type="button" onClick={() => onExport('vcf')}>
        {t('Contacts (.vcf)')}
      </button>
      <button type="button" disabled={readOnly} onClick={() => fileInput.current?.click()}>
        {t('Import…')}
      </button>
      <Link className="print-link" to={`/print/dossier?${dossierQuery(filter)}`}>
        {t('Print a trip dossier…')}
      </Link>
      <input
        ref={fileInput}
        type="file"
        accept="application/json,.json"
        hidden
        onChange={(e) => e.target.files?.[0] && onImport(e.target.files[0])}
      />
    </div>
  );
}

/**
 * What the screen does to the selected bookmarks (`ids`) and to the whole list: remove (with undo),
 * export, tag, import; each says its outcome or its error in one notice.
 */
function useBookmarkActions(ids: number[], clearSelection: () => void) {
  const { t } = useTranslation();
  const { sayError } = useMainText();
  const isOne = useIsOne();
  const { refresh } = useBookmarks();
  const [undo, setUndo] = useState<number[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
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
      clearSelection();
      await refresh();
    });
  const restore = (removed: number[]) =>
    act(async () => (await api.bookmarks.restore({ ids: removed }), setUndo(null), await refresh()));
  const exportAs = (format: 'json' | 'ics' | 'vcf') =>
    act(async () => {
      const file = await api.bookmarks.export({ format, ...(ids.length ? { ids } : {}) });
      download(file);
      const undated = file.undated ?? 0;
      if (undated > 0) {
        setMessage(
          t(
            isOne(undated)
              ? '{{count}} event known only to its month was left out of the file: a calendar needs its days.'
              : '{{count}} events known only to their month were left out of the file: a calendar needs their days.',
            { count: undated },
          ),
        );
      }
    });
  const tagSelected = (name: string) =>
    act(async () => (await api.bookmarks.tag({ ids, add: [name], remove: [] }), await refresh()));
  const importFile = (file: File) =>
    act(async () => {
      const result = await api.bookmarks.import({ content: await file.text() });
      // What the import brought back is no longer to undo.
      setUndo(null);
      setMessage(
        t('Imported: {{added}}; {{merged}}.', {
          added: t(isOne(result.added) ? '{{count}} new bookmark' : '{{count}} new bookmarks', { count: result.added }),
          merged: t(
            isOne(result.merged)
              ? '{{count}} merged with a bookmark you had'
              : '{{count}} merged with bookmarks you had',
            { count: result.merged },
          ),
        }),
      );
      await refresh();
    });
  return { undo, message, removeSelected, restore, exportAs, tagSelected, importFile };
}

/** The last removal, with a way to bring it back. */
function UndoNotice({ removed, onUndo }: { removed: number[]; onUndo: () => void }) {
  const { t } = useTranslation();
  const isOne = useIsOne();
  return (
    <p role="status" className="notice">
      {t(isOne(removed.length) ? 'Removed {{count}} bookmark.' : 'Removed {{count}} bookmarks.', {
        count: removed.length,
      })}{' '}
      <button type="button" className="link-button" onClick={onUndo}>
        {t('Undo')}
      </button>
    </p>
  );
}

function BookmarksHeader({ count, readOnly }: { count: number; readOnly: boolean }) {
  const { t } = useTranslation();
  const isOne = useIsOne();
  return (
    <header className="screen-header">
      <h1>{t('Bookmarks')}</h1>
      <p className="quiet">
        {t(isOne(count) ? '{{count}} bookmark' : '{{count}} bookmarks', { count })}
        {readOnly ? ` — ${t('read-only')}` : ''}
      </p>
    </header>
  );
}

const READY = { state: 'ready', value: null } as const;
const LOADING = { state: 'loading' } as const;

/**
 * Bookmarks may have changed elsewhere (another screen, an import from the menu): read them
 * afresh on arrival. True once read (or failed: the list held is shown), not before: the screen
 * says it is ready only then, with the names of the issues and countries its filters offer.
 */
function useFreshBookmarks(refresh: () => Promise<void>): boolean {
  const [fresh, setFresh] = useState(false);
  useEffect(() => {
    void refresh().finally(() => setFresh(true));
  }, [refresh]);
  return fresh;
}

export function BookmarksScreen() {
  const { t } = useTranslation();
  const { list, refresh, readOnly } = useBookmarks();
  const [filter, setFilter] = useState(NO_FILTER);
  const [sort, setSort] = useState<BookmarkSort>('added');
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [tagging, setTagging] = useState(false);
  const fresh = useFreshBookmarks(refresh);
  const { tags, countries, issues, places, settled } = useFilterOptions(list, filter.mentioned);
  const shown = useMemo(() => sortBookmarks(filterBookmarks(list, filter), sort), [list, filter, sort]);
  const ids = selectedShown(selected, shown);
  const actions = useBookmarkActions(ids, () => setSelected(new Set()));
  const tagSelected = (name: string) => {
    setTagging(false);
    void actions.tagSelected(name);
  };

  return (
    <Screen name="bookmarks" title={t('Bookmarks')} loaded={fresh && settled ? READY : LOADING}>
      {() => (
        <section className="bookmarks">
          <BookmarksHeader count={list.length} readOnly={readOnly} />
          <BookmarkFilters
            list={list}
            options={{ tags, countries, issues }}
            filter={filter}
            setFilter={setFilter}
            sort={sort}
            setSort={setSort}
          />
          <BookmarkToolbar
            shown={shown}
            ids={ids}
            readOnly={readOnly}
            filter={filter}
            onSelectAll={(on) => setSelected(new Set(on ? shown.map((b) => b.id) : []))}
            onTag={() => setTagging(true)}
            onRemove={() => void actions.removeSelected()}
            onExport={(format) => void actions.exportAs(format)}
            onImport={(file) => void actions.importFile(file)}
          />
          {tagging && (
            <TagDialog count={ids.length} known={tags} onAdd={tagSelected} onCancel={() => setTagging(false)} />
          )}
          {actions.message && (
            <p role="status" className="notice">
              {actions.message}
            </p>
          )}
          {actions.undo && <UndoNotice removed={actions.undo} onUndo={() => void actions.restore(actions.undo!)} />}
          {list.length === 0 ? (
            <p className="empty">
              {t('No bookmarks yet. Press B on an article or a person’s page, or use the ☆ beside a passage.')}
            </p>
          ) : (
            <ul className="bookmark-list">
              {shown.map((b) => (
                <BookmarkRow
                  key={b.id}
                  bookmark={b}
                  event={places.events.get(b.key)}
                  selected={selected.has(b.id)}
                  onSelect={(on) => setSelected((s) => toggled(s, b.id, on))}
                />
              ))}
            </ul>
          )}
        </section>
      )}
    </Screen>
  );
}
