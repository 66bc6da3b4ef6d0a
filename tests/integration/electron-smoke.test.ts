/**
 * Smoke mode (VALISE_SMOKE_RESULT, main/electron/smoke.main.ts), as the workflow's jobs launch each
 * installed app in it, here on the built app under the Electron double: the result file says what
 * worked, the exit code follows it, a failure is said rather than waited on, and the user's own
 * data is never touched. The packaged app's smoke run is in packaging.test.ts.
 */
import { once } from 'node:events';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SmokeResult } from '../../main/electron/smoke.main';
import { bootMain, type BootOptions } from '../support/boot-main';
import { tempDir } from '../support/content';

const VERSION = (JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string })
  .version;

/** Boots in smoke mode and waits for the app to end; returns the result file's content (null if none) and the double. */
async function smokeRun(options: BootOptions = {}, resultFile = join(tempDir(), 'smoke.json')) {
  const booted = bootMain({ ...options, env: { VALISE_SMOKE_RESULT: resultFile, ...options.env } });
  if (booted.double.app.exitCode === null) await once(booted.double.app, 'quit');
  await booted.quit();
  const result = existsSync(resultFile) ? (JSON.parse(readFileSync(resultFile, 'utf8')) as SmokeResult) : null;
  return { result, double: booted.double };
}

describe('smoke mode', () => {
  it('opens the window, asks from the page, imports and finds its PDF, writes that it worked, and quits with 0', async () => {
    const { result, double } = await smokeRun();
    expect(result, JSON.stringify(result, null, 2)).toMatchObject({
      ok: true,
      error: null,
      packaged: false,
      noSandbox: false,
      version: VERSION,
    });
    expect(result!.steps.map((s) => s.step)).toEqual(['window', 'ipc', 'import', 'search']);
    expect(result!.steps[2]!.detail).toMatch(/^smoke\.pdf imported as 2025-installation-check$/);
    expect(result!.steps[3]!.detail).toMatch(/^“\p{L}+” found in 2025-installation-check: \d+ hit\(s\)$/u);
    expect(result!.launchToInteractiveMs).toBeGreaterThanOrEqual(result!.mainScriptAtMs);
    expect(result!.launchToResultMs).toBeGreaterThanOrEqual(result!.launchToInteractiveMs!);
    expect(double.app.exitCode).toBe(0);
    // Its data went to a new temporary folder; the folder Electron would have used is untouched.
    expect(double.app.getPath('userData')).toMatch(/valise-smoke-/);
    expect(existsSync(join(double.app.getPath('appData'), 'Valise'))).toBe(false);
  });

  it('says which step failed, and quits with 1, when the page cannot reach main', async () => {
    // The first load fails: the window shows the error page, whose requests the sender check refuses.
    const { result, double } = await smokeRun({
      before: (d) => void d.state.loadFailures.push({ code: -6, description: 'ERR_FILE_NOT_FOUND' }),
    });
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining('app:info: FORBIDDEN') });
    expect(result!.steps.map((s) => [s.step, s.ok])).toEqual([
      ['window', true],
      ['failed', false],
    ]);
    expect(double.app.exitCode).toBe(1);
  });

  it('fails when Chromium runs without its sandbox, though every step worked', async () => {
    const { result, double } = await smokeRun({ before: (d) => d.app.commandLine.appendSwitch('no-sandbox') });
    expect(result).toMatchObject({
      ok: false,
      noSandbox: true,
      error: 'Chromium ran without its sandbox (--no-sandbox)',
    });
    expect(result!.steps.map((s) => s.step)).toEqual(['window', 'ipc', 'import', 'search']);
    expect(double.app.exitCode).toBe(1);
  });

  it('writes a start-up that cannot go on to the result, with no dialog left open, and exits with 1', async () => {
    const { result, double } = await smokeRun({ env: { VALISE_CONTENT_DB: join(tempDir(), 'missing.sqlite') } });
    expect(result).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^start-up failed: The content database .*missing\.sqlite cannot be used/),
      steps: [],
    });
    expect(double.dialog.calls).toEqual([]);
    expect(double.BrowserWindow.getAllWindows()).toEqual([]);
    expect(double.app.exitCode).toBe(1);
  });

  it('is not entered with a relative result path: the app runs as usual and writes nothing', async () => {
    const dir = tempDir();
    const booted = bootMain({ env: { VALISE_SMOKE_RESULT: 'smoke.json', VALISE_USER_DATA: join(dir, 'data') } });
    await booted.settled;
    expect(booted.double.app.exitCode).toBeNull();
    expect(booted.double.BrowserWindow.getAllWindows()).toHaveLength(1);
    await booted.quit();
    expect(readdirSync(dir)).toEqual(['data']);
    expect(existsSync(join(process.cwd(), 'smoke.json'))).toBe(false);
  });
});
