// @ts-check
/**
 * Lint, and the process boundaries as rules (Signal-style file suffixes, VS Code-style layers):
 *   *.std.ts      pure code that runs anywhere: imports only *.std (zod through common/contract/zod.std)
 *   *.node.ts     Node (services, database, CLI, web host): no electron, no DOM code
 *   *.main.ts     Electron main process: the only files besides the preload that import electron
 *   *.preload.ts  the preload bridge: electron and *.std only
 *   *.dom.ts(x)   the renderer: *.std, *.dom and web packages; never electron, better-sqlite3, Node or main code
 * Layers import only downward: common ← db ← main, and common ← renderer; inside main/services,
 * the domains too (DOMAINS).
 */
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import path from 'node:path';

const SUFFIXES = ['std', 'node', 'main', 'preload', 'dom'];
/** Which suffixes a file of each kind may import. */
const MAY_IMPORT = {
  std: ['std'],
  node: ['std', 'node'],
  main: ['std', 'node', 'main'],
  preload: ['std'],
  dom: ['std', 'dom'],
};
/**
 * Which bare packages each kind may import (by prefix); anything not listed is refused. zod is
 * imported by one module only, ZOD_HOME, which sets it up before any schema is built: every other
 * file imports `z` from there.
 */
const PACKAGES = {
  std: ['lunr', 'snowball-stemmers'],
  node: ['better-sqlite3', 'node:', 'lunr', 'snowball-stemmers', 'ical-generator', 'vcard4', 'pdfjs-dist'],
  main: [
    'better-sqlite3',
    'node:',
    'electron',
    'electron-log',
    'lunr',
    'snowball-stemmers',
    'ical-generator',
    'vcard4',
    'pdfjs-dist',
  ],
  preload: ['electron'],
  dom: ['react', 'react-dom', 'react-router', 'i18next', 'react-i18next', '@tanstack/react-virtual'],
};
const ZOD_HOME = 'common/contract/zod.std.ts';
/** Top-level folders, and the ones each may import from. */
const LAYERS = {
  common: ['common'],
  db: ['common', 'db'],
  main: ['common', 'db', 'main'],
  renderer: ['common', 'renderer'],
};
/**
 * Inside main/services, the domains each may import at run time (type-only imports are erased and
 * excepted): search ← library ← import, user data beside the library. The workers' folder (the
 * transport and the workers' entries) and the composition root (create.node.ts) compose them all.
 */
const DOMAINS = {
  search: ['search', 'workers'],
  library: ['library', 'search'],
  'user-data': ['user-data', 'library'],
  import: ['import', 'library', 'workers'],
};

const root = import.meta.dirname;
const kindOf = (file) => /\.(std|node|main|preload|dom)(\.d)?\.tsx?$/.exec(file)?.[1];
const layerOf = (file) => path.relative(root, file).split(path.sep)[0];
/** The main/services domain a file is in (its folder there), or undefined. */
const domainOf = (file) => /^main\/services\/([^/]+)\//.exec(path.relative(root, file).split(path.sep).join('/'))?.[1];
/** An import erased at build time: `import type`, `export type … from`, or every name marked `type`. */
const typeOnly = (node) =>
  node.importKind === 'type' ||
  node.exportKind === 'type' ||
  (node.specifiers?.length > 0 && node.specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type'));

const boundaries = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    const file = context.filename;
    const layer = layerOf(file);
    if (!(layer in LAYERS)) return {};
    const kind = kindOf(file);
    const check = (node, spec) => {
      if (!kind) return;
      if (spec.startsWith('.')) {
        const target = path.resolve(path.dirname(file), spec);
        const targetLayer = layerOf(target);
        if (!LAYERS[layer].includes(targetLayer)) {
          context.report({
            node,
            message: `${layer}/ may not import from ${targetLayer}/ (layers import only downward).`,
          });
        }
        const domain = domainOf(file);
        const targetDomain = domainOf(target);
        if (domain in DOMAINS && targetDomain && !DOMAINS[domain].includes(targetDomain) && !typeOnly(node)) {
          context.report({
            node,
            message: `main/services/${domain}/ may not import from main/services/${targetDomain}/ (allowed: ${DOMAINS[domain].join(', ')}; type-only imports excepted).`,
          });
        }
        const targetKind = kindOf(target + '.ts');
        // Style sheets and JSON data (reviewed data files such as db/vocabulary/) run anywhere.
        if (
          !spec.endsWith('.css') &&
          !spec.endsWith('.json') &&
          (!targetKind || !MAY_IMPORT[kind].includes(targetKind))
        ) {
          context.report({
            node,
            message: `A .${kind} file may not import ${spec} (.${targetKind ?? '?'}); allowed: ${MAY_IMPORT[kind].map((k) => '.' + k).join(', ')}.`,
          });
        }
      } else if (spec === 'zod' && path.relative(root, file).split(path.sep).join('/') === ZOD_HOME) {
        return;
      } else if (!PACKAGES[kind].some((p) => spec === p || spec.startsWith(p.endsWith(':') ? p : p + '/'))) {
        const home = spec === 'zod' ? ` (import z from ${ZOD_HOME})` : '';
        context.report({ node, message: `A .${kind} file may not import the package “${spec}”${home}.` });
      }
    };
    return {
      Program(node) {
        if (!kind)
          context.report({
            node,
            message: `File name must say where it runs: one of ${SUFFIXES.map((s) => '.' + s).join(', ')} before the extension.`,
          });
      },
      ImportDeclaration(node) {
        check(node, String(node.source.value));
      },
      ExportNamedDeclaration(node) {
        if (node.source) check(node, String(node.source.value));
      },
      ImportExpression(node) {
        if (node.source.type === 'Literal') check(node, String(node.source.value));
      },
    };
  },
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', '**/node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { valise: { rules: { boundaries } } },
    rules: {
      'valise/boundaries': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
