/**
 * The import service: a file comes in (sent in chunks by the page, or staged by the native dialog
 * or the CLI), a job reads it with progress and a cancel, the page reviews what the pipeline found
 * and may correct the facts a layout cannot state, and saving puts the issue in the user's library,
 * searchable at once. Nothing is written before the save, and a refused file changes nothing.
 */
import Database from 'better-sqlite3';
import { randomBytes, type KeyObject } from 'node:crypto';
import type {
  Corrections,
  ImportedIssue,
  ImportJob,
  ImportPreview,
  IssueDraft,
} from '../../../common/contract/import.std';
import { catalogued, ContractError } from '../../../common/contract/errors.std';
import { formatMessage } from '../../../common/contract/messages.std';
import { entitiesOf } from '../../../db/build-content.node';
import type { EntityRecord } from '../../../db/pipeline/entities/extract-entities.std';
import type { ExtractedIssue } from '../../../db/pipeline/extract-issue.std';
import { DROP_REASONS, type LayoutOverlay } from '../../../db/pipeline/source/pdf-layout.std';
import { fillContentDatabase } from '../../../db/write-content.node';
import { dumpArchive, type ArchiveDump } from '../library/archive-dump.node';
import type { ImportedIssueStore } from '../library/imported-issues.node';
import { reviveImportError, type LibraryChange, type OffThread } from '../workers/off-thread.node';
import {
  analyseFile,
  extractWithReview,
  firstPageOf,
  withCorrections,
  type Analysed,
  type Candidate,
  type ExtractedWithReview,
  type Review,
} from './import-analysis.node';
import { reviveError } from '../workers/worker-rpc.node';
import type { Library } from '../library/library.node';
import { keyIdOf, packItemOf, writePack } from './packs.node';
import { ImportError } from './import-error.node';

// What the CLI and the tests take from the analysis, where they always took it.
export { analyseFile, corrected, extractCandidate, type Analysed, type Candidate } from './import-analysis.node';

/** Uploads and jobs kept at once; the oldest goes first. A person imports one file at a time. */
const MAX_PENDING = 4;

interface Job extends ImportJob {
  controller: AbortController;
  candidates: Candidate[];
  uploadId: string;
}

interface Upload {
  name: string;
  size: number;
  chunks: Buffer[];
  received: number;
}

export interface ImportServiceOptions {
  store: ImportedIssueStore;
  library: Library;
  readOnly: boolean;
  now: () => Date;
  /** Public keys a pack may be signed with, by id. */
  trustedKeys: () => Map<string, KeyObject>;
  /** The key this Valise signs its exported packs with (created on first use). */
  signingKey: () => KeyObject;
  /** Reads and extracts in a worker, off the main thread; without it, in-process. */
  offThread?: OffThread | null;
}

export type ImportService = ReturnType<typeof createImportService>;

const id = (prefix: string) => prefix + randomBytes(8).toString('hex');

/** What the layout found by position, each dropped line counted under its own reason. */
export function layoutFound(
  layout: LayoutOverlay | null,
): { counts: NonNullable<IssueDraft['layout']>; found: string[] } | null {
  if (!layout) return null;
  const dropped = (reason: string) => layout.drop.filter((d) => d.reason === reason).length;
  const counts = {
    boxes: layout.boxes.length,
    pageNumbers: dropped(DROP_REASONS.pageNumber),
    runningHeaders: dropped(DROP_REASONS.runningHeader),
  };
  const found = [`${counts.boxes} side boxes and ${counts.pageNumbers} page numbers found by position`];
  if (counts.runningHeaders > 0) found.push(`${counts.runningHeaders} running header lines left out`);
  return { counts, found };
}

