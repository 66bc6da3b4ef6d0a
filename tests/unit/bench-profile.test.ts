import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withWarmProfile } from '../bench/web-host';

/** The launch benches' warm profile (#26): a temporary browser profile, deleted when the benches are done with it. */
describe('withWarmProfile', () => {
  it('deletes the profile, with what the browser wrote in it, once the runs are done', async () => {
    let dir = '';
    const answer = await withWarmProfile(async (profile) => {
      dir = profile.dir;
      writeFileSync(join(dir, 'Local State'), '{}');
      expect(existsSync(join(dir, 'Local State'))).toBe(true);
      return 42;
    });
    expect(answer).toBe(42);
    expect(dir).not.toBe('');
    expect(existsSync(dir)).toBe(false);
  });

  it('deletes it too when a run fails, and lets the failure through', async () => {
    let dir = '';
    await expect(
      withWarmProfile(async (profile) => {
        dir = profile.dir;
        writeFileSync(join(dir, 'DevToolsActivePort'), '0\n/devtools/browser/x\n');
        throw new Error('Chromium did not open its DevTools port.');
      }),
    ).rejects.toThrow('DevTools port');
    expect(dir).not.toBe('');
    expect(existsSync(dir)).toBe(false);
  });
});
