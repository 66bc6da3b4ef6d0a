/**
 * What each contract channel does, in terms of the main-process services. Handlers receive
 * arguments already validated against the contract; they throw ContractError for expected
 * failures (NOT_FOUND) and anything else becomes INTERNAL at the boundary.
 */
import type { Channel } from '../../common/channels.std';
import type { Result } from '../../common/contract.std';
import { ContractError } from '../../common/errors.std';
import type { contract } from '../../common/contract.std';
import type { z } from 'zod';
import type { ContentService } from '../services/content.node';
import type { SearchService } from '../services/search.node';
import type { BookmarkService } from '../services/bookmarks.node';
import type { ImportService } from '../services/import.node';
import { fromJson, toIcs, toJson, toVcf } from '../services/bookmark-formats.node';
import { exportEvents } from '../services/calendar-export.node';
import type { UserDbNotice } from '../services/user-db.node';

export interface Services {
  content: ContentService;
  search: SearchService;
  bookmarks: BookmarkService;
  imports: ImportService;
  userDb: { readOnly: boolean; notices: UserDbNotice[] };
  /** Called after every change to the user's data (backups are taken from it). */
  userDataChanged: () => void;
  now: () => Date;
  log: (message: string, detail?: unknown) => void;
  appVersion: string;
  host: 'electron' | 'web';
}

type ParsedArgs<C extends Channel> = z.output<(typeof contract)[C]['args']>;
export type Handlers = { [C in Channel]: (args: ParsedArgs<C>) => Result<C> | Promise<Result<C>> };

export function createHandlers(services: Services): Handlers {
  const changed = <T>(value: T): T => {
    services.userDataChanged();
    return value;
  };
  return {
    'app:info': () => ({
      version: services.appVersion,
      archiveVersion: services.content.archiveVersion(),
      host: services.host,
    }),
    'app:reportError': ({ message, stack, where }) => {
      services.log(`renderer error at ${where}: ${message}`, stack);
      return { logged: true };
    },
    'content:listIssues': () => services.content.listIssues(),
    'search:query': (query) => services.search.search(query),
    'bookmarks:list': () => services.bookmarks.list(),
    'bookmarks:add': ({ key }) => changed(services.bookmarks.add(key)),
    'bookmarks:update': ({ id, ...change }) => changed(services.bookmarks.update(id, change)),
    'bookmarks:tag': ({ ids, add, remove }) => changed(services.bookmarks.tag(ids, add, remove)),
    'bookmarks:remove': ({ ids }) => changed(services.bookmarks.remove(ids)),
    'bookmarks:restore': ({ ids }) => changed(services.bookmarks.restore(ids)),
    'bookmarks:import': ({ content }) => changed(services.bookmarks.merge(fromJson(content))),
    'bookmarks:status': () => ({ readOnly: services.userDb.readOnly, notices: services.userDb.notices }),
    'bookmarks:export': ({ format, ids }) => {
      const records = services.bookmarks.records(ids);
      const date = services.now().toISOString().slice(0, 10);
      const entity = (key: string) => services.content.getEntity(key);
      if (format === 'json') {
        return { fileName: `valise-bookmarks-${date}.json`, mimeType: 'application/json', content: toJson(records, services.now()), count: records.length };
      }
      const file = format === 'ics' ? toIcs(records, entity) : toVcf(records, entity, (name) => services.content.contactsOf(name));
      if (file.count === 0) {
        throw new ContractError('NOT_FOUND', format === 'ics' ? 'None of these bookmarks is an event.' : 'None of these bookmarks is a person, an organisation or a contact.');
      }
      return format === 'ics'
        ? { fileName: `valise-events-${date}.ics`, mimeType: 'text/calendar', ...file }
        : { fileName: `valise-contacts-${date}.vcf`, mimeType: 'text/vcard', ...file };
    },
    'content:listEntities': ({ types }) => services.content.listEntities(types),
    'content:exportEvents': ({ keys }) => exportEvents(services.content, keys, services.now()),
    'content:getEntity': ({ key }) => {
      const entity = services.content.getEntity(key);
      if (!entity) throw new ContractError('NOT_FOUND', `Nothing in the archive has the key “${key}”.`);
      return entity;
    },
    'import:begin': ({ name, size }) => services.imports.begin(name, size),
    'import:chunk': ({ uploadId, index, data }) => services.imports.chunk(uploadId, index, data),
    'import:analyse': ({ uploadId, corrections }) => ({ jobId: services.imports.analyse(uploadId, corrections).jobId }),
    'import:progress': ({ jobId }) => services.imports.progress(jobId),
    'import:cancel': ({ jobId }) => services.imports.cancel(jobId),
    'import:save': ({ jobId, onDuplicate }) => changed(services.imports.save(jobId, onDuplicate)),
    'import:list': () => services.imports.list(),
    'import:remove': ({ key }) =>
      changed(services.imports.remove(key, (issueKey) => services.bookmarks.list().filter((b) => b.orphaned && (b.issueKey === issueKey || b.key.startsWith(`${issueKey}/`))).length)),
    'packs:export': ({ keys }) => services.imports.exportPack(keys),
    'content:getIssue': ({ key }) => {
      const issue = services.content.getIssue(key);
      if (!issue) throw new ContractError('NOT_FOUND', `No issue has the key “${key}”.`);
      return issue;
    },
  };
}