function draftOf(
  issue: ExtractedIssue,
  entities: EntityRecord[],
  firstPage: number,
  duplicate: IssueDraft['duplicate'],
  layout: ReturnType<typeof layoutFound>,
  { words, warnings }: Review,
): IssueDraft {
  const of = (type: EntityRecord['type'], detail: (e: EntityRecord) => unknown) =>
    entities
      .filter((e) => e.type === type)
      .map((e) => ({ key: e.key, name: e.name, detail: typeof detail(e) === 'string' ? (detail(e) as string) : null }));
  return {
    key: issue.key,
    number: issue.number,
    year: issue.year,
    date: issue.date,
    title: issue.title,
    firstPage,
    sections: issue.sections.map((s) => ({
      key: s.key,
      title: s.title,
      kicker: s.kicker,
      page: s.page,
      paragraphs: s.paragraphs.length,
      texts: s.paragraphs.map((p) => ({ kind: p.kind, text: p.text, page: p.page })),
    })),
    people: of('person', (e) => e.data.role),
    organisations: of('organisation', (e) => e.data.acronym),
    events: of('event', (e) => e.data.start),
    figures: of('figure', (e) => e.data.text),
    contacts: of('contact', (e) => e.data.owner),
    duplicate,
    found: layout?.found ?? [],
    layout: layout?.counts ?? null,
    words,
    warnings,
  };
}

/** Words of the preview's issues in no section and no drop list: saving them needs a confirmation. */
export function unaccountedWords(preview: ImportPreview | null): number {
  return (preview?.issues ?? []).reduce(
    (n, draft) => n + (draft.words?.unaccounted.reduce((m, u) => m + u.words, 0) ?? 0),
    0,
  );
}

/** These issues alone, in the `cli dump` shape. */
export function dumpOf(issues: ExtractedIssue[]): ArchiveDump {
  const db = new Database(':memory:');
  try {
    fillContentDatabase(db, { issues, entities: entitiesOf(issues), shards: [], archiveVersion: 'import' });
    return dumpArchive(db);
  } finally {
    db.close();
  }
}

/** Kept in a map of at most MAX_PENDING: the oldest goes first. */
export function keep<T>(map: Map<string, T>, key: string, value: T) {
  map.set(key, value);
  while (map.size > MAX_PENDING) map.delete(map.keys().next().value!);
}

/** The key itself if no issue has it, else the first `key-2`, `key-3`… none has ("keep both"). */
export function uniqueKey(key: string, taken: Set<string>): string {
  if (!taken.has(key)) return key;
  let n = 2;
  while (taken.has(`${key}-${n}`)) n++;
  return `${key}-${n}`;
}

/** What the service holds between requests: uploads, files read, and jobs, a few of each. */
interface ImportState {
  options: ImportServiceOptions;
  uploads: Map<string, Upload>;
  analysed: Map<string, Analysed>;
  jobs: Map<string, Job>;
}

/** The issue in the library with the key the candidate would take, or the one read from the same file. */
function duplicateOf({ options }: ImportState, candidate: Candidate, key: string): IssueDraft['duplicate'] {
  const sameKey = options.library
    .content()
    .listIssues()
    .find((i) => i.key === key);
  if (sameKey) return { key, title: sameKey.title, bundled: options.library.bundledKeys.has(key) };
  const sameFile = options.store.fromFile(candidate.sourceSha256);
  return sameFile ? { ...sameFile, bundled: false } : null;
}

/** Each candidate extracted, with its own entities: in the worker when there is one. */
async function extractAll(
  { options }: ImportState,
  candidates: Candidate[],
  corrections: Corrections | undefined,
): Promise<ExtractedWithReview[]> {
  if (!options.offThread) return candidates.map((candidate) => extractWithReview(candidate, corrections));
  return (await options.offThread.extract(candidates, corrections)).map((one) => {
    if ('error' in one) throw reviveError(one.error, reviveImportError);
    return one;
  });
}

