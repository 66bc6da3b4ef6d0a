/**
 * Short write transactions (#29): saving an import, as the CLI does (no worker), takes the user
 * database's write lock only to write. No issue is extracted and no search shard is built while a
 * connection of this process holds a transaction: the issue is extracted before, while the import
 * is reviewed; its shard's index after, by search, from the documents the save wrote (#25).
 */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import type * as SearchBuild from '../../db/search/search-build.std';
import type * as ImportedIssues from '../../main/services/library/imported-issues.node';
import { ASSETS } from '../support/content';
import { importFile, servicesPerTest } from '../support/services';

const seen = vi.hoisted(() => ({
  connections: [] as { inTransaction: boolean }[],
  inside: [] as string[],
  outside: [] as string[],
}));
const during = (what: string) =>
  (seen.connections.some((c) => c.inTransaction) ? seen.inside : seen.outside).push(what);

vi.mock('better-sqlite3', async (original) => {
  const Real = ((await original()) as { default: new (...args: unknown[]) => { inTransaction: boolean } }).default;
  class Tracked extends Real {
    constructor(...args: unknown[]) {
      super(...args);
      seen.connections.push(this);
    }
  }
  return { default: Tracked };
});
vi.mock('../../db/search/search-build.std', async (original) => {
  const real = (await original()) as typeof SearchBuild;
  return {
    ...real,
    buildShard: (...args: Parameters<typeof real.buildShard>) => (during('buildShard'), real.buildShard(...args)),
  };
});
vi.mock('../../main/services/library/imported-issues.node', async (original) => {
  const real = (await original()) as typeof ImportedIssues;
  return {
    ...real,
    extractStored: (...args: Parameters<typeof real.extractStored>) => (
      during('extractStored'),
      real.extractStored(...args)
    ),
  };
});

const services = servicesPerTest();

describe('saving an import in-process (the CLI)', () => {
  it('builds the library before its write transaction, and only writes inside it', async () => {
    const s = services();
    const text = readFileSync(join(ASSETS, '000_1e644c5006785efa.txt'));
    // Only what the import itself builds: opening the services builds shards too.
    seen.outside.length = 0;
    const { jobId, job } = await importFile(s, 'issue.txt', text, { number: 90 });
    expect(job.state).toBe('done');
    seen.inside.length = 0;
    const { keys } = await s.services.imports.save(jobId, 'keep-both');
    expect(keys).toHaveLength(1);
    // The save did write: the issue is in the library, and searchable.
    expect(s.services.content.listIssues().some((i) => i.key === keys[0])).toBe(true);
    expect(seen.connections.length).toBeGreaterThan(0);
    expect(seen.inside).toEqual([]);
    // Built after the save, by search: the shard with the new issue, and it finds it.
    expect(seen.outside).not.toContain('buildShard');
    const found = await s.services.search.search({ query: 'Charpentier' });
    expect(found.hits.some((h) => h.key.startsWith(`${keys[0]}/`))).toBe(true);
    expect(seen.outside).toContain('buildShard');
    expect(seen.inside).toEqual([]);
  });
});
