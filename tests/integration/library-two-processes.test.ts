/**
 * One library, whichever process writes it (#29): the app open on a user data folder while the
 * CLI imports issues into the same folder. The app's bookmark writes, made all the while, are
 * never refused (every write transaction takes its lock up front and waits for the other
 * process's), and the issues the CLI imported are read, opened and searched without a restart.
 * How it failed before: SQLITE_BUSY ('database is locked') → INTERNAL for a few bookmarks of 40.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { contentDb } from '../support/content';
import { servicesPerTest } from '../support/services';

const open = servicesPerTest();
const cli = join(__dirname, '..', '..', 'main', 'cli', 'cli.node.ts');
const CORPUS = join(__dirname, '..', 'corpus');
const PDFS = ['latex/issue-14.pdf', 'groff/issue-9.pdf', 'writer/issue-15.pdf'];
/** How often the app adds a bookmark while the CLI imports. */
const BOOKMARK_EVERY_MS = 20;

/** The CLI importing each PDF in turn into the folder, in another process; resolves with each exit code. */
async function cliImports(userData: string): Promise<number[]> {
  const codes: number[] = [];
  for (const pdf of PDFS) {
    const child = spawn(process.execPath, ['--import', 'tsx', cli, 'import', join(CORPUS, pdf), '--json'], {
      cwd: join(__dirname, '..', '..'),
      env: { ...process.env, VALISE_CONTENT_DB: contentDb(), VALISE_USER_DATA: userData },
      stdio: 'ignore',
    });
    codes.push(await new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1))));
  }
  return codes;
}

describe('the app and the CLI writing one library at once', () => {
  it('loses no bookmark, and the app sees the issues the CLI imported without a restart', async () => {
    const app = open();
    const { issues } = app.services.content.dump() as unknown as {
      issues: { sections: { paragraphs: { key: string }[] }[] }[];
    };
    const keys = issues.flatMap((i) => i.sections.flatMap((s) => s.paragraphs.map((p) => p.key)));
    expect(keys.length).toBeGreaterThan(100);
    const importing = cliImports(app.userDataDir);
    let done = false;
    void importing.then(() => (done = true));
    const failures: string[] = [];
    let added = 0;
    while (!done && added < keys.length) {
      try {
        app.services.bookmarks.add(keys[added]!);
      } catch (error) {
        failures.push((error as Error).message);
      }
      added++;
      await sleep(BOOKMARK_EVERY_MS);
    }
    expect(await importing).toEqual([0, 0, 0]);
    expect(added).toBeGreaterThan(20);
    expect(failures).toEqual([]);
    expect(app.services.bookmarks.list()).toHaveLength(added);

    const imported = app.services.content
      .listIssues()
      .filter((i) => !i.key.startsWith('2018') && !i.key.startsWith('2021'));
    expect(imported.map((i) => i.key).sort()).toEqual(['2024-no-9', '2025-no-14', '2026-no-15']);
    for (const issue of imported) expect(app.services.content.getIssue(issue.key)?.sections.length).toBeGreaterThan(0);
    const found = await app.services.search.search({ query: 'Palermo Protocol at twenty-five' });
    expect(found.hits.some((h) => h.key.startsWith('2025-no-14'))).toBe(true);
  }, 180_000);
});
