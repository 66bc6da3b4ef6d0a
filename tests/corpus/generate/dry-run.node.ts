/**
 * The CLI's dry run in one process (#29): for each PDF, what `cli import FILE --dry-run --json`
 * prints (the dump's fields and the `words` accounting), written to `<out>/<name>.dump.json`, by the
 * same calls (analyseFile, extractCandidate, dumpOf, accountWords), without starting a process per
 * PDF. The scorer reads these with VALISE_SCORE_FROM=<out>:
 *
 *   npx tsx tests/corpus/generate/dry-run.node.ts /tmp/dumps tests/corpus/generated/*.pdf
 *   VALISE_SCORE_FROM=/tmp/dumps VALISE_GENERATED_PARTS=fixed node --import tsx tests/bench/generated.bench.ts
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { accountWords } from '../../../db/pipeline/accounting.std';
import { analyseFile, dumpOf, extractCandidate } from '../../../main/services/import/import.node';

const firstPageOf = (overlay: { firstPage?: unknown }) =>
  typeof overlay.firstPage === 'number' ? overlay.firstPage : 1;

async function main(): Promise<void> {
  const [out, ...pdfs] = process.argv.slice(2);
  if (!out || pdfs.length === 0) throw new Error('usage: dry-run.node.ts OUT_DIR FILE.pdf…');
  mkdirSync(out, { recursive: true });
  for (const pdf of pdfs) {
    try {
      const analysed = await analyseFile(basename(pdf), readFileSync(pdf), { trustedKeys: new Map() });
      const issues = analysed.candidates.map(extractCandidate);
      const words = issues.map((issue, i) => ({
        issue: issue.key,
        ...accountWords(analysed.candidates[i]!.text, issue, firstPageOf(analysed.candidates[i]!.overlay)),
      }));
      writeFileSync(
        join(out, `${basename(pdf, '.pdf')}.dump.json`),
        `${JSON.stringify({ ...dumpOf(issues), words })}\n`,
      );
    } catch (error) {
      console.log(`${pdf}: ${(error as Error).message}`);
    }
  }
}

void main();
