/** The measure of long functions (tests/audit/long-functions.ts, #25) counts what it says it counts. */
import { describe, expect, it } from 'vitest';
import { longFunctions } from '../audit/long-functions';

/** A function of `lines` lines in all, its first and last included. */
const body = (lines: number) => Array.from({ length: lines - 2 }, (_, i) => `  const x${i} = ${i};`).join('\n');

describe('longFunctions', () => {
  it('finds each kind of function over the limit, nested ones too, and names it', () => {
    const text = [
      `export function declared() {\n${body(81)}\n}`,
      `const arrow = () => {\n${body(90)}\n};`,
      `class A {\n  method() {\n${body(81)}\n  }\n}`,
      `export function outer() {\n  const inner = function () {\n${body(81)}\n  };\n}`,
    ].join('\n');
    // outer: its own first and last lines around inner's 81.
    const found = longFunctions('x.node.ts', text).map((f) => `${f.name}:${f.lines}`);
    expect(found).toEqual(['declared:81', 'arrow:90', 'method:81', 'outer:83', 'inner:81']);
  });

  it('leaves a function of exactly the limit', () => {
    expect(longFunctions('x.node.ts', `function fits() {\n${body(80)}\n}`)).toEqual([]);
  });
});
