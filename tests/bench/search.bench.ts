/**
 * `npm run bench`: the search engine on the real archive and on archives of 50 and 200 issues
 * synthesised from it, side by side with SQLite FTS5 (same better-sqlite3) and MiniSearch on the
 * same documents and queries. Prints a table and writes tests/bench/results/search.json.
 * Run with --expose-gc so heap figures are measured after a collection.
 */
import Database from 'better-sqlite3';
import MiniSearch from 'minisearch';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSearchShards } from '../../db/search/search-build.std';
import { parseShard, serialiseShard, type SearchShard } from '../../db/search/search-index.std';
import { createSearchService } from '../../main/services/search/search.node';
import { realArchive, synthesise, type Archive } from './synthesize';
import labelled from './queries/labelled.json';
import { QUERIES } from './queries/latency';

/** Archive sizes in issues; VALISE_BENCH_SIZES=2 measures the real archive alone (quality, quickly). */
const SIZES = process.env.VALISE_BENCH_SIZES ? process.env.VALISE_BENCH_SIZES.split(',').map(Number) : [2, 50, 200];
const RUNS = 5;
/**
 * Passes over the queries before timing. V8 compiles the search code in tiers over its first few
 * hundred calls; after one pass the p95 measured that compilation (real archive: 2.8-4.2 ms,
 * against 0.4-0.5 ms after ten passes, same machine, same minute). The first pass is reported
 * beside (cold p95): what the first queries after a start cost.
 */
const WARM_UP_RUNS = 10;

const gc = () => (globalThis as { gc?: () => void }).gc?.();
const heap = () => (gc(), process.memoryUsage().heapUsed);
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const cpuMs = (start: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};
const percentile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

interface Labelled {
  query: string;
  category: string;
  answers: string[];
  typing?: boolean;
  /** 'none': nothing in the archive answers it. */
  expect?: 'none';
}

/** What an engine gives for a query: its hits, and whether it said the query was not (well) answered. */
interface Ran {
  hits: { key: string; section?: string | null }[];
  hinted: boolean;
}

/** The hints that say a query is not, or not wholly, answered. */
const NOT_ANSWERED = new Set(['search.nothing', 'search.missing', 'search.look-alike', 'search.partial']);
const LABELLED = (labelled as { queries: Labelled[] }).queries;
/**
 * Queries written by someone who did not read the search code nor the tuning queries, copied
 * unchanged and never read by the engineer who tunes: every `queries/unseen*.json` (unseen.json,
 * French, round 5 of #28; unseen2.json…), each scored as a column of its own named after its file
 * (`unseen`, `unseen2`…), misses never printed, never tuned on.
 */
const QUERIES_DIR = join(__dirname, 'queries');
const UNSEEN_SETS: ReadonlyMap<string, Labelled[]> = new Map(
  readdirSync(QUERIES_DIR)
    .filter((f) => /^unseen.*\.json$/.test(f))
    .sort()
    .map((f) => [
      f.slice(0, -'.json'.length),
      (JSON.parse(readFileSync(join(QUERIES_DIR, f), 'utf8')) as { queries: Labelled[] }).queries,
    ]),
);
const TOP = 5;
/** The queries before this index were written with the engine of #15; those after, independently (#28). */
const INDEPENDENT_FROM = 79;

/**
 * About a third of the independent queries of each category, set aside before round 2 of #28
 * tuned anything: the third, sixth, ninth… independent query of each category, in file order.
 * Their misses are never printed; their figures are reported apart, as a test set.
 */
function heldOut(queries: readonly Labelled[]): Set<Labelled> {
  const seen = new Map<string, number>();
  const out = new Set<Labelled>();
  queries.forEach((q, i) => {
    if (i < INDEPENDENT_FROM) return;
    const n = (seen.get(q.category) ?? 0) + 1;
    seen.set(q.category, n);
    if (n % 3 === 0) out.add(q);
  });
  return out;
}
const HELD_OUT = heldOut(LABELLED);

