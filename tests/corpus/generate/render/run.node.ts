/** Running the engines' command-line tools (#29), with fixed dates so that a rebuild gives the same bytes where the engine allows it. */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';

export const FIXED_EPOCH = '1735689600';

export function run(cmd: string, args: string[], cwd: string, timeoutMs = 180_000): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      cmd,
      args,
      {
        cwd,
        timeout: timeoutMs,
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, SOURCE_DATE_EPOCH: FIXED_EPOCH, FORCE_SOURCE_DATE: '1' },
      },
      (error, stdout, stderr) => {
        if (error)
          reject(
            new Error(
              `${cmd} ${args.join(' ')} failed: ${error.message}\n${stdout.slice(-2000)}\n${stderr.slice(-2000)}`,
            ),
          );
        else resolve(stdout);
      },
    );
  });
}

/** Whether a command is on this machine (by its absolute path or on PATH). */
export function hasCommand(cmd: string): boolean {
  if (cmd.startsWith('/')) return existsSync(cmd);
  return (process.env.PATH ?? '').split(':').some((dir) => existsSync(`${dir}/${cmd}`));
}
