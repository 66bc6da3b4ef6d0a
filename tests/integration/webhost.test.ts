import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { openServices } from '../../main/services/create.node';
import { IPC_PATH, startWebHost, type WebHost } from '../../main/webhost/server.node';
import { contentDb, tempDir } from '../support/content';

let host: WebHost;
let port: number;

function send(options: { path: string; method?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: options.path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

beforeAll(async () => {
  const renderer = tempDir();
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Valise</title>');
  mkdirSync(join(renderer, 'assets'));
  writeFileSync(join(renderer, 'assets', 'index-Dh75Tod-.js'), 'export {};');
  writeFileSync(join(renderer, 'assets', 'notes.js'), 'export {};');
  const { dispatch } = openServices({
    contentDbPath: contentDb(),
    userDataDir: tempDir(),
    appVersion: 't',
    host: 'web',
  });
  host = await startWebHost({ rendererDir: renderer, dispatch });
  port = Number(new URL(host.url).port);
});
afterAll(() => host.close());

describe('development web host', () => {
  it('listens on the loopback interface only', () => {
    expect(host.server.address()).toMatchObject({ address: '127.0.0.1' });
  });

  it('serves the renderer with the content security policy', async () => {
    const res = await send({ path: '/' });
    expect(res.status).toBe(200);
    expect(String(res.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(String(res.headers['content-security-policy'])).not.toContain('unsafe');
  });

  it('carries the contract: a good request, then typed errors for bad ones', async () => {
    const ipc = (body: string) =>
      send({ path: IPC_PATH, method: 'POST', body, headers: { 'content-type': 'application/json' } });
    expect(JSON.parse((await ipc(JSON.stringify({ channel: 'content:listIssues', args: {} }))).body)).toMatchObject({
      ok: true,
    });
    expect(JSON.parse((await ipc('{not json')).body)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(JSON.parse((await ipc(JSON.stringify({ channel: 'nope', args: {} }))).body)).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' },
    });
    const huge = await ipc(JSON.stringify({ channel: 'content:getIssue', args: { key: 'x'.repeat(300_000) } }));
    expect(huge.status).toBe(413);
    expect(JSON.parse(huge.body)).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } });
  });

  it('lets the browser keep the hashed assets for good, and asks again for the page and anything else', async () => {
    const cacheOf = async (path: string) => String((await send({ path })).headers['cache-control']);
    expect(await cacheOf('/assets/index-Dh75Tod-.js')).toBe('public, max-age=31536000, immutable');
    expect(await cacheOf('/')).toBe('no-cache');
    expect(await cacheOf('/index.html')).toBe('no-cache');
    // No hash in the name, or a hashed name that is not there (answered with the page): asked again.
    expect(await cacheOf('/assets/notes.js')).toBe('no-cache');
    expect(await cacheOf('/assets/index-Zz99Zzz9.js')).toBe('no-cache');
  });

  it('refuses IPC from another origin', async () => {
    const res = await send({
      path: IPC_PATH,
      method: 'POST',
      headers: { origin: 'https://evil.example' },
      body: JSON.stringify({ channel: 'content:listIssues', args: {} }),
    });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const res = await send({ path: '/', headers: { host: 'evil.example' } });
    expect(res.status).toBe(421);
  });

  it('never serves files outside the renderer folder', async () => {
    expect(existsSync('/etc/hostname') || existsSync('/etc/passwd')).toBe(true);
    const res = await send({ path: '/..%2f..%2f..%2f..%2f..%2fetc%2fpasswd' });
    expect(res.status).toBe(403);
    expect(res.body).not.toContain('root:');
  });
});
