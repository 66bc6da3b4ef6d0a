/**
 * Launches an installed Valise in smoke mode and says whether it worked: the workflow's jobs after
 * `dist` run it on each OS, on the app they installed or unpacked from the artifact.
 *
 *   node --experimental-strip-types tests/smoke/launch.node.ts --name NAME [--timeout-s 120]
 *        [--budget-s 10] -- COMMAND [ARGS…]
 *
 * COMMAND is the installed app (e.g. `xvfb-run -a /opt/Valise/valise`, a `.app`'s
 * Contents/MacOS/Valise, an installed Valise.exe). It is started with VALISE_SMOKE_RESULT and
 * VALISE_USER_DATA in a new temporary folder; the app writes its result there and quits
 * (main/electron/smoke.main.ts). Passes only when the result file says ok, from a packaged app
 * that ran with its sandbox, and the app exited with 0. Fails, saying why, when the app exits or
 * is killed at the timeout without a result, or with one that says a step failed; then prints
 * the app's output and its log. Prints the times (launch to the result file, measured here; the
 * app's own launch-to-interactive), warns when launch to result exceeds the budget, and appends a
 * table to $GITHUB_STEP_SUMMARY when there is one.
 *
 * Plain Node (type stripping, no dependency): the smoke jobs install no node_modules.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Options {
  name: string;
  command: string[];
  timeoutMs: number;
  budgetMs: number;
}

export interface Outcome {
  /** The app's exit code; null if it was killed at the timeout. */
  exitCode: number | null;
  /** The result file's JSON, or null when there was none (or it could not be read). */
  result: Record<string, unknown> | null;
  /** From the launch to the result file's appearance, measured here. */
  toResultMs: number | null;
  output: string;
  log: string;
}

/** The verdict on one launch: passed, and what to say. Pure, for tests. */
export function verdict(options: Options, outcome: Outcome): { passed: boolean; lines: string[] } {
  const { result, exitCode, toResultMs } = outcome;
  const problems: string[] = [];
  if (!result)
    problems.push(
      exitCode === null
        ? `no result after ${options.timeoutMs / 1000} s: the app was killed`
        : `the app exited with ${exitCode} and wrote no result`,
    );
  else {
    if (result.ok !== true) problems.push(`the app says it failed: ${String(result.error)}`);
    if (result.packaged !== true) problems.push('the app that ran is not a packaged one');
    if (result.noSandbox !== false) problems.push('Chromium ran without its sandbox');
    if (exitCode !== 0) problems.push(`the app exited with ${exitCode ?? 'nothing (killed)'}`);
  }
  const steps = Array.isArray(result?.steps) ? (result.steps as { step: string; ok: boolean; detail: string }[]) : [];
  const lines = [
    `${options.name}: ${problems.length ? 'FAILED' : 'worked'}`,
    ...steps.map((s) => `  ${s.ok ? '✓' : '✗'} ${s.step}: ${s.detail}`),
    ...problems.map((p) => `  ✗ ${p}`),
    `  launch to result file: ${toResultMs === null ? '—' : `${(toResultMs / 1000).toFixed(2)} s`} (target < ${options.budgetMs / 1000} s); the app's own launch to interactive: ${typeof result?.launchToInteractiveMs === 'number' ? `${(result.launchToInteractiveMs / 1000).toFixed(2)} s` : '—'}`,
  ];
  return { passed: problems.length === 0, lines };
}

export function parseArguments(argv: string[]): Options {
  const at = argv.indexOf('--');
  const own = at < 0 ? argv : argv.slice(0, at);
  const command = at < 0 ? [] : argv.slice(at + 1);
  const value = (flag: string) => {
    const i = own.indexOf(flag);
    return i < 0 ? undefined : own[i + 1];
  };
  const name = value('--name');
  if (!name || command.length === 0)
    throw new Error('usage: launch.node.ts --name NAME [--timeout-s 120] [--budget-s 10] -- COMMAND [ARGS…]');
  return {
    name,
    command,
    timeoutMs: Number(value('--timeout-s') ?? 120) * 1000,
    budgetMs: Number(value('--budget-s') ?? 10) * 1000,
  };
}

const readJson = (file: string): Record<string, unknown> | null => {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return null;
  }
};

/** Ends the app and whatever it started (xvfb-run's server, Electron's helpers). */
function killTree(pid: number): void {
  try {
    if (process.platform === 'win32') spawn('taskkill', ['/pid', String(pid), '/T', '/F']);
    else process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** Starts the app in smoke mode, waits for it to end (or kills it at the timeout), and reads what it left. */
export async function launch(options: Options): Promise<Outcome> {
  const dir = mkdtempSync(join(tmpdir(), 'valise-smoke-launch-'));
  const resultFile = join(dir, 'result.json');
  const userData = join(dir, 'data');
  const started = performance.now();
  const [command, ...args] = options.command as [string, ...string[]];
  const child = spawn(command, args, {
    env: { ...process.env, VALISE_SMOKE_RESULT: resultFile, VALISE_USER_DATA: userData },
    detached: process.platform !== 'win32',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let toResultMs: number | null = null;
  const watch = setInterval(() => {
    if (toResultMs === null && existsSync(resultFile)) toResultMs = performance.now() - started;
  }, 20);
  const timer = setTimeout(() => killTree(child.pid!), options.timeoutMs);
  const exitCode = await new Promise<number | null>((resolve) => {
    child.once('error', (error) => {
      output += `\n${error.message}`;
      resolve(-1);
    });
    child.once('exit', (code) => resolve(code));
  });
  clearTimeout(timer);
  clearInterval(watch);
  if (toResultMs === null && existsSync(resultFile)) toResultMs = performance.now() - started;
  const logFile = join(userData, 'logs', 'main.log');
  return {
    exitCode,
    result: readJson(resultFile),
    toResultMs,
    output,
    log: existsSync(logFile) ? readFileSync(logFile, 'utf8') : '(no log)',
  };
}

async function main(): Promise<void> {
  const options = parseArguments(process.argv.slice(2));
  const outcome = await launch(options);
  const { passed, lines } = verdict(options, outcome);
  console.log(lines.join('\n'));
  if (!passed) console.log(`\n--- the app's output ---\n${outcome.output}\n--- its log ---\n${outcome.log}`);
  if (passed && outcome.toResultMs !== null && outcome.toResultMs > options.budgetMs) {
    console.log(
      `::warning::${options.name}: launch to result ${(outcome.toResultMs / 1000).toFixed(2)} s, over the ${options.budgetMs / 1000} s target`,
    );
  }
  if (process.env.GITHUB_STEP_SUMMARY)
    appendFileSync(process.env.GITHUB_STEP_SUMMARY, `\`\`\`\n${lines.join('\n')}\n\`\`\`\n`);
  process.exitCode = passed ? 0 : 1;
}

// Run as a script, not when a test imports its functions.
if (/launch\.node\.ts$/.test(process.argv[1] ?? '')) void main();
