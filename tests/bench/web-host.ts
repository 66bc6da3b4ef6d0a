/**
 * The first screen's benches' launch (startup.bench.ts, trace.bench.ts): the services opened as
 * Electron's main opens them, the web host serving the built renderer, and Debian's Chromium with
 * a fresh profile, as the e2e suite's Chromium host runs.
 */
import { chromium, type Browser } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtWorkersIn, openServices } from '../../main/services/create.node';
import { startWebHost } from '../../main/webhost/server.node';
import { chromiumBinary, PROJECT_ROOT } from '../e2e/support/hosts';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Launched {
  url: string;
  browser: Browser;
  /** When the launch began (performance.now()), and how long opening the services and the host took. */
  start: number;
  servicesMs: number;
  close(): Promise<void>;
}

export async function launchFirstScreenHost(): Promise<Launched> {
  const start = performance.now();
  const { dispatch, close } = openServices({
    contentDbPath: join(PROJECT_ROOT, 'out/content/content.sqlite'),
    userDataDir: mkdtempSync(join(tmpdir(), 'valise-bench-user-')),
    appVersion: 'bench',
    host: 'web',
    // The workers the app runs (the search worker starts with warmUp or the first query, as in the app).
    ...builtWorkersIn(join(PROJECT_ROOT, 'out/main')),
  });
  const host = await startWebHost({ rendererDir: join(PROJECT_ROOT, 'out/renderer'), dispatch });
  const servicesMs = performance.now() - start;
  const browser = await chromium.launch({ executablePath: chromiumBinary(), args: ARGS });
  return {
    url: host.url,
    browser,
    start,
    servicesMs,
    close: async () => {
      await browser.close();
      await host.close();
      close();
    },
  };
}

/** The median of a list of figures (the lower middle one of an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}
