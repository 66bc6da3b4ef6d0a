/**
 * What Chromium decides from a URL, written once for the double: a frame's origin (as
 * WebFrameMain.origin serialises it) and whether a URL matches a WebRequest filter pattern.
 * URLs are parsed by Node's WHATWG URL, as in Electron's main process.
 */

/** Schemes Chromium gives a (scheme, host, port) origin without any registration. */
const SPECIAL_ORIGIN_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:']);

/**
 * The origin Chromium gives a document at `url` (RFC 6454 serialisation): a tuple origin for
 * http(s) and for schemes registered as standard, "file://" for files, a blob: URL its inner URL's,
 * "null" for the rest (data: included). About:blank inherits its parent's origin.
 */
export function originOf(
  url: string,
  standardSchemes: ReadonlySet<string>,
  parentOrigin: string | null = null,
): string {
  if (url === '' || url === 'about:blank') return parentOrigin ?? 'null';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'null';
  }
  if (SPECIAL_ORIGIN_SCHEMES.has(parsed.protocol)) return parsed.origin;
  // A blob: URL's origin is its inner URL's (blob:app://valise/… is app://valise's).
  if (parsed.protocol === 'blob:') return originOf(url.slice('blob:'.length), standardSchemes);
  if (parsed.protocol === 'file:') return 'file://';
  const scheme = parsed.protocol.slice(0, -1);
  if (standardSchemes.has(scheme) && parsed.host) return `${parsed.protocol}//${parsed.host.toLowerCase()}`;
  return 'null';
}

const escapeGlob = (glob: string) => glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');

/**
 * Chromium's URL match patterns (`<scheme>://<host><path>`), as session.webRequest filters use
 * them: `*` as scheme means http or https, `*.` before a host any subdomain, `*` in a path any text.
 */
export function matchesPattern(pattern: string, url: string): boolean {
  if (pattern === '<all_urls>') return true;
  const parts = /^(\*|[a-z][a-z0-9+.-]*):\/\/([^/]*)(\/.*)$/.exec(pattern);
  if (!parts) throw new Error(`Invalid url pattern ${pattern}`);
  const [, scheme, host, path] = parts as unknown as [string, string, string, string];
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const urlScheme = parsed.protocol.slice(0, -1);
  if (scheme === '*' ? !['http', 'https'].includes(urlScheme) : scheme !== urlScheme) return false;
  const hostOk =
    host === '*' ||
    host === parsed.hostname ||
    (host.startsWith('*.') && (parsed.hostname === host.slice(2) || parsed.hostname.endsWith(host.slice(1))));
  return hostOk && new RegExp(`^${escapeGlob(path)}$`).test(parsed.pathname + parsed.search);
}
