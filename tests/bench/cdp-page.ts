/**
 * Debian's Chromium driven by the first screen's benches through the DevTools protocol directly,
 * with no `Runtime.enable` in the page (#26, round 4).
 *
 * Why not Playwright: it enables the Runtime domain in every page it attaches to, and V8's
 * inspector then captures a detailed stack trace (with line and column numbers) for every `Error`
 * the page creates. React-DOM creates one when its module is evaluated (`Error(i(519))`, the
 * hydration mismatch it keeps to throw later), with the react-dom module's factory and the entry
 * module's top level on the stack, so V8 parsed both again for their source positions:
 * `V8.CollectSourcePositions`, 50–80 ms of the page's main thread in every trace of rounds 1–3 (up
 * to 230 ms at load 11). Traced through the browser alone, with a page session that does not enable
 * Runtime, the same build shows none of it; with `Runtime.enable` sent on that session before
 * navigating, it comes back (figures in docs/performance.md). Electron's window has no inspector
 * attached: the app does not pay it.
 *
 * So the benches launch Chromium themselves (`--remote-debugging-port=0`, read back from the
 * profile's DevToolsActivePort), trace from the browser's own session, and drive the page with
 * `Page.navigate` and `Runtime.evaluate` (evaluating needs no `Runtime.enable`); the Page domain is
 * enabled only for an init script (trace.bench.ts's layout-shift watch).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumBinary } from '../e2e/support/hosts';

/** How long Chromium may take to open its DevTools port, and to close. */
const START_TIMEOUT_MS = 30_000;
const CLOSE_TIMEOUT_MS = 10_000;
/** A page's evaluation asked while the navigation has not committed yet is asked again after this. */
const RETRY_MS = 10;

/**
 * The switches Playwright launches its Chromium with (playwright-core's chromiumSwitches and its
 * headless ones), so that the benches' figures stay comparable with the rounds measured through it.
 */
const PLAYWRIGHT_LIKE_ARGS = [
  '--disable-field-trial-config',
  '--disable-background-networking',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-back-forward-cache',
  '--disable-breakpad',
  '--disable-component-extensions-with-background-pages',
  '--disable-component-update',
  '--no-default-browser-check',
  '--disable-default-apps',
  '--disable-dev-shm-usage',
  '--disable-extensions',
  '--allow-pre-commit-input',
  '--disable-hang-monitor',
  '--disable-ipc-flooding-protection',
  '--disable-popup-blocking',
  '--disable-prompt-on-repost',
  '--disable-renderer-backgrounding',
  '--force-color-profile=srgb',
  '--metrics-recording-only',
  '--no-first-run',
  '--password-store=basic',
  '--use-mock-keychain',
  '--no-service-autorun',
  '--disable-search-engine-choice-screen',
  '--headless',
  '--hide-scrollbars',
  '--mute-audio',
];

interface Message {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: { message: string };
  sessionId?: string;
}

/** One WebSocket to the browser; commands answered by id, events handed to listeners. */
class Connection {
  private next = 0;
  private readonly waiting = new Map<number, { done: (m: Message) => void; fail: (e: Error) => void }>();
  private readonly listeners = new Set<(m: Message) => void>();

  private constructor(private readonly socket: WebSocket) {
    socket.addEventListener('message', (event) => this.receive(JSON.parse(String(event.data)) as Message));
    socket.addEventListener('close', () => {
      for (const { fail } of this.waiting.values()) fail(new Error('Chromium closed the DevTools connection.'));
      this.waiting.clear();
    });
  }

  static async open(url: string): Promise<Connection> {
    const socket = new WebSocket(url);
    await new Promise((done, fail) => {
      socket.addEventListener('open', done, { once: true });
      socket.addEventListener('error', () => fail(new Error(`Cannot reach Chromium's DevTools at ${url}.`)), {
        once: true,
      });
    });
    return new Connection(socket);
  }

  private receive(message: Message): void {
    const pending = message.id === undefined ? undefined : this.waiting.get(message.id);
    if (pending) {
      this.waiting.delete(message.id!);
      if (message.error) pending.fail(new Error(message.error.message));
      else pending.done(message);
      return;
    }
    for (const listen of this.listeners) listen(message);
  }

