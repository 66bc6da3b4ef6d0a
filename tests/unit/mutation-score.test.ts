/** How `npm run mutate` counts a module's score (tests/mutation/score.ts). */
import { describe, expect, it } from 'vitest';
import type { MutantResult, MutantStatus } from '@stryker-mutator/api/core';
import { scoresOf } from '../mutation/score';

function mutant(fileName: string, status: MutantStatus): MutantResult {
  return { fileName, status } as MutantResult;
}

describe('the mutation score of a module', () => {
  it('counts killed and timed-out mutants as detected, survivors and uncovered ones as not', () => {
    const results = [
      mutant('/tmp/sandbox/common/a.std.ts', 'Killed'),
      mutant('/tmp/sandbox/common/a.std.ts', 'Timeout'),
      mutant('/tmp/sandbox/common/a.std.ts', 'Survived'),
      mutant('/tmp/sandbox/common/a.std.ts', 'NoCoverage'),
    ];
    const [score] = scoresOf('g', results);
    expect(score).toMatchObject({
      module: 'common/a.std.ts',
      valid: 4,
      killed: 2,
      survived: 1,
      noCoverage: 1,
      score: 50,
    });
  });

  it('leaves out mutants that did not compile, failed to run or were ignored', () => {
    const results = [
      mutant('main/b.node.ts', 'Killed'),
      mutant('main/b.node.ts', 'CompileError'),
      mutant('main/b.node.ts', 'RuntimeError'),
      mutant('main/b.node.ts', 'Ignored'),
    ];
    expect(scoresOf('g', results)).toEqual([
      { group: 'g', module: 'main/b.node.ts', valid: 1, killed: 1, survived: 0, noCoverage: 0, score: 100 },
    ]);
  });

  it('gives one score per file, in the order the files first appear', () => {
    const results = [
      mutant('db/x.std.ts', 'Killed'),
      mutant('common/y.std.ts', 'Survived'),
      mutant('db/x.std.ts', 'Survived'),
    ];
    expect(scoresOf('g', results).map((s) => [s.module, s.score])).toEqual([
      ['db/x.std.ts', 50],
      ['common/y.std.ts', 0],
    ]);
  });
});
