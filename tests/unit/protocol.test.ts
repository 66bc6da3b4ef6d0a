/**
 * `rendererFile`, the app:// handler's only way to a file: a path that leaves the renderer folder
 * once decoded is refused as such (403) even when the file it names exists, so the refusal is the
 * traversal check's and not a missing file's (#27).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { isAppUrl, rendererFile } from '../../main/electron/protocol.main';

// rendererFile touches neither; the module imports them for the handler it registers.
vi.mock('electron', () => ({ net: {}, protocol: {} }));

function folders() {
  const base = mkdtempSync(join(tmpdir(), 'valise-protocol-'));
  const root = normalize(join(base, 'renderer'));
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html>');
  writeFileSync(join(root, 'assets', 'app.js'), '');
  writeFileSync(join(base, 'secret.txt'), 'not for the page');
  writeFileSync(join(base, 'renderer-sibling.txt'), 'not for the page either');
  return { base, root };
}

const get = (url: string) => new Request(url);
const statusOf = (answer: string | Response) => (answer instanceof Response ? answer.status : 200);

describe('rendererFile', () => {
  it('names the file inside the folder for the page and its assets', () => {
    const { root } = folders();
    expect(rendererFile(root, get('app://valise/'))).toBe(join(root, 'index.html'));
    expect(rendererFile(root, get('app://valise/assets/app.js'))).toBe(join(root, 'assets', 'app.js'));
  });

  it.for([
    'app://valise/..%2fsecret.txt',
    'app://valise/assets/..%2f..%2fsecret.txt',
    'app://valise/%2e%2e%2fsecret.txt',
    'app://valise/%5c..%5csecret.txt',
    'app://valise/..%2frenderer-sibling.txt',
  ])('refuses %s as leaving the folder, although the file exists', (url) => {
    const { root } = folders();
    expect(statusOf(rendererFile(root, get(url)))).toBe(403);
  });

  it('refuses what is not a GET or HEAD, another host, bad encoding and folders', () => {
    const { root } = folders();
    expect(statusOf(rendererFile(root, new Request('app://valise/index.html', { method: 'PUT', body: 'x' })))).toBe(
      405,
    );
    expect(statusOf(rendererFile(root, get('app://elsewhere/index.html')))).toBe(404);
    expect(statusOf(rendererFile(root, get('app://valise/%E0%A4%A')))).toBe(400);
    expect(statusOf(rendererFile(root, get('app://valise/assets')))).toBe(404);
    expect(statusOf(rendererFile(root, new Request('app://valise/index.html', { method: 'HEAD' })))).toBe(200);
  });
});

describe('isAppUrl', () => {
  it('takes the app scheme at its own host only', () => {
    expect(isAppUrl('app://valise/index.html')).toBe(true);
    expect(isAppUrl('app://valise')).toBe(true);
  });

  it.for([
    'https://valise/',
    'file://valise/index.html',
    'app://valise.example/',
    'app://other/',
    'app:valise',
    'not a URL',
    '',
  ])('refuses %j', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });
});
