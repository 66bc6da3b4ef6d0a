/**
 * A module's mutation score, counted as Stryker counts it: of the mutants that compiled and ran
 * (not `CompileError`, `RuntimeError` or `Ignored`), the share a test detected (`Killed` or
 * `Timeout`). `NoCoverage` counts as undetected: no test even ran that code.
 */
import type { MutantResult, MutantStatus } from '@stryker-mutator/api/core';

export interface ModuleScore {
  group: string;
  module: string;
  valid: number;
  killed: number;
  survived: number;
  noCoverage: number;
  /** Percent, 0–100. */
  score: number;
}

const DETECTED: ReadonlySet<MutantStatus> = new Set<MutantStatus>(['Killed', 'Timeout']);
const UNDETECTED: ReadonlySet<MutantStatus> = new Set<MutantStatus>(['Survived', 'NoCoverage']);

function scoreOf(group: string, module: string, results: MutantResult[]): ModuleScore {
  const count = (status: MutantStatus) => results.filter((r) => r.status === status).length;
  const detected = results.filter((r) => DETECTED.has(r.status)).length;
  const valid = detected + results.filter((r) => UNDETECTED.has(r.status)).length;
  return {
    group,
    module,
    valid,
    killed: detected,
    survived: count('Survived'),
    noCoverage: count('NoCoverage'),
    score: valid === 0 ? 0 : (100 * detected) / valid,
  };
}

/** One score per mutated file, in the order the files first appear. */
export function scoresOf(group: string, results: MutantResult[]): ModuleScore[] {
  const byModule = new Map<string, MutantResult[]>();
  for (const r of results) byModule.set(r.fileName, [...(byModule.get(r.fileName) ?? []), r]);
  return [...byModule].map(([file, rs]) =>
    scoreOf(group, file.replace(/\\/g, '/').replace(/^.*?(?=(common|db|main|renderer)\/)/, ''), rs),
  );
}
