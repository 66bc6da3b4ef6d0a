/**
 * One build for the three targets. electron-vite because it knows each one's runtime: main and
 * preload as CommonJS for Electron's Node (the preload in one file, as a sandboxed preload must
 * be), better-sqlite3 left external, and the renderer as a plain Vite web build that the
 * development web host can serve unchanged.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './common/app/csp.std';
import {
  COMPILE_HINT,
  FIRST_SCREEN_BUDGET_BYTES,
  firstScreenChunks,
  firstScreenFiles,
  RENDERER_MANIFEST,
  type Manifest,
} from './common/app/first-screen.std';

/** The CSP also as a meta element of the page, from the one definition both hosts send as a header. */
const cspMeta = (): Plugin => ({
  name: 'valise-csp-meta',
  transformIndexHtml: (html) =>
    html.replace(
      '<meta charset="UTF-8" />',
      `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY.replace(/; frame-ancestors 'none'/, '')}" />`,
    ),
});

/**
 * After the renderer is written: the first screen's JavaScript (the entry and its static imports,
 * common/app/first-screen.std.ts), gzipped, against its budget, in the build's output. Over budget is
 * said as a warning, not a failed build: the figure is a target, and the bench records it too.
 */
const firstScreenBudget = (): Plugin => ({
  name: 'valise-first-screen-budget',
  writeBundle(options) {
    const dir = options.dir!;
    const manifest = JSON.parse(readFileSync(join(dir, RENDERER_MANIFEST), 'utf8')) as Manifest;
    const files = firstScreenFiles(manifest);
    const bytes = files.reduce((sum, file) => sum + gzipSync(readFileSync(join(dir, file))).length, 0);
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    const verdict = bytes <= FIRST_SCREEN_BUDGET_BYTES ? 'within' : 'OVER';
    const say = verdict === 'OVER' ? this.warn.bind(this) : console.log;
    say(
      `first screen's JavaScript: ${kb(bytes)} gzipped in ${files.length} chunk(s), ${verdict} the budget of ${kb(FIRST_SCREEN_BUDGET_BYTES)}`,
    );
  },
});

/**
 * V8's compile hint on the first line of each of the first screen's chunks
 * (common/app/first-screen.std.ts), put in the files once written: Vite puts the entry's preload
 * helper above its code after the plugins' generateBundle, and the hint must come first. Before the
 * budget is read (sequential, first of the plugins' writeBundle). `VALISE_COMPILE_HINT=0` builds
 * without it, to weigh it against the build with it (docs/performance.md).
 */
const firstScreenCompileHint = (): Plugin => ({
  name: 'valise-first-screen-compile-hint',
  writeBundle: {
    order: 'pre',
    sequential: true,
    handler(options, bundle) {
      const chunks = Object.values(bundle).flatMap((item) => (item.type === 'chunk' ? [item] : []));
      if (process.env.VALISE_COMPILE_HINT === '0') return;
      for (const file of firstScreenChunks(chunks)) {
        const path = join(options.dir!, file);
        const code = readFileSync(path, 'utf8');
        if (!code.startsWith(COMPILE_HINT)) writeFileSync(path, `${COMPILE_HINT}\n${code}`);
      }
    },
  },
});

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: true,
      // The workers (worker_threads) beside index.js: main/services/workers/worker-rpc.node.ts finds them there.
      rollupOptions: {
        input: {
          index: resolve('main/electron/index.main.ts'),
          'analysis-worker': resolve('main/services/workers/analysis-worker.node.ts'),
          'search-worker': resolve('main/services/workers/search-worker.node.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve('main/preload/index.preload.ts') } },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react(), cspMeta(), firstScreenCompileHint(), firstScreenBudget()],
    build: {
      outDir: resolve('out/renderer'),
      emptyOutDir: true,
      minify: true,
      reportCompressedSize: true,
      manifest: RENDERER_MANIFEST,
      rollupOptions: { input: resolve('renderer/index.html') },
    },
  },
});
