/**
 * Every command and path the README, CONTRIBUTING and docs/ quote is true of the tree (#25): each
 * `npm run X` names a script of package.json, each repository path quoted as code or linked exists
 * (a glob or a <placeholder> matches some file), each VALISE_* variable is read by some code, each
 * `cli` sub-command and --flag is one the CLI's parser (the file package.json's `cli` script runs,
 * and its folder) looks for. The rules read the Markdown (tests/support/docs-quotes.ts).
 */
import { describe, expect, it } from 'vitest';
import { fr } from '../../renderer/src/i18n/fr.dom';
import {
  cliGrammar,
  cliUses,
  codeQuotes,
  documents,
  envNames,
  headingAnchors,
  existsInTree,
  linkTargets,
  npmScripts,
  pairsOf,
  type Quote,
  read,
  readsEnv,
  repoPath,
  resolveLink,
  tableRows,
  treeFiles,
  words,
} from '../support/docs-quotes';

const files = treeFiles();
const docs = documents(files);
const texts = new Map(docs.map((d) => [d, read(d)]));
const code = docs.flatMap((d) => codeQuotes(d, texts.get(d)!));
const links = docs.flatMap((d) => linkTargets(d, texts.get(d)!));
const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
const topLevel = new Set(files.map((f) => f.split('/')[0]!));
const basenames = new Set(files.map((f) => f.split('/').pop()!));

const where = (q: Quote, what: string) => `${q.file}:${q.line} ${what}`;

/** The CLI's parser: the file package.json's `cli` script runs, and the modules beside it. */
function cliSources(): string[] {
  const entry = /\b((?:main|db|tests)\/\S+\.ts)\b/.exec(scripts.cli ?? '')?.[1];
  if (!entry) return [];
  const folder = entry.slice(0, entry.lastIndexOf('/') + 1);
  return files.filter((f) => f.startsWith(folder) && /\.ts$/.test(f)).map((f) => read(f));
}

