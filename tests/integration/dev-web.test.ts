/**
 * `npm run dev:web`, the README's way to use Valise where Electron's binary cannot be downloaded,
 * run as a process: it starts on a free port, serves the page, answers one IPC request, and stops
 * cleanly on SIGTERM or SIGINT (exit 0, port closed). The script builds, then runs its entry with
 * tsx; to stay fast, this runs that entry against the build output (`npm test` builds first).
 * Waits only on events (a line on stdout, the exit), never on time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { connect, createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../common/app/csp.std';
import { USER_DB_FILE } from '../../main/services/user-data/user-db.node';
import { IPC_PATH } from '../../main/webhost/server.node';
import { tempDir } from '../support/content';

const ROOT = join(__dirname, '..', '..');
const SCRIPT = 'dev:web';
/** What the README says the script does: build, then serve. */
const DOCUMENTED_SCRIPT = 'npm run build && node --import tsx main/webhost/dev-web.node.ts';
const DOCUMENTED_URL = 'http://127.0.0.1:5190/';
const READY_LINE = /^Valise web host \(development only\) at (http:\/\/127\.0\.0\.1:\d+\/)$/;
/** Starting takes tsx's compile and the services' opening: a few seconds, with room on a slow machine. */
const TEST_TIMEOUT_MS = 30_000;
/** How the host is stopped: a signal to its process, or Ctrl-C in a terminal (SIGINT to the whole group: tsx and its node). */
const STOPS = [
  ['SIGTERM', 'the process'],
  ['SIGINT', 'the process'],
  ['SIGINT', 'its process group'],
] as const;

interface DevWeb {
  child: ChildProcess;
  exited: Promise<[number | null, NodeJS.Signals | null]>;
  stderr: () => string;
  userDataDir: string;
}

const started: DevWeb[] = [];
afterEach(() => {
  // A test that failed before its stop leaves the process: end its whole group (tsx and its node).
  for (const { child } of started.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL');
  }
});

function scripts(): Record<string, string> {
  return (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
}

/** The command the script runs after building, as program and arguments. */
function entryCommand(): [string, string[]] {
  const [program = '', ...args] = (scripts()[SCRIPT] ?? '').split('&&').at(-1)!.trim().split(/\s+/);
  return [program === 'node' ? process.execPath : join(ROOT, 'node_modules', '.bin', program), args];
}

/** A port nobody listens on: the system picks one for a listener, which is then closed. */
async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

function startDevWeb(port: number): DevWeb {
  const [program, args] = entryCommand();
  const userDataDir = tempDir('valise-dev-web-');
  const child = spawn(program, args, {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), VALISE_USER_DATA: userDataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const devWeb = { child, exited: once(child, 'exit') as DevWeb['exited'], stderr: () => stderr, userDataDir };
  started.push(devWeb);
  return devWeb;
}

/** The URL announced on stdout; rejects, with what was said on stderr, if the process ends first. */
function announcedUrl(devWeb: DevWeb): Promise<string> {
  return new Promise((resolve, reject) => {
    createInterface({ input: devWeb.child.stdout! }).on('line', (line) => {
      const match = READY_LINE.exec(line);
      if (match?.[1]) resolve(match[1]);
    });
    void devWeb.exited.then(([code, signal]) =>
      reject(new Error(`dev:web ended before it was ready (${code ?? signal}): ${devWeb.stderr()}`)),
    );
  });
}

/** Whether anything accepts a connection on the port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function ipc(url: string, channel: string, args: unknown): Promise<Response> {
  const origin = new URL(url).origin;
  return fetch(new URL(IPC_PATH, url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ channel, args }),
  });
}

/** GET / answers the built page with the content security policy, and its script is served. */
async function expectPage(url: string): Promise<void> {
  const page = await fetch(url);
  expect(page.status).toBe(200);
  expect(page.headers.get('content-type')).toMatch(/^text\/html/);
  expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  const html = await page.text();
  expect(html).toContain('<div id="root"></div>');
  const script = /<script type="module" crossorigin src="\.\/([^"]+)"/.exec(html)?.[1];
  expect((await fetch(new URL(script!, url))).headers.get('content-type')).toMatch(/^text\/javascript/);
}

/** One IPC request from the page's own origin: the list of issues, from the real services. */
async function expectIssues(url: string): Promise<void> {
  const answer = (await (await ipc(url, 'content:listIssues', {})).json()) as {
    ok: boolean;
    value?: { key: string }[];
  };
  expect(answer.ok, JSON.stringify(answer)).toBe(true);
  expect(answer.value!.length).toBeGreaterThan(0);
  expect(answer.value!.map((issue) => issue.key)).toContain('2018-no-10');
}

/** Exit 0 (not killed by the signal), nothing listening, and the user database closed. */
async function expectStoppedCleanly(devWeb: DevWeb, port: number): Promise<void> {
  expect(await devWeb.exited, devWeb.stderr()).toEqual([0, null]);
  expect(await listening(port)).toBe(false);
  // SQLite removes the user database's write-ahead log when it is closed cleanly.
  const userData = readdirSync(devWeb.userDataDir);
  expect(userData).toContain(USER_DB_FILE);
  expect(userData).not.toContain(`${USER_DB_FILE}-wal`);
}

describe('npm run dev:web', () => {
  it('is the script the README documents: build, then serve', () => {
    expect(scripts()[SCRIPT]).toBe(DOCUMENTED_SCRIPT);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toMatch(/^npm run dev:web\s+# the UI in any browser at (\S+)$/m);
    expect(readme).toContain(DOCUMENTED_URL);
    // The README's address is the entry's default port.
    const source = readFileSync(join(ROOT, 'main', 'webhost', 'dev-web.node.ts'), 'utf8');
    expect(source).toContain(`const DEFAULT_PORT = ${new URL(DOCUMENTED_URL).port};`);
  });

  // Windows has no signal one process can send another to be handled: kill() ends it at once.
  it.skipIf(process.platform === 'win32').each(STOPS)(
    'serves the page and one IPC request, then stops on %s to %s: exit 0, port closed',
    async (signal, to) => {
      expect(existsSync(join(ROOT, 'out', 'renderer', 'index.html')), 'run `npm run build` first').toBe(true);
      const port = await freePort();
      const devWeb = startDevWeb(port);
      const url = await announcedUrl(devWeb);
      expect(url).toBe(`http://127.0.0.1:${port}/`);
      await expectPage(url);
      await expectIssues(url);

      if (to === 'the process') devWeb.child.kill(signal);
      else process.kill(-devWeb.child.pid!, signal);
      await expectStoppedCleanly(devWeb, port);
    },
    TEST_TIMEOUT_MS,
  );
});
