/**
 * The per-engine report of #16: each PDF of tests/corpus (made by pdfLaTeX, LibreOffice Writer,
 * groff -ms, a three-column page, a sidebar) imported with no corrections and scored against the
 * expectations written by hand from its source: section titles found, paragraph samples found
 * verbatim, no running header, page number or footnote inside running text, and entity recall by
 * kind, each with its target, and the time to read and extract it (median of three). Prints a table; writes tests/bench/results/corpus.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusReports, ENTITY_KINDS, recall, type CorpusReport } from '../corpus/corpus';

const TARGETS = { sections: 1, samples: 0.95, recall: 0.85 };
const RESULTS = join(import.meta.dirname, 'results');
const pct = (x: number) => `${Math.round(x * 100)}%`;
const mark = (met: boolean) => (met ? 'met' : 'MISSED');

function row(r: CorpusReport) {
  const sections = recall(r.sections);
  const samples = recall(r.samples);
  const kinds = Object.fromEntries(
    ENTITY_KINDS.map((k) => [k, { ...r.entities[k], recall: Math.round(recall(r.entities[k]) * 100) / 100 }]),
  );
  const met = {
    sections: sections >= TARGETS.sections,
    samples: samples >= TARGETS.samples,
    furniture: r.furniture.length === 0 && r.footnotesInText.length === 0,
    entities: ENTITY_KINDS.every((k) => recall(r.entities[k]) >= TARGETS.recall),
  };
  return {
    file: r.file,
    engine: r.engine,
    readMs: r.readMs,
    number: r.number,
    year: r.year,
    sections: r.sections,
    samples: r.samples,
    furniture: r.furniture,
    footnotesInText: r.footnotesInText,
    entities: kinds,
    met,
  };
}

async function main(): Promise<void> {
  const rows = (await corpusReports()).map(row);
  console.log(
    `\ncorpus of real-engine PDFs, no corrections (targets: every section, ≥${pct(TARGETS.samples)} samples verbatim, entity recall ≥ ${TARGETS.recall} per kind, no furniture in text)\n`,
  );
  const header = ['pdf', 'read+extract ms', 'sections', 'samples', 'furniture', ...ENTITY_KINDS];
  const lines = rows.map((r) => [
    r.file,
    String(r.readMs),
    `${r.sections.found}/${r.sections.of} ${mark(r.met.sections)}`,
    `${r.samples.found}/${r.samples.of} ${mark(r.met.samples)}`,
    `${r.furniture.length + r.footnotesInText.length} ${mark(r.met.furniture)}`,
    ...ENTITY_KINDS.map((k) =>
      r.entities[k]!.of === 0
        ? '—'
        : `${r.entities[k]!.found}/${r.entities[k]!.of} ${r.entities[k]!.recall.toFixed(2)}${r.entities[k]!.recall >= TARGETS.recall ? '' : ' MISSED'}`,
    ),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  for (const l of [header, ...lines]) console.log(l.map((cell, i) => cell.padEnd(widths[i]!)).join('  '));
  for (const r of rows) {
    const missing = ENTITY_KINDS.flatMap((k) => r.entities[k]!.missing.map((m) => `${k}: ${m}`));
    if (missing.length) console.log(`\n${r.file} missing: ${missing.join('; ')}`);
  }
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, 'corpus.json'), `${JSON.stringify({ targets: TARGETS, pdfs: rows }, null, 2)}\n`);
  console.log(`\nwrote ${join(RESULTS, 'corpus.json')}`);
}

void main();
