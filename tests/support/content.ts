/** A real content database built from assets/ into a temporary folder, once per test file. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildContent } from '../../db/build-content.node';

export const ASSETS = join(__dirname, '..', '..', 'assets', 'newsletters');

let built: string | null = null;
export function contentDb(): string {
  if (!built) {
    built = join(mkdtempSync(join(tmpdir(), 'valise-content-')), 'content.sqlite');
    buildContent(ASSETS, built);
  }
  return built;
}

export function tempDir(prefix = 'valise-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
