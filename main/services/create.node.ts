/** Opens every main-process service once, for whichever host (Electron, web host, CLI) runs them. */
import { createDispatcher, type Logger } from '../ipc/dispatch.node';
import { createHandlers, type Services } from '../ipc/handlers.node';
import { openContentDatabase, openContentService } from './content.node';
import { contentSearch } from './search.node';
import { createBookmarkService } from './bookmarks.node';
import { openUserDatabase } from './user-db.node';

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
}

export function openServices(options: ServiceOptions) {
  const db = openContentDatabase(options.contentDbPath);
  const content = openContentService(db);
  const now = options.now ?? (() => new Date());
  const userDb = openUserDatabase(options.userDataDir, { now });
  const backup = () => {
    if (!userDb.readOnly) userDb.backup().catch((error: unknown) => options.log?.('backup failed', error));
  };
  let changes = 0;
  const services: Services = {
    content,
    search: contentSearch(db),
    bookmarks: createBookmarkService(userDb.db, { readOnly: userDb.readOnly, describe: content.describe, exists: content.exists, now }),
    userDb,
    userDataChanged: () => {
      if (++changes % CHANGES_PER_BACKUP === 0) backup();
    },
    now,
    log: options.log ?? (() => {}),
    appVersion: options.appVersion,
    host: options.host,
  };
  backup();
  return {
    services,
    dispatch: createDispatcher(createHandlers(services), options.log),
    backup: () => userDb.backup(),
    close: () => {
      services.content.close();
      userDb.close();
    },
  };
}
