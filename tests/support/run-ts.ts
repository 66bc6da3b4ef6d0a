/**
 * Runs a TypeScript entry in a child Node, as `tsx` does, on every platform: Node itself with
 * tsx's loader (`node_modules/.bin/tsx` is a shell script on Linux and macOS, a .cmd on Windows).
 */
import { spawnSync, type SpawnSyncOptionsWithStringEncoding } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export function runTs(
  entry: string,
  args: string[],
  options: Omit<SpawnSyncOptionsWithStringEncoding, 'encoding'> = {},
) {
  return spawnSync(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: ROOT,
    maxBuffer: 64 * 1024 * 1024,
    ...options,
    encoding: 'utf8',
  });
}

/** The same, for a run that must succeed: its standard output, or an error with its standard error. */
export function runTsOk(
  entry: string,
  args: string[],
  options: Omit<SpawnSyncOptionsWithStringEncoding, 'encoding'> = {},
): string {
  const result = runTs(entry, args, options);
  if (result.status !== 0) throw new Error(`${entry} ${args.join(' ')} exited ${result.status}:\n${result.stderr}`);
  return result.stdout;
}
