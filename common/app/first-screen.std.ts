/**
 * The first screen's chunks, read from the renderer build's manifest (Vite's `build.manifest`):
 * the page's entry and every chunk it imports statically, transitively. Dynamic imports (the
 * screens loaded when opened, renderer/src/app/lazy-screens.dom.ts) are not followed. Used by the
 * build to report the first screen's JavaScript against its budget (electron.vite.config.ts), by
 * tests/unit/first-screen.test.ts and by the startup bench (#26).
 */

/** One chunk of Vite's manifest, as much of it as is read here. */
export interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

/** Where Vite writes the renderer's manifest, under the renderer's output folder (out/renderer). */
export const RENDERER_MANIFEST = '.vite/manifest.json';

/** The first screen's JavaScript, gzipped, in bytes, at most (#26). */
export const FIRST_SCREEN_BUDGET_BYTES = 120 * 1024;

/** The manifest keys of the entry chunks and of every chunk they import statically. Throws on a manifest with no entry. */
export function firstScreenKeys(manifest: Manifest): string[] {
  const entries = Object.keys(manifest).filter((key) => manifest[key]!.isEntry);
  if (entries.length === 0) throw new Error('The build manifest names no entry chunk.');
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key) || !manifest[key]) return;
    seen.add(key);
    for (const imported of manifest[key]!.imports ?? []) visit(imported);
  };
  entries.forEach(visit);
  return [...seen];
}

/** The files of the first screen's JavaScript chunks (see firstScreenKeys). */
export function firstScreenFiles(manifest: Manifest): string[] {
  return firstScreenKeys(manifest)
    .map((key) => manifest[key]!.file)
    .filter((file) => file.endsWith('.js'));
}

/**
 * V8's explicit compile hint (Chromium 136 on, so Electron 36 on): a script whose first line is
 * this comment has all its functions compiled when it is compiled, on the thread that streams it,
 * rather than each one on the page's main thread when first called. The first screen calls most
 * of React's and React-DOM's functions before it is ready: without it, 636 functions were compiled
 * one by one on the main thread in a trace of the library's first screen. The build puts it on
 * the first screen's chunks only (electron.vite.config.ts); a screen loaded when opened keeps
 * V8's lazy compiling.
 */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/** A chunk of the build's output, as much of it as the hint needs: its file, whether it is the entry, the files it imports statically. */
export interface BuiltChunk {
  fileName: string;
  isEntry: boolean;
  imports: string[];
}

/** The files of the entry chunks and of every chunk they import statically, from the build's own chunks. */
export function firstScreenChunks(chunks: BuiltChunk[]): Set<string> {
  const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !byFile.has(file)) return;
    seen.add(file);
    byFile.get(file)!.imports.forEach(visit);
  };
  chunks.filter((chunk) => chunk.isEntry).forEach((chunk) => visit(chunk.fileName));
  return seen;
}
