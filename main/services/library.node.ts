/**
 * The library the reader sees: the bundled archive plus the user's imported issues. With nothing
 * imported it is the bundled database itself. Otherwise the issues of both are put together in an
 * in-memory content database and the entities found again over all of them, so a person named in
 * a new issue and in an old one is one person, with both mentions. The bundle is never written.
 * An imported issue that no longer extracts (its stored text or overlay refused by this version's
 * pipeline) is left out, kept in the user database, and named in a notice.
 */
import Database from 'better-sqlite3';
import { entitiesOf } from '../../db/build-content.node';
import { readExtractedIssues } from '../../db/read-content.node';
import { importedShards } from '../../db/search-docs.std';
import type { ExtractedIssue } from '../../db/pipeline/extract-issue.std';
import { fillContentDatabase } from '../../db/write-content.node';
import { openContentService, type ContentService } from './content.node';
import { extractStored, type StoredIssue } from './imported-issues.node';
import { contentSearch, type SearchService } from './search.node';
import { localised } from '../../common/messages.std';
import type { UserDbNotice } from './user-db.node';

export interface Library {
  content(): ContentService;
  search: SearchService;
  /** Keys of the bundled issues (which an import cannot replace). */
  bundledKeys: Set<string>;
  /** Takes the imported issues in again, after one was added or removed. */
  refresh(): void;
  /** Imported issues left out because they no longer extract, one notice each. */
  notices(): UserDbNotice[];
  close(): void;
}

function unreadable(stored: StoredIssue, error: unknown): UserDbNotice {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    kind: 'unreadable-issue',
    ...localised('library.unreadable-issue', { title: stored.title, file: stored.sourceName, reason }),
  };
}

/** Each stored issue extracted, or a notice instead when it cannot be. */
function extractEach(stored: StoredIssue[]): { issues: ExtractedIssue[]; notices: UserDbNotice[] } {
  const issues: ExtractedIssue[] = [];
  const notices: UserDbNotice[] = [];
  for (const one of stored) {
    try {
      issues.push(extractStored(one));
    } catch (error) {
      notices.push(unreadable(one, error));
    }
  }
  return { issues, notices };
}

export function openLibrary(bundle: Database.Database, listImported: () => StoredIssue[]): Library {
  const bundledKeys = new Set(bundle.prepare<[], { key: string }>('SELECT key FROM issues').all().map((r) => r.key));
  const archiveVersion = bundle.prepare<[], { value: string }>("SELECT value FROM meta WHERE name = 'archive_version'").get()?.value ?? 'unknown';
  // Read from the bundle once, the first time something is imported.
  let bundled: { issues: ExtractedIssue[]; entityKeys: Set<string> } | null = null;
  let db = bundle;
  let content = openContentService(bundle);
  let shardNames: string[] = [];
  let notices: UserDbNotice[] = [];
  // The archive's shard is the bundle's own; imported issues' shards are added to the service.
  const search = contentSearch(() => db, () => bundle);

  /** Bundled and imported issues in one in-memory database, and the imported issues' search shards. */
  const build = (imported: ExtractedIssue[]) => {
    bundled ??= { issues: readExtractedIssues(bundle), entityKeys: new Set(bundle.prepare<[], { key: string }>('SELECT key FROM entities').all().map((r) => r.key)) };
    const issues = [...bundled.issues, ...imported];
    const entities = entitiesOf(issues);
    const memory = new Database(':memory:');
    fillContentDatabase(memory, { issues, entities, shards: [], archiveVersion });
    return { memory, shards: importedShards(imported, entities, bundled.entityKeys) };
  };

  const refresh = (stored = listImported()) => {
    const { issues: imported, notices: left } = extractEach(stored);
    notices = left;
    const previous = db;
    const built = imported.length ? build(imported) : { memory: bundle, shards: [] };
    db = built.memory;
    content = openContentService(db);
    if (previous !== bundle) previous.close();
    for (const name of shardNames) search.removeShard(name);
    for (const shard of built.shards) search.addShard(shard);
    shardNames = built.shards.map((s) => s.name);
  };

  const stored = listImported();
  if (stored.length > 0) refresh(stored);
  return {
    content: () => content,
    search,
    bundledKeys,
    refresh: () => refresh(),
    notices: () => notices,
    close: () => {
      if (db !== bundle) db.close();
      bundle.close();
    },
  };
}