interface Quality {
  queries: number;
  recallAt5: number;
  mrr: number;
  byCategory: Record<string, { queries: number; recallAt5: number; mrr: number }>;
  /** The tuning queries (not held out) with recall@5 under 1, with their score. */
  missed: string[];
  /** The same figures over the held-out queries alone, and over the rest (tuning). */
  heldOut: { queries: number; recallAt5: number; mrr: number; byCategory: Quality['byCategory'] };
  tuning: { queries: number; recallAt5: number; mrr: number; byCategory: Quality['byCategory'] };
  /**
   * The same figures over each unseen set (UNSEEN_SETS), which is not part of the labelled set's,
   * keyed by its file's name: `unseen` (unseen.json), `unseen2`… (one key per file, added as files are).
   */
  [unseen: `unseen${string}`]: Part;
}

type Part = { queries: number; recallAt5: number; mrr: number; byCategory: Quality['byCategory'] };

/** A hit answers when it is the item, or a passage or the section of a section that answers. */
const answers = (hit: { key: string; section?: string | null }, answer: string) =>
  hit.key === answer || hit.section === answer;

/**
 * Recall@5 (answers in the top 5 / min(answers, 5)) and MRR over the labelled queries. A query with
 * no answer scores 1 (both) when it comes back empty or with a hint that says it is not answered,
 * 0 when it lists results as answers (a confident wrong answer).
 */
function quality(run: (q: Labelled) => Ran): Quality {
  const score = (q: Labelled): Scored => {
    const { hits, hinted } = run(q);
    if (q.answers.length === 0) {
      const honest = hits.length === 0 || hinted ? 1 : 0;
      return { q, recall: honest, rr: honest };
    }
    const found = q.answers.filter((a) => hits.slice(0, TOP).some((h) => answers(h, a))).length;
    const first = hits.findIndex((h) => q.answers.some((a) => answers(h, a)));
    return { q, recall: found / Math.min(q.answers.length, TOP), rr: first < 0 ? 0 : 1 / (first + 1) };
  };
  const scores = LABELLED.map(score);
  const part = (of: Scored[]): Part => ({ queries: of.length, ...figures(of), byCategory: byCategory(of) });
  const unseenParts = Object.fromEntries([...UNSEEN_SETS].map(([name, qs]) => [name, part(qs.map(score))]));
  return {
    ...unseenParts,
    ...part(scores),
    missed: scores
      .filter((s) => s.recall < 1 && !HELD_OUT.has(s.q))
      .map((s) => `${s.q.query} (${s.recall.toFixed(2)}/${s.rr.toFixed(2)})`),
    heldOut: part(scores.filter((s) => HELD_OUT.has(s.q))),
    tuning: part(scores.filter((s) => !HELD_OUT.has(s.q))),
  };
}

type Scored = { q: Labelled; recall: number; rr: number };
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const figures = (of: Scored[]) => ({ recallAt5: mean(of.map((s) => s.recall)), mrr: mean(of.map((s) => s.rr)) });

function byCategory(scores: Scored[]): Quality['byCategory'] {
  const out: Quality['byCategory'] = {};
  for (const category of new Set(scores.map((s) => s.q.category))) {
    const of = scores.filter((s) => s.q.category === category);
    out[category] = { queries: of.length, ...figures(of) };
  }
  return out;
}

interface Row {
  engine: string;
  issues: number;
  documents: number;
  buildMs: number;
  sizeBytes: number;
  loadMs: number;
  /** CPU time of the load (all the process's threads, the collector's included): what the load costs when a core is free. */
  loadCpuMs: number;
  /** Lunr's own JSON (the format before #26 item 4), loaded the same way. */
  verbose?: { sizeBytes: number; loadMs: number; loadCpuMs: number };
  heapMB: number;
  p50Ms: number;
  p95Ms: number;
  cpuP50Ms: number;
  cpuP95Ms: number;
  /** p95 of the first pass over the queries, before V8 has compiled the search code. */
  coldP95Ms: number;
  quality?: Quality;
  /** Computes `quality` (the real archive's row): called after every size is timed. */
  assess?: () => Quality;
}

/**
 * Wall-clock and CPU time per query. On a shared machine the wall-clock p95 is held by the moments
 * the process waits for a core; the CPU time (process.cpuUsage: this process's user and system
 * time) is the engine's own work.
 */
