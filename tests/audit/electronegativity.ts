/**
 * `npm run audit:electron`: Doyensec's Electronegativity over the built app (out/). Fails on a
 * finding above INFORMATIONAL that tests/audit/electronegativity-accepted.json does not justify.
 * It runs offline: its check of Electron's latest release fails quietly and is not a finding.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
if (!existsSync(join(root, 'out', 'main', 'index.js'))) {
  console.error('audit:electron needs the built app: run `npm run build` first.');
  process.exit(2);
}
const electronVersion = (JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
const csv = join(mkdtempSync(join(tmpdir(), 'electronegativity-')), 'findings.csv');
const run = spawnSync(join(root, 'node_modules', '.bin', 'electronegativity'), ['-i', join(root, 'out'), '-e', electronVersion, '-r', '-v', 'false', '-o', csv], { encoding: 'utf8' });
if (!existsSync(csv)) {
  console.error(run.stdout, run.stderr);
  console.error('Electronegativity produced no report.');
  process.exit(2);
}
const rows = readFileSync(csv, 'utf8').trim().split('\n').slice(1).filter(Boolean);
const findings = rows.map((line) => {
  const cells = [...line.matchAll(/("([^"]*)"|[^,]*)(,|$)/g)].map((m) => (m[2] ?? m[1] ?? '').trim());
  return { check: cells[0]!, severity: cells[1]!, confidence: cells[2]!, file: cells[3]!, location: cells[4]! };
});
const accepted = (JSON.parse(readFileSync(join(__dirname, 'electronegativity-accepted.json'), 'utf8')) as { accepted: { check: string; file: string; why: string }[] }).accepted;
const serious = findings.filter((f) => f.severity !== 'INFORMATIONAL');
const open = serious.filter((f) => !accepted.some((a) => a.check === f.check && a.file === f.file));
console.log(`Electronegativity (Electron ${electronVersion}): ${findings.length} findings, ${serious.length} above informational, ${open.length} not justified.`);
for (const f of findings) console.log(`  ${f.severity.padEnd(14)} ${f.check} ${f.file}:${f.location}${open.includes(f) ? '   <- not justified' : ''}`);
process.exit(open.length ? 1 : 0);
