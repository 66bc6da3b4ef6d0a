/**
 * A power cut for the tests: what a disk keeps is only what was fsynced. The writer runs with
 * durable-fsync.c preloaded (built here with the machine's C compiler), which keeps a copy of
 * each file as it was at its last fsync; `cutPower` then leaves the folder as a power loss would.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DURABLE = '.durable';

/** Builds the preload shim once per process; null where there is no C compiler (the reason is in `why`). */
export function powerCutShim(): { path: string } | { why: string } {
  const out = join(mkdtempSync(join(tmpdir(), 'valise-power-cut-')), 'durable-fsync.so');
  try {
    execFileSync('cc', ['-shared', '-fPIC', '-O2', '-o', out, join(__dirname, 'durable-fsync.c'), '-ldl'], {
      stdio: 'pipe',
    });
    return { path: out };
  } catch (error) {
    return { why: `no C compiler to build the power-cut shim: ${(error as Error).message}` };
  }
}

/** The environment that makes a child process keep durable copies of the files in `dir`. */
export function durableEnv(shim: string, dir: string): NodeJS.ProcessEnv {
  return { ...process.env, LD_PRELOAD: shim, VALISE_POWER_CUT_DIR: dir };
}

/**
 * Leaves `dir` as a power loss would: each file as of its last fsync, a file never synced gone.
 * Folders (the backups) are left as they are: the test judges the database itself.
 */
export function cutPower(dir: string): void {
  const files = new Set(readdirSync(dir).filter((name) => statSync(join(dir, name)).isFile()));
  for (const name of files) {
    const keep = name.endsWith(DURABLE) || files.has(name + DURABLE);
    if (!keep) rmSync(join(dir, name));
  }
  for (const name of files) {
    if (name.endsWith(DURABLE)) renameSync(join(dir, name), join(dir, name.slice(0, -DURABLE.length)));
  }
}