function timeQueries(run: (q: string) => unknown): {
  p50: number;
  p95: number;
  cpuP50: number;
  cpuP95: number;
  coldP95: number;
} {
  const cold: number[] = [];
  for (const q of QUERIES) {
    const start = process.hrtime.bigint();
    run(q);
    cold.push(ms(start));
  }
  for (let i = 1; i < WARM_UP_RUNS; i++) for (const q of QUERIES) run(q);
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    for (const q of QUERIES) {
      const start = process.hrtime.bigint();
      const cpuStart = process.cpuUsage();
      run(q);
      const used = process.cpuUsage(cpuStart);
      times.push(ms(start));
      cpu.push((used.user + used.system) / 1000);
    }
  }
  return {
    p50: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    cpuP50: percentile(cpu, 0.5),
    cpuP95: percentile(cpu, 0.95),
    coldP95: percentile(cold, 0.95),
  };
}

function docsOf(archive: Archive) {
  const passages = new Map<string, { key: string; text: string }[]>();
  for (const issue of archive.issues)
    for (const s of issue.sections)
      passages.set(
        s.key,
        s.paragraphs.map((p) => ({ key: p.key, text: p.text })),
      );
  return passages;
}

function benchLunr(archive: Archive, count: number): Row {
  let start = process.hrtime.bigint();
  const shards = buildSearchShards(archive.issues, archive.entities);
  const buildMs = ms(start);
  // As the content database stores them (the compact format); Lunr's own JSON is timed beside (verbose).
  const serialised = shards.map(serialiseShard);
  const sizeBytes = serialised.reduce((n, s) => n + Buffer.byteLength(s.docs) + Buffer.byteLength(s.idx), 0);
  const passages = docsOf(archive);
  const before = heap();
  const cpuStart = process.cpuUsage();
  start = process.hrtime.bigint();
  const service = createSearchService({
    loadShards: () => serialised.map(parseShard),
    passagesOf: (key) => passages.get(key) ?? [],
    acronyms: () =>
      archive.entities
        .filter((e) => e.type === 'organisation' && e.data.acronym && e.data.acronym !== e.name)
        .map((e) => ({ acronym: e.data.acronym as string, names: [e.name] })),
  });
  service.warmUp();
  const loadMs = ms(start);
  const loadCpuMs = cpuMs(cpuStart);
  const heapMB = (heap() - before) / 1024 / 1024;
  const { p50, p95, cpuP50, cpuP95, coldP95 } = timeQueries((q) =>
    service.search({ query: q, typing: true, limit: 20 }),
  );
  // After the compact load and the queries: the code it runs is compiled by then, which favours it.
  const verbose = verboseLoad(shards);
  const known = new Set(shards.flatMap((s) => s.docs.map((d) => d.ref)));
  const unknown = LABELLED.flatMap((q) => q.answers).filter((a) => !known.has(a));
  if (count === 2 && unknown.length) throw new Error(`labelled answers not in the archive: ${unknown.join(', ')}`);
  // The unseen set is never edited here: an answer it names that the archive lacks is said, not fixed.
  for (const [name, queries] of UNSEEN_SETS) {
    const unseenUnknown = queries.flatMap((q) => q.answers).filter((a) => !known.has(a));
    if (count === 2 && unseenUnknown.length)
      console.warn(`${name} answers not in the archive (left as written): ${unseenUnknown.join(', ')}`);
  }
  // The quality pass (229 queries) runs after every size is timed (see main): run here, before the
  // 200-issue load, it tripled that load's CPU time (734 against 246 ms, load ~25).
  const measured =
    count === 2
      ? {
          assess: () =>
            quality((q) => {
              const result = service.search({ query: q.query, typing: q.typing ?? false, limit: 20 });
              return { hits: result.hits, hinted: NOT_ANSWERED.has(result.hintId ?? '') };
            }),
        }
      : {};
  return {
    engine: 'lunr (valise)',
    issues: count,
    documents: shards.reduce((n, s) => n + s.docs.length, 0),
    buildMs,
    sizeBytes,
    loadMs,
    loadCpuMs,
    verbose,
    heapMB,
    p50Ms: p50,
    p95Ms: p95,
    cpuP50Ms: cpuP50,
    cpuP95Ms: cpuP95,
    coldP95Ms: coldP95,
    ...measured,
  };
}