describe('the documents', () => {
  it('are found and show code', () => {
    expect(docs).toContain('README.md');
    expect(docs.filter((d) => d.startsWith('docs/')).length).toBeGreaterThan(5);
    expect(code.length).toBeGreaterThan(500);
    expect(links.length).toBeGreaterThan(20);
  });

  it('run only npm scripts that package.json has', () => {
    const runs = code.flatMap((q) => npmScripts(q.text).map((name) => ({ q, name })));
    expect(runs.length).toBeGreaterThan(20);
    const missing = runs.filter(({ name }) => !(name in scripts)).map(({ q, name }) => where(q, `npm run ${name}`));
    expect(missing).toEqual([]);
  });

  it('quote only repository paths that exist', () => {
    const quoted = code.flatMap((q) =>
      words(q.text)
        .map((w) => repoPath(w, topLevel))
        .filter((p) => p !== undefined)
        .map((path) => ({ q, path })),
    );
    expect(quoted.length).toBeGreaterThan(100);
    const missing = quoted
      .filter(({ path }) => (path.includes('/') ? !existsInTree(path, files) : !basenames.has(path)))
      .map(({ q, path }) => where(q, path));
    expect(missing).toEqual([]);
  });

  it('link only to files of the tree that exist', () => {
    const inTree = links.flatMap((q) => {
      const path = resolveLink(q.file, q.text);
      return path === undefined ? [] : [{ q, path }];
    });
    expect(inTree.length).toBeGreaterThan(20);
    const missing = inTree.filter(({ path }) => !existsInTree(path, files)).map(({ q, path }) => where(q, path));
    expect(missing).toEqual([]);
  });

  it('link only to headings that exist', () => {
    const anchored = links.flatMap((q) => {
      const anchor = /#(.+)$/.exec(q.text)?.[1];
      const path = q.text.startsWith('#') ? q.file : resolveLink(q.file, q.text);
      return anchor !== undefined && path?.endsWith('.md') && texts.has(path) ? [{ q, path, anchor }] : [];
    });
    expect(anchored.length).toBeGreaterThan(5);
    const missing = anchored
      .filter(({ path, anchor }) => !headingAnchors(path, texts.get(path)!).has(decodeURIComponent(anchor)))
      .map(({ q, path, anchor }) => where(q, `${path}#${anchor}`));
    expect(missing).toEqual([]);
  });

  it('quote only benchmark results that are recorded', () => {
    const results = code.flatMap((q) =>
      words(q.text)
        .filter((w) => /^tests\/bench\/results\/[^*<]+\.json$/.test(w))
        .map((path) => ({ q, path })),
    );
    expect(results.length).toBeGreaterThan(5);
    expect(results.filter(({ path }) => !files.includes(path)).map(({ q, path }) => where(q, path))).toEqual([]);
  });

  it('name only VALISE_* variables that some code reads', () => {
    const sources = files
      .filter((f) => !/\.md$/.test(f) && !/^tests\/bench\/results\//.test(f) && !f.endsWith('docs-commands.test.ts'))
      .filter((f) => /\.(ts|tsx|mts|mjs|cjs|js|sh|ya?ml)$|^\.ci\/run$/.test(f))
      .map((f) => read(f));
    const named = docs.flatMap((d) => [...new Set(envNames(texts.get(d)!))].map((name) => ({ d, name })));
    expect(named.length).toBeGreaterThan(5);
    const unread = named
      .filter(({ name }) => !sources.some((s) => readsEnv(s, name)))
      .map(({ d, name }) => `${d} ${name}`);
    expect(unread).toEqual([]);
  });

  it('give the CLI only sub-commands it has, each with flags it reads', () => {
    const grammar = cliGrammar(cliSources());
    expect(grammar.size).toBeGreaterThan(3);
    expect([...grammar.values()].filter((flags) => flags.size > 0).length).toBeGreaterThan(2);
    const uses = code.flatMap((q) => cliUses(q.text).map((use) => ({ q, use })));
    expect(uses.length).toBeGreaterThan(10);
    const wrong = uses.flatMap(({ q, use }) => {
      const flags = grammar.get(use.command);
      if (!flags) return [where(q, `cli ${use.command}`)];
      return use.flags.filter((f) => !flags.has(f)).map((f) => where(q, `cli ${use.command} ${f}`));
    });
    expect(wrong).toEqual([]);
  });
});

describe("the user's guides", () => {
  const shortcuts = pairsOf(read('renderer/src/screens/Help.dom.tsx'), 'SHORTCUTS');
  /** A guide's table whose rows start with the Help screen's keys. */
  const shortcutRows = (file: string) => {
    const keys = new Set(shortcuts.map(([k]) => k));
    return tableRows(texts.get(file)!)
      .filter(([k]) => keys.has(k!))
      .map(([k, action]) => [k, action]);
  };

  it("list the Help screen's shortcuts, in English", () => {
    expect(shortcuts.length).toBeGreaterThan(5);
    expect(shortcutRows('docs/guide.en.md')).toEqual(shortcuts);
  });

  it("list the Help screen's shortcuts, in French as the interface says them", () => {
    expect(shortcutRows('docs/guide.fr.md')).toEqual(
      shortcuts.map(([k, action]) => [k, fr[action] ?? `(no French for ${action})`]),
    );
  });
});

describe('the quote readers', () => {
  it('read inline code over a line break, fenced code, and links', () => {
    const md = [
      'run `npm run',
      'build` then',
      '```sh',
      'npm test',
      '```',
      'see [x](../a/b.md#c) [y](https://e.x)',
    ].join('\n');
    expect(codeQuotes('docs/z.md', md).map((q) => q.text)).toEqual(['npm test', 'npm run build']);
    expect(linkTargets('docs/z.md', md).map((q) => resolveLink(q.file, q.text))).toEqual(['a/b.md']);
    const headings = '# The `cli`: its flags\n## Mutation testing\n## Mutation testing\n```\n# not a heading\n```';
    expect([...headingAnchors('x.md', headings)]).toEqual([
      'the-cli-its-flags',
      'mutation-testing',
      'mutation-testing-1',
    ]);
  });

  it('find scripts, cli uses and env names in a command line', () => {
    expect(npmScripts('npm run --silent cli -- dump > d.json && npm run -s lexicon -- --dump d.json')).toEqual([
      'cli',
      'lexicon',
    ]);
    expect(cliUses('npm run --silent cli -- import FILE [--replace | --keep-both] --json # no --nope')).toEqual([
      { command: 'import', flags: ['--replace', '--keep-both', '--json'] },
    ]);
    expect(envNames('VALISE_A=1 VALISE_B_C=2 node x')).toEqual(['VALISE_A', 'VALISE_B_C']);
    expect(readsEnv("const a = process.env.VALISE_A ?? '';", 'VALISE_A')).toBe(true);
    expect(readsEnv('// VALISE_A is not read here', 'VALISE_A')).toBe(false);
  });

  it('match globs and placeholders against the tree, and refuse what is not there', () => {
    const tree = ['tests/unit/a.test.ts', 'tests/bench/results/x.json', 'main/services/search/s.node.ts'];
    expect(existsInTree('tests/bench/results/*.json', tree)).toBe(true);
    expect(existsInTree('tests/unit/<module>.test.ts', tree)).toBe(true);
    expect(existsInTree('main/services/{search,import}/', tree)).toBe(true);
    expect(existsInTree('main/services', tree)).toBe(true);
    expect(existsInTree('tests/bench/results/y.json', tree)).toBe(false);
    expect(existsInTree('main/serv', tree)).toBe(false);
  });

  it('read tables and array literals', () => {
    expect(tableRows('| a | b |\n| --- | --: |\n| / | x |')).toEqual([
      ['a', 'b'],
      ['/', 'x'],
    ]);
    expect(
      pairsOf("export const KEYS: [string, string][] = [\n  ['?', 'This list'],\n  ['B', 'Mark'],\n];", 'KEYS'),
    ).toEqual([
      ['?', 'This list'],
      ['B', 'Mark'],
    ]);
  });

  it('read the CLI parser, each sub-command with its own flags, not the usage text', () => {
    const source = [
      'const USAGE = `search [--ghost]`;',
      'function main(argv) {',
      "  if (command === 'keygen') return keygen(rest);",
      "  switch (command) { case 'dump': return dump(rest.includes('--pretty')); case 'stats': stats(); break; default: }",
      '}',
      "const VALUED = ['--out'];",
      "function keygen(args) { return option(args, '--seed') ?? VALUED; }",
      'function option(args, name) {}',
      "function stats() { return 'stats'; }",
    ].join('\n');
    const grammar = cliGrammar([source]);
    expect([...grammar].map(([c, flags]) => [c, [...flags].sort()])).toEqual([
      ['keygen', ['--out', '--seed']],
      ['dump', ['--pretty']],
      ['stats', []],
    ]);
  });
});