async function previewOf(
  st: ImportState,
  file: Analysed,
  corrections: Corrections | undefined,
): Promise<{ preview: ImportPreview; keyed: Candidate[]; extracted: ExtractedWithReview[] }> {
  const keyed: Candidate[] = [];
  const extracted = await extractAll(st, file.candidates, corrections);
  const candidates = file.candidates.map((candidate) => withCorrections(candidate, corrections));
  const issues = candidates.map((candidate, i) => {
    const { issue, entities, review } = extracted[i]!;
    keyed.push({ ...candidate, key: issue.key, title: issue.title });
    return draftOf(
      issue,
      entities,
      firstPageOf(candidate),
      duplicateOf(st, candidate, issue.key),
      layoutFound(file.layout),
      review,
    );
  });
  return {
    preview: { kind: file.kind, sourceName: file.sourceName, pages: file.pages, signer: file.signer, issues },
    keyed,
    extracted,
  };
}

/** The file read once (kept for a review with other corrections), in the worker if there is one. */
async function readOnce({ options, analysed }: ImportState, job: Job, upload: Upload): Promise<Analysed> {
  const known = analysed.get(job.uploadId);
  if (known) return known;
  const file = await (options.offThread?.analyse ?? analyseFile)(upload.name, Buffer.concat(upload.chunks), {
    trustedKeys: options.trustedKeys(),
    signal: job.controller.signal,
    onProgress: (done, total) => Object.assign(job, { step: 'reading', done, total }),
  });
  keep(analysed, job.uploadId, file);
  return file;
}

async function run(st: ImportState, job: Job, upload: Upload, corrections: Corrections | undefined) {
  try {
    const file = await readOnce(st, job, upload);
    if (job.controller.signal.aborted) throw ImportError.fromCatalogue('cancelled', 'import.cancelled');
    Object.assign(job, { step: file.kind === 'pack' ? 'checking' : 'extracting' });
    if (file.kind === 'pack' && corrections) throw ImportError.fromCatalogue('no-issue', 'import.pack-as-signed');
    const { preview, keyed, extracted } = await previewOf(st, file, corrections);
    // While the page shows the review, the library with these issues is computed (in the worker if any).
    await st.options.library.prepare(extracted.map(({ issue, builtFrom }) => ({ issue, builtFrom })));
    Object.assign(job, { state: 'done', step: 'done', preview, candidates: keyed, done: job.total, error: null });
  } catch (error) {
    const cancelled = job.controller.signal.aborted || (error instanceof ImportError && error.problem === 'cancelled');
    const known =
      error instanceof ImportError || error instanceof ContractError
        ? error
        : catalogued('import.unreadable', { reason: (error as Error).message });
    // With the catalogue's id, for the page to show it in French.
    const { message, localised } = cancelled ? catalogued('import.cancelled') : known;
    Object.assign(job, {
      state: cancelled ? 'cancelled' : 'failed',
      error: message,
      errorId: localised.messageId,
      errorParams: localised.params,
    });
  }
}

/**
 * Saves the change and the library with it, all or nothing. With the analysis worker, the worker
 * writes it in its own short transaction (BEGIN IMMEDIATE, with the busy wait) and this thread
 * only reads what it wrote; without (the CLI), here, in one transaction: the library is rebuilt
 * from the store before it is committed, so an issue the library cannot take in (two
 * organisations given in the review whose keys are the same, such as two names with no Latin
 * letter: found by the generated hostile requests) is never kept; kept, it failed every start.
 * A crash mid-replace loses nothing.
 */
async function write({ options }: ImportState, change: LibraryChange) {
  const writer = options.library.writer;
  if (writer) {
    const outcome = await writer(change);
    if ('refused' in outcome)
      throw ContractError.fromCatalogue('REFUSED', 'import.not-added', { reason: outcome.refused });
    return;
  }
  let rebuilding = false;
  try {
    options.store.transaction(() => {
      for (const key of change.remove) options.store.remove(key);
      for (const issue of change.put) options.store.put(issue);
      rebuilding = true;
      options.library.refresh();
    });
  } catch (error) {
    if (!rebuilding) throw error;
    options.library.refresh();
    throw ContractError.fromCatalogue('REFUSED', 'import.not-added', { reason: (error as Error).message });
  }
}

