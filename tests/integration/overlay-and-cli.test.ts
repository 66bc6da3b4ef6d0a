import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractIssue } from '../../db/pipeline/extract-issue.std';
import { readSource } from '../../db/pipeline/source/source.node';
import { ASSETS, contentDb } from '../support/content';
import { runTs, runTsOk } from '../support/run-ts';

const source = () => readSource(join(ASSETS, '000_1e644c5006785efa.txt'));

describe('the editorial overlay', () => {
  it('refuses a reading order that leaves out a line, naming it', () => {
    expect(() => extractIssue(source(), { reorder: [{ note: 'bad', order: ['1-3', '5-8'] }] })).toThrow(
      /must list every non-blank line of 1-8 once \(missing: 4\)/,
    );
  });
  it('refuses an unknown field and a line outside the file', () => {
    expect(() => extractIssue(source(), { titel: 'x' } as never)).toThrow(/000_1e644c5006785efa\.txt: overlay/);
    expect(() => extractIssue(source(), { drop: [{ lines: '9999', reason: 'page footer' }] })).toThrow(
      /line 9999 is outside the file/,
    );
  });
  it('changes only what it names, and the pipeline stands without it', () => {
    const bare = extractIssue(source()).issue;
    expect(bare.sections.length).toBeGreaterThanOrEqual(9);
    expect(bare.number).toBe(10);
    expect(bare.year).toBe(2018);
    expect(bare.sections.find((s) => s.title.includes('Chisinau'))?.page).toBe(10); // without firstPage the cover is not counted
  });
});

describe('npm run cli', () => {
  const cli = join(__dirname, '..', '..', 'main', 'cli', 'cli.node.ts');
  const env = { ...process.env, VALISE_CONTENT_DB: contentDb() };

  it('dump prints the archive as JSON and nothing else', () => {
    const out = runTsOk(cli, ['dump'], { env });
    const dump = JSON.parse(out) as Record<string, unknown[]>;
    expect(Object.keys(dump)).toEqual([
      'issues',
      'people',
      'organisations',
      'events',
      'figures',
      'contacts',
      'documents',
      'countries',
    ]);
    const issue = dump.issues![0] as Record<string, unknown>;
    expect(Object.keys(issue)).toEqual(expect.arrayContaining(['key', 'number', 'year', 'date', 'title', 'sections']));
    const section = (issue.sections as Record<string, unknown>[])[0]!;
    expect(Object.keys(section)).toEqual(expect.arrayContaining(['key', 'title', 'kicker', 'page', 'paragraphs']));
    expect(Object.keys((section.paragraphs as object[])[0]!)).toEqual(expect.arrayContaining(['key', 'kind', 'text']));
    expect(Object.keys(dump.people![0] as object)).toEqual(
      expect.arrayContaining(['key', 'name', 'role', 'organisation', 'issues']),
    );
    expect(Object.keys(dump.events![0] as object)).toEqual(
      expect.arrayContaining(['key', 'title', 'start', 'end', 'place', 'country', 'description', 'status', 'issue']),
    );
    expect(Object.keys(dump.figures![0] as object)).toEqual(
      expect.arrayContaining(['key', 'value', 'currency', 'unit', 'label', 'period', 'issue']),
    );
    expect(Object.keys(dump.contacts![0] as object)).toEqual(expect.arrayContaining(['key', 'kind', 'value', 'owner']));
    expect(Object.keys(dump.documents![0] as object)).toEqual(expect.arrayContaining(['key', 'symbol', 'title']));
    expect(Object.keys(dump.countries![0] as object)).toEqual(expect.arrayContaining(['key', 'name']));
  });

  it('stats counts per kind and per issue', () => {
    const stats = JSON.parse(runTsOk(cli, ['stats', '--json'], { env })) as {
      totals: Record<string, number>;
      perIssue: { issue: string }[];
    };
    expect(stats.totals.issues).toBe(2);
    expect(stats.perIssue.map((i) => i.issue)).toEqual(['2018-no-10', '2021-the-2021-programming-of-cooperation']);
  });

  it('says what is wrong when the archive is missing, and exits non-zero', () => {
    const run = runTs(cli, ['dump'], { env: { ...env, VALISE_CONTENT_DB: '/nonexistent/content.sqlite' } });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/cannot be used/);
  });
});
