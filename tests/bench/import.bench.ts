/**
 * Importing an issue, and what imported issues cost at launch. The PDF is the bundled 2018 issue
 * laid out by tests/support/newsletter-pdf.ts (11 pages, two columns, side boxes). Five runs each:
 *   read       pdf.js reads every page's text and boxes, and the layout becomes raw text
 *   review     the pipeline extracts the issue and its entities for the review screen
 *   save       stored in the user database, library rebuilt, searchable
 *   open       opening the services with 0, 1 and 10 imported issues (the library is rebuilt in memory)
 * Writes tests/bench/results/import.json.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openServices } from '../../main/services/create.node';
import { newsletterPdf } from '../support/newsletter-pdf';
import { PROJECT_ROOT } from '../e2e/hosts';

const RUNS = 5;
const contentDbPath = join(PROJECT_ROOT, 'out/content/content.sqlite');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number) => Math.round(x * 10) / 10;

async function main() {
  const { pdf, corrections } = await newsletterPdf(join(PROJECT_ROOT, 'assets/newsletters/000_1e644c5006785efa.txt'));
  const runs: { read: number; review: number; save: number }[] = [];
  const userDataDir = mkdtempSync(join(tmpdir(), 'valise-bench-import-'));
  for (let run = 0; run < RUNS; run++) {
    const opened = openServices({ contentDbPath, userDataDir, appVersion: 'bench', host: 'web' });
    const imports = opened.services.imports;
    const t0 = performance.now();
    const uploadId = imports.stage('issue.pdf', pdf);
    const first = imports.analyse(uploadId);
    await first.finished;
    const t1 = performance.now();
    // Corrections re-run only the pipeline: the PDF was read once.
    const reviewStart = performance.now();
    const corrected = imports.analyse(uploadId, { ...corrections, number: 200 + run });
    await corrected.finished;
    const t2 = performance.now();
    imports.save(corrected.jobId, 'keep-both');
    opened.services.search.search({ query: 'Charpentier' });
    const t3 = performance.now();
    runs.push({ read: t1 - t0, review: t2 - reviewStart, save: t3 - t2 });
    opened.close();
  }
  const open: Record<string, number> = {};
  for (const count of [0, 1, 10]) {
    const dir = mkdtempSync(join(tmpdir(), 'valise-bench-open-'));
    const seed = openServices({ contentDbPath, userDataDir: dir, appVersion: 'bench', host: 'web' });
    for (let n = 0; n < count; n++) {
      const job = seed.services.imports.analyse(seed.services.imports.stage(`issue-${n}.pdf`, pdf), { ...corrections, number: 300 + n });
      await job.finished;
      seed.services.imports.save(job.jobId, 'keep-both');
    }
    seed.close();
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const start = performance.now();
      const opened = openServices({ contentDbPath, userDataDir: dir, appVersion: 'bench', host: 'web' });
      opened.services.content.listIssues();
      times.push(performance.now() - start);
      opened.close();
    }
    open[`${count} imported`] = round(median(times));
  }
  const result = {
    pdf: { pages: 11, bytes: pdf.length },
    medianMs: { readPdf: round(median(runs.map((r) => r.read))), reviewWithCorrections: round(median(runs.map((r) => r.review))), saveAndSearchable: round(median(runs.map((r) => r.save))) },
    openServicesMs: open,
    runs: RUNS,
  };
  console.log(JSON.stringify(result, null, 2));
  mkdirSync(join(PROJECT_ROOT, 'tests/bench/results'), { recursive: true });
  writeFileSync(join(PROJECT_ROOT, 'tests/bench/results/import.json'), `${JSON.stringify(result, null, 2)}\n`);
}

void main();
