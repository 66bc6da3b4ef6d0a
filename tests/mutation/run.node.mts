/**
 * `npm run mutate [-- group …]`: mutation testing of the modules in `modules.ts` with StrykerJS
 * (#27). Each group runs on its own tests, incrementally (a second run tests again only the
 * mutants whose code or tests changed), writes its HTML and JSON reports under
 * `tests/bench/results/mutation/`, and the score of every module is printed and kept in
 * `tests/bench/results/mutation.json`. A bench, not part of `npm test`.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Stryker } from '@stryker-mutator/core';
import type { MutantResult, PartialStrykerOptions } from '@stryker-mutator/api/core';
import { GROUPS, type MutationGroup } from './modules';
import { scoresOf, type ModuleScore } from './score';

const ROOT = resolve(import.meta.dirname, '..', '..');
const RESULTS = join(ROOT, 'tests', 'bench', 'results');
const REPORTS = join(RESULTS, 'mutation');
const GENERATED = join(ROOT, 'tests', 'mutation', '.generated');
const SUMMARY = join(RESULTS, 'mutation.json');
/** The score each module must reach (#27). */
export const TARGET_SCORE = 80;
/** What the sandbox need not copy: build output, reports, the pinned Node. */
const IGNORE = ['.stryker-tmp', 'out', 'dist', 'test-results', 'tests/bench/results', '.ci/toolchain', 'tests/mutation/.generated/*.tmp'];

/** A Vitest config that runs exactly the group's tests. */
function vitestConfigFor(group: MutationGroup): string {
  mkdirSync(GENERATED, { recursive: true });
  const file = join(GENERATED, `${group.name}.vitest.mts`);
  const test = { include: group.tests, env: group.env ?? {}, environment: 'node', pool: 'forks', testTimeout: 60_000 };
  writeFileSync(file, `import { defineConfig } from 'vitest/config';\nexport default defineConfig({ test: ${JSON.stringify(test)} });\n`);
  return file;
}

function optionsFor(group: MutationGroup): PartialStrykerOptions {
  const report = (ext: string) => join(REPORTS, `${group.name}.${ext}`);
  return {
    testRunner: 'vitest',
    vitest: { configFile: vitestConfigFor(group).slice(ROOT.length + 1), related: false },
    plugins: ['@stryker-mutator/vitest-runner', '@stryker-mutator/typescript-checker'],
    checkers: ['typescript'],
    tsconfigFile: group.tsconfig ?? 'tsconfig.node.json',
    typescriptChecker: { prioritizePerformanceOverAccuracy: true },
    mutate: group.mutate,
    coverageAnalysis: 'perTest',
    incremental: true,
    incrementalFile: report('incremental.json'),
    reporters: ['html', 'json', 'progress'],
    htmlReporter: { fileName: report('html') },
    jsonReporter: { fileName: report('json') },
    ignorePatterns: IGNORE,
    // One folder per group, so that two runs of different groups can go side by side.
    tempDirName: `.stryker-tmp/${group.name}`,
    cleanTempDir: 'always',
    concurrency: 1,
    timeoutMS: 20_000,
    ...(group.build ? { buildCommand: 'npm run build' } : {}),
  };
}

async function runGroup(group: MutationGroup): Promise<ModuleScore[]> {
  mkdirSync(REPORTS, { recursive: true });
  console.log(`\n== ${group.name}: ${group.promise}`);
  const results: MutantResult[] = await new Stryker(optionsFor(group)).runMutationTest();
  return scoresOf(group.name, results);
}

function readSummary(): Record<string, ModuleScore[]> {
  if (!existsSync(SUMMARY)) return {};
  return (JSON.parse(readFileSync(SUMMARY, 'utf8')) as { groups: Record<string, ModuleScore[]> }).groups;
}

function printTable(groups: Record<string, ModuleScore[]>): void {
  const rows = Object.values(groups).flat();
  console.log('\n| group | module | mutants | killed | survived | no coverage | score | ≥ 80 % |');
  console.log('| --- | --- | --: | --: | --: | --: | --: | --- |');
  for (const r of rows) {
    const met = r.score >= TARGET_SCORE ? 'met' : 'missed';
    console.log(`| ${r.group} | ${r.module} | ${r.valid} | ${r.killed} | ${r.survived} | ${r.noCoverage} | ${r.score.toFixed(1)} % | ${met} |`);
  }
}

async function main(): Promise<void> {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((name) => !GROUPS.some((g) => g.name === name));
  if (unknown.length) throw new Error(`No mutation group named ${unknown.join(', ')}; groups: ${GROUPS.map((g) => g.name).join(', ')}`);
  const chosen = asked.length ? GROUPS.filter((g) => asked.includes(g.name)) : GROUPS;
  const measured: Record<string, ModuleScore[]> = {};
  for (const group of chosen) measured[group.name] = await runGroup(group);
  // Read again only now: another run may have written other groups' scores meanwhile.
  const groups = { ...readSummary(), ...measured };
  writeFileSync(SUMMARY, JSON.stringify({ target: TARGET_SCORE, measuredAt: new Date().toISOString(), groups }, null, 2) + '\n');
  printTable(groups);
  console.log(`\nReports: ${REPORTS}/<group>.html; summary: ${SUMMARY}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
