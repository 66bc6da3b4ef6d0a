/**
 * The library's build, pure of any open library (#25): what an import computes and writes, used
 * alike by the main thread's library (library.node.ts: the CLI, the tests, a refresh) and by the
 * analysis worker (analysis-worker.node.ts), which computes it while the page reviews an import
 * and writes it when the issue is saved. It imports nothing stateful: no library, no import job
 * service.
 *
 * A build is the imported issues as the pipeline extracts them, the entities found again over
 * bundled and imported issues together (a person named in a new issue and an old one is one
 * person), the keys once given kept, and each block of imported issues' search documents. The
 * Lunr index of a block is not built here: the thread that searches builds it from the documents
 * the build wrote (search-shards.node.ts, importedShard), so that the analysis worker never loads
 * Lunr.
 */
import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { entitiesOf, type EntityRecord } from '../../../db/pipeline/entities/extract-entities.std';
import type { ExtractedIssue } from '../../../db/pipeline/extract-issue.std';
import { readExtractedIssues } from '../../../db/read-content.node';
import { importedDocs } from '../../../db/search/search-docs.std';
import { localised } from '../../../common/contract/messages.std';
import { keepGivenKeys, type GivenKey, type KeyAlias, type KeyLedger } from './entity-keys.node';
import {
  builtFromOf,
  extractStored,
  type BuiltIssue,
  type BuiltStore,
  type LibraryBuild,
  type StoredIssue,
} from './imported-issues.node';
import type { UserDbNotice } from '../user-data/user-db.node';

/**
 * The pipeline's own version, part of a build's stamp: raise it when the pipeline reads the same
 * stored text differently, or the search index reads the same documents differently (a rule of
 * db/search/search-text.std.ts). A change that alters the bundled archive changes the stamp by
 * itself (the bundle's digest is part of it). It is part of each imported shard's digest too, so a
 * rebuild by a new version writes every shard's documents again and search builds their index anew.
 */
export const PIPELINE_VERSION = 4;

/**
 * Imported issues per search shard, in import order. One shard per issue made the first search
 * load 51 indexes with 50 issues imported; one shard for all made each import rebuild and reload
 * all of them. In blocks, a launch loads a few, and an import rebuilds and reloads its own block
 * (and any other whose documents its entities changed).
 */
export const ISSUES_PER_SHARD = 10;

export type BundleFacts = ReturnType<typeof bundleFacts>;

/** A build computed ahead (in the worker, while the page reviews the import), with what it was computed from. */
export interface PreparedBuild {
  basis: string;
  /** The issues it adds, as extracted in the worker (saving does not extract them again). */
  adding?: BuiltIssue[];
  entities: EntityRecord[];
  aliases: KeyAlias[];
  shards: LibraryBuild['shards'];
}

export const digestOf = (bytes: string | Buffer) => createHash('sha256').update(bytes).digest('hex').slice(0, 32);

/** An imported shard's digest: of its documents as this version's index reads them. */
export const shardDigestOf = (docs: string) => digestOf(`${PIPELINE_VERSION}\n${docs}`);

/** The stamp of builds made by this version from this bundle: the pipeline's version and the bundle's digest. */
export const stampOf = (bundlePath: string) => `${PIPELINE_VERSION}:${digestOf(readFileSync(bundlePath))}`;

/** What a build is computed from: each imported issue's key and what it was built from, in order. */
export const basisOf = (imported: { key: string; builtFrom: string }[]) =>
  imported.map((b) => `${b.key}:${b.builtFrom}`).join('\n');

/** What the bundle holds, read once (before the build is attached over its tables). */
export function bundleFacts(bundle: Database.Database) {
  const issues = readExtractedIssues(bundle);
  const mentions = new Map<string, string[]>();
  for (const m of bundle
    .prepare<[], { entity_key: string; item_key: string }>(
      'SELECT entity_key, item_key FROM main.mentions ORDER BY entity_key, ord',
    )
    .all()) {
    mentions.set(m.entity_key, [...(mentions.get(m.entity_key) ?? []), m.item_key]);
  }
  const entities: GivenKey[] = bundle
    .prepare<[], { key: string; type: string; name: string }>('SELECT key, type, name FROM main.entities ORDER BY ord')
    .all()
    .map((e) => ({ ...e, mentions: mentions.get(e.key) ?? [] }));
  return { issues, entities, entityKeys: new Set(entities.map((e) => e.key)) };
}

/**
 * The imported issues' search shards (`imported/<n>`): each block's documents, as
 * db/search/search-docs.std.ts gives them per issue, with their digest.
 */
function importedShards(
  imported: ExtractedIssue[],
  entities: EntityRecord[],
  known: Set<string>,
  stored: Map<string, string>,
): LibraryBuild['shards'] {
  const perIssue = importedDocs(imported, entities, known);
  const shards: LibraryBuild['shards'] = [];
  for (let start = 0; start < imported.length; start += ISSUES_PER_SHARD) {
    const name = `imported/${start / ISSUES_PER_SHARD}`;
    const docs = JSON.stringify(perIssue.slice(start, start + ISSUES_PER_SHARD).flat());
    const digest = shardDigestOf(docs);
    // Only a block whose documents changed is written (and indexed) again.
    shards.push({ name, digest, docs: stored.get(name) === digest ? null : docs });
  }
  return shards;
}

