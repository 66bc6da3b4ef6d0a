/**
 * A search worker that fails never loses a query (#14): the service goes on in-process, with every
 * shard change it was told before the failure, and the log says why. Two ways to fail: the worker
 * itself breaks, or it cannot carry out a change it was told (then what it holds is not trusted).
 */
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openContentDatabase } from '../../main/services/library/content.node';
import { contentSearch } from '../../main/services/search/search.node';
import { inProcessSearch, searchOffThread } from '../../main/services/search/search-off-thread.node';
import type { ShardSource } from '../../main/services/search/search-shards.node';
import type { WorkerEntry } from '../../main/services/workers/worker-rpc.node';
import { ARCHIVE_SHARD } from '../../db/search/search-docs.std';
import type { SearchDoc } from '../../db/search/search-index.std';
import { contentDb } from '../support/content';

const tsx = (file: string): WorkerEntry => ({ file, execArgv: ['--import', 'tsx'] });
const BROKEN = tsx(join(__dirname, '..', 'support', 'workers', 'broken-worker.ts'));
const SEARCH_WORKER = tsx(join(__dirname, '..', '..', 'main', 'services', 'workers', 'search-worker.node.ts'));

/** A shard no database holds, whose documents only this source gives: only a change told to the service makes it searchable. */
const UNHELD = 'imported/0';
const QUILLBOTTOM: SearchDoc = {
  ref: 'person/zephyrine-quillbottom',
  type: 'person',
  title: 'Zephyrine Quillbottom',
  body: '',
  aliases: '',
  issue: null,
  year: null,
  date: null,
  countries: [],
};
const source: ShardSource = {
  indexed: () => null,
  documents: (name) => (name === UNHELD ? { digest: 'quillbottom', docs: JSON.stringify([QUILLBOTTOM]) } : null),
  keep: () => {},
};

function service(entry: WorkerEntry) {
  const log = vi.fn();
  const bundle = openContentDatabase(contentDb());
  return {
    log,
    search: searchOffThread(entry, contentDb(), () => inProcessSearch(contentSearch(bundle), source), log),
  };
}

describe('a search worker that is closed', { timeout: 60_000 }, () => {
  it('refuses a query still waiting, rather than leave it waiting for ever', async () => {
    const { log, search } = service(SEARCH_WORKER);
    const refused = expect(search.search({ query: 'trafficking' })).rejects.toThrow('the worker was closed');
    await search.close();
    await refused;
    await expect(search.search({ query: 'trafficking' })).rejects.toThrow('the worker was closed');
    // Closed is not failed: no search starts on the main thread.
    expect(log).not.toHaveBeenCalled();
  });
});

describe('a search worker that fails', { timeout: 60_000 }, () => {
  it('hands over to the main thread with every shard change it was told', async () => {
    const { log, search } = service(BROKEN);
    search.addShard(UNHELD);
    search.removeShard(ARCHIVE_SHARD);
    const found = await search.search({ query: 'Quillbottom' });
    expect(found.hits.map((h) => h.key)).toEqual(['person/zephyrine-quillbottom']);
    // The archive's shard was removed before the failure: the main thread does not bring it back.
    expect((await search.search({ query: 'trafficking' })).total).toBe(0);
    expect(log).toHaveBeenCalledWith(
      'the search worker failed: searching on the main thread',
      expect.objectContaining({ message: 'the worker broke' }),
    );
    await search.close();
  });

  it('is stopped when it cannot carry out a change, and the main thread answers', async () => {
    const { log, search } = service(SEARCH_WORKER);
    expect((await search.search({ query: 'trafficking' })).total).toBeGreaterThan(0);
    search.attached(join(__dirname, 'no-such-folder', 'user.sqlite'));
    search.addShard(UNHELD);
    const found = await search.search({ query: 'Quillbottom' });
    expect(found.hits.map((h) => h.key)).toEqual(['person/zephyrine-quillbottom']);
    // The main thread now holds the index: a later change reaches it.
    search.removeShard(ARCHIVE_SHARD);
    expect((await search.search({ query: 'trafficking' })).total).toBe(0);
    expect(log).toHaveBeenCalledWith(
      'the search worker failed: searching on the main thread',
      expect.objectContaining({ message: expect.stringContaining('unable to open') }),
    );
    await search.close();
  });
});
