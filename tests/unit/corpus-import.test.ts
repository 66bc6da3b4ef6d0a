/**
 * PDFs made by real typesetting engines (pdfLaTeX, LibreOffice Writer, groff -ms, a three-column
 * page, a sidebar), imported with no corrections, against what was written by hand from their
 * sources (tests/corpus/expected.json). The targets of #16.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { corpusReports, expectations, recall, type CorpusReport, type EntityKind } from '../corpus/corpus';

const SAMPLES_TARGET = 0.95;
const RECALL_TARGET = 0.85;
/** Every kind meets the target on every PDF. */
const MET_KINDS: EntityKind[] = ['organisation', 'person', 'country', 'document', 'figure'];

let reports: CorpusReport[] = [];
beforeAll(async () => {
  reports = await corpusReports();
}, 120_000);

describe('the corpus of real-engine PDFs, with no corrections', () => {
  it('covers every engine the issue names, each with its own expectations', () => {
    const engines = expectations().map((e) => e.file.split('/')[0]);
    expect(engines).toEqual(['latex', 'writer', 'groff', 'multicol', 'sidebar']);
    for (const e of expectations()) {
      expect(e.sections.length, e.file).toBeGreaterThan(0);
      expect(e.samples.length, e.file).toBeGreaterThanOrEqual(3);
    }
  });

  for (const expected of expectations()) {
    describe(expected.file, () => {
      const report = () => reports.find((r) => r.file === expected.file)!;
      it('finds every section title', () => {
        expect(report().sections.missing).toEqual([]);
      });
      it(`reads at least ${SAMPLES_TARGET * 100}% of the paragraph samples verbatim`, () => {
        const { found, of, missing } = report().samples;
        expect(found / of, `missing: ${missing.join(' | ')}`).toBeGreaterThanOrEqual(SAMPLES_TARGET);
      });
      for (const kind of MET_KINDS) {
        it(`finds at least ${RECALL_TARGET} of the ${kind} entities named in the source`, () => {
          const { missing } = report().entities[kind];
          expect(recall(report().entities[kind]), `missing: ${missing.join(' | ')}`).toBeGreaterThanOrEqual(
            RECALL_TARGET,
          );
        });
      }
      it('reads the issue’s number where the text states it', () => {
        expect(report().number).toBe(expected.number);
      });
      it('dates the issue by the year its first page states', () => {
        expect(report().year).toBe(expected.year);
      });
      it('keeps running headers, page numbers and footnotes out of the running text', () => {
        expect(report().furniture).toEqual([]);
        expect(report().footnotesInText).toEqual([]);
      });
    });
  }
});
