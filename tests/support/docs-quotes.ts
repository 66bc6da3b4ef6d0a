/**
 * What the README, CONTRIBUTING and docs/ quote, read from their Markdown (#25): the code they
 * show (fenced blocks and `inline` spans), the links they make, and in that code the npm scripts,
 * repository paths, VALISE_* variables and `cli` commands they name. tests/unit/docs-commands.test.ts
 * checks each against the tree; the rules here are general, never a list of today's quotes.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';

export const ROOT = join(__dirname, '..', '..');

/** A piece of a document: where it is (file and line) and its text. */
export interface Quote {
  file: string;
  line: number;
  text: string;
}

/** Folders that are built or installed, never part of the tree a document may quote. */
const GENERATED = /^(node_modules|out|dist|test-results|playwright-report)(\/|$)/;

/** Every file of the tree (tracked, or new and not ignored) that is on disk, relative to the root with '/'. */
export function treeFiles(root = ROOT): string[] {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return listed.split('\0').filter((f) => f !== '' && !GENERATED.test(f) && existsSync(join(root, f)));
}

/** The documents whose quotes are checked: README, CONTRIBUTING and docs/**.md. */
export function documents(files: string[]): string[] {
  return files.filter((f) => f === 'README.md' || f === 'CONTRIBUTING.md' || /^docs\/.*\.md$/.test(f));
}

const FENCE = /^\s*(```|~~~)/;

/** The lines of fenced code blocks, each a quote, and the prose with those blocks blanked. */
function splitFences(file: string, text: string): { code: Quote[]; prose: string } {
  const code: Quote[] = [];
  let inside = false;
  const prose = text.split('\n').map((line, i) => {
    if (FENCE.test(line)) {
      inside = !inside;
      return '';
    }
    if (!inside) return line;
    code.push({ file, line: i + 1, text: line });
    return '';
  });
  return { code, prose: prose.join('\n') };
}

function lineAt(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

/** The inline code spans of prose (a span may run over a line break, as Markdown allows). */
function inlineSpans(file: string, prose: string): Quote[] {
  const spans: Quote[] = [];
  for (const m of prose.matchAll(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g)) {
    if (/\n\s*\n/.test(m[2]!)) continue; // a span never crosses a paragraph
    spans.push({ file, line: lineAt(prose, m.index), text: m[2]!.replace(/\s*\n\s*/g, ' ').trim() });
  }
  return spans;
}

/** Everything a document shows as code: fenced lines and inline spans. */
export function codeQuotes(file: string, text: string): Quote[] {
  const { code, prose } = splitFences(file, text);
  return [...code, ...inlineSpans(file, prose)];
}

/** The targets of a document's links `[text](target)`, outside code, web and mail addresses left out. */
export function linkTargets(file: string, text: string): Quote[] {
  const prose = splitFences(file, text).prose.replace(/`[^`]*`/g, (s) => ' '.repeat(s.length));
  const links: Quote[] = [];
  for (const m of prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
    const target = m[1]!;
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // http:, https:, mailto:, app:
    links.push({ file, line: lineAt(prose, m.index), text: target });
  }
  return links;
}

