/**
 * The corpus of PDFs made by real typesetting engines (#16): each PDF is read as the importer
 * reads it, with no corrections, and scored against the expectations written by hand from its
 * source (`expected.json`). Shared by the corpus test and the bench report.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { entitiesOf } from '../../db/build-content.node';
import type { EntityRecord } from '../../db/pipeline/entities/extract-entities.std';
import { extractIssue, type ExtractedIssue } from '../../db/pipeline/extract-issue.std';
import { sourceFromLayout } from '../../db/pipeline/source/pdf-layout.std';
import { readPdfText } from '../../main/services/import/pdf-text.node';

export const CORPUS_DIR = join(import.meta.dirname, '.');

export const ENTITY_KINDS = ['organisation', 'person', 'country', 'document', 'figure'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export interface Expected {
  file: string;
  engine: string;
  number: number | null;
  year: number;
  sections: string[];
  samples: string[];
  running: string[];
  footnotes?: string[];
  entities: Record<EntityKind, string[]>;
}

export interface Score {
  found: number;
  of: number;
  missing: string[];
}

export interface CorpusReport {
  file: string;
  engine: string;
  number: number | null;
  year: number;
  sections: Score;
  samples: Score;
  /** Paragraphs that carry a running header's text or a page number. */
  furniture: string[];
  /** Reading the PDF and laying it out (pdf.js and the layout), median of three, in ms. */
  readMs: number;
  /** Footnotes not read apart as a box of their own (read into running text, or lost). */
  footnotesInText: string[];
  entities: Record<EntityKind, Score>;
}

export function expectations(): Expected[] {
  return (JSON.parse(readFileSync(join(CORPUS_DIR, 'expected.json'), 'utf8')) as { pdfs: Expected[] }).pdfs;
}

/** The issue the importer reads from one corpus PDF, with no corrections. */
export async function importCorpusPdf(file: string): Promise<ExtractedIssue> {
  return (await readCorpusPdf(file)).issue;
}

/** The issue the importer reads from one corpus PDF, with the source text the layout made of it. */
export async function readCorpusPdf(file: string): Promise<{ issue: ExtractedIssue; text: string }> {
  const bytes = new Uint8Array(readFileSync(join(CORPUS_DIR, file)));
  const { text, overlay } = sourceFromLayout(await readPdfText(bytes));
  return { issue: extractIssue({ file, text, sha256: '0' }, overlay).issue, text };
}

function score(expected: string[], found: (item: string) => boolean): Score {
  const missing = expected.filter((item) => !found(item));
  return { found: expected.length - missing.length, of: expected.length, missing };
}

const fold = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/** Whether an entity of the archive answers to what a reader listed. */
function answers(entity: EntityRecord, kind: EntityKind, wanted: string): boolean {
  const names = [
    entity.name,
    ...((entity.data.aliases as string[] | undefined) ?? []),
    (entity.data.acronym as string | null | undefined) ?? '',
  ].map(fold);
  if (kind === 'figure') return fold(entity.name).includes(fold(wanted));
  return names.includes(fold(wanted));
}

export function scoreIssue(expected: Expected, issue: ExtractedIssue): Omit<CorpusReport, 'readMs'> {
  const paragraphs = issue.sections.flatMap((s) => s.paragraphs);
  const texts = paragraphs.map((p) => p.text);
  const entities = entitiesOf([issue]);
  const kindOf: Record<EntityKind, EntityRecord['type']> = {
    organisation: 'organisation',
    person: 'person',
    country: 'country',
    document: 'document',
    figure: 'figure',
  };
  const furniture = texts.filter(
    (t) => expected.running.some((line) => t.includes(line)) || (/(^|\s)\d{1,3}$/.test(t) && /^\d{1,3}$/.test(t)),
  );
  return {
    file: expected.file,
    engine: expected.engine,
    number: issue.number,
    year: issue.year,
    sections: score(expected.sections, (title) => issue.sections.some((s) => fold(s.title) === fold(title))),
    samples: score(expected.samples, (sample) => texts.some((t) => t.includes(sample))),
    furniture,
    // A footnote is read apart, as a box of its own (its number may open it), and not lost.
    footnotesInText: (expected.footnotes ?? []).filter(
      (note) => !paragraphs.some((p) => p.kind === 'box' && p.text.replace(/^\d+\s*/, '') === note),
    ),
    entities: Object.fromEntries(
      ENTITY_KINDS.map((kind) => [
        kind,
        score(expected.entities[kind], (wanted) =>
          entities.some((e) => e.type === kindOf[kind] && answers(e, kind, wanted)),
        ),
      ]),
    ) as Record<EntityKind, Score>,
  };
}

const READS = 3;

export async function corpusReports(): Promise<CorpusReport[]> {
  const reports: CorpusReport[] = [];
  for (const expected of expectations()) {
    const times: number[] = [];
    let issue: ExtractedIssue | undefined;
    for (let run = 0; run < READS; run++) {
      const start = performance.now();
      issue = await importCorpusPdf(expected.file);
      times.push(performance.now() - start);
    }
    const readMs = Math.round(times.sort((a, b) => a - b)[Math.floor(READS / 2)]!);
    reports.push({ ...scoreIssue(expected, issue!), readMs });
  }
  return reports;
}

/** Recall as a fraction; a kind with nothing expected counts as met. */
export const recall = (s: Score): number => (s.of === 0 ? 1 : s.found / s.of);
