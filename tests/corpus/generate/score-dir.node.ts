/**
 * Scores a folder of generated PDFs (each with its expectations, `<name>.json`, beside it) as the
 * bench pools them (#29), and lists what each PDF missed: for a sweep typeset apart
 * (`generate.node.ts --seed S --out DIR`) and imported apart (`dry-run.node.ts`), so that a sweep of
 * new seeds is scored by the bench's rules without typesetting it again:
 *
 *   VALISE_SCORE_FROM=/tmp/sweep-dumps npx tsx tests/corpus/generate/score-dir.node.ts /tmp/sweep [--misses]
 *
 * Without VALISE_SCORE_FROM each PDF goes through the CLI, as the bench does.
 */
import { readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { KINDS, pooled, scoreGenerated, type IssueScore } from './score.node';

const TEXT_KEPT_TARGET = 0.99;
const f2 = (x: number) => x.toFixed(2);

function misses(s: IssueScore): string[] {
  const out: string[] = [];
  if (s.error) out.push(`  error: ${s.error}`);
  if (s.textKept.ratio < TEXT_KEPT_TARGET) out.push(`  text kept ${s.textKept.ratio.toFixed(3)}`);
  if (!s.number.right) out.push(`  number: expected ${s.number.expected}, got ${s.number.got}`);
  for (const k of KINDS) for (const m of s.kinds[k].missing) out.push(`  ${k}: ${m}`);
  return out;
}

async function main(): Promise<void> {
  const [dir, flag] = process.argv.slice(2);
  if (!dir) throw new Error('usage: score-dir.node.ts DIR [--misses]');
  const pdfs = readdirSync(dir)
    .filter((f) => f.endsWith('.pdf'))
    .sort();
  const scores: IssueScore[] = [];
  for (const pdf of pdfs) scores.push(await scoreGenerated(join(dir, pdf)));
  const kept = scores.map((s) => s.textKept.ratio);
  console.log(
    `${dir}: ${scores.length} PDFs; load ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
  console.log(
    `text kept ≥ ${TEXT_KEPT_TARGET}: ${kept.filter((x) => x >= TEXT_KEPT_TARGET).length}/${scores.length} (min ${Math.min(...kept).toFixed(3)})`,
  );
  const complete = scores.filter((s) => s.accounting.importerUnaccounted === 0).length;
  console.log(`accounted for 100 %: ${complete}/${scores.length}; errors: ${scores.filter((s) => s.error).length}`);
  for (const k of KINDS) {
    const r = pooled(scores, k);
    console.log(`${k}: ${r.of ? f2(r.found / r.of) : '—'} (${r.found}/${r.of})`);
  }
  console.log(`number right: ${scores.filter((s) => s.number.right).length}/${scores.length}`);
  const dated = scores.filter((s) => s.month.right !== null);
  console.log(`year right: ${scores.filter((s) => s.year.right).length}/${scores.length}`);
  console.log(`month right: ${dated.filter((s) => s.month.right).length}/${dated.length} (issues dated by a month)`);
  if (flag !== '--misses') return;
  for (const s of scores) {
    const m = misses(s);
    if (m.length) console.log(`${s.file} (${s.engine})\n${m.join('\n')}`);
  }
}

void main();
