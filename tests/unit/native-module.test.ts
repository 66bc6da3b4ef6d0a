/**
 * One better-sqlite3 binary for Node and Electron: version 13 ships Node-API prebuilds inside the
 * package, so nothing is compiled and the same file loads in Node (tests, CLI, web host) and in
 * Electron (the app). This test fails if an install ever falls back to a node-gyp build, whose
 * binary would be tied to one runtime's ABI.
 */
import Database from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const pkgDir = dirname(require.resolve('better-sqlite3/package.json'));

describe('better-sqlite3', () => {
  it('is a Node-API version with a prebuilt binary for this platform', () => {
    const { version } = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string };
    expect(Number(version.split('.')[0])).toBeGreaterThanOrEqual(13);
    expect(existsSync(join(pkgDir, 'prebuilds', `${process.platform}-${process.arch}.node`))).toBe(true);
    expect(existsSync(join(pkgDir, 'build', 'Release', 'better_sqlite3.node'))).toBe(false);
  });

  it('loads and runs SQL under this Node', () => {
    const db = new Database(':memory:');
    expect(db.prepare('SELECT sqlite_version() AS v').get()).toMatchObject({ v: expect.stringMatching(/^3\./) });
    db.close();
  });
});
