/**
 * `npm run mutate [-- group …]`: mutation testing of the modules in `modules.ts` with StrykerJS
 * (#27). Each group runs on its own tests, incrementally (a second run tests again only the
 * mutants whose code or tests changed), writes its HTML and JSON reports under
 * `tests/bench/results/mutation/`, and the score of every module is printed and kept in
 * `tests/bench/results/mutation.json`, rebuilt from the reports on disk (`-- --report` only prints
 * it). A bench, not part of `npm test`.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Stryker } from '@stryker-mutator/core';
import type { MutantResult, MutantStatus, PartialStrykerOptions } from '@stryker-mutator/api/core';
import { GROUPS, type MutationGroup } from './modules';
import { scoresOf, type ModuleScore } from './score';
import { CONTENT_CACHE_ENV } from '../support/content';

const ROOT = resolve(import.meta.dirname, '..', '..');
const RESULTS = join(ROOT, 'tests', 'bench', 'results');
const REPORTS = join(RESULTS, 'mutation');
const GENERATED = join(ROOT, 'tests', 'mutation', '.generated');
const SUMMARY = join(RESULTS, 'mutation.json');
/** The score each module must reach (#27). */
export const TARGET_SCORE = 80;
/** What the sandbox need not copy: build output, reports, the pinned Node. */
const IGNORE = [
  '.stryker-tmp',
  'out',
  'dist',
  'test-results',
  'tests/bench/results',
  '.ci/toolchain',
  'tests/mutation/.generated/*.tmp',
];

/**
 * A Vitest config that runs exactly the group's tests, in the order `modules.ts` lists them (quick
 * unit tests first): Stryker stops a mutant's run at its first failing test, so a mutant a unit
 * test kills costs no slow file. It matters for static mutants (in code run when a module loads),
 * which Stryker tests with every test of the group. Vitest's own order runs the longest files first.
 */
function vitestConfigFor(group: MutationGroup): string {
  mkdirSync(GENERATED, { recursive: true });
  const file = join(GENERATED, `${group.name}.vitest.mts`);
  const test = {
    include: group.tests,
    env: group.env ?? {},
    environment: 'node',
    pool: 'forks',
    testTimeout: 60_000,
    setupFiles: ['tests/support/vitest-setup.ts'],
  };
  writeFileSync(
    file,
    [
      `import { defineConfig } from 'vitest/config';`,
      `import { BaseSequencer } from 'vitest/node';`,
      `const listed = ${JSON.stringify(group.tests)};`,
      `const at = (moduleId) => listed.findIndex((test) => moduleId.replaceAll('\\\\', '/').endsWith('/' + test));`,
      `class Listed extends BaseSequencer {`,
      `  async sort(files) { return [...files].sort((a, b) => at(a.moduleId) - at(b.moduleId)); }`,
      `}`,
      `const test = ${JSON.stringify(test)};`,
      `export default defineConfig({ test: { ...test, sequence: { sequencer: Listed } } });`,
      '',
    ].join('\n'),
  );
  return file;
}

function optionsFor(group: MutationGroup, force: boolean): PartialStrykerOptions {
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
    // The committed JSON report is the incremental file, so a fresh clone starts from the last
    // committed run and tests again only what changed since. Stryker's JSON reporter is left out: it
    // wrote the same report to the same path at the same moment, and the two writes interleaved.
    incrementalFile: report('json'),
    // `-- --force`: every mutant again (Stryker sees changes only in the mutated files and the tests).
    force,
    reporters: ['html', 'progress'],
    htmlReporter: { fileName: report('html') },
    ignorePatterns: IGNORE,
    // One folder per group, so that two runs of different groups can go side by side.
    tempDirName: `.stryker-tmp/${group.name}`,
    cleanTempDir: 'always',
    concurrency: 1,
    timeoutMS: 20_000,
    // The first run of a group's tests, on a machine others are using too.
    dryRunTimeoutMinutes: 20,
    ...(group.build ? { buildCommand: 'npm run build' } : {}),
  };
}

interface IncrementalReport {
  files: Record<string, { mutants: { status: MutantStatus; static?: boolean }[] }>;
  testFiles?: Record<string, { source?: string }>;
}

/** The statuses of a mutant no test detected. */
const UNDETECTED: MutantStatus[] = ['Survived', 'NoCoverage'];

/**
 * Stryker's incremental mode tests a surviving mutant again only when a test that covers it was
 * added, and a static mutant (in code run when a module loads or a test file is collected: a word
 * list, an analyser built in a `describe`) is covered by no test in particular, so it would be
 * reused as surviving forever, whatever tests are written after (core 10.1, `IncrementalDiffer`).
 * When one of the group's test files differs from the source the report keeps of it, its static
 * survivors are taken out of the incremental file, and Stryker tests them again with every test.
 * Returns how many.
 */