const publicJob = ({ controller: _c, candidates: _k, uploadId: _u, ...job }: Job): ImportJob => job;

function writable({ options }: ImportState) {
  if (options.readOnly) throw ContractError.fromCatalogue('REFUSED', 'import.read-only');
}

/** What saving the job changes: each candidate put in (under a key of its own when both are kept), a replaced issue taken out. */
function changeOf(st: ImportState, job: Job, onDuplicate: 'replace' | 'keep-both' | undefined): LibraryChange {
  const plans = job.candidates.map((candidate) => ({
    candidate,
    duplicate: duplicateOf(st, candidate, candidate.key),
  }));
  const clash = plans.find((p) => p.duplicate);
  if (clash && !onDuplicate)
    throw ContractError.fromCatalogue('CONFLICT', 'import.duplicate', { title: clash.duplicate!.title });
  if (onDuplicate === 'replace' && plans.some((p) => p.duplicate?.bundled))
    throw ContractError.fromCatalogue('REFUSED', 'import.bundled');
  const importedAt = st.options.now().toISOString();
  const taken = () =>
    new Set(
      st.options.library
        .content()
        .listIssues()
        .map((i) => i.key),
    );
  const change: LibraryChange = { remove: [], put: [] };
  for (const { candidate, duplicate } of plans) {
    let key = candidate.key;
    if (duplicate && onDuplicate === 'replace') {
      change.remove.push(duplicate.key);
      key = duplicate.key;
    } else if (duplicate) key = uniqueKey(candidate.key, taken());
    change.put.push({ ...candidate, key, importedAt });
  }
  return change;
}

async function save(st: ImportState, jobId: string, onDuplicate?: 'replace' | 'keep-both', confirmUnaccounted = false) {
  writable(st);
  const job = st.jobs.get(jobId);
  if (!job || job.state !== 'done') throw ContractError.fromCatalogue('NOT_FOUND', 'import.nothing-to-save');
  const unaccounted = unaccountedWords(job.preview);
  if (unaccounted > 0 && !confirmUnaccounted)
    throw ContractError.fromCatalogue('REFUSED', 'import.unaccounted', { count: String(unaccounted) });
  const change = changeOf(st, job, onDuplicate);
  // Out of the list while it is written (a second save of it is refused), back in if the write fails.
  st.jobs.delete(jobId);
  try {
    await write(st, change);
  } catch (error) {
    keep(st.jobs, jobId, job);
    throw error;
  }
  return { keys: change.put.map((issue) => issue.key) };
}

function begin({ uploads }: ImportState, name: string, size: number) {
  const uploadId = id('u');
  keep(uploads, uploadId, { name, size, chunks: [], received: 0 });
  return { uploadId };
}

function chunk({ uploads }: ImportState, uploadId: string, index: number, data: string) {
  const upload = uploads.get(uploadId);
  if (!upload) throw ContractError.fromCatalogue('NOT_FOUND', 'import.upload-over');
  if (index !== upload.chunks.length)
    throw ContractError.fromCatalogue('BAD_REQUEST', 'import.chunk-out-of-order', {
      index: String(index),
      expected: String(upload.chunks.length),
    });
  const bytes = Buffer.from(data, 'base64');
  if (upload.received + bytes.length > upload.size)
    throw ContractError.fromCatalogue('BAD_REQUEST', 'import.larger-than-announced');
  upload.chunks.push(bytes);
  upload.received += bytes.length;
  return { received: upload.received };
}

