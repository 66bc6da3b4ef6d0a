/** Opens every main-process service once, for whichever host (Electron, web host, CLI) runs them. */
import { createDispatcher, type Logger } from '../ipc/dispatch.node';
import { createHandlers, type Services } from '../ipc/handlers.node';
import { openContentDatabase } from './library/content.node';
import { createBookmarkService } from './user-data/bookmarks.node';
import { createImportService } from './import/import.node';
import { keyLedger } from './library/entity-keys.node';
import { builtStore, importedIssueStore, type ImportedIssueStore } from './library/imported-issues.node';
import { openLibrary, type Library } from './library/library.node';
import { startOffThread, WORKER_FILE, type OffThread } from './workers/off-thread.node';
import { inProcessSearch, SEARCH_WORKER_FILE, searchOffThread } from './search/search-off-thread.node';
import { contentSearch } from './search/search.node';
import { quickDocsOf, quickIndex } from './search/search-quick.node';
import { builtWorker, type WorkerEntry } from './workers/worker-rpc.node';
import { signingKeyIn, trustedKeysIn } from './import/signing-keys.node';
import { openUserDatabase, type UserDb } from './user-data/user-db.node';
import { interfaceLanguageIn } from './user-data/interface-language.node';

/** A backup of the user database every this many changes, besides the one at start. */
const CHANGES_PER_BACKUP = 25;

export interface ServiceOptions {
  contentDbPath: string;
  /** The user's data folder: the user database and its backups live here, never in the bundle. */
  userDataDir: string;
  appVersion: string;
  now?: () => Date;
  host: Services['host'];
  log?: Logger;
  /**
   * The analysis worker (PDF reading, extraction, the library's build) off the main thread. By
   * default the one built beside the app's bundle, if any; null runs all of it in-process.
   */
  worker?: WorkerEntry | null;
  /** The search worker: by default the one built beside the app's bundle, if any; null searches in-process. */
  searchWorker?: WorkerEntry | null;
}

/**
 * The workers electron-vite built into `dir` (out/main), for a host run from source that should
 * search and analyse as the app does: the development web host, the e2e tests' Chromium host, the
 * benchmarks. Null where one is not built.
 */
export function builtWorkersIn(dir: string): Pick<ServiceOptions, 'worker' | 'searchWorker'> {
  return { worker: builtWorker(WORKER_FILE, dir), searchWorker: builtWorker(SEARCH_WORKER_FILE, dir) };
}

/** Opens what depends on the user database, closing that database if it fails. */
function openOrClose<T>(userDb: { close(): Promise<void> }, open: () => T): T {
  try {
    return open();
  } catch (error) {
    void userDb.close();
    throw error;
  }
}

/**
 * The library over the bundled archive and the user's imported issues, with its workers: the
 * analysis worker (`offThread`) and the search worker chosen by `options`. `closeAll` closes what
 * was opened before it if opening fails.
 */
function openLibraryFor(
  options: ServiceOptions,
  userDb: UserDb,
  store: ImportedIssueStore,
  offThread: OffThread | null,
  now: () => Date,
  closeAll: () => Promise<void>,
): Library {
  const searchEntry = options.searchWorker === undefined ? builtWorker(SEARCH_WORKER_FILE) : options.searchWorker;
  return openOrClose({ close: closeAll }, () =>
    openLibrary(
      openContentDatabase(options.contentDbPath),
      {
        list: () => store.list(),
        built: builtStore(userDb.db),
        keys: keyLedger(userDb.db),
        path: userDb.db.name,
        writable: !userDb.readOnly,
        now,
        dataVersion: () => userDb.db.pragma('data_version', { simple: true }) as number,
      },
      {
        analysis: offThread,
        // Until the worker's index is loaded, the small index of titles and names over main's connection answers at once (#26).
        search: searchEntry
          ? (bundle) =>
              searchOffThread(
                searchEntry,
                bundle.name,
                () =>
                  inProcessSearch(
                    contentSearch(() => bundle),
                    builtStore(userDb.db),
                    options.log,
                  ),
                options.log,
                () => quickIndex(quickDocsOf(bundle)),
              )
          : undefined,
      },
    ),
  );
}

/** The bookmarks, read and written in the user database, described through the library as it is now. */
function bookmarksFor(userDb: UserDb, library: Library, now: () => Date): Services['bookmarks'] {
  return createBookmarkService(userDb.db, {
    readOnly: userDb.readOnly,
    readOnlyReason: userDb.notices.find((n) => n.kind === 'read-only'),
    // Through the library as it is now: an issue imported or removed changes what exists.
    describe: (key) => library.content().describe(key),
    exists: (key) => library.content().exists(key),
    countryOf: (key) => library.content().countryOf(key),
    now,
  });
}

/** The import of issues and packs into the user's library, with the keys kept in the user's data folder. */
function importsFor(
  options: ServiceOptions,
  userDb: UserDb,
  store: ImportedIssueStore,
  library: Library,
  offThread: OffThread | null,
  now: () => Date,
): Services['imports'] {
  return createImportService({
    store,
    library,
    readOnly: userDb.readOnly,
    now,
    trustedKeys: () => trustedKeysIn(options.userDataDir).keys,
    signingKey: () => signingKeyIn(options.userDataDir),
    offThread,
  });
}

export function openServices(options: ServiceOptions) {
  const now = options.now ?? (() => new Date());
  const userDb = openUserDatabase(options.userDataDir, { now });
  const store = importedIssueStore(userDb.db);
  const entry = options.worker === undefined ? builtWorker(WORKER_FILE) : options.worker;
  const offThread = entry ? startOffThread(entry) : null;
  const closeAll = async () => {
    await offThread?.close();
    return userDb.close();
  };
  const library = openLibraryFor(options, userDb, store, offThread, now, closeAll);
  const backup = () => {
    if (!userDb.readOnly) userDb.backup().catch((error: unknown) => options.log?.('backup failed', error));
  };
  let changes = 0;
  const services: Services = {
    get content() {
      return library.content();
    },
    search: {
      ...library.search,
      // After the first screen: the library's tables are checked too, off the start's path.
      warmUp: () => {
        library.search.warmUp();
        void userDb.checkLibrary();
      },
    },
    bookmarks: bookmarksFor(userDb, library, now),
    imports: importsFor(options, userDb, store, library, offThread, now),
    userDb: {
      readOnly: userDb.readOnly,
      // What the user must be told: the database's own notices, and imported issues left out.
      get notices() {
        return [...userDb.notices, ...library.notices()];
      },
    },
    userDataChanged: () => {
      if (++changes % CHANGES_PER_BACKUP === 0) backup();
    },
    now,
    log: options.log ?? (() => {}),
    appVersion: options.appVersion,
    language: interfaceLanguageIn(options.userDataDir, options.log),
    host: options.host,
  };
  backup();
  return {
    services,
    dispatch: createDispatcher(createHandlers(services), options.log),
    backup: () => userDb.backup(),
    /** The library: rebuild() redoes, in the background, issues built by another pipeline. */
    library,
    /** Resolves once the user database is closed: at once, or after a running backup. */
    close: async () => {
      // The search worker's connection (with the user database attached) ends first: the last
      // connection to close checkpoints the user database's WAL into its file and removes it.
      await library.close();
      return closeAll();
    },
  };
}
