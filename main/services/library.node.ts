/**
 * The library the reader sees: the bundled archive plus the user's imported issues. With nothing
 * imported it is the bundled database itself. Otherwise the issues of both are put together in an
 * in-memory content database and the entities found again over all of them, so a person named in
 * a new issue and in an old one is one person, with both mentions. The bundle is never written.
 */
import Database from 'better-sqlite3';
import { entitiesOf } from '../../db/build-content.node';
import { readExtractedIssues, readShards } from '../../db/read-content.node';
import { importedShards } from '../../db/search-docs.std';
import type { ExtractedIssue } from '../../db/pipeline/extract-issue.std';
import { fillContentDatabase } from '../../db/write-content.node';
import { openContentService, type ContentService } from './content.node';
import { extractStored, type StoredIssue } from './imported-issues.node';
import { contentSearch, type SearchService } from './search.node';

export interface Library {
  content(): ContentService;
  search: SearchService;
  /** Keys of the bundled issues (which an import cannot replace). */
  bundledKeys: Set<string>;
  /** Takes the imported issues in again, after one was added or removed. */
  refresh(): void;
  close(): void;
}

export function openLibrary(bundle: Database.Database, listImported: () => StoredIssue[]): Library {
  const bundledKeys = new Set(bundle.prepare<[], { key: string }>('SELECT key FROM issues').all().map((r) => r.key));
  const archiveVersion = bundle.prepare<[], { value: string }>("SELECT value FROM meta WHERE name = 'archive_version'").get()?.value ?? 'unknown';
  let bundled: ExtractedIssue[] | null = null;
  let db = bundle;
  let content = openContentService(bundle);
  let shardNames: string[] = [];

  const build = (imported: ExtractedIssue[]) => {
    bundled ??= readExtractedIssues(bundle);
    const issues = [...bundled, ...imported];
    const entities = entitiesOf(issues);
    const known = new Set(bundle.prepare<[], { key: string }>('SELECT key FROM entities').all().map((r) => r.key));
    const shards = importedShards(imported, entities, known);
    const memory = new Database(':memory:');
    fillContentDatabase(memory, { issues, entities, shards: [...readShards(bundle), ...shards], archiveVersion });
    return { memory, shards };
  };

  const search = contentSearch(() => db);

  const refresh = () => {
    const imported = listImported().map(extractStored);
    const previous = db;
    let shards: ReturnType<typeof build>['shards'] = [];
    if (imported.length === 0) {
      db = bundle;
    } else {
      const built = build(imported);
      db = built.memory;
      shards = built.shards;
    }
    content = openContentService(db);
    if (previous !== bundle) previous.close();
    for (const name of shardNames) search.removeShard(name);
    for (const shard of shards) search.addShard(shard);
    shardNames = shards.map((s) => s.name);
  };

  if (listImported().length > 0) refresh();
  return {
    content: () => content,
    search,
    bundledKeys,
    refresh,
    close: () => {
      if (db !== bundle) db.close();
      bundle.close();
    },
  };
}
