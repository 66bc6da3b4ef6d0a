/**
 * One build for the three targets. electron-vite because it knows each one's runtime: main and
 * preload as CommonJS for Electron's Node (the preload in one file, as a sandboxed preload must
 * be), better-sqlite3 left external, and the renderer as a plain Vite web build that the
 * development web host can serve unchanged.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: true,
      rollupOptions: { input: { index: resolve('main/electron/index.main.ts') } },
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
    plugins: [react()],
    build: {
      outDir: resolve('out/renderer'),
      emptyOutDir: true,
      minify: true,
      reportCompressedSize: true,
      rollupOptions: { input: resolve('renderer/index.html') },
    },
  },
});