/** A quoted command line cut into words, brackets and quotes around words dropped. */
export function words(command: string): string[] {
  return command
    .replace(/#\s.*$/, '') // a shell comment
    .split(/\s+/)
    .map((w) => w.replace(/^[[("'`]+|[\])"'`,;:.]+$/g, ''))
    .filter((w) => w !== '');
}

/** The npm scripts a command line runs: `npm run [-s|--silent] NAME`, `npm start`, `npm test`. */
export function npmScripts(command: string): string[] {
  const found: string[] = [];
  const w = words(command);
  w.forEach((word, i) => {
    if (word !== 'npm') return;
    const verb = w[i + 1];
    if (verb === 'start' || verb === 'test') found.push(verb);
    if (verb !== 'run' && verb !== 'run-script') return;
    const name = w.slice(i + 2).find((x) => !x.startsWith('-'));
    if (name && /^[a-z][\w:.-]*$/i.test(name)) found.push(name);
  });
  return found;
}

/** A `cli` command as quoted: its sub-command and the --flags given to it. */
export interface CliUse {
  command: string;
  flags: string[];
}

const SHELL_BREAK = new Set(['&&', '||', ';', '>', '>>', '<', '|']);

/** The `cli` commands a command line runs (`npm run cli -- search … --json`, or `cli dump` in prose). */
export function cliUses(command: string): CliUse[] {
  const w = command.replace(/#\s.*$/, '').split(/\s+/);
  const uses: CliUse[] = [];
  w.forEach((word, i) => {
    if (word !== 'cli') return;
    let depth = 0;
    const rest: string[] = [];
    for (const raw of w.slice(i + 1)) {
      if (depth === 0 && SHELL_BREAK.has(raw)) break;
      depth += (raw.match(/\[/g) ?? []).length - (raw.match(/\]/g) ?? []).length;
      rest.push(raw.replace(/^[[("'`]+|[\])"'`,;:.]+$/g, ''));
    }
    const args = rest.filter((a) => a !== '' && a !== '--' && a !== '|');
    const sub = args[0];
    if (sub === undefined || sub.startsWith('-') || !/^[a-z]+$/.test(sub)) return;
    uses.push({ command: sub, flags: args.slice(1).filter((a) => /^--[a-z]/.test(a)) });
  });
  return uses;
}

/** The VALISE_* environment variables a text names. */
export function envNames(text: string): string[] {
  return [...text.matchAll(/\bVALISE_[A-Z0-9_]*[A-Z0-9]\b/g)].map((m) => m[0]);
}

/** Whether source text reads the variable: process.env.X, env['X'], a 'X' key, $X in shell. */
export function readsEnv(source: string, name: string): boolean {
  return new RegExp(`env\\.${name}\\b|env\\[\\s*['"\`]${name}['"\`]|['"\`]${name}['"\`]|\\$\\{?${name}\\b`).test(
    source,
  );
}

/** A quoted path or pattern as a regular expression over tree files: *, **, <placeholder>, {a,b}, …. */
export function pathPattern(path: string): RegExp {
  let out = '';
  for (let i = 0; i < path.length; i++) {
    const c = path[i]!;
    if (path.startsWith('**', i)) {
      out += '.*';
      i++;
    } else if (c === '*') out += '[^/]*';
    else if (c === '…') out += '.*';
    else if (path.startsWith('...', i)) {
      out += '.*';
      i += 2;
    } else if (c === '<') {
      const end = path.indexOf('>', i);
      out += end > i ? '[^/]+' : '<';
      if (end > i) i = end;
    } else if (c === '{') {
      const end = path.indexOf('}', i);
      out +=
        end > i
          ? `(${path
              .slice(i + 1, end)
              .split(',')
              .map(escape)
              .join('|')})`
          : '\\{';
      if (end > i) i = end;
    } else out += escape(c);
  }
  return new RegExp(`^${out}/?$`);
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether a path (file or folder) or a pattern of paths names something in the tree. */
export function existsInTree(path: string, files: string[]): boolean {
  const pattern = pathPattern(path.replace(/\/$/, ''));
  return files.some((f) => {
    if (pattern.test(f)) return true;
    // a folder: some file lies under it
    const parts = f.split('/');
    return parts.slice(1).some((_, n) => pattern.test(parts.slice(0, n + 1).join('/')));
  });
}

/** A source file of the project's own kind a document may name bare (`contract.std.ts`; not `.std.ts`). */
const SOURCE_FILE = /^\w[\w.-]*\.(ts|tsx|mts)$/;

/**
 * The repository paths a word of code names: a word that starts with one of the tree's top-level
 * entries and a '/', or (bare) a source file name. Line suffixes (`:145`) and anchors are cut.
 */
export function repoPath(word: string, topLevel: Set<string>): string | undefined {
  const path = word.replace(/#.*$/, '').replace(/:\d+(?:[–-]\d+)?$/, '');
  const first = path.split('/')[0]!;
  if (path.includes('/') && topLevel.has(first)) return path;
  if (!path.includes('/') && topLevel.has(path) && /\.\w+$/.test(path)) return path;
  if (!path.includes('/') && SOURCE_FILE.test(path)) return path;
  return undefined;
}

/** A link target resolved against the document that holds it, anchor cut; undefined if outside the tree. */
export function resolveLink(document: string, target: string): string | undefined {
  const path = decodeURI(target.replace(/#.*$/, ''));
  if (path === '') return undefined;
  const resolved = posix.normalize(posix.join(dirname(document), path));
  return resolved.startsWith('..') ? undefined : resolved;
}

/** A document's text. */
export function read(file: string, root = ROOT): string {
  return readFileSync(join(root, file), 'utf8');
}

/** A source's top-level declarations (`function f`, `const F =`), by name, each with its text. */
function declarations(sources: string[]): Map<string, string> {
  const named = new Map<string, string>();
  const head = /^(?:export\s+)?(?:async\s+)?(?:function\s+|const\s+)(\w+)/gm;
  for (const source of sources) {
    const starts = [...source.matchAll(head)];
    starts.forEach((m, i) => {
      const text = source.slice(m.index, starts[i + 1]?.index ?? source.length);
      named.set(m[1]!, `${named.get(m[1]!) ?? ''}\n${text}`);
    });
  }
  return named;
}

/** A piece of code with every top-level declaration it names, and theirs, but `except`. */
function closure(code: string, named: Map<string, string>, except: string): string {
  const seen = new Set([except]);
  const parts = [code];
  for (let i = 0; i < parts.length; i++) {
    for (const [word] of parts[i]!.matchAll(/\b[A-Za-z_]\w*\b/g)) {
      if (seen.has(word) || !named.has(word)) continue;
      seen.add(word);
      parts.push(named.get(word)!);
    }
  }
  return parts.join('\n');
}

/**
 * What the CLI accepts, read from its parser's source (main/cli/): the sub-commands the function
 * that reads `command` dispatches on (`if (command === 'x') return f(…)`, `case 'x':`), and for
 * each the flags it looks for: the quoted '--flag' literals of its branch and of every declaration
 * that branch uses, and theirs (the usage text, a template string, does not count).
 */
export function cliGrammar(sources: string[]): Map<string, Set<string>> {
  const named = declarations(sources);
  const [dispatcher, body] = [...named].find(([, text]) => /\bcommand\s*===\s*'/.test(text)) ?? ['', ''];
  const branches = new Map<string, string>();
  for (const m of body.matchAll(/\bcommand\s*===\s*'([a-z]+)'\)\s*return\s+([^;]*)/g)) branches.set(m[1]!, m[2]!);
  const cases = body.split(/\bcase\s+'/).slice(1);
  for (const c of cases) branches.set(/^[a-z]+/.exec(c)![0], c.split(/\bdefault\s*:/)[0]!);
  const grammar = new Map<string, Set<string>>();
  for (const [command, code] of branches) {
    const text = closure(code, named, dispatcher);
    grammar.set(command, new Set([...text.matchAll(/['"](--[a-z][a-z-]*)['"]/g)].map((m) => m[1]!)));
  }
  return grammar;
}

/** The anchors of a document's headings as GitHub makes them (`## Mutation testing` → `mutation-testing`). */
export function headingAnchors(file: string, text: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of splitFences(file, text).prose.split('\n')) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1];
    if (heading === undefined) continue;
    const slug = heading
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    anchors.add(n === 0 ? slug : `${slug}-${n}`);
  }
  return anchors;
}

/** The rows of a document's Markdown tables, each a list of cells (the header row included, the rule left out). */
export function tableRows(text: string): string[][] {
  return text
    .split('\n')
    .filter((line) => /^\s*\|.*\|\s*$/.test(line) && !/^\s*\|[\s|:-]+\|\s*$/.test(line))
    .map((line) =>
      line
        .trim()
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    );
}

/** The `[keys, action]` pairs of an array literal named `name` in a source text. */
export function pairsOf(source: string, name: string): [string, string][] {
  const body = new RegExp(`\\b${name}\\b[^=]*=\\s*\\[([\\s\\S]*?)\\n\\];`).exec(source)?.[1] ?? '';
  return [...body.matchAll(/\[\s*'([^']*)',\s*'([^']*)'\s*\]/g)].map((m) => [m[1]!, m[2]!]);
}