  send<T = Record<string, unknown>>(method: string, params: object = {}, sessionId?: string): Promise<T> {
    const id = ++this.next;
    return new Promise<T>((done, fail) => {
      this.waiting.set(id, {
        done: (m) => done((m.result ?? {}) as T),
        fail: (e) => fail(new Error(`${method}: ${e.message}`)),
      });
      this.socket.send(JSON.stringify({ id, method, params, sessionId }));
    });
  }

  on(listen: (m: Message) => void): () => void {
    this.listeners.add(listen);
    return () => this.listeners.delete(listen);
  }

  close(): void {
    this.socket.close();
  }
}

/** The app's page, driven without Runtime.enable. */
export interface BenchPage {
  /** Starts the navigation (it does not wait for the page's load: waitFor does). */
  goto(url: string): Promise<void>;
  /** Evaluates `expression` in the page (awaiting a promise), once the page at `url`'s origin is there. */
  evaluate<T>(expression: string): Promise<T>;
  /** Resolves when `selector` matches in the page: a MutationObserver of a few lines, nothing injected beforehand. */
  waitFor(selector: string): Promise<void>;
  /** Clicks the first element matching `selector` (its `click()`: the app's links answer it as a user's click). */
  click(selector: string): Promise<void>;
  /** Runs `source` in every new document of the page before its own scripts. */
  addInitScript(source: string): Promise<void>;
}

export interface BenchBrowser {
  page: BenchPage;
  /** Records a Chromium trace of `categories` from the browser's own session until stopTracing. */
  startTracing(categories: string[]): Promise<void>;
  /** Ends the trace; its JSON (`{ traceEvents }`), as the DevTools Performance panel reads it. */
  stopTracing(): Promise<Buffer>;
  close(): Promise<void>;
}

/** Chromium in `profileDir` (a fresh temporary profile when none is given, deleted on close), its first tab as the page. */
export async function launchBenchChromium(args: string[], profileDir?: string): Promise<BenchBrowser> {
  const dir = profileDir ?? mkdtempSync(join(tmpdir(), 'valise-bench-cold-'));
  const portFile = join(dir, 'DevToolsActivePort');
  rmSync(portFile, { force: true });
  const binary = chromiumBinary();
  if (!binary)
    throw new Error("No Chromium to launch: Debian's /usr/bin/chromium is missing and CHROMIUM_PATH is unset.");
  const child = spawn(
    binary,
    [...PLAYWRIGHT_LIKE_ARGS, ...args, `--user-data-dir=${dir}`, '--remote-debugging-port=0', 'about:blank'],
    { stdio: 'ignore' },
  );
  const removeDir = () => {
    if (!profileDir) rmSync(dir, { recursive: true, force: true });
  };
  try {
    const connection = await Connection.open(await devToolsUrl(child, portFile));
    const page = await firstPage(connection);
    return { page, ...tracing(connection), close: () => closeBrowser(connection, child).finally(removeDir) };
  } catch (error) {
    child.kill('SIGKILL');
    removeDir();
    throw error;
  }
}

/** The browser's DevTools WebSocket, from the port file Chromium writes in its profile once listening. */
async function devToolsUrl(child: ChildProcess, portFile: string): Promise<string> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`Chromium exited (code ${child.exitCode}) before opening its DevTools port.`);
    const lines = existsSync(portFile) ? readFileSync(portFile, 'utf8').split('\n') : [];
    if (lines.length >= 2 && lines[1]) return `ws://127.0.0.1:${lines[0]}${lines[1]}`;
    await sleep(RETRY_MS * 5);
  }
  throw new Error(`Chromium did not open its DevTools port within ${START_TIMEOUT_MS} ms.`);
}

/** Attaches to the browser's first tab (flat session) without enabling any domain in it. */
async function firstPage(connection: Connection): Promise<BenchPage> {
  const { targetInfos } = await connection.send<{ targetInfos: { targetId: string; type: string }[] }>(
    'Target.getTargets',
  );
  const tab = targetInfos.find((t) => t.type === 'page');
  const targetId =
    tab?.targetId ??
    (await connection.send<{ targetId: string }>('Target.createTarget', { url: 'about:blank' })).targetId;
  const { sessionId } = await connection.send<{ sessionId: string }>('Target.attachToTarget', {
    targetId,
    flatten: true,
  });
  await blankLoaded(connection, sessionId);
  return pageOf(connection, sessionId);
}

/**
 * Waits until the tab's blank page has loaded in its renderer: the launch is done then, as it was
 * when Playwright's newPage returned, so that the page's figures (from navigation) do not count
 * the renderer's own start, which the launch's figures count.
 */
