/**
 * Smoke mode, for an installed app on a machine nobody watches (the workflow's jobs after `dist`):
 * `VALISE_SMOKE_RESULT=<file>` makes Valise open its window and, from the page through the preload
 * bridge and the IPC sender check as a user's clicks would, ask main for its info, import the bundled
 * PDF (staged as File › Import issue… stages a file; read by the analysis worker; saved), read the
 * issue back and search a word of it within it; then write what happened to the file and quit, with
 * exit code 1 if a step failed. The packaged app's fuses forbid driving it from outside (no
 * --inspect, no ELECTRON_RUN_AS_NODE), so it proves itself. A smoke run keeps its data in a new
 * temporary folder unless VALISE_USER_DATA names one (startup.main.ts): the user's data is never
 * touched. Refused: a result path that is not absolute (the file would land wherever the OS
 * started the app).
 */
import { app, type WebContents } from 'electron';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, isAbsolute } from 'node:path';
import { performance } from 'node:perf_hooks';

export const SMOKE_ENV = 'VALISE_SMOKE_RESULT';
/** A smoke run that has not written its result by then writes a failure and quits. */
const SMOKE_DEADLINE_MS = 60_000;
const PROGRESS_POLL_MS = 50;

/** The result file a smoke run writes, or null for an ordinary run. */
export function smokeResultFile(env: NodeJS.ProcessEnv): string | null {
  const file = env[SMOKE_ENV];
  return file && isAbsolute(file) ? file : null;
}

export interface SmokeStep {
  step: string;
  ok: boolean;
  /** Milliseconds since the process started (performance.timeOrigin), when the step ended. */
  atMs: number;
  detail: string;
}

export interface SmokeResult {
  ok: boolean;
  version: string;
  electron: string | null;
  platform: string;
  arch: string;
  packaged: boolean;
  /** Whether Chromium was told to run without its sandbox: a smoke run must not be. */
  noSandbox: boolean;
  /** When main's script started, in ms since the process started: Electron's own start-up before it. */
  mainScriptAtMs: number;
  /** The page loaded and its first IPC call answered, in ms since the process started. */
  launchToInteractiveMs: number | null;
  launchToResultMs: number;
  steps: SmokeStep[];
  error: string | null;
}

/** The longest word of a text (letters only): a word of the imported issue to search for. */
export function searchWordOf(text: string): string | null {
  const words = text.match(/\p{L}{4,}/gu) ?? [];
  return words.reduce<string | null>((best, word) => (best === null || word.length > best.length ? word : best), null);
}

interface Reply {
  ok: boolean;
  value?: unknown;
  error?: { code: string; message: string };
}

