/**
 * `npm run soak`: the property of tests/integration/hostile-ipc.test.ts, 100,000 generated hostile
 * requests over every channel, half through the dispatcher (as Electron IPC delivers them) and
 * half through the development web host over HTTP, with every invariant checked after each one
 * (tests/support/hostile-harness.ts). Prints a table per path and writes
 * tests/bench/results/soak.json. Exits 1 on the first broken invariant, with the seed to replay.
 *
 * VALISE_SOAK_RUNS (default 100000) and VALISE_SOAK_SEED (default: random, printed).
 */
import fc from 'fast-check';
import { cpus } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FRAMES, openHarness, summarise, type Via } from '../support/hostile-harness';
import { hostileRequests } from '../support/hostile-requests';

const RUNS = Number(process.env.VALISE_SOAK_RUNS ?? 100_000);
const SEED = process.env.VALISE_SOAK_SEED ? Number(process.env.VALISE_SOAK_SEED) : Math.floor(Math.random() * 2 ** 31);
const RESULTS = join(__dirname, 'results', 'soak.json');

async function main(): Promise<number> {
  console.log(
    `[soak] ${RUNS} requests, seed ${SEED} (replay: VALISE_SOAK_SEED=${SEED} VALISE_SOAK_RUNS=${RUNS} npm run soak)`,
  );
  const started = performance.now();
  const harness = await openHarness();
  const seconds: Partial<Record<Via, number>> = {};
  let failure: string | null = null;
  try {
    const paths: [Via, number][] = [
      ['dispatcher', Math.ceil(RUNS / 2)],
      ['http', Math.floor(RUNS / 2)],
    ];
    for (const [via, numRuns] of paths) {
      const t0 = performance.now();
      const requests = fc.limitShrink(
        fc.tuple(hostileRequests({ known: harness.known, nonJson: via === 'dispatcher' }), fc.constantFrom(...FRAMES)),
        300,
      );
      let done = 0;
      const details = await fc.check(
        fc.asyncProperty(requests, async ([req, frame]) => {
          await harness.check(req, via, frame);
          if (++done % 10_000 === 0)
            console.log(`[soak] ${via}: ${done} of ${numRuns} (${Math.round((performance.now() - t0) / 1000)} s)`);
        }),
        { seed: via === 'dispatcher' ? SEED : SEED + 1, numRuns },
      );
      seconds[via] = Math.round((performance.now() - t0) / 100) / 10;
      if (details.failed) {
        const cause =
          details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
        failure = `${via}: ${cause}\n${fc.defaultReportMessage(details) ?? 'failed'}`;
        break;
      }
    }
    if (!failure) await harness.stillServes();
  } catch (error) {
    failure = error instanceof Error ? (error.stack ?? error.message) : String(error);
  } finally {
    await harness.close();
  }

  const perPath = Object.fromEntries(
    (['dispatcher', 'http'] as Via[]).map((via) => {
      const { rows, total, table } = summarise(harness.stats[via]);
      if (rows.length) console.log(`\n[soak] ${via} (${seconds[via] ?? '?'} s)\n${table}`);
      return [via, { seconds: seconds[via] ?? null, total, channels: rows }];
    }),
  );
  const totalSeconds = Math.round((performance.now() - started) / 100) / 10;
  const result = {
    date: new Date().toISOString(),
    seed: SEED,
    runs: RUNS,
    machine: { cpus: cpus().length, node: process.version },
    seconds: totalSeconds,
    passed: failure === null,
    failure,
    paths: perPath,
  };
  mkdirSync(join(__dirname, 'results'), { recursive: true });
  writeFileSync(RESULTS, `${JSON.stringify(result, null, 2)}\n`);
  const requests = Object.values(perPath).reduce((n, p) => n + p.total.sent, 0);
  console.log(
    `\n[soak] ${failure ? 'FAILED' : 'passed'}: ${requests} requests in ${totalSeconds} s, seed ${SEED}; written to ${RESULTS}`,
  );
  if (failure) console.error(failure);
  return failure ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
