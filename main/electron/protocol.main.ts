/**
 * The renderer is served from app://valise/, never file://: a standard, secure scheme whose
 * handler only ever reads inside the built renderer folder, and sends the CSP with every page.
 *
 * Refused, never thrown: another host (404), a path that is not valid percent-encoding (400), a
 * path that leaves the renderer folder once decoded, `..`, `%2e%2e` or an encoded backslash
 * (403), a file that is not there (404), any method but GET and HEAD (405).
 */
import { net, protocol } from 'electron';
import { existsSync, statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../../common/app/csp.std';

export const APP_SCHEME = 'app';
export const APP_HOST = 'valise';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * Whether a URL is one of the app's own pages. Compares scheme and host: Electron's main process
 * is Node, and Node's WHATWG `URL` serialises the origin of a non-special scheme such as app: as
 * the string "null", so `new URL(url).origin === APP_ORIGIN` is never true.
 */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * Must run before the app is ready. `codeCache` (Electron 28 on, only with `standard`) lets V8 keep
 * the compiled code of the app's scripts between launches, as it does for http: without it a custom
 * scheme's scripts are parsed and compiled anew at every launch (#26); the window asks for the cache
 * from the first launch on (window.main.ts, `v8CacheOptions`).
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

const plain = (status: number, body: string) =>
  new Response(body, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
  });

function decodedPath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
  } catch {
    return null;
  }
}

/** The file a request names inside the renderer folder, or the refusal to send instead. */
export function rendererFile(root: string, request: Request): string | Response {
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
  if (!isAppUrl(request.url)) return plain(404, 'Not found');
  const path = decodedPath(new URL(request.url).pathname);
  if (path === null) return plain(400, 'Bad request');
  const file = normalize(join(root, path.replace(/\\/g, '/')));
  if (!file.startsWith(root + sep)) return plain(403, 'Forbidden');
  if (!existsSync(file) || !statSync(file).isFile()) return plain(404, 'Not found');
  return file;
}

export function serveRenderer(rendererDir: string): void {
  const root = normalize(rendererDir);
  protocol.handle(APP_SCHEME, async (request) => {
    const file = rendererFile(root, request);
    if (file instanceof Response) return file;
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}
