/**
 * `npm run dev:web`: the built renderer and the real services, in any browser, on 127.0.0.1.
 *
 * An async `main`, not top-level await: tsx runs this file as CommonJS, which has none.
 * SIGTERM or SIGINT (Ctrl-C) stops it cleanly: the HTTP server, then the services (a running
 * backup of the user database is waited for), then exit 0.
 * Refused at start, with the reason on stderr and exit 1: a PORT that is not a whole number from
 * 0 to 65535, a missing content database, no built renderer, a port already in use.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtWorkersIn, openServices, type ServiceOptions } from '../services/create.node';
import { startWebHost } from './server.node';

const DEFAULT_PORT = 5190;
const MAX_PORT = 65_535;
const STOP_SIGNALS = ['SIGTERM', 'SIGINT'] as const;

interface Running {
  url: string;
  close(): Promise<void>;
}

/** PORT from the environment; 0 asks the system for a free port. */
function portFrom(value: string | undefined): number {
  if (value === undefined) return DEFAULT_PORT;
  if (!/^\d+$/.test(value) || Number(value) > MAX_PORT)
    throw new Error(`PORT must be a whole number from 0 to ${MAX_PORT}, not “${value}”.`);
  return Number(value);
}

function serviceOptions(): ServiceOptions {
  const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  return {
    contentDbPath: process.env.VALISE_CONTENT_DB ?? 'out/content/content.sqlite',
    // The development host keeps user data in a temporary folder unless told otherwise.
    userDataDir: process.env.VALISE_USER_DATA ?? mkdtempSync(join(tmpdir(), 'valise-web-')),
    appVersion: version,
    host: 'web',
    log: (message, error) => console.error(message, error ?? ''),
    // Searching and importing off the main thread, as the app does, with the workers `npm run build` made.
    ...builtWorkersIn('out/main'),
  };
}

/** Opens the services, then the web host; if the host cannot start, the services are closed. */
async function start(port: number): Promise<Running> {
  const services = openServices(serviceOptions());
  try {
    const host = await startWebHost({ rendererDir: 'out/renderer', dispatch: services.dispatch, port });
    return { url: host.url, close: () => host.close().then(() => services.close()) };
  } catch (error) {
    await services.close();
    throw error;
  }
}

/** The first stop signal closes everything; a second one, while closing, ends the process at once. */
function stopOnSignal(running: Running): void {
  const stop = () => {
    // With no listener left, the next signal gets Node's default handling: immediate exit.
    for (const signal of STOP_SIGNALS) process.removeListener(signal, stop);
    // Exit once closed, 0 unless closing failed: nothing left over may keep a stopped host alive.
    void running
      .close()
      .catch((error: unknown) => report('Valise web host did not stop cleanly', error))
      .finally(() => process.exit());
  };
  for (const signal of STOP_SIGNALS) process.once(signal, stop);
}

/** Says what failed and sets exit code 1; the process ends once nothing is left running. */
function report(what: string, error: unknown): void {
  console.error(`${what}: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}

async function main(): Promise<void> {
  const running = await start(portFrom(process.env.PORT));
  stopOnSignal(running);
  // Printed once the stop signals are handled: whoever waits for this line may stop us at once.
  console.log(`Valise web host (development only) at ${running.url}`);
}

main().catch((error: unknown) => report('Valise web host did not start', error));
