/**
 * `npm run audit:electron`: Doyensec's Electronegativity over the built app (out/). Fails on any
 * finding that tests/audit/electronegativity-accepted.json does not justify.
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
const electronVersion = (
  JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }
).version;
// SARIF, not CSV: the tool's CSV writer can truncate a row whose sample holds a CSP.
const sarif = join(mkdtempSync(join(tmpdir(), 'electronegativity-')), 'findings.sarif');
const run = spawnSync(
  join(root, 'node_modules', '.bin', 'electronegativity'),
  ['-i', join(root, 'out'), '-e', electronVersion, '-r', '-v', 'false', '-o', sarif],
  { encoding: 'utf8' },
);
if (!existsSync(sarif)) {
  console.error(run.stdout, run.stderr);
  console.error('Electronegativity produced no report.');
  process.exit(2);
}
interface SarifResult {
  ruleId: string;
  message: { text: string };
  locations?: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine?: number } } }[];
}
const results = (JSON.parse(readFileSync(sarif, 'utf8')) as { runs: { results: SarifResult[] }[] }).runs.flatMap(
  (r) => r.results,
);
const findings = results.map((r) => {
  const where = r.locations?.[0]?.physicalLocation;
  return {
    check: r.ruleId,
    file: where?.artifactLocation.uri ?? 'N/A',
    location: String(where?.region?.startLine ?? 0),
    message: r.message.text,
  };
});
const accepted = (
  JSON.parse(readFileSync(join(__dirname, 'electronegativity-accepted.json'), 'utf8')) as {
    accepted: { check: string; file: string; why: string }[];
  }
).accepted;
// Stricter than "above informational": SARIF carries no severity, so every finding must be justified.
const open = findings.filter((f) => !accepted.some((a) => a.check === f.check && a.file === f.file));
console.log(
  `Electronegativity (Electron ${electronVersion}): ${findings.length} findings, ${open.length} not justified.`,
);
for (const f of findings)
  console.log(`  ${f.check} ${f.file}:${f.location} — ${f.message}${open.includes(f) ? '   <- not justified' : ''}`);
process.exit(open.length ? 1 : 0);
