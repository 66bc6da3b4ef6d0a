/**
 * The product's shape (#25): no runtime import cycle among its files, and no folder of it holding
 * more than MAX_FILES source files. `npx tsx tests/audit/structure.ts` prints both, and exits 1
 * when either is found; tests/unit/structure.test.ts makes them a gate.
 *
 * The product is common/, db/, main/ and renderer/ (tests, benchmarks and configs are not). An
 * import is an edge when it is kept at run time: `import type`, `export type … from` and an import
 * whose every name is marked `type` are erased by TypeScript and make no cycle; a dynamic
 * `import()` is an edge (the bundler follows it too). Only relative specifiers name product files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import ts from 'typescript';

const ROOT = join(__dirname, '..', '..');
export const PRODUCT = ['common', 'db', 'main', 'renderer'];
export const MAX_FILES = 12;
const SOURCE = /\.(ts|tsx|mts|cts)$/;
const RESOLVE = ['', '.ts', '.tsx', '.mts', '.d.ts', '/index.ts', '/index.tsx'];

/** Every source file of the product, relative to the root with '/' separators. */
export function productFiles(root = ROOT): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory() && entry.name !== 'node_modules') walk(path);
      else if (entry.isFile() && SOURCE.test(entry.name)) out.push(path);
    }
  };
  for (const top of PRODUCT) walk(top);
  return out.sort();
}

function isTypeOnly(node: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  if (ts.isExportDeclaration(node)) {
    if (node.isTypeOnly) return true;
    const clause = node.exportClause;
    return (
      !!clause && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly)
    );
  }
  const clause = node.importClause;
  if (!clause) return false; // import './side-effect'
  if (clause.isTypeOnly) return true;
  if (clause.name) return false;
  const bindings = clause.namedBindings;
  return (
    !!bindings &&
    ts.isNamedImports(bindings) &&
    bindings.elements.length > 0 &&
    bindings.elements.every((e) => e.isTypeOnly)
  );
}

/** The relative specifiers a source text keeps at run time: static imports, re-exports, import(). */
export function runtimeSpecifiers(file: string, text: string): string[] {
  const source = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const specs: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      if (!isTypeOnly(node)) specs.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteralLike(arg)) specs.push(arg.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return specs.filter((s) => s.startsWith('./') || s.startsWith('../'));
}

/** The graph of runtime imports among the given files: file → the product files it imports. */
export function importGraph(files: Map<string, string>): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const [file, text] of files) {
    const targets = runtimeSpecifiers(file, text)
      .map((spec) =>
        normalize(join(dirname(file), spec))
          .split(sep)
          .join('/'),
      )
      .map((base) => RESOLVE.map((ext) => base + ext).find((candidate) => files.has(candidate)))
      .filter((t): t is string => t !== undefined);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** Each import cycle, as the files around it (first file repeated at the end); Tarjan's components. */
export function cycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const connect = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) components.push(component);
  };
  for (const v of graph.keys()) if (!index.has(v)) connect(v);
  return components.map((component) => pathAround(graph, new Set(component)));
}

/** One cycle through a strongly connected component, for the message: a, b, …, a. */
function pathAround(graph: Map<string, string[]>, component: Set<string>): string[] {
  const start = [...component].sort()[0]!;
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const v = queue.shift()!;
    for (const w of graph.get(v) ?? []) {
      if (!component.has(w)) continue;
      if (w === start) {
        const path = [v];
        while (path[0] !== start) path.unshift(previous.get(path[0]!)!);
        return [...path, start];
      }
      if (!previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  return [...component];
}

/** Folders holding more than `max` of the given source files, with their count. */
export function crowdedFolders(files: string[], max = MAX_FILES): [string, number][] {
  const counts = new Map<string, number>();
  for (const f of files) counts.set(dirname(f), (counts.get(dirname(f)) ?? 0) + 1);
  return [...counts].filter(([, n]) => n > max).sort();
}

/** The product as it is on disk: its files' text. */
export function readProduct(root = ROOT): Map<string, string> {
  return new Map(productFiles(root).map((f) => [f, readFileSync(join(root, f), 'utf8')]));
}

if (require.main === module) {
  const files = readProduct();
  const found = cycles(importGraph(files));
  const crowded = crowdedFolders([...files.keys()]);
  for (const c of found) console.log(`cycle: ${c.join(' → ')}`);
  for (const [dir, n] of crowded) console.log(`${dir}: ${n} source files (over ${MAX_FILES})`);
  console.log(
    `${files.size} product files; ${found.length} runtime import cycle(s); ${crowded.length} folder(s) over ${MAX_FILES} files (${relative(process.cwd(), ROOT) || '.'})`,
  );
  process.exitCode = found.length || crowded.length ? 1 : 0;
}
