/**
 * One build for the three targets. electron-vite because it knows each one's runtime: main and
 * preload as CommonJS for Electron's Node (the preload in one file, as a sandboxed preload must
 * be), better-sqlite3 left external, and the renderer as a plain Vite web build that the
 * development web host can serve unchanged.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './common/csp.std';

/** The CSP also as a meta element of the page, from the one definition both hosts send as a header. */
const cspMeta = (): Plugin => ({
  name: 'valise-csp-meta',
  transformIndexHtml: (html) =>
    html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY.replace(/; frame-ancestors 'none'/, '')}" />`),
});

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: true,
      // The workers (worker_threads) beside index.js: main/services/worker-rpc.node.ts finds them there.
      rollupOptions: {
        input: {
          index: resolve('main/electron/index.main.ts'),
          'analysis-worker': resolve('main/services/analysis-worker.node.ts'),
          'search-worker': resolve('main/services/search-worker.node.ts'),
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
    plugins: [react(), cspMeta()],
    build: {
      outDir: resolve('out/renderer'),
      emptyOutDir: true,
      minify: true,
      reportCompressedSize: true,
      rollupOptions: { input: resolve('renderer/index.html') },
    },
  },
});
