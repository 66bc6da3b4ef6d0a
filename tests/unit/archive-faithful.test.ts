/**
 * Faithfulness: the archive shows what the newsletter says. Every paragraph and title is made of
 * the source lines it cites, letter for letter; every source line is used once or dropped with a
 * reason; the dropped words are under 1% of the text.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { contentDb } from '../support/content';
import { archive, letters, rawLines } from '../support/archive';

describe('the archive is the newsletter’s own text', () => {
  for (const issue of archive().issues) {
    describe(issue.sourceFile, () => {
      const raw = rawLines(issue.sourceFile);
      const db = new Database(contentDb(), { readonly: true });
      const titleLines = db
        .prepare('SELECT title_lines FROM sections WHERE issue_key = ? ORDER BY ord')
        .all(issue.key) as { title_lines: string }[];
      const dropped = db.prepare('SELECT line, text, reason FROM dropped_lines WHERE issue_key = ?').all(issue.key) as {
        line: number;
        text: string;
        reason: string;
      }[];

      it('makes every paragraph from the source lines it cites, nothing added', () => {
        for (const p of issue.sections.flatMap((s) => s.paragraphs)) {
          expect(letters(p.text), `${p.key} (lines ${p.lines.join(',')})`).toBe(
            letters(p.lines.map((n) => raw[n - 1]!).join(' ')),
          );
        }
      });

      it('makes every section title from the source lines it cites', () => {
        issue.sections.forEach((section, i) => {
          const lines = JSON.parse(titleLines[i]!.title_lines) as number[];
          expect(lines.length).toBeGreaterThan(0);
          const source = letters(lines.map((n) => raw[n - 1]!).join(' '));
          expect(letters(`${section.kicker ?? ''}${section.title}`)).toBe(source);
        });
      });

      it('uses every non-blank source line exactly once, or drops it with a reason', () => {
        const used = [
          ...issue.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.lines)),
          ...titleLines.flatMap((t) => JSON.parse(t.title_lines) as number[]),
          ...dropped.map((d) => d.line),
        ];
        expect(new Set(used).size).toBe(used.length);
        const nonBlank = raw.map((line, i) => (line.trim() ? i + 1 : 0)).filter(Boolean);
        expect([...used].sort((a, b) => a - b)).toEqual(nonBlank);
        for (const d of dropped) expect(d.reason.length).toBeGreaterThan(10);
      });

      it('keeps at least 99% of the raw words', () => {
        const words = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
        const total = words(raw.join('\n'));
        const lost = dropped.reduce((n, d) => n + words(d.text), 0);
        expect(lost / total).toBeLessThan(0.01);
      });
    });
  }
});