/**
 * The same shards loaded from Lunr's own JSON, as they were stored before the compact format (and
 * as an old library's shards still are): its size, and the wall-clock and CPU time of parsing and
 * loading them, after a collection, as the service does.
 */
function verboseLoad(shards: SearchShard[]): { sizeBytes: number; loadMs: number; loadCpuMs: number } {
  const texts = shards.map((s) => ({ name: s.name, docs: JSON.stringify(s.docs), idx: JSON.stringify(s.index) }));
  const sizeBytes = texts.reduce((n, s) => n + Buffer.byteLength(s.docs) + Buffer.byteLength(s.idx), 0);
  heap();
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  const service = createSearchService({
    loadShards: () => texts.map(parseShard),
    passagesOf: () => [],
    acronyms: () => [],
  });
  service.warmUp();
  return { sizeBytes, loadMs: ms(start), loadCpuMs: cpuMs(cpuStart) };
}

function ftsQuery(q: string): string | null {
  const words = q
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .match(/[\p{L}\p{N}]+/gu);
  if (!words) return null;
  return words.map((w, i) => `"${w}"${i === words.length - 1 ? '*' : ''}`).join(' OR ');
}

function benchFts(archive: Archive, count: number, dir: string): Row {
  const file = join(dir, `fts-${count}.sqlite`);
  rmSync(file, { force: true });
  let start = process.hrtime.bigint();
  const db = new Database(file);
  db.exec(
    "CREATE VIRTUAL TABLE docs USING fts5(ref UNINDEXED, title, body, tokenize = 'porter unicode61 remove_diacritics 2')",
  );
  const insert = db.prepare('INSERT INTO docs (ref, title, body) VALUES (?, ?, ?)');
  let documents = 0;
  db.transaction(() => {
    for (const issue of archive.issues) {
      for (const s of issue.sections) {
        insert.run(s.key, s.title, s.paragraphs.map((p) => p.text).join('\n'));
        documents++;
      }
    }
    for (const e of archive.entities) {
      insert.run(e.key, e.name, JSON.stringify(e.data));
      documents++;
    }
  })();
  db.close();
  const buildMs = ms(start);
  const sizeBytes = statSync(file).size;
  const before = heap();
  const cpuStart = process.cpuUsage();
  start = process.hrtime.bigint();
  const reader = new Database(file, { readonly: true });
  const search = reader.prepare(
    "SELECT ref, title, snippet(docs, 2, '[', ']', '…', 24) AS snippet FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, 8.0, 1.0) LIMIT 20",
  );
  const loadMs = ms(start);
  const loadCpuMs = cpuMs(cpuStart);
  const heapMB = (heap() - before) / 1024 / 1024;
  const run = (q: string) => {
    const match = ftsQuery(q);
    return match ? (search.all(match) as { ref: string }[]) : [];
  };
  const { p50, p95, cpuP50, cpuP95, coldP95 } = timeQueries(run);
  const measured =
    count === 2
      ? { quality: quality((q) => ({ hits: run(q.query).map((r) => ({ key: r.ref })), hinted: false })) }
      : {};
  reader.close();
  return {
    engine: 'sqlite fts5',
    issues: count,
    documents,
    buildMs,
    sizeBytes,
    loadMs,
    loadCpuMs,
    heapMB,
    p50Ms: p50,
    p95Ms: p95,
    cpuP50Ms: cpuP50,
    cpuP95Ms: cpuP95,
    coldP95Ms: coldP95,
    ...measured,
  };
}