async function blankLoaded(connection: Connection, sessionId: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const answer = await connection
      .send<{ result: { value?: unknown } }>(
        'Runtime.evaluate',
        { expression: 'document.readyState', returnByValue: true },
        sessionId,
      )
      .catch(() => undefined);
    if (answer?.result.value === 'complete') return;
    await sleep(RETRY_MS);
  }
  throw new Error(`Chromium's first tab did not load its blank page within ${START_TIMEOUT_MS} ms.`);
}

function pageOf(connection: Connection, sessionId: string): BenchPage {
  const send = <T>(method: string, params: object = {}) => connection.send<T>(method, params, sessionId);
  let origin = '';
  const evaluate = async <T>(expression: string): Promise<T> => {
    // The new document may not have committed yet when goto returns: ask again until the page is the app's.
    const guarded = `(location.origin !== ${JSON.stringify(origin)}) ? { __notYet: true } : (async () => ({ value: await (${expression}) }))()`;
    for (;;) {
      const answer = await send<{
        result: { value?: unknown };
        exceptionDetails?: { text: string; exception?: { description?: string } };
      }>('Runtime.evaluate', { expression: guarded, awaitPromise: true, returnByValue: true }).catch((error: Error) => {
        // A navigation destroyed the context the evaluation ran in: ask again in the new one.
        if (/context|navigat/i.test(error.message)) return undefined;
        throw error;
      });
      if (answer?.exceptionDetails)
        throw new Error(answer.exceptionDetails.exception?.description ?? answer.exceptionDetails.text);
      const value = answer?.result.value as { __notYet?: boolean; value?: T } | undefined;
      if (value && !value.__notYet) return value.value as T;
      await sleep(RETRY_MS);
    }
  };
  return {
    async goto(url) {
      origin = new URL(url).origin;
      const { errorText } = await send<{ errorText?: string }>('Page.navigate', { url });
      if (errorText) throw new Error(`Navigating to ${url}: ${errorText}`);
    },
    evaluate,
    waitFor: (selector) =>
      evaluate(`new Promise((done) => {
        const sel = ${JSON.stringify(selector)};
        if (document.querySelector(sel)) return done(true);
        const watch = new MutationObserver(() => {
          if (document.querySelector(sel)) { watch.disconnect(); done(true); }
        });
        watch.observe(document, { subtree: true, childList: true, attributes: true });
      })`).then(() => undefined),
    click: (selector) =>
      evaluate(`(() => {
        const target = document.querySelector(${JSON.stringify(selector)});
        if (!target) throw new Error('Nothing to click: ' + ${JSON.stringify(selector)});
        target.click();
      })()`),
    addInitScript: async (source) => {
      // Chromium adds the script to new documents only with the Page domain enabled (Runtime stays off).
      await send('Page.enable');
      await send('Page.addScriptToEvaluateOnNewDocument', { source });
    },
  };
}

/** Tracing from the browser's session: events gathered as Chromium reports them, until it says the trace is complete. */
function tracing(connection: Connection): Pick<BenchBrowser, 'startTracing' | 'stopTracing'> {
  const events: string[] = [];
  let stopListening: () => void = () => {};
  return {
    async startTracing(categories) {
      events.length = 0;
      stopListening = connection.on((m) => {
        if (m.method === 'Tracing.dataCollected')
          for (const e of m.params!.value as unknown[]) events.push(JSON.stringify(e));
      });
      await connection.send('Tracing.start', {
        traceConfig: { includedCategories: categories },
        transferMode: 'ReportEvents',
      });
    },
    async stopTracing() {
      const complete = new Promise<void>((done) => {
        const off = connection.on((m) => {
          if (m.method === 'Tracing.tracingComplete') {
            off();
            done();
          }
        });
      });
      await connection.send('Tracing.end');
      await complete;
      stopListening();
      return Buffer.from(`{"traceEvents":[${events.join(',')}]}`);
    },
  };
}

/** Asks Chromium to close (so that a kept profile is written), and kills it if it does not. */
async function closeBrowser(connection: Connection, child: ChildProcess): Promise<void> {
  const exited = new Promise<void>((done) => {
    if (child.exitCode !== null) done();
    else child.once('exit', () => done());
  });
  await connection.send('Browser.close').catch(() => undefined);
  connection.close();
  const timer = setTimeout(() => child.kill('SIGKILL'), CLOSE_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
