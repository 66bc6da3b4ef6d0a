/**
 * The library: every issue as a card, newest first, with its sections; and what was viewed
 * recently. Imported issues say so and can be removed (their bookmarks stay, orphaned) or sent
 * to colleagues as a signed pack. An imported issue this version cannot read (left out of the
 * library with a notice, kept in the user database) is listed below the cards, so that it can be
 * removed too.
 *
 * The first screen (#26): its data is asked for by the bootstrap, both calls at once, before the
 * page first renders (startLibraryLoad); until it arrives the screen shows its own frame (the
 * heading, the import button, empty cards), so that nothing moves when the issues come in.
 */
import { useEffect, useState, type ReactNode } from 'react';
import type { IssueSummary } from '../../../common/contract/contract.std';
import type { ImportedIssue } from '../../../common/contract/import.std';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api/client.dom';
import { useCall, type Loaded } from '../api/useCall.dom';
import { download } from '../app/download.dom';
import { issueLabel, momentDayLabel } from '../format/format.dom';
import { recentVisits } from '../app/history.dom';
import { usePlaces } from '../format/places.dom';
import { Screen } from '../app/Screen.dom';
import { firstScreenSettled } from '../app/first-screen.dom';
import { mark } from '../app/timing.dom';
import { useSettings } from '../app/Settings.dom';
import { useBookmarks } from '../bookmarks/BookmarksContext.dom';
import { useMainText } from '../i18n/main-text.dom';
import { useIsOne } from '../i18n/plural.dom';
import { libraryOf, type LibraryData } from './state/library-data.std';

/** The library's data, loaded again after each change, and its actions: each ends with a notice and a new load. */
function useLibrary() {
  const { t } = useTranslation();
  const isOne = useIsOne();
  const { sayError } = useMainText();
  const { refresh } = useBookmarks();
  const [changes, setChanges] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  // The bootstrap's load, when it had settled before the first render, is shown by that render.
  const [settled] = useState(takeSettledFirstLoad);
  const called = useCall(() => takeFirstLoad() ?? loadLibrary(), [changes]);
  const loaded = settled && changes === 0 && called.state === 'loading' ? settled : called;
  useEffect(() => {
    if (loaded.state === 'ready') mark('library-ready');
    if (loaded.state !== 'loading') firstScreenSettled();
  }, [loaded.state]);
  // Left before its data came (another screen opened, or this one failed): nothing waits for it.
  useEffect(() => firstScreenSettled, []);
  const act = async (run: () => Promise<string>) => {
    try {
      setNotice(await run());
    } catch (error) {
      setNotice(sayError(error));
    }
    setChanges((n) => n + 1);
  };
  /** Takes an imported issue out; its bookmarks, now orphaned, and the app's notices are read again. */
  const remove = ({ key, title }: { key: string; title: string }) =>
    act(async () => {
      const { orphanedBookmarks } = await api.import.remove({ key });
      await refresh();
      return isOne(orphanedBookmarks)
        ? t(
            '“{{title}}” was removed from your library. {{count}} bookmark of it is kept, marked as no longer in the library.',
            { title, count: orphanedBookmarks },
          )
        : t(
            '“{{title}}” was removed from your library. {{count}} bookmarks of it are kept, marked as no longer in the library.',
            { title, count: orphanedBookmarks },
          );
    });
  /** Saves the imported issues as one signed pack. */
  const exportPack = () =>
    act(async () => {
      const pack = await api.packs.export({});
      download({ fileName: pack.fileName, mimeType: 'application/octet-stream', content: pack.content });
      const said = { count: pack.count, file: pack.fileName, signer: pack.signer };
      return isOne(pack.count)
        ? t('{{count}} imported issue saved as {{file}}, signed with key {{signer}}.', said)
        : t('{{count}} imported issues saved as {{file}}, signed with key {{signer}}.', said);
    });
  return { loaded, notice, remove, exportPack };
}

