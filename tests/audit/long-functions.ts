/**
 * The product's functions over LIMIT lines (#25 asks for no function over 80 but data tables and
 * migrations): `npx tsx tests/audit/long-functions.ts` prints them, longest first, with the count;
 * `--json` prints them as JSON; `--rev <commit>` measures the tree of that commit (for a before and
 * after). A measure, not a gate: it exits 0 whatever it finds.
 *
 * A function is a declaration, a method, an arrow function or a function expression, read with
 * TypeScript's parser in main/, common/, db/ and renderer/src; its length is its lines from its
 * first to its last, nested functions included (a factory is as long as the closures it holds).
 * Tests, benchmarks and generated files are not product code and are not read.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const ROOT = join(__dirname, '..', '..');
const PRODUCT = ['main', 'common', 'db', join('renderer', 'src')];
export const LIMIT = 80;

export interface LongFunction {
  file: string;
  line: number;
  name: string;
  lines: number;
}

function nameOf(node: ts.FunctionLikeDeclaration): string {
  if (node.name) return node.name.getText();
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent))
    return parent.name.getText();
  if (ts.isCallExpression(parent)) return `(argument of ${parent.expression.getText().slice(0, 40)})`;
  return '(anonymous)';
}

/** The functions of one source text over `limit` lines. */
export function longFunctions(file: string, text: string, limit = LIMIT): LongFunction[] {
  const source = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const found: LongFunction[] = [];
  const lineOf = (pos: number) => source.getLineAndCharacterOfPosition(pos).line + 1;
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const fn = node as ts.FunctionLikeDeclaration;
      const first = lineOf(fn.getStart());
      const lines = lineOf(fn.getEnd()) - first + 1;
      if (lines > limit) found.push({ file, line: first, name: nameOf(fn), lines });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

export function productSources(): string[] {
  return PRODUCT.flatMap((dir) =>
    readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
      .filter((name) => /\.tsx?$/.test(name) && !/\.d\.ts$/.test(name))
      .map((name) => join(dir, name)),
  ).sort();
}

/** The product's source files as they are in a commit, with their text. */
function sourcesAt(rev: string): [string, string][] {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
  const files = git('ls-tree', '-r', '--name-only', rev, '--', ...PRODUCT.map((d) => d.split('\\').join('/')))
    .split('\n')
    .filter((name) => /\.tsx?$/.test(name) && !/\.d\.ts$/.test(name));
  return files.map((file) => [file, git('show', `${rev}:${file}`)]);
}

if (require.main === module) {
  const rev = process.argv[process.argv.indexOf('--rev') + 1];
  const sources: [string, string][] =
    process.argv.includes('--rev') && rev
      ? sourcesAt(rev)
      : productSources().map((file) => [file, readFileSync(join(ROOT, file), 'utf8')]);
  const all = sources.flatMap(([file, text]) => longFunctions(file, text)).sort((a, b) => b.lines - a.lines);
  if (process.argv.includes('--json')) console.log(JSON.stringify(all, null, 2));
  else {
    for (const f of all) console.log(`${String(f.lines).padStart(4)}  ${f.name}  ${f.file}:${f.line}`);
    console.log(`${all.length} functions over ${LIMIT} lines`);
  }
}
