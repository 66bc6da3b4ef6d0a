/**
 * CPU time per query of two (or more) source trees of Valise, in one process, their queries
 * interleaved: on a shared machine, two bench runs minutes apart differ by the machine's load more
 * than by the code (round 3 of #28 read a 25–40 % rise that way; this script found none, round 4).
 *
 *   git archive <commit> | tar -x -C /tmp/base && ln -s "$PWD/node_modules" /tmp/base/node_modules
 *   VALISE_AB_ISSUES=200 node --import tsx tests/bench/search-ab.ts /tmp/base .
 *
 * Each tree builds its own index of the same synthesised archive (tests/bench/synthesize.ts) and
 * answers the bench's 20 queries, ten passes to warm up, then VALISE_AB_ROUNDS passes, each query
 * run by every tree in turn; it prints the median CPU time of each query per tree and their sum.
 * A tree is read where its files are (db/search/… since #25, db/… before).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { QUERIES } from './queries/latency';

const ISSUES = Number(process.env.VALISE_AB_ISSUES ?? 100);
const ROUNDS = Number(process.env.VALISE_AB_ROUNDS ?? 30);
const WARM_UP_RUNS = 10;

interface Service {
  warmUp(): void;
  search(query: { query: string; typing: boolean; limit: number }): unknown;
}
interface Entity {
  type: string;
  name: string;
  data: { acronym?: unknown };
}

/** A module of a tree, where the tree keeps it. */
const moduleOf = (root: string, ...paths: string[]) => {
  const found = paths.map((p) => resolve(root, `${p}.ts`)).find((p) => existsSync(p));
  if (!found) throw new Error(`${root}: none of ${paths.join(', ')}`);
  return import(found);
};

async function serviceOf(root: string): Promise<Service> {
  const { buildSearchShards } = await moduleOf(
    root,
    'db/search/search-build.std',
    'db/search/search-docs.std',
    'db/search-docs.std',
  );
  const { parseShard, serialiseShard } = await moduleOf(root, 'db/search/search-index.std', 'db/search-index.std');
  const { createSearchService } = await moduleOf(root, 'main/services/search/search.node', 'main/services/search.node');
  const { realArchive, synthesise } = await moduleOf(root, 'tests/bench/synthesize');
  const archive = synthesise(realArchive(), ISSUES);
  const shards = buildSearchShards(archive.issues, archive.entities).map(serialiseShard);
  const passages = new Map<string, { key: string; text: string }[]>();
  for (const issue of archive.issues)
    for (const s of issue.sections)
      passages.set(
        s.key,
        s.paragraphs.map((p: { key: string; text: string }) => p),
      );
  const service: Service = createSearchService({
    loadShards: () => shards.map(parseShard),
    passagesOf: (key: string) => passages.get(key) ?? [],
    acronyms: () =>
      (archive.entities as Entity[])
        .filter((e) => e.type === 'organisation' && e.data.acronym && e.data.acronym !== e.name)
        .map((e) => ({ acronym: e.data.acronym as string, names: [e.name] })),
  });
  service.warmUp();
  for (let i = 0; i < WARM_UP_RUNS; i++)
    for (const query of QUERIES) service.search({ query, typing: true, limit: 20 });
  return service;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const trees = process.argv.slice(2);
  if (trees.length < 2) throw new Error('usage: search-ab.ts <tree> <tree> [<tree>…]');
  const services: Service[] = [];
  for (const tree of trees) services.push(await serviceOf(tree));
  const times = trees.map(() => QUERIES.map(() => [] as number[]));
  for (let r = 0; r < ROUNDS; r++)
    QUERIES.forEach((query, q) =>
      services.forEach((service, t) => {
        const start = process.cpuUsage();
        service.search({ query, typing: true, limit: 20 });
        const used = process.cpuUsage(start);
        times[t]![q]!.push((used.user + used.system) / 1000);
      }),
    );
  console.log(`${ISSUES} issues, ${ROUNDS} rounds: median CPU ms per query`);
  QUERIES.forEach((query, q) =>
    console.log(query.padEnd(42), trees.map((_, t) => median(times[t]![q]!).toFixed(3).padStart(8)).join('')),
  );
  console.log(
    'sum'.padEnd(42),
    trees
      .map((_, t) =>
        times[t]!.reduce((sum, xs) => sum + median(xs), 0)
          .toFixed(2)
          .padStart(8),
      )
      .join(''),
  );
}

void main();
