/** Opens every main-process service once, for whichever host (Electron, web host, CLI) runs them. */
import { createDispatcher, type Logger } from '../ipc/dispatch.node';
import { createHandlers, type Services } from '../ipc/handlers.node';
import { openContentDatabase, openContentService } from './content.node';
import { contentSearch } from './search.node';

export interface ServiceOptions {
  contentDbPath: string;
  appVersion: string;
  host: Services['host'];
  log?: Logger;
}

export function openServices(options: ServiceOptions) {
  const db = openContentDatabase(options.contentDbPath);
  const services: Services = {
    content: openContentService(db),
    search: contentSearch(db),
    appVersion: options.appVersion,
    host: options.host,
  };
  return {
    services,
    dispatch: createDispatcher(createHandlers(services), options.log),
    close: () => services.content.close(),
  };
}