/** The library over these imported issues: entities over all issues, given keys kept, each imported issue's shard. */
export function buildLibrary(
  bundled: BundleFacts,
  imported: BuiltIssue[],
  keys: Pick<KeyLedger, 'given' | 'aliases'>,
  storedShards: Map<string, string>,
): PreparedBuild {
  const found = entitiesOf([...bundled.issues, ...imported.map((b) => b.issue)]);
  const ledger = keys.given();
  const ledgered = new Set(ledger.map((g) => g.key));
  const given = [...bundled.entities.filter((e) => !ledgered.has(e.key)), ...ledger];
  const { entities, aliases } = keepGivenKeys(found, given, keys.aliases());
  const shards = importedShards(
    imported.map((b) => b.issue),
    entities,
    bundled.entityKeys,
    storedShards,
  );
  return {
    basis: basisOf(imported.map((b) => ({ key: b.issue.key, builtFrom: b.builtFrom }))),
    entities,
    aliases,
    shards,
  };
}

/** The library with these issues added to what is built (they replace any of the same key). */
export function buildAdding(
  bundled: BundleFacts,
  built: BuiltStore,
  keys: Pick<KeyLedger, 'given' | 'aliases'>,
  adding: BuiltIssue[],
): PreparedBuild {
  const added = new Set(adding.map((b) => b.issue.key));
  const kept = built.issues().filter((b) => !added.has(b.issue.key));
  return { ...buildLibrary(bundled, [...kept, ...adding], keys, built.shardDigests()), adding };
}

function unreadable(stored: StoredIssue, error: unknown): UserDbNotice {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    kind: 'unreadable-issue',
    ...localised('library.unreadable-issue', { title: stored.title, file: stored.sourceName, reason }),
  };
}

/**
 * A stored issue extracted by this pipeline (`pipeline` stamps the build), or, when this version
 * cannot read it, the notice that says so: the issue is kept in the store, not shown.
 */
export function extractOrNotice(
  stored: StoredIssue,
  pipeline: string,
): { built: BuiltIssue; notice: null } | { built: null; notice: UserDbNotice } {
  try {
    return { built: { issue: extractStored(stored), builtFrom: builtFromOf(stored), pipeline }, notice: null };
  } catch (error) {
    return { built: null, notice: unreadable(stored, error) };
  }
}

/** Where a library is written from: the user database's stores and what is known of the bundle. */
export interface LibrarySource {
  built: BuiltStore;
  keys: KeyLedger;
  bundled: () => BundleFacts;
  bundledCount: number;
  /** This version's stamp: the pipeline's version and the bundle's digest. */
  pipeline: string;
  writable: boolean;
  now: () => Date;
}

/**
 * Takes the stored issues in and writes the library they make: an issue whose build was made from
 * its current text and overlay is read as built; any other is extracted now (`fresh` gives issues
 * extracted already: rebuilt in the background, or added by an import). The build computed ahead
 * (`prepared`) is written as it is when it was computed from exactly these issues; else it is
 * computed here. Returns the shards the search service must hold, and the issues left out.
 */
export function writeLibrary(
  source: LibrarySource,
  stored: StoredIssue[],
  fresh: Map<string, BuiltIssue>,
  prepared: PreparedBuild | null,
) {
  const state = source.built.state();
  // Each stored issue: its build as stored (null: kept, not read), or a new one.
  const slots: { key: string; builtFrom: string; built: BuiltIssue | null }[] = [];
  const notices: UserDbNotice[] = [];
  for (const one of stored) {
    const builtFrom = builtFromOf(one);
    const extracted =
      fresh.get(one.key) ?? prepared?.adding?.find((b) => b.issue.key === one.key && b.builtFrom === builtFrom);
    if (extracted || state.get(one.key)?.builtFrom === builtFrom) {
      slots.push({ key: one.key, builtFrom, built: extracted ?? null });
      continue;
    }
    const { built, notice } = extractOrNotice(one, source.pipeline);
    if (built) slots.push({ key: one.key, builtFrom, built });
    else notices.push(notice);
  }
  let build = prepared?.basis === basisOf(slots) ? prepared : null;
  if (!build) {
    // Computed here: the stored builds are read only now.
    const kept = slots.some((x) => !x.built)
      ? new Map(source.built.issues().map((b) => [b.issue.key, b]))
      : new Map<string, BuiltIssue>();
    build = buildLibrary(
      source.bundled(),
      slots.map((x) => x.built ?? kept.get(x.key)!),
      source.keys,
      source.built.shardDigests(),
    );
  }
  const { entities, aliases, shards } = build;
  if (source.writable) {
    source.built.write({
      issues: slots,
      entities,
      shards,
      bundledCount: source.bundledCount,
      pipeline: source.pipeline,
    });
    source.keys.record(entities, aliases, source.now().toISOString());
  }
  return { shards, notices };
}
