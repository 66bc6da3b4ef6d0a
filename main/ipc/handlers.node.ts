/**
 * What each contract channel does, in terms of the main-process services. Handlers receive
 * arguments already validated against the contract; they throw ContractError for expected
 * failures (NOT_FOUND) and anything else becomes INTERNAL at the boundary.
 */
import type { Channel } from '../../common/contract/channels.std';
import type { Result } from '../../common/contract/contract.std';
import { ContractError } from '../../common/contract/errors.std';
import type { contract } from '../../common/contract/contract.std';
import type { z } from '../../common/contract/zod.std';
import type { ContentService } from '../services/library/content.node';
import type { AsyncSearchService } from '../services/search/search-off-thread.node';
import type { BookmarkService } from '../services/user-data/bookmarks.node';
import type { ImportService } from '../services/import/import.node';
import { fromJson, toIcs, toJson, toVcf } from '../services/user-data/bookmark-formats.node';
import { exportEvents } from '../services/user-data/calendar-export.node';
import type { UserDbNotice } from '../services/user-data/user-db.node';
import type { InterfaceLanguage } from '../services/user-data/interface-language.node';
import { formatMessage, type MessageId } from '../../common/contract/messages.std';

export interface Services {
  content: ContentService;
  search: AsyncSearchService;
  bookmarks: BookmarkService;
  imports: ImportService;
  userDb: { readOnly: boolean; notices: UserDbNotice[] };
  /** Called after every change to the user's data (backups are taken from it). */
  userDataChanged: () => void;
  now: () => Date;
  log: (message: string, detail?: unknown) => void;
  appVersion: string;
  /** The interface language the page chose: for the file names main proposes, the menus, the dialogs. */
  language: InterfaceLanguage;
  host: 'electron' | 'web';
}

type ParsedArgs<C extends Channel> = z.output<(typeof contract)[C]['args']>;
export type Handlers = { [C in Channel]: (args: ParsedArgs<C>) => Result<C> | Promise<Result<C>> };

export function createHandlers(services: Services): Handlers {
  const changed = <T>(value: T): T => {
    services.userDataChanged();
    return value;
  };
  /** The name main proposes for a file it makes, in the interface language, dated today. */
  const nameOf = (id: MessageId) =>
    formatMessage(id, { date: services.now().toISOString().slice(0, 10) }, services.language.get());
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
    'app:setLanguage': ({ language }) => ({ language: services.language.set(language) }),
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
      const fileName = (id: MessageId) => formatMessage(id, { date }, services.language.get());
      const entity = (key: string) => services.content.getEntity(key);
      if (format === 'json') {
        return {
          fileName: fileName('export.bookmarks-file'),
          mimeType: 'application/json',
          content: toJson(records, services.now()),
          count: records.length,
        };
      }
      const file =
        format === 'ics'
          ? toIcs(records, entity, services.language.get())
          : {
              undated: 0,
              ...toVcf(records, entity, (name) => services.content.contactsOf(name), services.language.get()),
            };
      if (file.count === 0) {
        throw ContractError.fromCatalogue(
          'NOT_FOUND',
          format === 'vcf'
            ? 'bookmarks.no-contacts'
            : file.undated > 0
              ? 'calendar.only-months'
              : 'bookmarks.no-events',
        );
      }
      return format === 'ics'
        ? { fileName: fileName('export.events-file'), mimeType: 'text/calendar', ...file }
        : { fileName: `valise-contacts-${date}.vcf`, mimeType: 'text/vcard', ...file };
    },
    'content:listEntities': ({ types }) => services.content.listEntities(types),
    'content:exportEvents': ({ keys }) => exportEvents(services.content, keys, services.now(), services.language.get()),
    'content:getEntity': ({ key }) => {
      const entity = services.content.getEntity(key);
      if (!entity) throw ContractError.fromCatalogue('NOT_FOUND', 'content.no-such-key', { key });
      return entity;
    },
    'import:begin': ({ name, size }) => services.imports.begin(name, size),
    'import:chunk': ({ uploadId, index, data }) => services.imports.chunk(uploadId, index, data),
    'import:analyse': ({ uploadId, corrections }) => ({ jobId: services.imports.analyse(uploadId, corrections).jobId }),
    'import:progress': ({ jobId }) => services.imports.progress(jobId),
    'import:cancel': ({ jobId }) => services.imports.cancel(jobId),
    'import:save': async ({ jobId, onDuplicate, confirmUnaccounted }) =>
      changed(await services.imports.save(jobId, onDuplicate, confirmUnaccounted)),
    'import:list': () => services.imports.list(),
    'import:remove': ({ key }) =>
      changed(
        services.imports.remove(
          key,
          (issueKey) =>
            services.bookmarks
              .list()
              .filter((b) => b.orphaned && (b.issueKey === issueKey || b.key.startsWith(`${issueKey}/`))).length,
        ),
      ),
    'packs:export': ({ keys }) => services.imports.exportPack(keys, nameOf('export.pack-file')),
    'content:getIssue': ({ key }) => {
      const issue = services.content.getIssue(key);
      if (!issue) throw ContractError.fromCatalogue('NOT_FOUND', 'content.no-such-issue', { key });
      return issue;
    },
  };
}
