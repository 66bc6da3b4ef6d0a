import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContent } from '../../db/build-content.node';
import { ASSETS, contentDb, tempDir } from '../support/content';

describe('npm run build:db', () => {
  it('builds both issues with their number, year, title and source digest', () => {
    const db = new Database(contentDb(), { readonly: true });
    const issues = db
      .prepare('SELECT key, number, year, date, title, source_file, source_sha256 FROM issues ORDER BY ord')
      .all();
    expect(issues).toEqual([
      expect.objectContaining({ number: 10, year: 2018, source_file: '000_1e644c5006785efa.txt' }),
      expect.objectContaining({ number: null, year: 2021, date: '2021-03', source_file: '003_6d049a98c5d0dabf.txt' }),
    ]);
    // The digest is of the source file's bytes, as they are in assets/.
    const fileDigest = (name: string) =>
      createHash('sha256')
        .update(readFileSync(join(ASSETS, name)))
        .digest('hex');
    expect(issues.map((i) => (i as { source_sha256: string }).source_sha256)).toEqual(
      ['000_1e644c5006785efa.txt', '003_6d049a98c5d0dabf.txt'].map(fileDigest),
    );
  });

  it('finds the sections in reading order with the page each starts on', () => {
    const db = new Database(contentDb(), { readonly: true });
    const sections = db
      .prepare("SELECT title, kicker, page FROM sections WHERE issue_key = '2018-no-10' ORDER BY ord")
      .all() as { title: string; kicker: string | null; page: number }[];
    expect(sections.map((s) => s.page)).toEqual([...sections.map((s) => s.page)].sort((a, b) => a - b));
    expect(sections).toContainEqual({
      title: '…the seminar organised by UNODC in Chisinau',
      kicker: 'Focus on…',
      page: 11,
    });
    expect(sections).toContainEqual({ title: 'Contact', kicker: null, page: 12 });
    expect(sections[0]).toMatchObject({ page: 2 });
  });

  it('is deterministic: the same input gives a byte-identical database', () => {
    const dir = tempDir();
    buildContent(ASSETS, join(dir, 'a.sqlite'));
    buildContent(ASSETS, join(dir, 'b.sqlite'));
    expect(readFileSync(join(dir, 'a.sqlite')).equals(readFileSync(join(dir, 'b.sqlite')))).toBe(true);
  });

  it('leaves the previous database untouched when a source file is bad', () => {
    const dir = tempDir();
    const target = join(dir, 'content.sqlite');
    buildContent(ASSETS, target);
    const before = readFileSync(target);
    const sources = tempDir();
    copyFileSync(join(ASSETS, '000_1e644c5006785efa.txt'), join(sources, '000_good.txt'));
    writeFileSync(join(sources, '001_bad.txt'), Buffer.from([0xff, 0xfe, 0x00, 0x41]));
    expect(() => buildContent(sources, target)).toThrow(/001_bad\.txt: the file is binary/);
    expect(readFileSync(target).equals(before)).toBe(true);
  });
});