/** A request from the page, as the renderer sends it: `window.valise.invoke` in the page's own world. */
async function fromPage(contents: WebContents, channel: string, args: unknown): Promise<unknown> {
  const reply = (await contents.executeJavaScript(
    `window.valise.invoke(${JSON.stringify(channel)}, ${JSON.stringify(args)})`,
  )) as Reply;
  if (!reply?.ok)
    throw new Error(`${channel}: ${reply?.error ? `${reply.error.code} ${reply.error.message}` : 'no answer'}`);
  return reply.value;
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Follows an import job as the import screen does, until it is no longer running. */
async function analysed(contents: WebContents, uploadId: string): Promise<string> {
  const { jobId } = (await fromPage(contents, 'import:analyse', { uploadId })) as { jobId: string };
  for (;;) {
    const job = (await fromPage(contents, 'import:progress', { jobId })) as { state: string; error?: string | null };
    if (job.state === 'done') return jobId;
    if (job.state !== 'running')
      throw new Error(`import:progress: the job ended ${job.state}${job.error ? ` (${job.error})` : ''}`);
    await delay(PROGRESS_POLL_MS);
  }
}

export interface SmokeRun {
  contents: WebContents;
  stageImport: (name: string, bytes: Uint8Array) => string;
  pdfPath: string;
  /** performance.now() when main's script started. */
  mainScriptAt: number;
}

/** The steps, each recorded as it ends; the first that fails stops the run. */
async function steps(
  { contents, stageImport, pdfPath }: SmokeRun,
  record: (step: string, detail: string) => void,
  interactive: () => void,
): Promise<void> {
  const info = (await fromPage(contents, 'app:info', {})) as { version: string };
  interactive();
  record('ipc', `app:info answered from the page: Valise ${info.version}`);
  const uploadId = stageImport(basename(pdfPath), readFileSync(pdfPath));
  const jobId = await analysed(contents, uploadId);
  const { keys } = (await fromPage(contents, 'import:save', { jobId, onDuplicate: 'keep-both' })) as { keys: string[] };
  const key = keys[0];
  if (!key) throw new Error('import:save saved no issue');
  record('import', `${basename(pdfPath)} imported as ${key}`);
  const issue = (await fromPage(contents, 'content:getIssue', { key })) as {
    sections: { paragraphs: { text: string }[] }[];
  };
  const word = searchWordOf(issue.sections[0]?.paragraphs[0]?.text ?? '');
  if (!word) throw new Error(`content:getIssue: ${key} has no text`);
  const found = (await fromPage(contents, 'search:query', { query: word, issue: key })) as { total: number };
  if (found.total < 1) throw new Error(`search:query: “${word}” is not found in ${key}`);
  record('search', `“${word}” found in ${key}: ${found.total} hit(s)`);
}

function newResult(mainScriptAt: number): SmokeResult {
  return {
    ok: false,
    version: app.getVersion(),
    electron: process.versions.electron ?? null,
    platform: process.platform,
    arch: process.arch,
    packaged: app.isPackaged,
    noSandbox: app.commandLine?.hasSwitch('no-sandbox') ?? false,
    mainScriptAtMs: Math.round(mainScriptAt),
    launchToInteractiveMs: null,
    launchToResultMs: 0,
    steps: [],
    error: null,
  };
}

function write(resultFile: string, result: SmokeResult): void {
  result.launchToResultMs = Math.round(performance.now());
  writeFileSync(resultFile, `${JSON.stringify(result, null, 2)}\n`);
}

/**
 * A smoke run whose start-up failed: the reason goes to the result file and the app exits with 1,
 * without the dialog an ordinary start-up failure shows (nobody would close it; the run would hang).
 */
export function smokeStartFailed(
  resultFile: string,
  error: unknown,
  mainScriptAt: number,
  log: (message: string, error?: unknown) => void,
): void {
  log('start-up failed (smoke run)', error);
  const result = newResult(mainScriptAt);
  result.error = `start-up failed: ${error instanceof Error ? error.message : String(error)}`;
  write(resultFile, result);
  app.exit(1);
}

/** Runs the smoke steps once the page has loaded, writes the result, and quits (exit code 1 on failure). */
export async function runSmoke(
  run: SmokeRun,
  resultFile: string,
  setExitCode: (code: number) => void,
): Promise<SmokeResult> {
  const result = newResult(run.mainScriptAt);
  const record = (step: string, detail: string, ok = true) =>
    result.steps.push({ step, ok, atMs: Math.round(performance.now()), detail });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no result after ${SMOKE_DEADLINE_MS / 1000} s`)), SMOKE_DEADLINE_MS);
  });
  try {
    await Promise.race([loaded(run.contents), deadline]);
    record('window', `the page loaded: ${run.contents.getURL()}`);
    await Promise.race([
      steps(run, record, () => (result.launchToInteractiveMs = Math.round(performance.now()))),
      deadline,
    ]);
    result.ok = !result.noSandbox;
    if (result.noSandbox) result.error = 'Chromium ran without its sandbox (--no-sandbox)';
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
    record('failed', result.error, false);
  } finally {
    clearTimeout(timer);
  }
  write(resultFile, result);
  setExitCode(result.ok ? 0 : 1);
  app.quit();
  return result;
}

/** Resolves when the window's page has finished loading (at once if it already has). */
function loaded(contents: WebContents): Promise<void> {
  if (!contents.isLoading() && contents.getURL()) return Promise.resolve();
  return new Promise((resolve) => contents.once('did-finish-load', () => resolve()));
}
