/** `npm run cli -- import | keygen | trust | pack`: the office's side of distributing an issue. */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ASSETS, contentDb, tempDir } from '../support/content';
import { newsletterPdf } from '../support/newsletter-pdf';
import { runTs } from '../support/run-ts';

const cli = join(__dirname, '..', '..', 'main', 'cli', 'cli.node.ts');
const run = (args: string[], userData: string) =>
  runTs(cli, args, { env: { ...process.env, VALISE_CONTENT_DB: contentDb(), VALISE_USER_DATA: userData } });

describe('npm run cli -- import', () => {
  it('--dry-run --json prints what a PDF holds in the dump shape, and saves nothing', async () => {
    const dir = tempDir();
    const { pdf } = await newsletterPdf(join(ASSETS, '000_1e644c5006785efa.txt'));
    writeFileSync(join(dir, 'issue.pdf'), pdf);
    const dry = run(['import', join(dir, 'issue.pdf'), '--dry-run', '--json', '--date', '2018'], dir);
    expect(dry.stderr).toBe('');
    const dump = JSON.parse(dry.stdout) as Record<string, { key: string; title?: string; name?: string }[]>;
    // The dump's keys, and `words` added beside them (#29).
    expect(Object.keys(dump)).toEqual([
      'issues',
      'people',
      'organisations',
      'events',
      'figures',
      'contacts',
      'documents',
      'countries',
      'words',
    ]);
    const words = dump.words as unknown as {
      issue: string;
      total: number;
      kept: number;
      dropped: { reason: string; words: number }[];
      unaccounted: unknown[];
    }[];
    expect(words[0]).toMatchObject({ issue: '2018-no-10', unaccounted: [] });
    expect(words[0]!.kept + words[0]!.dropped.reduce((n, d) => n + d.words, 0)).toBe(words[0]!.total);
    expect(words[0]!.dropped.map((d) => d.reason)).toContain('page number');
    expect(dump.issues!.map((i) => i.key)).toEqual(['2018-no-10']);
    expect(dump.people!.map((p) => p.name)).toContain('Caroline Charpentier');
    // The cover is not in the PDF laid out from the text: its first page is page 2.
    const human = run(['import', join(dir, 'issue.pdf'), '--dry-run'], dir).stdout;
    expect(human).toMatch(/^2018-no-10: .* — not saved/);
    expect(human).toMatch(
      new RegExp(
        `\\n  kept ${words[0]!.kept} of ${words[0]!.total} words \\(\\d+\\.\\d %\\)\\n  dropped as page number: \\d+ words \\(p\\. 2, 3, `,
      ),
    );
    expect(human).toMatch(/\n {2}p\. 2: kept \d+ of \d+ words, dropped \d+; 1 section\(s\) open here: /);
    const refused = run(['import', join(dir, 'issue.pdf')], dir);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/already in your library.*--replace or --keep-both/);
    writeFileSync(join(dir, 'notes.txt'), 'Packing list\n\nPassport, charger, newsletter.\n');
    expect(run(['import', join(dir, 'notes.txt'), '--dry-run'], dir)).toMatchObject({
      status: 1,
      stderr: expect.stringMatching(/No newsletter issue/),
    });
  }, 90_000); // six CLI runs (the human --dry-run added in #29), each reading the PDF

  it('imports, signs a pack with a key from keygen, and a trusting library takes the pack in', () => {
    const office = tempDir();
    const field = tempDir();
    const keys = join(office, 'keys');
    // A title is words of the issue: 'copy' is not in its text, 'phase' is ('entering its second phase').
    expect(
      run(
        ['import', join(ASSETS, '003_6d049a98c5d0dabf.txt'), '--keep-both', '--title', 'Programming 2021, second copy'],
        office,
      ),
    ).toMatchObject({
      status: 1,
      stderr: expect.stringMatching(/title “Programming 2021, second copy” was refused.*not in its text: copy\./),
    });
    expect(
      run(
        [
          'import',
          join(ASSETS, '003_6d049a98c5d0dabf.txt'),
          '--keep-both',
          '--title',
          'Programming 2021, second phase',
        ],
        office,
      ),
    ).toMatchObject({ status: 0, stdout: expect.stringMatching(/^saved 2021-programming-2021-second-phase/) });
    expect(run(['keygen', '--out', keys], office).status).toBe(0);
    expect(statSync(join(keys, 'valise-signing-key.pem')).mode & 0o077).toBe(0);
    expect(run(['keygen', '--out', keys], office)).toMatchObject({
      status: 1,
      stderr: expect.stringMatching(/never overwritten/),
    });
    const pack = join(office, 'march.valise');
    expect(run(['pack', pack, '--key', join(keys, 'valise-signing-key.pem')], office)).toMatchObject({
      status: 0,
      stdout: expect.stringMatching(/1 issue\(s\), signed with key [0-9a-f]{16}/),
    });

    expect(run(['import', pack], field)).toMatchObject({ status: 1, stderr: expect.stringMatching(/does not trust/) });
    expect(run(['trust', join(keys, 'valise-signing-key.pub.pem')], field).status).toBe(0);
    expect(run(['import', pack, '--json'], field)).toMatchObject({
      status: 0,
      stdout: expect.stringContaining('2021-programming-2021-second-phase'),
    });
    const tampered = readFileSync(pack, 'utf8').replace('Kyoto', 'Kyotp');
    writeFileSync(join(field, 'tampered.valise'), tampered);
    expect(run(['import', join(field, 'tampered.valise'), '--replace'], field)).toMatchObject({
      status: 1,
      stderr: expect.stringMatching(/does not match its signed hash.*Nothing was changed/),
    });
  }, 60_000);
});
