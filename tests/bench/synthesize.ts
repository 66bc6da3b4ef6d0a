/**
 * Archives of N issues synthesised from the real text: the real issues repeated with new keys
 * and years, so that the vocabulary is the newsletter's and only the volume grows.
 */
import { entitiesOf, extractDirectory } from '../../db/build-content.node';
import type { EntityRecord } from '../../db/pipeline/entities/extract-entities.std';
import type { ExtractedIssue } from '../../db/pipeline/extract-issue.std';
import { join } from 'node:path';

const ASSETS = join(__dirname, '..', '..', 'assets', 'newsletters');

export interface Archive {
  issues: ExtractedIssue[];
  entities: EntityRecord[];
}

export function realArchive(): Archive {
  const issues = extractDirectory(ASSETS);
  return { issues, entities: entitiesOf(issues) };
}

export function synthesise(real: Archive, count: number): Archive {
  if (count <= real.issues.length) return real;
  const issues: ExtractedIssue[] = [];
  const entities: EntityRecord[] = real.entities.filter((e) => ['person', 'organisation', 'country'].includes(e.type));
  for (let n = 0; n < count; n++) {
    const base = real.issues[n % real.issues.length]!;
    const key = `syn-${String(n).padStart(3, '0')}`;
    const rekey = (k: string) => k.replace(base.key, key);
    issues.push({
      ...base,
      key,
      year: 2000 + Math.floor(n / 4),
      sections: base.sections.map((s) => ({
        ...s,
        key: rekey(s.key),
        paragraphs: s.paragraphs.map((p) => ({ ...p, key: rekey(p.key) })),
      })),
    });
    for (const e of real.entities.filter((x) => x.data.issue === base.key)) {
      entities.push({ ...e, key: `${e.key}-${key}`, data: { ...e.data, issue: key }, mentions: e.mentions.map(rekey) });
    }
  }
  return { issues, entities };
}
