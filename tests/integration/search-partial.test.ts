/**
 * The first search at once (#26 item 4): before the search worker has loaded the full index, a
 * query that takes a partial answer is answered from the small index of titles and names, marked
 * partial; asked in full, the worker answers; once the worker has answered, no answer is partial.
 * The page asks in two steps (complete-search.std.ts): the partial answer shown, then replaced.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SearchQuery, SearchResult } from '../../common/contract/contract.std';
import { openContentDatabase } from '../../main/services/library/content.node';
import { openServices } from '../../main/services/create.node';
import { quickDocsOf, quickIndex } from '../../main/services/search/search-quick.node';
import type { WorkerEntry } from '../../main/services/workers/worker-rpc.node';
import { askCompleting } from '../../renderer/src/search/complete-search.std';
import { contentDb, tempDir } from '../support/content';

const SERVICES = join(__dirname, '..', '..', 'main', 'services');
/** The worker run from source by tsx: its boot takes long enough that the first query comes before it is ready. */
const SEARCH_WORKER: WorkerEntry = { file: join(SERVICES, 'search-worker.node.ts'), execArgv: ['--import', 'tsx'] };

describe('the small index', () => {
  const small = quickIndex(quickDocsOf(openContentDatabase(contentDb())));

  it('finds the cards and section titles every query word begins, the last one as typed so far', () => {
    const moldova = small.search({ query: 'Moldov' })!;
    expect(moldova.partial).toBe(true);
    expect(moldova.hits[0]).toMatchObject({ type: 'country', key: 'country/moldova', title: 'Moldova' });
    expect(moldova.hits[0]!.snippet.slice(...moldova.hits[0]!.highlights[0]!)).toBe('Moldova');
    const person = small.search({ query: 'moiron braud' })!;
    expect(person.hits.map((h) => h.type)).toContain('person');
    expect(person.hits.every((h) => /moiron/i.test(h.title) && /braud/i.test(h.title))).toBe(true);
    expect(small.search({ query: 'Moldov', typing: false })!.total).toBe(0);
  });

  it('keeps to the types and the issue asked, and does not answer what it cannot filter or sort', () => {
    expect(small.search({ query: 'Moldova', types: ['section'] })!.hits.every((h) => h.type === 'section')).toBe(true);
    expect(small.search({ query: 'Moldova', year: 2018 })).toBeNull();
    expect(small.search({ query: 'Moldova', country: 'country/moldova' })).toBeNull();
    expect(small.search({ query: 'Moldova', sort: 'date' })).toBeNull();
    expect(small.search({ query: 'the' })).toBeNull();
  });
});

describe('a query before the full index is ready', { timeout: 120_000 }, () => {
  it('is answered partially at once, in full when asked again, and never partially once the worker has answered', async () => {
    const s = openServices({
      contentDbPath: contentDb(),
      userDataDir: tempDir(),
      appVersion: 'test',
      host: 'web',
      worker: null,
      searchWorker: SEARCH_WORKER,
    });
    const { search } = s.services;
    const early = await search.search({ query: 'Moldova', partial: true });
    expect(early.partial).toBe(true);
    expect(early.hits.map((h) => h.key)).toContain('country/moldova');
    const complete = await search.search({ query: 'Moldova' });
    expect(complete.partial).toBeUndefined();
    expect(complete.total).toBeGreaterThan(early.total);
    const later = await search.search({ query: 'Moldova', partial: true });
    expect(later.partial).toBeUndefined();
    expect(later.total).toBe(complete.total);
    await s.close();
  });

  it('is shown partial first, then replaced by the complete answer; an empty partial answer is not shown', async () => {
    const answer = (partial: boolean, hits: number): SearchResult => ({
      query: 'q',
      tookMs: 0,
      hits: Array.from({ length: hits }, (_, i) => ({
        type: 'section',
        key: `k${i}`,
        title: 't',
        snippet: 't',
        highlights: [],
        score: 1,
        issue: null,
        section: null,
      })),
      total: hits,
      hint: null,
      ...(partial ? { partial } : {}),
    });
    const asked: SearchQuery[] = [];
    const shown: SearchResult[] = [];
    let ready = false;
    const ask = async (query: SearchQuery) => (
      asked.push(query),
      query.partial && !ready ? answer(true, 2) : answer(false, 5)
    );
    await askCompleting(ask, { query: 'q' }, (r) => shown.push(r));
    expect(asked).toEqual([{ query: 'q', partial: true }, { query: 'q' }]);
    expect(shown.map((r) => [r.partial ?? false, r.total])).toEqual([
      [true, 2],
      [false, 5],
    ]);
    ready = true;
    shown.length = 0;
    await askCompleting(ask, { query: 'q' }, (r) => shown.push(r));
    expect(shown.map((r) => r.total)).toEqual([5]);
    shown.length = 0;
    await askCompleting(
      async (q) => (q.partial ? answer(true, 0) : answer(false, 3)),
      { query: 'q' },
      (r) => shown.push(r),
    );
    expect(shown.map((r) => r.total)).toEqual([3]);
  });
});
