/**
 * The first screen loads only its own code (#26): in the renderer build's manifest, the chunks the
 * page loads before the Library shows (the entry and its static imports, common/app/first-screen.std.ts)
 * hold none of the printing views, the import screen or the Calendar; each of those is a chunk of
 * its own, loaded when opened (renderer/src/app/lazy-screens.dom.ts). Reads out/renderer, so it
 * needs `npm run build` first (`npm test` builds first).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  COMPILE_HINT,
  firstScreenChunks,
  firstScreenFiles,
  firstScreenKeys,
  RENDERER_MANIFEST,
  type Manifest,
} from '../../common/app/first-screen.std';

const ROOT = join(__dirname, '..', '..');
const MANIFEST = join(ROOT, 'out', 'renderer', RENDERER_MANIFEST);

/** The screens that must wait until opened: every printing view, the import screen and the Calendar. */
const PRINT_SCREENS = readdirSync(join(ROOT, 'renderer', 'src', 'print'))
  .filter((f) => f.endsWith('.dom.tsx') && f !== 'PrintFrame.dom.tsx')
  .map((f) => `src/print/${f}`);
const LATER = [
  ...PRINT_SCREENS,
  'src/screens/Import.dom.tsx',
  'src/screens/Calendar.dom.tsx',
  'src/bookmarks/BookmarksScreen.dom.tsx',
  'src/screens/SettingsScreen.dom.tsx',
];

function manifest(): Manifest {
  expect(existsSync(MANIFEST), `${MANIFEST} is missing: run \`npm run build\` first`).toBe(true);
  return JSON.parse(readFileSync(MANIFEST, 'utf8')) as Manifest;
}

describe('the first screen’s chunks (build manifest)', () => {
  it('knows the printing views it guards', () => {
    // The print folder read above: a guard over an empty list would pass whatever the build did.
    expect(PRINT_SCREENS.length).toBeGreaterThanOrEqual(5);
    expect(PRINT_SCREENS).toContain('src/print/IssueBrief.dom.tsx');
  });

  it('are the entry and the chunks it imports statically, not the ones it imports when a screen opens', () => {
    const built = manifest();
    const first = firstScreenKeys(built);
    expect(first).toContain('index.html');
    const entry = built['index.html']!;
    expect(entry.dynamicImports?.length ?? 0).toBeGreaterThan(0);
    for (const dynamic of entry.dynamicImports ?? [])
      expect(first, `${dynamic} is loaded when opened`).not.toContain(dynamic);
  });

  it.each(LATER)('leave out %s: a chunk of its own, loaded when opened', (src) => {
    const built = manifest();
    const chunk = built[src];
    // A module imported statically by the first screen is merged into its chunks and has no entry of its own.
    expect(chunk, `${src} has no chunk of its own: is it imported statically?`).toBeDefined();
    expect(chunk!.isDynamicEntry).toBe(true);
    expect(firstScreenKeys(built)).not.toContain(src);
    expect(firstScreenFiles(built)).not.toContain(chunk!.file);
  });
});

describe('firstScreenKeys', () => {
  const sample: Manifest = {
    'index.html': {
      file: 'assets/index.js',
      isEntry: true,
      imports: ['_react.js'],
      dynamicImports: ['src/print/A.dom.tsx'],
    },
    '_react.js': { file: 'assets/react.js', imports: ['_runtime.js'] },
    '_runtime.js': { file: 'assets/runtime.js' },
    'src/print/A.dom.tsx': { file: 'assets/A.js', isDynamicEntry: true, imports: ['_react.js', '_frame.js'] },
    '_frame.js': { file: 'assets/frame.js' },
  };

  it('follows static imports transitively and never dynamic ones', () => {
    expect(firstScreenKeys(sample).sort()).toEqual(['_react.js', '_runtime.js', 'index.html']);
    expect(firstScreenFiles(sample).sort()).toEqual(['assets/index.js', 'assets/react.js', 'assets/runtime.js']);
  });

  it('refuses a manifest with no entry', () => {
    expect(() => firstScreenKeys({ '_x.js': { file: 'assets/x.js' } })).toThrow(/no entry/);
  });
});

describe('V8’s compile hint', () => {
  const startsWithHint = (file: string) =>
    readFileSync(join(ROOT, 'out', 'renderer', file), 'utf8').startsWith(`${COMPILE_HINT}\n`);

  it('opens every chunk of the first screen, and no screen loaded when opened', () => {
    const built = manifest();
    const first = firstScreenFiles(built);
    expect(first.length).toBeGreaterThanOrEqual(2);
    for (const file of first) expect(startsWithHint(file), `${file} has no compile hint`).toBe(true);
    // Every other chunk of the build (each screen loaded when opened, the chunks only they share).
    const later = [...new Set(Object.values(built).map((c) => c.file))].filter(
      (file) => file.endsWith('.js') && !first.includes(file),
    );
    expect(later.length).toBeGreaterThanOrEqual(LATER.length);
    for (const file of later) expect(startsWithHint(file), `${file} is compiled eagerly`).toBe(false);
  });

  it('is given to the entry and what it imports statically, transitively, and nothing else', () => {
    const chunk = (fileName: string, imports: string[] = [], isEntry = false) => ({ fileName, imports, isEntry });
    const first = firstScreenChunks([
      chunk('index.js', ['react.js'], true),
      chunk('react.js', ['runtime.js']),
      chunk('runtime.js'),
      chunk('Import.js', ['react.js']),
    ]);
    expect([...first].sort()).toEqual(['index.js', 'react.js', 'runtime.js']);
  });
});