function analyse(st: ImportState, uploadId: string, corrections?: Corrections) {
  const upload = st.uploads.get(uploadId);
  if (!upload) throw ContractError.fromCatalogue('NOT_FOUND', 'import.upload-over');
  if (upload.received !== upload.size)
    throw ContractError.fromCatalogue('BAD_REQUEST', 'import.upload-incomplete', {
      received: String(upload.received),
      size: String(upload.size),
    });
  const job: Job = {
    jobId: id('j'),
    state: 'running',
    step: 'reading',
    done: 0,
    total: 0,
    preview: null,
    error: null,
    controller: new AbortController(),
    candidates: [],
    uploadId,
  };
  keep(st.jobs, job.jobId, job);
  const finished = run(st, job, upload, corrections);
  return { jobId: job.jobId, finished };
}

function cancel({ jobs }: ImportState, jobId: string) {
  const job = jobs.get(jobId);
  if (!job || job.state !== 'running') return { cancelled: false };
  job.controller.abort();
  const { message, localised } = catalogued('import.cancelled');
  Object.assign(job, {
    state: 'cancelled',
    error: message,
    errorId: localised.messageId,
    errorParams: localised.params,
  });
  return { cancelled: true };
}

/** Takes an imported issue out of the library; its bookmarks stay, orphaned. */
function remove(st: ImportState, key: string, countBookmarks: (issueKey: string) => number) {
  writable(st);
  if (!st.options.store.remove(key)) throw ContractError.fromCatalogue('NOT_FOUND', 'import.no-such-imported', { key });
  st.options.library.refresh();
  return { orphanedBookmarks: countBookmarks(key) };
}

/** A signed pack of imported issues (all of them, or those named); `libraryFileName` names a pack of several (main names it in the interface language). */
function exportPack({ options }: ImportState, keys?: string[], libraryFileName?: string) {
  const stored = options.store.list().filter((s) => !keys || keys.includes(s.key));
  if (stored.length === 0)
    throw ContractError.fromCatalogue('NOT_FOUND', keys ? 'import.not-imported-to-pack' : 'import.nothing-to-pack');
  const key = options.signingKey();
  const content = writePack(stored.map(packItemOf), key, options.now());
  const date = options.now().toISOString().slice(0, 10);
  return {
    fileName:
      stored.length === 1
        ? `${stored[0]!.key}.valise`
        : (libraryFileName ?? formatMessage('export.pack-file', { date }, 'en')),
    content,
    count: stored.length,
    signer: keyIdOf(key),
  };
}

export function createImportService(options: ImportServiceOptions) {
  const st: ImportState = { options, uploads: new Map(), analysed: new Map(), jobs: new Map() };
  return {
    begin: (name: string, size: number) => begin(st, name, size),
    chunk: (uploadId: string, index: number, data: string) => chunk(st, uploadId, index, data),
    /** A whole file at once: the native dialog's pick, or the CLI's argument. */
    stage(name: string, bytes: Uint8Array) {
      const { uploadId } = begin(st, name, bytes.length);
      Object.assign(st.uploads.get(uploadId)!, { chunks: [Buffer.from(bytes)], received: bytes.length });
      return uploadId;
    },
    analyse: (uploadId: string, corrections?: Corrections) => analyse(st, uploadId, corrections),
    progress(jobId: string): ImportJob {
      const job = st.jobs.get(jobId);
      if (!job) throw ContractError.fromCatalogue('NOT_FOUND', 'import.job-over');
      return publicJob(job);
    },
    cancel: (jobId: string) => cancel(st, jobId),
    save: (jobId: string, onDuplicate?: 'replace' | 'keep-both', confirmUnaccounted = false) =>
      save(st, jobId, onDuplicate, confirmUnaccounted),
    list: (): ImportedIssue[] =>
      options.store.list().map(({ key, title, sourceName, sourceKind, importedAt }) => ({
        key,
        title,
        sourceName,
        sourceKind,
        importedAt,
      })),
    remove: (key: string, countBookmarks: (issueKey: string) => number) => remove(st, key, countBookmarks),
    exportPack: (keys?: string[], libraryFileName?: string) => exportPack(st, keys, libraryFileName),
  };
}
