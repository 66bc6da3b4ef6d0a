/**
 * Search off Electron's main thread (#14): with the search worker, every query is answered in the
 * worker. Here the main thread's search service is replaced by one that refuses (vi.mock reaches
 * only this thread; the worker, run by tsx, loads the real one), so a query answered on the main
 * thread fails. The worker's answers are the in-process service's, hit for hit, and follow the
 * library: an imported issue is found once saved, in a library reopened with it, and not once removed.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { SearchResult } from '../../common/contract/contract.std';
import { openContentDatabase } from '../../main/services/library/content.node';
import { openServices } from '../../main/services/create.node';
import type * as SearchNode from '../../main/services/search/search.node';
import { SEARCH_WORKER_FILE } from '../../main/services/search/search-off-thread.node';
import { USER_DB_FILE } from '../../main/services/user-data/user-db.node';
import { builtWorker, type WorkerEntry } from '../../main/services/workers/worker-rpc.node';
import { ASSETS, contentDb, tempDir } from '../support/content';
import { newsletterPdf } from '../support/newsletter-pdf';

type SearchModule = typeof SearchNode;

vi.mock('../../main/services/search/search.node', async (original) => {
  const real = await original<SearchModule>();
  const refusing: SearchModule['contentSearch'] = (...args) => ({
    ...real.contentSearch(...args),
    search: () => {
      throw new Error('the main thread searched');
    },
  });
  return { ...real, contentSearch: refusing };
});

const SERVICES = join(__dirname, '..', '..', 'main', 'services');
const fromSource = (file: string): WorkerEntry => ({ file: join(SERVICES, file), execArgv: ['--import', 'tsx'] });
const SEARCH_WORKER = fromSource('workers/search-worker.node.ts');
const ANALYSIS_WORKER = fromSource('workers/analysis-worker.node.ts');
/** The worker as the app runs it: built by electron-vite (npm test builds first), found from main's shared chunks. */
const BUILT = builtWorker(SEARCH_WORKER_FILE, join(__dirname, '..', '..', 'out', 'main', 'chunks'));

function open(userDataDir: string, searchWorker: WorkerEntry | null) {
  return openServices({
    contentDbPath: contentDb(),
    userDataDir,
    appVersion: 'test',
    host: 'web',
    worker: ANALYSIS_WORKER,
    searchWorker,
  });
}

/** What a user sees of a result: everything but the time it took. */
const shown = ({ tookMs: _, ...rest }: SearchResult) => rest;

const QUERIES = [
  'trafficking',
  'Charpentier',
  'traite des êtres humains',
  'Moldva',
  'child labour',
  'Charp',
  'title:kyoto',
  '~~~',
];

describe('the search worker', { timeout: 120_000 }, () => {
  it('answers every query off the main thread, as the in-process service answers it', async () => {
    const actual = await vi.importActual<SearchModule>('../../main/services/search/search.node');
    const reference = actual.contentSearch(openContentDatabase(contentDb()));
    const mainThread = open(tempDir(), null);
    await expect(mainThread.services.search.search({ query: 'trafficking' })).rejects.toThrow(
      'the main thread searched',
    );
    await mainThread.close();
    const s = open(tempDir(), SEARCH_WORKER);
    for (const query of QUERIES) {
      const expected = reference.search({ query });
      if (query === 'trafficking') expect(expected.hits.length).toBeGreaterThan(5);
      expect(shown(await s.services.search.search({ query })), query).toEqual(shown(expected));
    }
    await s.close();
  });

  it.runIf(BUILT || process.env.CI)('answers from the worker electron-vite builds beside main', async () => {
    const actual = await vi.importActual<SearchModule>('../../main/services/search/search.node');
    const expected = actual.contentSearch(openContentDatabase(contentDb())).search({ query: 'Balkans' });
    expect(expected.total).toBeGreaterThan(0);
    const s = open(tempDir(), BUILT!);
    expect(shown(await s.services.search.search({ query: 'Balkans' }))).toEqual(shown(expected));
    await s.close();
  });

  it('finds an imported issue once saved, after a restart, and no more once removed', async () => {
    const { pdf, corrections } = await newsletterPdf(join(ASSETS, '000_1e644c5006785efa.txt'));
    const dir = tempDir();
    const s = open(dir, SEARCH_WORKER);
    const { imports, search } = s.services;
    expect((await search.search({ query: 'Charpentier' })).total).toBeGreaterThan(0);
    const job = imports.analyse(imports.stage('issue.pdf', pdf), { ...corrections, number: 70 });
    await job.finished;
    const { keys } = await imports.save(job.jobId);
    const found = await search.search({ query: 'Charpentier', issue: keys[0] });
    expect(found.total).toBeGreaterThan(0);
    // Passages come from the worker's own connection, with the user database attached.
    expect(found.hits.some((h) => h.type === 'passage' && h.key.startsWith(`${keys[0]}/`))).toBe(true);
    await s.close();
    const reopened = open(dir, SEARCH_WORKER);
    expect((await reopened.services.search.search({ query: 'Charpentier', issue: keys[0] })).total).toBeGreaterThan(0);
    reopened.services.imports.remove(keys[0]!, () => 0);
    expect((await reopened.services.search.search({ query: 'Charpentier', issue: keys[0] })).total).toBe(0);
    expect((await reopened.services.search.search({ query: 'Charpentier' })).total).toBeGreaterThan(0);
    await reopened.close();
    // The worker's connection (the user database attached) closed before main's writer: the last
    // connection merged the WAL into the file and removed it, so the file alone is complete.
    expect(existsSync(join(dir, `${USER_DB_FILE}-wal`))).toBe(false);
  });

  it('answers a query typed while a PDF is read, before the reading is done', async () => {
    const { pdf } = await newsletterPdf(join(ASSETS, '000_1e644c5006785efa.txt'));
    const s = open(tempDir(), SEARCH_WORKER);
    const { imports, search } = s.services;
    search.warmUp();
    await search.search({ query: 'warm' });
    const job = imports.analyse(imports.stage('issue.pdf', pdf));
    const asked = await search.search({ query: 'Charpentier' });
    expect(imports.progress(job.jobId).state).toBe('running');
    expect(asked.total).toBeGreaterThan(0);
    await job.finished;
    await s.close();
  });
});
