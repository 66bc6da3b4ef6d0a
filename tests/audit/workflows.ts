/**
 * `npm run lint`, after ESLint: every GitHub Actions workflow in .github/workflows is checked by
 * action-validator (@action-validator/cli, a WebAssembly build that runs offline) against the
 * workflow schema. The CLI takes one file at a time; the files are listed here rather than by a
 * shell glob, so the same command works in npm's sh and in Windows' cmd. No workflow at all is a
 * failure too: a check that checks nothing must not pass.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '..', '..');
const dir = join(root, '.github', 'workflows');
const cli = join(root, 'node_modules', '@action-validator', 'cli', 'cli.mjs');

const files = existsSync(dir)
  ? readdirSync(dir)
      .filter((name) => /\.ya?ml$/.test(name))
      .sort()
  : [];
if (files.length === 0) {
  console.error(`lint: no workflow found in ${relative(root, dir)}/`);
  process.exit(1);
}
let failed = 0;
for (const name of files) {
  const file = relative(root, join(dir, name));
  const run = spawnSync(process.execPath, [cli, file], { cwd: root, encoding: 'utf8' });
  if (run.status === 0) continue;
  failed++;
  console.error(`${file}: not a valid workflow (action-validator exited ${run.status ?? run.signal})`);
  console.error((run.stderr || run.stdout || run.error?.message || '').trim());
}
if (failed) process.exit(1);
console.log(`lint: ${files.length} workflow(s) valid (${files.join(', ')})`);
