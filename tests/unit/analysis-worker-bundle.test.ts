/**
 * The analysis worker's bundle loads only what it calls (#25): the built `out/main/analysis-worker.js`
 * and every chunk it requires, followed transitively, hold neither the import job service
 * (createImportService) nor the library (openLibrary) nor search (createSearchService, the search
 * clients, the French stemmers) nor Lunr: the worker writes the imported issues' search documents,
 * and the thread that searches builds their index (search-shards.node.ts, importedShard). It also
 * loads neither the bookmarks nor the reading of the archive. Each is named by a string only its
 * code holds. It reads the build `npm run build` makes (npm test builds first; on CI it must be there).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WORKER_FILE } from '../../main/services/workers/off-thread.node';

const OUT_MAIN = join(__dirname, '..', '..', 'out', 'main');
const WORKER = join(OUT_MAIN, WORKER_FILE);
/** What the worker does not call, each by a marker string of its code (a function's name, a module it requires). */
const NOT_CALLED = [
  'createImportService',
  'openLibrary',
  'openContentService',
  'createBookmarkService',
  'createSearchService',
  'searchOffThread',
  'contentSearch',
  'require("snowball-stemmers")',
  // Lunr: required as an external module, or bundled (its own version line), or the index builder and pipeline.
  'require("lunr")',
  'lunr.version',
  'buildShard',
  'useValisePipeline',
];

/** The file and every local file it requires, transitively. */
function loaded(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const [, path] of readFileSync(file, 'utf8').matchAll(/require\("(\.{1,2}\/[^"]+)"\)/g))
    loaded(resolve(dirname(file), path!), seen);
  return seen;
}

describe('the built analysis worker', () => {
  it.runIf(existsSync(WORKER) || process.env.CI)(
    'loads neither the import job service, nor the library, nor search, nor Lunr',
    () => {
      const files = [...loaded(WORKER)];
      // The worker and the chunks holding what it does call (the pipeline, the build's writer).
      expect(files.length).toBeGreaterThan(1);
      expect(files.some((f) => readFileSync(f, 'utf8').includes('extractWithReview'))).toBe(true);
      const found = files.flatMap((f) =>
        NOT_CALLED.filter((name) => readFileSync(f, 'utf8').includes(name)).map((name) => `${name} in ${f}`),
      );
      expect(found).toEqual([]);
    },
  );
});
