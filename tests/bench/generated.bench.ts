/**
 * The generated corpus bench (#29): a seeded sweep of generated issues (default 200; seed
 * VALISE_SWEEP_SEED, default 2029; size VALISE_SWEEP_SIZE), typeset into a temporary folder,
 * imported through the CLI (dry run, no corrections) and scored (tests/corpus/generate/score.node.ts);
 * then the committed fixed set (tests/corpus/generated/) and the hand-made corpus (tests/corpus/).
 * Prints text kept per engine and recall per kind against #29's targets; writes
 * tests/bench/results/generated.json. Engines missing on this machine are reported and skipped.
 *
 *   node --import tsx tests/bench/generated.bench.ts
 *   VALISE_SWEEP_SIZE=20 node --import tsx tests/bench/generated.bench.ts
 *   VALISE_GENERATED_PARTS=fixed,handmade node --import tsx tests/bench/generated.bench.ts
 *
 * VALISE_GENERATED_PARTS (sweep, fixed, handmade; default all three) runs only some parts, and
 * then writes tests/bench/results/generated-<parts>.json, so that parts can run side by side.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate, GENERATED_DIR } from '../corpus/generate/generate.node';
import { ENGINES, type Engine } from '../corpus/generate/model.std';
import { drawLayout } from '../corpus/generate/issue.std';
import { Rng } from '../corpus/generate/random.std';
import { engineAvailable } from '../corpus/generate/render/index.node';
import { KINDS, pooled, scoreGenerated, scoreHandmade, type IssueScore } from '../corpus/generate/score.node';

const TARGETS = { textKept: 0.99, sections: 0.95, samples: 0.95, entities: 0.9 };
const SEED = Number(process.env.VALISE_SWEEP_SEED ?? 2029);
const SIZE = Number(process.env.VALISE_SWEEP_SIZE ?? 200);
const PARTS = process.env.VALISE_GENERATED_PARTS ? new Set(process.env.VALISE_GENERATED_PARTS.split(',')) : null;
const runs = (part: 'sweep' | 'fixed' | 'handmade') => !PARTS || PARTS.has(part);
const RESULTS = join(import.meta.dirname, 'results');
const RESULTS_FILE = PARTS ? `generated-${[...PARTS].sort().join('-')}.json` : 'generated.json';
const CORPUS = join(import.meta.dirname, '..', 'corpus');
const f2 = (x: number) => x.toFixed(2);
const target = (kind: string) =>
  kind === 'sections' ? TARGETS.sections : kind === 'samples' ? TARGETS.samples : TARGETS.entities;

async function sweep(missing: Set<Engine>): Promise<{ scores: IssueScore[]; skipped: number; failed: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'valise-sweep-'));
  const scores: IssueScore[] = [];
  const failed: string[] = [];
  let skipped = 0;
  try {
    for (let i = 0; i < SIZE; i++) {
      const seed = SEED + i;
      const engine = drawLayout(new Rng(seed)).engine;
      if (missing.has(engine)) {
        skipped++;
        continue;
      }
      try {
        const g = await generate(seed, dir, `sweep-${seed}`, engine);
        scores.push(await scoreGenerated(g.pdf, g.json));
        process.stdout.write(`\r  sweep ${i + 1}/${SIZE}  `);
      } catch (e) {
        failed.push(`${seed}/${engine}: ${(e as Error).message.split('\n')[0]}`);
      }
      rmSync(join(dir, `sweep-${seed}.pdf`), { force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write('\n');
  return { scores, skipped, failed };
}

async function fixedSet(): Promise<IssueScore[]> {
  if (!existsSync(join(GENERATED_DIR, 'manifest.json'))) {
    console.log('no fixed set (tests/corpus/generated/manifest.json): run npx tsx tests/corpus/generate/fixed.node.ts');
    return [];
  }
  const manifest = JSON.parse(readFileSync(join(GENERATED_DIR, 'manifest.json'), 'utf8')) as {
    issues: { file: string }[];
  };
  const out: IssueScore[] = [];
  for (const m of manifest.issues) out.push(await scoreGenerated(join(GENERATED_DIR, m.file)));
  return out;
}

async function handmade(): Promise<IssueScore[]> {
  const entries = (
    JSON.parse(readFileSync(join(CORPUS, 'expected.json'), 'utf8')) as { pdfs: Parameters<typeof scoreHandmade>[1][] }
  ).pdfs;
  const out: IssueScore[] = [];
  for (const e of entries) out.push(await scoreHandmade(CORPUS, e));
  return out;
}

function summary(scores: IssueScore[]) {
  const kept = scores.map((s) => s.textKept.ratio);
  const kinds = Object.fromEntries(
    KINDS.map((k) => {
      const r = pooled(scores, k);
      return [k, { found: r.found, of: r.of, recall: r.of ? r.found / r.of : null, target: target(k) }];
    }),
  );
  return {
    issues: scores.length,
    textKept: {
      mean: kept.length ? kept.reduce((a, b) => a + b, 0) / kept.length : null,
      min: kept.length ? Math.min(...kept) : null,
      atTarget: kept.filter((x) => x >= TARGETS.textKept).length,
    },
    kinds,
    numberRight: scores.filter((s) => s.number.right).length,
    yearRight: scores.filter((s) => s.year.right).length,
    monthRight: scores.filter((s) => s.month.right === true).length,
    monthOf: scores.filter((s) => s.month.right !== null).length,
    errors: scores.filter((s) => s.error).length,
    accounting: {
      present: scores.filter((s) => s.accounting.importerTotal !== null).length,
      agrees: scores.filter((s) => s.accounting.agrees).length,
      complete: scores.filter((s) => s.accounting.importerUnaccounted === 0).length,
    },
  };
}

function printTable(title: string, groups: [string, IssueScore[]][]): void {
  console.log(`\n${title}`);
  const head = [
    'group',
    'n',
    'text kept mean',
    'min',
    `≥${TARGETS.textKept}`,
    ...KINDS,
    'number',
    'year',
    'month',
    'accounting (agrees, 100 %)',
  ];
  const rows = groups
    .filter(([, s]) => s.length)
    .map(([name, s]) => {
      const m = summary(s);
      return [
        name,
        String(m.issues),
        f2(m.textKept.mean ?? 0),
        f2(m.textKept.min ?? 0),
        `${m.textKept.atTarget}/${m.issues}`,
        ...KINDS.map((k) =>
          m.kinds[k]!.of ? `${f2(m.kinds[k]!.recall!)}${m.kinds[k]!.recall! >= target(k) ? '' : '*'}` : '—',
        ),
        `${m.numberRight}/${m.issues}`,
        `${m.yearRight}/${m.issues}`,
        `${m.monthRight}/${m.monthOf}`,
        m.accounting.present
          ? `${m.accounting.agrees}/${m.accounting.present}, ${m.accounting.complete}/${m.accounting.present}`
          : 'absent',
      ];
    });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const r of [head, ...rows]) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  '));
}

const byEngine = (scores: IssueScore[]): [string, IssueScore[]][] => [
  ...ENGINES.map((e): [string, IssueScore[]] => [e, scores.filter((s) => s.engine === e)]),
  ['all', scores],
];

async function main(): Promise<void> {
  const missing = new Set(ENGINES.filter((e) => !engineAvailable(e)));
  const load = loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
  console.log(
    `generated corpus bench: sweep seed ${SEED}, size ${SIZE}; load ${load}${missing.size ? `; engines missing on this machine (skipped): ${[...missing].join(', ')}` : '; every engine present'}`,
  );
  const started = performance.now();
  const s = runs('sweep') ? await sweep(missing) : { scores: [], skipped: 0, failed: [] };
  const fixed = runs('fixed') ? await fixedSet() : [];
  const hand = runs('handmade') ? await handmade() : [];
  printTable(
    `sweep (seed ${SEED}, ${s.scores.length} scored, ${s.skipped} skipped for a missing engine, ${s.failed.length} failed to typeset) — * below target`,
    byEngine(s.scores),
  );
  printTable('committed fixed set (tests/corpus/generated)', byEngine(fixed));
  printTable('hand-made corpus (tests/corpus; events, figures, contacts not scored there)', [
    ...hand.map((h): [string, IssueScore[]] => [h.file, [h]]),
    ['all', hand],
  ]);
  for (const f of s.failed) console.log(`typesetting failed: ${f}`);
  mkdirSync(RESULTS, { recursive: true });
  const out = {
    seed: SEED,
    size: SIZE,
    load,
    minutes: Math.round((performance.now() - started) / 6000) / 10,
    targets: TARGETS,
    missingEngines: [...missing],
    failed: s.failed,
    sweep: {
      summary: summary(s.scores),
      perEngine: Object.fromEntries(byEngine(s.scores).map(([e, x]) => [e, summary(x)])),
      issues: s.scores,
    },
    fixed: {
      summary: summary(fixed),
      perEngine: Object.fromEntries(byEngine(fixed).map(([e, x]) => [e, summary(x)])),
      issues: fixed,
    },
    handmade: { summary: summary(hand), issues: hand },
  };
  writeFileSync(join(RESULTS, RESULTS_FILE), `${JSON.stringify(out, null, 1)}\n`);
  console.log(`\nwrote ${join(RESULTS, RESULTS_FILE)}`);
}

void main();
