import Database from 'better-sqlite3';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openContentService } from '../../main/services/library/content.node';
import { contentDb, tempDir } from '../support/content';

describe('content service', () => {
  it('lists issues newest first, each with its sections', () => {
    const content = openContentService(contentDb());
    const issues = content.listIssues();
    expect(issues.map((i) => i.year)).toEqual([2021, 2018]);
    expect(issues[1]!.sections.map((s) => s.title)).toContain('Contact');
  });

  it('opens one issue with the text of its sections', () => {
    const content = openContentService(contentDb());
    const issue = content.getIssue('2018-no-10')!;
    expect(issue.title).toBe('France’s multilateral commitment in the fight against human trafficking');
    const chisinau = issue.sections.find((s) => s.title.includes('Chisinau'))!;
    expect(chisinau.paragraphs.map((p) => p.text).join('\n')).toContain(
      'From 5-7 June 2018, Moldova hosted an interregional seminar',
    );
  });

  it('answers null for an issue that does not exist', () => {
    expect(openContentService(contentDb()).getIssue('1999-no-1')).toBeNull();
  });

  it('refuses a database of another schema version, saying so', () => {
    const path = join(tempDir(), 'old.sqlite');
    copyFileSync(contentDb(), path);
    const db = new Database(path);
    db.pragma('user_version = 99');
    db.close();
    expect(() => openContentService(path)).toThrow(/schema version 99/);
  });

  it('refuses a file that is not a database, saying which', () => {
    const path = join(tempDir(), 'garbage.sqlite');
    writeFileSync(path, 'this is not a database at all, just some text '.repeat(200));
    expect(() => openContentService(path)).toThrow(/garbage\.sqlite cannot be used/);
  });

  it('refuses a missing database instead of creating an empty one', () => {
    expect(() => openContentService(join(tempDir(), 'missing.sqlite'))).toThrow(/cannot be used/);
  });
});
