/**
 * `protocol`, `net` and `session` as the page's requests meet them: a scheme's handler gets a
 * `Request` and must answer a `Response`; `net.fetch` reads file: URLs the way Chromium's file
 * loader does (missing file: a rejected fetch), decodes data: URLs, and sends network requests through the default
 * session's WebRequest filter; the double has no network, so a request that passes the filter
 * fails as offline and is recorded in `reachedNetwork`.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { matchesPattern } from './web-rules';

type ProtocolHandler = (request: Request) => Response | Promise<Response>;
type BeforeRequest = (
  details: { id: number; url: string; method: string; resourceType: string },
  callback: (response: { cancel?: boolean }) => void,
) => void;
type PermissionRequest = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: object,
) => void;
type PermissionCheck = (contents: unknown, permission: string, origin: string, details: object) => boolean;

const MIME: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};
const NETWORK_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:']);

export interface Privileges {
  standard?: boolean;
  secure?: boolean;
  supportFetchAPI?: boolean;
  codeCache?: boolean;
}

export class ProtocolDouble {
  readonly privileged = new Map<string, Privileges>();
  readonly handlers = new Map<string, ProtocolHandler>();
  /** Errors a handler threw: in Electron the page would only see a failed load. */
  readonly handlerErrors: unknown[] = [];

  constructor(private readonly isReady: () => boolean) {}

  registerSchemesAsPrivileged = (schemes: { scheme: string; privileges?: Privileges }[]): void => {
    if (this.isReady()) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    for (const { scheme, privileges } of schemes) this.privileged.set(scheme, privileges ?? {});
  };

  handle = (scheme: string, handler: ProtocolHandler): void => {
    if (!this.isReady()) throw new Error('protocol.handle can only be called after app is ready');
    if (this.handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
    this.handlers.set(scheme, handler);
  };

  unhandle = (scheme: string): void => void this.handlers.delete(scheme);
  isProtocolHandled = (scheme: string): boolean => this.handlers.has(scheme);

  standardSchemes(): Set<string> {
    return new Set([...this.privileged].filter(([, p]) => p.standard).map(([scheme]) => scheme));
  }

  /** A request from the page to a handled scheme. Resolves with what the handler answered. */
  async request(url: string, init?: RequestInit): Promise<Response> {
    const handler = this.handlers.get(new URL(url).protocol.slice(0, -1));
    if (!handler) throw new TypeError(`net::ERR_UNKNOWN_URL_SCHEME: ${url}`);
    let response: unknown;
    try {
      response = await handler(new Request(url, init));
    } catch (error) {
      this.handlerErrors.push(error);
      throw new TypeError(`net::ERR_FAILED: the handler for ${url} threw`, { cause: error });
    }
    if (!(response instanceof Response))
      throw new TypeError(`net::ERR_UNEXPECTED: the handler for ${url} did not return a Response`);
    return response;
  }
}

export class SessionDouble {
  private beforeRequest: { urls: string[]; listener: BeforeRequest } | null = null;
  private permissionRequest: PermissionRequest | null = null;
  private permissionCheck: PermissionCheck | null = null;
  private requestId = 0;
  readonly preloadScripts: { filePath: string; id?: string; type: string }[] = [];
  /** Requests that got past the WebRequest filter: in Electron they would reach the network. */
  readonly reachedNetwork: string[] = [];
  /** Every file `net.fetch` read from disk, so a test can say a refusal read nothing. */
  readonly filesRead: string[] = [];

  readonly webRequest = {
    onBeforeRequest: (filter: { urls: string[] } | BeforeRequest | null, listener?: BeforeRequest | null): void => {
      if (typeof filter === 'function') this.beforeRequest = { urls: ['<all_urls>'], listener: filter };
      else this.beforeRequest = filter && listener ? { urls: filter.urls, listener } : null;
    },
  };

  setPermissionRequestHandler = (handler: PermissionRequest | null): void => void (this.permissionRequest = handler);
  setPermissionCheckHandler = (handler: PermissionCheck | null): void => void (this.permissionCheck = handler);
  registerPreloadScript = (script: { filePath: string; id?: string; type: string }): string => {
    this.preloadScripts.push(script);
    return script.id ?? String(this.preloadScripts.length);
  };
  getPreloads = (): string[] => this.preloadScripts.map((s) => s.filePath);
  setPreloads = (paths: string[]): void => {
    this.preloadScripts.splice(
      0,
      this.preloadScripts.length,
      ...paths.map((filePath) => ({ filePath, type: 'frame' })),
    );
  };

  /** Runs the WebRequest filter as Chromium does before a request leaves: true when cancelled. */
  async cancelled(url: string, method = 'GET', resourceType = 'xhr'): Promise<boolean> {
    const filter = this.beforeRequest;
    if (!filter || !filter.urls.some((pattern) => matchesPattern(pattern, url))) return false;
    const details = { id: ++this.requestId, url, method, resourceType };
    return new Promise((resolve) => filter.listener(details, (response) => resolve(!!response.cancel)));
  }

  /** A permission the page asks for (camera, notifications…): what the handler grants, or Chromium's default. */
  requestPermission(permission: string): Promise<boolean> {
    const handler = this.permissionRequest;
    if (!handler) return Promise.resolve(true);
    return new Promise((resolve) => handler(null, permission, resolve, {}));
  }

  checkPermission(permission: string, origin: string): boolean {
    return this.permissionCheck ? this.permissionCheck(null, permission, origin, {}) : true;
  }

  /** `net.fetch` / `session.fetch`: file: read from disk, network schemes filtered, then offline. */
  fetch = async (url: string, init?: RequestInit): Promise<Response> => {
    const parsed = new URL(url);
    if (parsed.protocol === 'file:') {
      this.filesRead.push(fileURLToPath(parsed));
      return readFileUrl(parsed);
    }
    // data: URLs decode locally, with no request (Node's fetch decodes them as Chromium does).
    if (parsed.protocol === 'data:') return fetch(url);
    if (!NETWORK_SCHEMES.has(parsed.protocol)) throw new TypeError(`net::ERR_UNKNOWN_URL_SCHEME: ${url}`);
    if (await this.cancelled(url, init?.method ?? 'GET', 'other'))
      throw new TypeError(`net::ERR_BLOCKED_BY_CLIENT: ${url}`);
    this.reachedNetwork.push(url);
    throw new TypeError(`net::ERR_INTERNET_DISCONNECTED: ${url}`);
  };
}

function readFileUrl(url: URL): Response {
  const path = fileURLToPath(url);
  if (!existsSync(path)) throw new TypeError(`net::ERR_FILE_NOT_FOUND: ${url.href}`);
  if (!statSync(path).isFile()) throw new TypeError(`net::ERR_FILE_NOT_FOUND: ${url.href} is a folder`);
  const type = MIME[extname(path)] ?? 'application/octet-stream';
  return new Response(readFileSync(path), { status: 200, headers: { 'content-type': type } });
}
