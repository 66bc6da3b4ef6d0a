/**
 * Saving an import off the main thread (#29, #26): with the analysis worker, the worker writes the
 * issue and the library built with it in its own connection and its own short transaction; the
 * main thread only reads what it wrote. Here the main thread's build store refuses to write
 * (vi.mock reaches only this thread; the worker, run by tsx, loads the real one), so a save that
 * writes the build on the main thread fails. The saved issue is listed, opened and found at once,
 * and bookmarks written by the main thread meanwhile all succeed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it, vi } from 'vitest';
import { openServices } from '../../main/services/create.node';
import type * as ImportedIssues from '../../main/services/library/imported-issues.node';
import type { WorkerEntry } from '../../main/services/workers/worker-rpc.node';
import { ASSETS, contentDb, tempDir } from '../support/content';

vi.mock('../../main/services/library/imported-issues.node', async (original) => {
  const real = (await original()) as typeof ImportedIssues;
  return {
    ...real,
    builtStore: (...args: Parameters<typeof real.builtStore>) => ({
      ...real.builtStore(...args),
      write: () => {
        throw new Error('the main thread wrote the build');
      },
    }),
  };
});

const WORKER: WorkerEntry = {
  file: join(__dirname, '..', '..', 'main', 'services', 'workers', 'analysis-worker.node.ts'),
  execArgv: ['--import', 'tsx'],
};

describe('saving an import with the analysis worker', { timeout: 120_000 }, () => {
  it('writes in the worker: the issue is listed, opened and found at once, and no bookmark fails meanwhile', async () => {
    const s = openServices({
      contentDbPath: contentDb(),
      userDataDir: tempDir(),
      appVersion: 'test',
      host: 'web',
      worker: WORKER,
      searchWorker: null,
    });
    const { imports, search, bookmarks, content } = s.services;
    const target = content.listIssues()[0]!.key;
    const job = imports.analyse(imports.stage('issue.txt', readFileSync(join(ASSETS, '000_1e644c5006785efa.txt'))), {
      number: 81,
    });
    await job.finished;
    expect(imports.progress(job.jobId).error).toBeNull();
    let saved = false;
    const saving = imports.save(job.jobId, 'keep-both').finally(() => (saved = true));
    // The main thread answers while the worker writes: bookmarks go in, none refused.
    const sections = content.getIssue(target)!.sections.map((x) => x.key);
    const added: number[] = [];
    while (!saved && added.length < sections.length) {
      added.push(bookmarks.add(sections[added.length]!).id);
      await sleep(2);
    }
    expect(added.length).toBeGreaterThan(0);
    const { keys } = await saving;
    expect(keys).toEqual(['2018-no-81']);
    expect(imports.list().map((i) => i.key)).toEqual(['2018-no-81']);
    expect(content.getIssue('2018-no-81')!.sections.length).toBeGreaterThan(5);
    expect((await search.search({ query: 'Charpentier', issue: '2018-no-81' })).total).toBeGreaterThan(0);
    expect(bookmarks.list().filter((b) => added.includes(b.id))).toHaveLength(added.length);
    await s.close();
  });
});
