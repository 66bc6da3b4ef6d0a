/** Opens every main-process service once, for whichever host (Electron, web host, CLI) runs them. */
import { createDispatcher, type Logger } from '../ipc/dispatch.node';
import { createHandlers, type Services } from '../ipc/handlers.node';
import { openContentService } from './content.node';

export interface ServiceOptions {
  contentDbPath: string;
  appVersion: string;
  host: Services['host'];
  log?: Logger;
}

export function openServices(options: ServiceOptions) {
  const services: Services = {
    content: openContentService(options.contentDbPath),
    appVersion: options.appVersion,
    host: options.host,
  };
  return {
    services,
    dispatch: createDispatcher(createHandlers(services), options.log),
    close: () => services.content.close(),
  };
}
