/** A real content database built from assets/ into a temporary folder, once per test file. */
import { existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildContent } from '../../db/build-content.node';
import { tempDir } from './temp-dir';

export { tempDir };

export const ASSETS = join(__dirname, '..', '..', 'assets', 'newsletters');

/**
 * A folder where the content database is built once and kept for every later run of the test
 * files, or none: a mutation group (#27) whose mutated modules the build does not use sets it, for
 * Stryker runs a test file again for every mutant and the build alone takes seconds each time.
 */
export const CONTENT_CACHE_ENV = 'VALISE_TEST_CONTENT_CACHE';

let built: string | null = null;
export function contentDb(): string {
  // Built again if its folder was removed (after a test file, by tests/support/vitest-setup.ts).
  if (!built || !existsSync(built))
    built = cachedContentDb(process.env[CONTENT_CACHE_ENV]) ?? buildInto(tempDir('valise-content-'));
  return built;
}

function buildInto(dir: string): string {
  const file = join(dir, 'content.sqlite');
  buildContent(ASSETS, file);
  return file;
}

/** The cached database, built first if absent (in a folder of its own, then moved: never half-built). */
function cachedContentDb(cache: string | undefined): string | null {
  if (!cache) return null;
  const file = join(cache, 'content.sqlite');
  if (!existsSync(file)) {
    const building = mkdtempSync(join(cache, 'building-'));
    renameSync(buildInto(building), file);
    rmSync(building, { recursive: true, force: true });
  }
  return file;
}
