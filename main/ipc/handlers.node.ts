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

export interface Services {
  content: ContentService;
  search: SearchService;
  appVersion: string;
  host: 'electron' | 'web';
}

type ParsedArgs<C extends Channel> = z.output<(typeof contract)[C]['args']>;
export type Handlers = { [C in Channel]: (args: ParsedArgs<C>) => Result<C> | Promise<Result<C>> };

export function createHandlers(services: Services): Handlers {
  return {
    'app:info': () => ({
      version: services.appVersion,
      archiveVersion: services.content.archiveVersion(),
      host: services.host,
    }),
    'content:listIssues': () => services.content.listIssues(),
    'search:query': (query) => services.search.search(query),
    'content:getEntity': ({ key }) => {
      const entity = services.content.getEntity(key);
      if (!entity) throw new ContractError('NOT_FOUND', `Nothing in the archive has the key “${key}”.`);
      return entity;
    },
    'content:getIssue': ({ key }) => {
      const issue = services.content.getIssue(key);
      if (!issue) throw new ContractError('NOT_FOUND', `No issue has the key “${key}”.`);
      return issue;
    },
  };
}
