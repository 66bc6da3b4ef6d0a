/** The tests' temporary folders (tests/support/temp-dir.ts) are removed when their process exits. */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTs } from '../support/run-ts';
import { tempDir } from '../support/temp-dir';

const PROGRAM = `
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './tests/support/temp-dir.ts';
const dir = tempDir('valise-temp-check-');
writeFileSync(join(dir, 'left.txt'), 'x');
console.log(dir);
`;

describe('tempDir', () => {
  it('makes a folder that is there while the process runs and gone when it has exited', () => {
    const here = tempDir('valise-temp-check-');
    writeFileSync(join(here, 'file.txt'), 'x');
    expect(existsSync(join(here, 'file.txt'))).toBe(true);
    const run = runTs('-', [], { input: PROGRAM });
    expect(run.stderr).toBe('');
    const made = run.stdout.trim();
    expect(made).toMatch(/valise-temp-check-/);
    expect(existsSync(made)).toBe(false);
  });
});
