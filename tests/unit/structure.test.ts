/**
 * The product's shape (#25, tests/audit/structure.ts): no runtime import cycle among its files, no
 * folder of it over MAX_FILES source files; and the audit itself finds what it says it finds.
 */
import { describe, expect, it } from 'vitest';
import { crowdedFolders, cycles, importGraph, MAX_FILES, readProduct, runtimeSpecifiers } from '../audit/structure';

const product = readProduct();

describe('the product', () => {
  it('has no runtime import cycle among its files', () => {
    const graph = importGraph(product);
    // The graph is read: most files import another product file.
    expect([...graph.values()].filter((targets) => targets.length > 0).length).toBeGreaterThan(product.size / 2);
    expect(cycles(graph).map((c) => c.join(' → '))).toEqual([]);
  });

  it(`has no folder of more than ${MAX_FILES} source files`, () => {
    expect(product.size).toBeGreaterThan(100);
    expect(crowdedFolders([...product.keys()])).toEqual([]);
  });
});

describe('the structure audit', () => {
  it('keeps runtime imports, re-exports and import(), not type-only ones', () => {
    const text = [
      "import { a } from './a.std';",
      "import type { B } from './b.std';",
      "import { type C, type D } from './c.std';",
      "import { e, type E } from './e.std';",
      "export { f } from './f.std';",
      "export type { G } from './g.std';",
      "import 'react';",
      "const h = () => import('./h.std');",
    ].join('\n');
    expect(runtimeSpecifiers('x.std.ts', text)).toEqual(['./a.std', './e.std', './f.std', './h.std']);
  });

  it('finds a cycle, and names its files in order', () => {
    const files = new Map([
      ['m/a.std.ts', "import { b } from './b.std';"],
      ['m/b.std.ts', "import { c } from '../n/c.std';"],
      ['n/c.std.ts', "import { a } from '../m/a.std';"],
      ['n/d.std.ts', "import { a } from '../m/a.std';\nimport type { D } from './d.std';"],
    ]);
    expect(cycles(importGraph(files))).toEqual([['m/a.std.ts', 'm/b.std.ts', 'n/c.std.ts', 'm/a.std.ts']]);
  });

  it('counts a folder over the limit, not one at it', () => {
    const folder = (dir: string, n: number) => Array.from({ length: n }, (_, i) => `${dir}/f${i}.std.ts`);
    expect(crowdedFolders([...folder('a', MAX_FILES), ...folder('b', MAX_FILES + 1)])).toEqual([['b', MAX_FILES + 1]]);
  });
});
