/**
 * The launcher the workflow's smoke jobs run on each installed app (tests/smoke/launch.node.ts),
 * tried here on stand-in apps (Node scripts that behave as an installed Valise can: work, say a
 * step failed, exit without a word, hang, or be an unpackaged build): it must pass only the first,
 * and say why for each of the others.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { launch, parseArguments, verdict, type Options } from '../smoke/launch.node';
import { tempDir } from '../support/content';

/** A stand-in app: writes `result` (if any) where VALISE_SMOKE_RESULT says, a log line, then exits with `code` (or never). */
function standIn(result: object | null, code: number | 'hang'): string[] {
  const file = join(tempDir(), 'app.js');
  writeFileSync(
    file,
    `
    const { mkdirSync, writeFileSync } = require('node:fs');
    const { join } = require('node:path');
    mkdirSync(join(process.env.VALISE_USER_DATA, 'logs'), { recursive: true });
    writeFileSync(join(process.env.VALISE_USER_DATA, 'logs', 'main.log'), 'a line of the stand-in’s log\\n');
    console.log('the stand-in says hello');
    const result = ${JSON.stringify(result)};
    if (result) writeFileSync(process.env.VALISE_SMOKE_RESULT, JSON.stringify(result));
    ${code === 'hang' ? 'setInterval(() => {}, 1000);' : `process.exit(${code});`}
  `,
  );
  return [process.execPath, file];
}

const WORKED = {
  ok: true,
  packaged: true,
  noSandbox: false,
  error: null,
  launchToInteractiveMs: 812,
  steps: [
    { step: 'window', ok: true, detail: 'the page loaded' },
    { step: 'search', ok: true, detail: '“installed” found' },
  ],
};
const options = (command: string[], timeoutMs = 20_000): Options => ({
  name: 'stand-in',
  command,
  timeoutMs,
  budgetMs: 10_000,
});

async function run(result: object | null, code: number | 'hang', timeoutMs?: number) {
  const opts = options(standIn(result, code), timeoutMs);
  const outcome = await launch(opts);
  return { outcome, ...verdict(opts, outcome) };
}

describe('the smoke launcher', () => {
  it('passes an app that writes that it worked and exits with 0, and reports the times', async () => {
    const { passed, lines, outcome } = await run(WORKED, 0);
    expect(passed, lines.join('\n')).toBe(true);
    expect(lines[0]).toBe('stand-in: worked');
    expect(lines).toContain('  ✓ search: “installed” found');
    expect(outcome.toResultMs).toBeGreaterThan(0);
    expect(lines.at(-1)).toMatch(
      /^ {2}launch to result file: \d+\.\d\d s \(target < 10 s\); the app's own launch to interactive: 0\.81 s$/,
    );
    expect(outcome.output).toContain('the stand-in says hello');
  });

  it('fails an app that says a step failed, and keeps its log to show', async () => {
    const { passed, lines, outcome } = await run(
      { ...WORKED, ok: false, error: 'import:progress: the job ended failed' },
      1,
    );
    expect(passed).toBe(false);
    expect(lines).toContain('  ✗ the app says it failed: import:progress: the job ended failed');
    expect(lines).toContain('  ✗ the app exited with 1');
    expect(outcome.log).toBe('a line of the stand-in’s log\n');
  });

  it('fails an app that exits without a result, one that hangs (killed at the timeout), and an unpackaged or unsandboxed one', async () => {
    expect((await run(null, 0)).lines).toContain('  ✗ the app exited with 0 and wrote no result');
    const hung = await run(null, 'hang', 1500);
    expect(hung.outcome.exitCode).toBeNull();
    expect(hung.lines).toContain('  ✗ no result after 1.5 s: the app was killed');
    expect((await run({ ...WORKED, packaged: false }, 0)).lines).toContain(
      '  ✗ the app that ran is not a packaged one',
    );
    expect((await run({ ...WORKED, noSandbox: true }, 0)).lines).toContain('  ✗ Chromium ran without its sandbox');
  });

  it('reads its command line', () => {
    expect(
      parseArguments(['--name', 'deb', '--timeout-s', '90', '--', 'xvfb-run', '-a', '/opt/Valise/valise']),
    ).toEqual({ name: 'deb', command: ['xvfb-run', '-a', '/opt/Valise/valise'], timeoutMs: 90_000, budgetMs: 10_000 });
    expect(() => parseArguments(['--name', 'deb'])).toThrow(/usage/);
  });
});