function benchMiniSearch(archive: Archive, count: number): Row {
  const options = {
    fields: ['title', 'body'],
    storeFields: ['title'],
    idField: 'ref',
    searchOptions: { boost: { title: 8 }, fuzzy: 0.2, prefix: true },
  };
  let start = process.hrtime.bigint();
  const mini = new MiniSearch<{ ref: string; title: string; body: string }>(options);
  const docs = [
    ...archive.issues.flatMap((i) =>
      i.sections.map((s) => ({ ref: s.key, title: s.title, body: s.paragraphs.map((p) => p.text).join('\n') })),
    ),
    ...archive.entities.map((e) => ({ ref: e.key, title: e.name, body: JSON.stringify(e.data) })),
  ];
  mini.addAll(docs);
  const buildMs = ms(start);
  const json = JSON.stringify(mini);
  const before = heap();
  const cpuStart = process.cpuUsage();
  start = process.hrtime.bigint();
  const loaded = MiniSearch.loadJSON(json, options);
  const loadMs = ms(start);
  const loadCpuMs = cpuMs(cpuStart);
  const heapMB = (heap() - before) / 1024 / 1024;
  const { p50, p95, cpuP50, cpuP95, coldP95 } = timeQueries((q) => loaded.search(q).slice(0, 20));
  return {
    engine: 'minisearch',
    issues: count,
    documents: docs.length,
    buildMs,
    sizeBytes: Buffer.byteLength(json),
    loadMs,
    loadCpuMs,
    heapMB,
    p50Ms: p50,
    p95Ms: p95,
    cpuP50Ms: cpuP50,
    cpuP95Ms: cpuP95,
    coldP95Ms: coldP95,
  };
}

