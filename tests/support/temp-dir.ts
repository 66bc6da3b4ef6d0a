/** Temporary folders for tests, removed when the process that made them exits. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The folders this process made. Before, none was ever removed: a run of the suite left about two
 * thousand, and a mutation run as many per mutant.
 */
const made: string[] = [];

/**
 * Removes the folders made so far: after each test file (tests/support/vitest-setup.ts; vitest
 * ends its workers without an `exit` event), and when any other process exits (Playwright's
 * workers, the benches, a child a test runs).
 */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
process.once('exit', removeTempDirs);

/** A new temporary folder, removed after the test file or when this process exits. */
export function tempDir(prefix = 'valise-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}