export function LibraryScreen() {
  const { t } = useTranslation();
  const { loaded, notice, remove, exportPack } = useLibrary();
  return (
    <Screen name="library" title={t('Library')} loaded={loaded} skeleton={<LibrarySkeleton />}>
      {({ issues, imported, importedKeys, unreadable }) => (
        <>
          <LibraryHeader count={issues.length}>
            {imported.length > 0 && (
              <button type="button" onClick={() => void exportPack()}>
                {t('Export imported issues as a pack')}
              </button>
            )}
          </LibraryHeader>
          {notice && (
            <p role="status" className="notice">
              {notice}
            </p>
          )}
          <div className="library-layout">
            <div className="library-main">
              <ul className="issue-cards" aria-label={t('Issues')}>
                {issues.map((issue) => (
                  <IssueCard
                    key={issue.key}
                    issue={issue}
                    imported={importedKeys.has(issue.key)}
                    onRemove={() => remove(issue)}
                  />
                ))}
              </ul>
              <UnreadableIssues issues={unreadable} onRemove={remove} />
            </div>
            <RecentlyViewed />
          </div>
        </>
      )}
    </Screen>
  );
}

/** An issue's card: its number and date, its title and its sections; an imported one says so and can be removed. */
function IssueCard({
  issue,
  imported,
  onRemove,
}: {
  issue: IssueSummary;
  imported: boolean;
  onRemove: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const { locale } = useSettings();
  return (
    <li className="issue-card" data-issue={issue.key}>
      <p className="issue-meta">
        {issueLabel(issue, locale, (n) => t('No. {{number}}', { number: n }))}
        {imported && <span className="badge">{t('Imported')}</span>}
      </p>
      <h2>
        <Link to={`/issue/${issue.key}`}>{issue.title}</Link>
      </h2>
      <ol className="section-list" aria-label={t('Sections of {{title}}', { title: issue.title })}>
        {issue.sections.map((section) => (
          <li key={section.key}>
            <Link to={`/read/${section.key}`}>
              {section.kicker && <span className="kicker">{section.kicker} </span>}
              {section.title}
            </Link>
          </li>
        ))}
      </ol>
      {imported && <RemoveIssue title={issue.title} onRemove={onRemove} />}
    </li>
  );
}

/** The six screens viewed last, newest first. */
function RecentlyViewed() {
  const { t } = useTranslation();
  const { country } = usePlaces();
  const recent = recentVisits().slice(0, 6);
  if (recent.length === 0) return null;
  return (
    <aside className="recent" aria-labelledby="recent-heading">
      <h2 id="recent-heading">{t('Recently viewed')}</h2>
      <ul>
        {recent.map((v) => (
          <li key={v.route}>
            <span className="quiet">{t(v.kind)}</span>
            <Link to={v.route}>
              {v.as === 'interface' ? t(v.title) : v.as === 'country' ? country(v.title) : v.title}
            </Link>
          </li>
        ))}
      </ul>
    </aside>
  );
}

/** How many empty cards the frame shows while the issues load. */
const SKELETON_CARDS = 2;

/** The heading, the count of issues (an empty line of the same height while it is unknown) and the actions. */
function LibraryHeader({ count, children }: { count: number | null; children?: ReactNode }) {
  const { t } = useTranslation();
  const isOne = useIsOne();
  return (
    <header className="screen-header with-actions">
      <div>
        <h1>{t('Library')}</h1>
        <p className="quiet">
          {count === null ? '\u00a0' : t(isOne(count) ? '{{count}} issue of' : '{{count}} issues of', { count })}{' '}
          {count !== null && <cite>Fight against human trafficking in South-East Europe</cite>}
        </p>
      </div>
      <div className="actions">
        <Link className="button primary" to="/import">
          {t('Import an issue…')}
        </Link>
        {children}
      </div>
    </header>
  );
}

/** The library's frame while its issues load: the header and empty cards, hidden from screen readers, which hear "Loading…". */
function LibrarySkeleton() {
  const { t } = useTranslation();
  return (
    <>
      <LibraryHeader count={null} />
      <p className="visually-hidden" aria-live="polite">
        {t('Loading…')}
      </p>
      <div className="library-layout">
        <ul className="library-main issue-cards" aria-hidden="true">
          {Array.from({ length: SKELETON_CARDS }, (_, i) => (
            <li key={i} className="issue-card skeleton-card" />
          ))}
        </ul>
      </div>
    </>
  );
}

type Library = LibraryData;

/** The issues and the imported issues, both asked for at once (one round trip, not two in turn). */
async function loadLibrary(): Promise<Library> {
  const [issues, imported] = await Promise.all([api.content.listIssues({}), api.import.list({})]);
  return libraryOf(issues, imported);
}

let firstLoad: Promise<Library> | null = null;
/** The bootstrap's load once it has succeeded, until the library's first render takes it (a failure is useCall's to show). */
let firstSettled: Loaded<Library> | null = null;

/**
 * Asks for the library's data before the page first renders (the bootstrap calls it when the app
 * opens on the library): the calls are on their way while the page gets ready. Returns the load,
 * for the bootstrap to wait a little for it (app/first-screen.dom.ts, FIRST_DATA_WAIT_MS).
 */
export function startLibraryLoad(): Promise<unknown> {
  firstLoad ??= loadLibrary().then((library) => {
    mark('library-data');
    // Kept for the first render only while the load is not yet taken (below): never shown later, stale.
    if (firstLoad) firstSettled = { state: 'ready', value: library };
    return library;
  });
  // Its failure is the screen's to show, when it takes the load; never an unhandled rejection.
  firstLoad.catch(() => {});
  return firstLoad;
}

/** The load the bootstrap started, once: every later load asks again (an import changes the library). */
function takeFirstLoad(): Promise<Library> | null {
  const load = firstLoad;
  firstLoad = null;
  firstSettled = null;
  return load;
}

/** The bootstrap's load if it settled before the library first rendered, once. */
function takeSettledFirstLoad(): Loaded<Library> | null {
  const settled = firstSettled;
  firstSettled = null;
  return settled;
}

/**
 * Imported issues that `import:list` has but the library left out (this version's pipeline cannot
 * read their stored text): said plainly, with nothing lost, and removable as a card is.
 */
function UnreadableIssues({
  issues,
  onRemove,
}: {
  issues: ImportedIssue[];
  onRemove: (issue: ImportedIssue) => Promise<void>;
}) {
  const { t } = useTranslation();
  const { locale } = useSettings();
  const isOne = useIsOne();
  if (issues.length === 0) return null;
  return (
    <section className="unreadable-issues" aria-labelledby="unreadable-heading">
      <h2 id="unreadable-heading">
        {t(
          isOne(issues.length)
            ? 'An imported issue this version cannot read'
            : 'Imported issues this version cannot read',
        )}
      </h2>
      <ul>
        {issues.map((issue) => (
          <li key={issue.key} className="unreadable-issue" data-unreadable-issue={issue.key}>
            <h3>{issue.title}</h3>
            <p className="quiet">
              {t('File {{file}}, imported on {{date}}', {
                file: issue.sourceName,
                date: momentDayLabel(issue.importedAt, locale),
              })}
            </p>
            <p>
              {t(
                'This version of Valise cannot read it. It is kept in your data folder, so nothing is lost: remove it, or keep it for a later version that can read it.',
              )}
            </p>
            <RemoveIssue title={issue.title} onRemove={() => onRemove(issue)} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Removing asks first, in place: the issue leaves the library, its bookmarks stay. */
function RemoveIssue({ title, onRemove }: { title: string; onRemove: () => Promise<void> }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="quiet-button" onClick={() => setAsking(true)}>
        {t('Remove from library…')}
      </button>
    );
  }
  return (
    <div role="group" className="confirm" aria-label={t('Remove “{{title}}”?', { title })}>
      <p>{t('Remove “{{title}}”? Your bookmarks of it are kept.', { title })}</p>
      <button type="button" className="danger" onClick={() => void onRemove()}>
        {t('Remove')}
      </button>
      <button type="button" onClick={() => setAsking(false)}>
        {t('Keep it')}
      </button>
    </div>
  );
}