function main() {
  if (!(globalThis as { gc?: unknown }).gc) console.warn('(run with --expose-gc for heap figures after collection)');
  const real = realArchive();
  const dir = mkdtempSync(join(tmpdir(), 'valise-bench-'));
  const rows: Row[] = [];
  for (const size of SIZES) {
    const archive = synthesise(real, size);
    rows.push(benchLunr(archive, size), benchFts(archive, size, dir), benchMiniSearch(archive, size));
  }
  for (const row of rows) {
    if (row.assess) row.quality = row.assess();
    delete row.assess;
  }
  rmSync(dir, { recursive: true, force: true });
  const fmt = (n: number, d = 1) => n.toFixed(d).padStart(9);
  // Latencies are wall-clock: on a shared machine they say as much about the load as about the engine.
  const load = loadavg().map((x) => Math.round(x * 100) / 100);
  console.log(
    `\nSearch benchmark (${QUERIES.length} queries × ${RUNS} runs after ${WARM_UP_RUNS} warm-up passes; Node ${process.version}; ${new Date().toISOString().slice(0, 10)}; ${cpus().length} cores, load average ${load.join(' ')})\n`,
  );
  console.log(
    'engine          issues     docs  build ms   size MB   load ms  load cpu   heap MB    p50 ms    p95 ms  cpu p50   cpu p95  cold p95',
  );
  for (const r of rows) {
    console.log(
      `${r.engine.padEnd(14)} ${String(r.issues).padStart(7)} ${String(r.documents).padStart(8)} ${fmt(r.buildMs, 0)} ${fmt(r.sizeBytes / 1024 / 1024, 2)} ${fmt(r.loadMs)} ${fmt(r.loadCpuMs)} ${fmt(r.heapMB)} ${fmt(r.p50Ms, 2)} ${fmt(r.p95Ms, 2)} ${fmt(r.cpuP50Ms, 2)} ${fmt(r.cpuP95Ms, 2)} ${fmt(r.coldP95Ms, 2)}`,
    );
  }
  for (const r of rows.filter((x) => x.verbose)) {
    const v = r.verbose!;
    console.log(
      `${r.engine} ${r.issues} issues, Lunr's own JSON (before the compact format): ${fmt(v.sizeBytes / 1024 / 1024, 2).trim()} MB, load ${fmt(v.loadMs).trim()} ms, load cpu ${fmt(v.loadCpuMs).trim()} ms`,
    );
  }
  console.log(
    `\nQuality on the real archive: ${LABELLED.length} labelled queries (tests/bench/queries/labelled.json), and unseen ones apart (${[...UNSEEN_SETS].map(([name, qs]) => `${qs.length} in queries/${name}.json`).join(', ')}), recall@${TOP} and MRR`,
  );
  console.log('engine          category            queries  recall@5       MRR');
  for (const r of rows.filter((x) => x.quality)) {
    const q = r.quality!;
    for (const [category, c] of Object.entries(q.byCategory))
      console.log(
        `${r.engine.padEnd(14)}  ${category.padEnd(18)} ${String(c.queries).padStart(8)} ${fmt(c.recallAt5, 2)} ${fmt(c.mrr, 2)}`,
      );
    console.log(
      `${r.engine.padEnd(14)}  ${'all'.padEnd(18)} ${String(q.queries).padStart(8)} ${fmt(q.recallAt5, 2)} ${fmt(q.mrr, 2)}`,
    );
    const unseenNames = [...UNSEEN_SETS.keys()] as `unseen${string}`[];
    for (const [name, p] of [
      ['tuning', q.tuning] as const,
      ['held out', q.heldOut] as const,
      ...unseenNames.map((n) => [n, q[n]] as const),
    ]) {
      console.log(
        `${r.engine.padEnd(14)}  ${name.padEnd(18)} ${String(p.queries).padStart(8)} ${fmt(p.recallAt5, 2)} ${fmt(p.mrr, 2)}`,
      );
    }
    if (r.engine.startsWith('lunr')) {
      for (const [category, c] of Object.entries(q.heldOut.byCategory))
        console.log(
          `${'  held out'.padEnd(14)}  ${category.padEnd(18)} ${String(c.queries).padStart(8)} ${fmt(c.recallAt5, 2)} ${fmt(c.mrr, 2)}`,
        );
      for (const name of unseenNames)
        for (const [category, c] of Object.entries(q[name].byCategory))
          console.log(
            `${`  ${name}`.padEnd(14)}  ${category.padEnd(18)} ${String(c.queries).padStart(8)} ${fmt(c.recallAt5, 2)} ${fmt(c.mrr, 2)}`,
          );
      console.log(
        `  under full recall (tuning queries only; recall/RR): ${q.missed.map((m) => JSON.stringify(m)).join(', ') || 'none'}`,
      );
    }
  }
  if (!SIZES.includes(200) || !SIZES.includes(2)) return;
  const lunr200 = rows.find((r) => r.engine.startsWith('lunr') && r.issues === 200)!;
  const fts200 = rows.find((r) => r.engine.startsWith('sqlite') && r.issues === 200)!;
  const lunr2 = rows.find((r) => r.engine.startsWith('lunr') && r.issues === 2)!;
  const targets = [
    ['real archive p95 < 1 ms', lunr2.p95Ms < 1],
    ['200 issues p95 < 10 ms', lunr200.p95Ms < 10],
    ['200 issues load < 250 ms', lunr200.loadMs < 250],
    ['200 issues heap < 60 MB', lunr200.heapMB < 60],
    ['200 issues p95 within 2× FTS5', lunr200.p95Ms <= 2 * fts200.p95Ms],
  ] as const;
  console.log('\nTargets');
  for (const [name, ok] of targets) console.log(`  ${ok ? 'met    ' : 'MISSED '} ${name}`);
  // The same latency targets on CPU time: what the engine costs when it has a core to itself.
  const onCpu = [
    ['real archive CPU p95 < 1 ms', lunr2.cpuP95Ms < 1],
    ['200 issues CPU p95 < 10 ms', lunr200.cpuP95Ms < 10],
    ['200 issues CPU p95 within 2× FTS5', lunr200.cpuP95Ms <= 2 * fts200.cpuP95Ms],
    ['200 issues load CPU < 250 ms', lunr200.loadCpuMs < 250],
  ] as const;
  console.log('On CPU time (informative)');
  for (const [name, ok] of onCpu) console.log(`  ${ok ? 'met    ' : 'MISSED '} ${name}`);
  const out = join(__dirname, 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(
    join(out, 'search.json'),
    `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cores: cpus().length, loadAverage: load, queries: QUERIES, runs: RUNS, warmUpRuns: WARM_UP_RUNS, rows, targets: Object.fromEntries(targets), targetsOnCpu: Object.fromEntries(onCpu) }, null, 2)}\n`,
  );
  console.log(`\nwrote ${join('tests', 'bench', 'results', 'search.json')}`);
}

main();