function retestStaticSurvivors(group: MutationGroup): number {
  const file = join(REPORTS, `${group.name}.json`);
  if (!existsSync(file)) return 0;
  const report = JSON.parse(readFileSync(file, 'utf8')) as IncrementalReport;
  const changed = group.tests.some(
    (test) => report.testFiles?.[test]?.source !== readFileSync(join(ROOT, test), 'utf8'),
  );
  if (!changed) return 0;
  let taken = 0;
  for (const entry of Object.values(report.files)) {
    const kept = entry.mutants.filter((m) => !(m.static && UNDETECTED.includes(m.status)));
    taken += entry.mutants.length - kept.length;
    entry.mutants = kept;
  }
  if (taken) writeFileSync(file, JSON.stringify(report));
  return taken;
}

/**
 * Runs a group with its environment in this process's, for Stryker's test runners inherit it when
 * they start: its Vitest runner uses worker threads, where a TZ set in Vitest's `env` comes too late.
 */
async function runGroup(group: MutationGroup, force: boolean): Promise<void> {
  mkdirSync(REPORTS, { recursive: true });
  console.log(`\n== ${group.name}: ${group.promise}`);
  const retested = retestStaticSurvivors(group);
  if (retested) console.log(`${retested} static survivor(s) taken out of the incremental file: the tests changed`);
  const saved = { ...process.env };
  const cache = group.reuseContent ? mkdtempSync(join(tmpdir(), 'valise-mutate-content-')) : null;
  const env = { ...group.env, ...(cache ? { [CONTENT_CACHE_ENV]: cache } : {}) };
  Object.assign(process.env, env);
  try {
    await new Stryker(optionsFor(group, force)).runMutationTest();
    compactReport(group);
  } finally {
    for (const name of Object.keys(env)) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
    if (cache) rmSync(cache, { recursive: true, force: true });
  }
}

/**
 * Stryker writes the report indented (5.2 MB for search-rules): it is saved again on one line
 * (2.2 MB), the same data, once parsed, so that a damaged write (twice a whole report followed by
 * the tail of a longer one) is said at once rather than found by the next run.
 */
function compactReport(group: MutationGroup): void {
  const file = join(REPORTS, `${group.name}.json`);
  if (!existsSync(file)) return;
  let report: unknown;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file} is not one whole JSON report: cut it where its first JSON value ends`, {
      cause: error,
    });
  }
  writeFileSync(file, JSON.stringify(report));
}

interface JsonReport {
  files: Record<string, { mutants: { status: MutantStatus }[] }>;
}

/** A group's scores, read back from its last JSON report (none yet: not measured). */
function scoresFromReport(group: MutationGroup): ModuleScore[] | null {
  const file = join(REPORTS, `${group.name}.json`);
  if (!existsSync(file)) return null;
  const report = JSON.parse(readFileSync(file, 'utf8')) as JsonReport;
  const results = Object.entries(report.files).flatMap(([fileName, { mutants }]) =>
    mutants.map((m) => ({ fileName, status: m.status }) as MutantResult),
  );
  return scoresOf(group.name, results);
}

/** The summary, rebuilt from every group's report on disk, so a run cut short keeps what it finished. */
function writeSummary(): Record<string, ModuleScore[]> {
  const groups: Record<string, ModuleScore[]> = {};
  for (const group of GROUPS) {
    const scores = scoresFromReport(group);
    if (scores) groups[group.name] = scores;
  }
  writeFileSync(
    SUMMARY,
    JSON.stringify({ target: TARGET_SCORE, measuredAt: new Date().toISOString(), groups }, null, 2) + '\n',
  );
  return groups;
}

function printTable(groups: Record<string, ModuleScore[]>): void {
  const rows = Object.values(groups).flat();
  console.log('\n| group | module | mutants | killed | survived | no coverage | score | ≥ 80 % |');
  console.log('| --- | --- | --: | --: | --: | --: | --: | --- |');
  for (const r of rows) {
    const met = r.score >= TARGET_SCORE ? 'met' : 'missed';
    console.log(
      `| ${r.group} | ${r.module} | ${r.valid} | ${r.killed} | ${r.survived} | ${r.noCoverage} | ${r.score.toFixed(1)} % | ${met} |`,
    );
  }
}

async function main(): Promise<void> {
  const reportOnly = process.argv.includes('--report');
  const force = process.argv.includes('--force');
  const asked = process.argv.slice(2).filter((arg) => arg !== '--report' && arg !== '--force');
  const unknown = asked.filter((name) => !GROUPS.some((g) => g.name === name));
  if (unknown.length)
    throw new Error(`No mutation group named ${unknown.join(', ')}; groups: ${GROUPS.map((g) => g.name).join(', ')}`);
  const chosen = reportOnly ? [] : asked.length ? GROUPS.filter((g) => asked.includes(g.name)) : GROUPS;
  for (const group of chosen) {
    await runGroup(group, force);
    writeSummary();
  }
  const groups = writeSummary();
  printTable(groups);
  console.log(`\nReports: ${REPORTS}/<group>.html; summary: ${SUMMARY}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
