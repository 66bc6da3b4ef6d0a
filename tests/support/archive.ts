/** The archive as `cli dump` gives it, built from assets/, plus the raw source lines it cites. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openContentService } from '../../main/services/library/content.node';
import type { ArchiveDump } from '../../main/services/library/archive-dump.node';
import { ASSETS, contentDb } from './content';

export interface DumpParagraph {
  key: string;
  kind: string;
  text: string;
  page: number;
  lines: number[];
}
export interface DumpSection {
  key: string;
  title: string;
  kicker: string | null;
  page: number;
  paragraphs: DumpParagraph[];
}
export interface DumpIssue {
  key: string;
  number: number | null;
  year: number;
  date: string | null;
  title: string;
  sourceFile: string;
  sections: DumpSection[];
}

type Archive = Omit<ArchiveDump, 'issues'> & { issues: DumpIssue[] };

let cached: Archive | null = null;
export function archive(): Archive {
  if (!cached) {
    const content = openContentService(contentDb());
    cached = content.dump() as unknown as Archive;
    content.close();
  }
  return cached;
}

export function rawLines(sourceFile: string): string[] {
  return readFileSync(join(ASSETS, sourceFile), 'utf8').split('\n');
}

/** Letters and digits only, lower-cased: what must survive every repair of the layout. */
export function letters(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

export function issueByYear(year: number): DumpIssue {
  return archive().issues.find((i) => i.year === year)!;
}

export function allParagraphs(): DumpParagraph[] {
  return archive().issues.flatMap((i) => i.sections.flatMap((s) => s.paragraphs));
}

export function textOfItem(key: string): string {
  for (const issue of archive().issues) {
    for (const section of issue.sections) {
      if (section.key === key) return section.title;
      const p = section.paragraphs.find((x) => x.key === key);
      if (p) return p.text;
    }
  }
  throw new Error(`no item ${key}`);
}
