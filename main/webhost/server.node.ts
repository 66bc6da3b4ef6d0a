/**
 * The development web host: serves the built renderer and carries the IPC contract over HTTP to
 * the same dispatcher Electron uses, so the UI can be driven in a plain Chromium where the
 * Electron binary is missing. Development and tests only: never packaged.
 *
 * Refused: any interface but 127.0.0.1; a Host header other than our own (DNS rebinding); an IPC
 * POST whose Origin is not our own; a body over MAX_BODY_BYTES; paths outside the renderer folder.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, relative, sep } from 'node:path';
import { MAX_REQUEST_BYTES } from '../../common/contract/channels.std';
import { CONTENT_SECURITY_POLICY } from '../../common/app/csp.std';
import type { Envelope } from '../../common/contract/errors.std';
import { localised } from '../../common/contract/messages.std';
import type { Dispatch } from '../ipc/dispatch.node';

export const IPC_PATH = '/__valise/ipc';
/** Room for the largest request the contract accepts plus its JSON framing. */
const MAX_BODY_BYTES = MAX_REQUEST_BYTES * 2;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/**
 * The build's assets are named by their content's hash (assets/index-Dh75Todw.js): a browser may
 * keep them for good, and with them V8's code cache for the scripts, which Chromium uses only for
 * a script it takes from its HTTP cache. The page itself and anything else is asked again each time,
 * so a new build is seen at once.
 */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';
const HASHED_ASSET = /^assets[/\\][^/\\]+-[\w-]{8}\.(js|css)$/;

function isHashedAsset(root: string, file: string): boolean {
  return HASHED_ASSET.test(relative(root, file));
}

export interface WebHost {
  url: string;
  server: Server;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: string, type: string): void {
  res.writeHead(status, {
    'content-type': type,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  });
  res.end(body);
}

function sendEnvelope(res: ServerResponse, status: number, envelope: Envelope<unknown>): void {
  send(res, status, JSON.stringify(envelope), 'application/json; charset=utf-8');
}

function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        resolve(null);
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(size > limit ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startWebHost(options: {
  rendererDir: string;
  dispatch: Dispatch;
  port?: number;
}): Promise<WebHost> {
  const root = normalize(options.rendererDir);
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`No built renderer in ${root}: run \`npm run build\` first.`);
  }
  let origin = '';

  const server = createServer(async (req, res) => {
    const host = req.headers.host ?? '';
    if (`http://${host}` !== origin && `http://${host}` !== origin.replace('127.0.0.1', 'localhost')) {
      send(res, 421, 'Misdirected request', 'text/plain');
      return;
    }
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname === IPC_PATH) {
      if (req.method !== 'POST') return send(res, 405, 'Method not allowed', 'text/plain');
      if (req.headers.origin !== undefined && req.headers.origin !== origin) {
        return sendEnvelope(res, 403, {
          ok: false,
          error: { code: 'FORBIDDEN', ...localised('contract.not-from-page') },
        });
      }
      const body = await readBody(req, MAX_BODY_BYTES);
      if (body === null) {
        return sendEnvelope(res, 413, {
          ok: false,
          error: { code: 'TOO_LARGE', ...localised('contract.request-too-large', { max: String(MAX_BODY_BYTES) }) },
        });
      }
      let message: { channel?: unknown; args?: unknown };
      try {
        message = JSON.parse(body) as typeof message;
      } catch {
        return sendEnvelope(res, 400, { ok: false, error: { code: 'BAD_REQUEST', ...localised('contract.not-json') } });
      }
      return sendEnvelope(res, 200, await options.dispatch(message?.channel, message?.args));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', 'text/plain');
    const file = normalize(join(root, decodeURIComponent(url.pathname)));
    if (!file.startsWith(root + sep) && file !== root) return send(res, 403, 'Forbidden', 'text/plain');
    const found = existsSync(file) && statSync(file).isFile();
    const target = found ? file : join(root, 'index.html');
    res.writeHead(200, {
      'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'cache-control': found && isHashedAsset(root, file) ? IMMUTABLE : REVALIDATE,
    });
    createReadStream(target).pipe(res);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/`,
    server,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
