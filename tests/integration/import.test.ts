/**
 * Importing a new issue: PDFs laid out in the test from the bundled text (two columns, shaded side
 * boxes, page numbers) must give back the bundled issue, and every bad file is refused with its
 * reason while the library stays as it was.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { entitiesOf, readOverlay } from '../../db/build-content.node';
import { extractIssue } from '../../db/pipeline/extract-issue.std';
import { readSource } from '../../db/pipeline/source/source.node';
import { analyseFile, extractCandidate, layoutFound } from '../../main/services/import/import.node';
import { readPdfText } from '../../main/services/import/pdf-text.node';
import { ContractError } from '../../common/contract/errors.std';
import { inLanguage } from '../../common/contract/messages.std';
import { ASSETS, tempDir } from '../support/content';
import { importFile, servicesPerTest } from '../support/services';
import { newsletterPdf, scannedPdf } from '../support/newsletter-pdf';

const ISSUES = ['000_1e644c5006785efa', '003_6d049a98c5d0dabf'];
const pdfs = new Map<string, Awaited<ReturnType<typeof newsletterPdf>>>();
beforeAll(async () => {
  for (const name of ISSUES) pdfs.set(name, await newsletterPdf(join(ASSETS, `${name}.txt`)));
}, 60_000);

const services = servicesPerTest();

/** What a reader sees of an issue: every section and paragraph, with its key, kind and page. */
const readable = (issue: ReturnType<typeof extractIssue>['issue']) =>
  issue.sections.map((s) => ({
    key: s.key,
    title: s.title,
    kicker: s.kicker,
    page: s.page,
    paragraphs: s.paragraphs.map((p) => [p.key, p.kind, p.page, p.text]),
  }));

describe('a PDF laid out from a bundled issue', () => {
  for (const name of ISSUES) {
    it(`${name}: gives the bundled sections, paragraphs and entities back`, async () => {
      const { pdf, corrections } = pdfs.get(name)!;
      const file = await analyseFile(`${name}.pdf`, pdf, { trustedKeys: new Map() });
      expect(file.kind).toBe('pdf');
      const candidate = file.candidates[0]!;
      const imported = extractCandidate({ ...candidate, overlay: { ...candidate.overlay, ...corrections } });
      const path = join(ASSETS, `${name}.txt`);
      const bundled = extractIssue(readSource(path), readOverlay(path)).issue;
      expect(imported.key).toBe(bundled.key);
      expect(readable(imported)).toEqual(readable(bundled));
      // The layout, not an editor, found the side boxes and the page numbers.
      if (name.startsWith('000'))
        expect(new Set(file.layout!.boxes.map((b) => b.kind))).toEqual(
          new Set(['deck', 'key-figures', 'question', 'quote', 'caption', 'calendar', 'contact']),
        );
      expect(file.layout!.drop.length, 'page numbers dropped').toBeGreaterThan(0);
      expect(file.layout!.drop.every((d) => d.reason === 'page number')).toBe(true);
      const names = (issue: typeof bundled) => entitiesOf([issue]).map((e) => [e.key, e.type, e.name, e.mentions]);
      expect(names(imported)).toEqual(names(bundled));
    });
  }
});

describe('what the review says the layout found by position', () => {
  it('counts page numbers and running header lines apart', async () => {
    // The pdfLaTeX corpus issue: 4 pages (pdfinfo), each with fancyhdr's header line
    // (\fancyhead[C]{…Fight against human trafficking…}) and its page number (\fancyfoot[C]{\thepage}).
    const file = await analyseFile(
      'issue-14.pdf',
      readFileSync(join(import.meta.dirname, '../corpus/latex/issue-14.pdf')),
      { trustedKeys: new Map() },
    );
    expect(layoutFound(file.layout)!.counts).toMatchObject({ pageNumbers: 4, runningHeaders: 4 });
    expect(layoutFound(file.layout)!.found).toContain('4 running header lines left out');
    // A PDF laid out with a number at the foot of every page and no header (tests/support/newsletter-pdf.ts).
    const generated = await analyseFile('summer-2018.pdf', pdfs.get(ISSUES[0]!)!.pdf, { trustedKeys: new Map() });
    const counts = layoutFound(generated.layout)!.counts;
    expect(generated.pages).toBeGreaterThan(5);
    expect(counts.pageNumbers).toBe(generated.pages);
    expect(counts.runningHeaders).toBe(0);
    expect(layoutFound(generated.layout)!.found).toEqual([
      `${counts.boxes} side boxes and ${counts.pageNumbers} page numbers found by position`,
    ]);
    // A text file has no layout.
    expect(layoutFound(null)).toBeNull();
  });
});

describe('import into the library', () => {
  it('reviews, saves, and makes the issue readable, searchable and bookmarkable at once', async () => {
    const s = services();
    const { pdf, corrections } = pdfs.get(ISSUES[0]!)!;
    // A reviewed title is words of the issue ("the multilateral strategy implemented by France to combat human trafficking").
    const title = 'Multilateral strategy to combat human trafficking';
    const { jobId, job } = await importFile(s, 'summer-2018.pdf', pdf, { ...corrections, title });
    expect(job.state).toBe('done');
    const draft = job.preview!.issues[0]!;
    expect(draft.title).toBe(title);
    expect(draft.sections.map((x) => x.title)).toEqual(
      s.services.content.getIssue(draft.key)!.sections.map((x) => x.title),
    );
    expect(draft.people.map((p) => p.name)).toContain('Caroline Charpentier');
    // It is the bundled issue again: the library already has it.
    expect(draft.duplicate).toMatchObject({ key: draft.key, bundled: true });
    await expect(s.services.imports.save(jobId)).rejects.toThrow(ContractError);
    await expect(s.services.imports.save(jobId, 'replace')).rejects.toThrow(/cannot be replaced/);
    const { keys } = await s.services.imports.save(jobId, 'keep-both');
    expect(keys).toEqual([`${draft.key}-2`]);

    const issue = s.services.content.getIssue(keys[0]!)!;
    expect(issue.title).toBe(title);
    expect(s.services.content.listIssues().map((i) => i.key)).toContain(keys[0]);
    const hits = (await s.services.search.search({ query: 'Charpentier' })).hits;
    expect(hits.some((h) => h.issue === keys[0])).toBe(true);
    // The same person in both issues is one person, with mentions in both.
    const person = s.services.content.getEntity('person/caroline-charpentier')!;
    expect(new Set(person.mentions.map((m) => m.issueKey))).toEqual(new Set([draft.key, keys[0]]));

    const paragraph = issue.sections[1]!.paragraphs[0]!;
    s.services.bookmarks.add(paragraph.key);
    expect(s.services.imports.list().map((i) => i.key)).toEqual(keys);
    expect(
      s.services.imports.remove(keys[0]!, () => s.services.bookmarks.list().filter((b) => b.orphaned).length),
    ).toEqual({ orphanedBookmarks: 1 });
    expect(s.services.content.getIssue(keys[0]!)).toBeNull();
    expect((await s.services.search.search({ query: 'Charpentier' })).hits.some((h) => h.issue === keys[0])).toBe(
      false,
    );
    const [bookmark] = s.services.bookmarks.list();
    expect(bookmark).toMatchObject({ key: paragraph.key, orphaned: true, snapshot: paragraph.text });
  });

  it('refuses at review a title not made of the issue’s words, or an organisation not in its text, with the reason in English and French', async () => {
    const s = services();
    const { pdf, corrections } = pdfs.get(ISSUES[0]!)!;
    const inFrench = (job: Record<string, unknown>) =>
      inLanguage(
        {
          message: job.error as string,
          messageId: job.errorId as string,
          params: job.errorParams as Record<string, string>,
        },
        'fr',
      );
    const title = await importFile(s, 'summer-2018.pdf', pdf, { ...corrections, title: 'Corrected by the reviewer' });
    expect(title.job).toMatchObject({
      state: 'failed',
      errorId: 'import.title-not-in-text',
      errorParams: { words: 'corrected, reviewer' },
    });
    expect(title.job.error).toBe(
      'The title “Corrected by the reviewer” was refused: a title is made of the issue’s own words, and these are not in its text: corrected, reviewer.',
    );
    expect(inFrench(title.job as never)).toBe(
      'Le titre « Corrected by the reviewer » a été refusé : un titre est fait des mots mêmes du numéro, et ceux-ci ne figurent pas dans son texte : corrected, reviewer.',
    );
    const organisations = [
      ...((corrections.organisations as object[] | undefined) ?? []),
      { name: 'Global Alliance against Forced Labour', acronym: 'GAFL' },
    ];
    const org = await importFile(s, 'summer-2018.pdf', pdf, { ...corrections, organisations });
    expect(org.job).toMatchObject({
      state: 'failed',
      errorId: 'import.organisation-not-in-text',
      errorParams: { name: 'Global Alliance against Forced Labour' },
    });
    expect(inFrench(org.job as never)).toMatch(
      /^L’organisation « Global Alliance against Forced Labour » a été refusée : elle n’apparaît pas dans le texte/,
    );
    expect(s.services.imports.list()).toEqual([]);
  });

  it('keeps imported issues across restarts, and replaces one on request', async () => {
    const s = services();
    const text = readFileSync(join(ASSETS, `${ISSUES[0]}.txt`));
    const changed = Buffer.from(text.toString('utf8').replace('Key figures', 'Key figures').replace(/2018/, '2019'));
    const first = await importFile(s, 'issue.txt', changed, { number: 11, year: 2019, firstPage: 2 });
    expect(first.job.preview!.issues[0]!.key).toBe('2019-no-11');
    await s.services.imports.save(first.jobId);
    const again = await importFile(s, 'issue-corrected.txt', changed, {
      number: 11,
      year: 2019,
      firstPage: 2,
      title: 'Multilateral strategy',
    });
    expect(again.job.preview!.issues[0]!.duplicate).toMatchObject({ key: '2019-no-11', bundled: false });
    await s.services.imports.save(again.jobId, 'replace');
    s.close();
    const reopened = services(s.userDataDir);
    expect(reopened.services.imports.list()).toEqual([
      expect.objectContaining({ key: '2019-no-11', sourceName: 'issue-corrected.txt', sourceKind: 'text' }),
    ]);
    expect(reopened.services.content.getIssue('2019-no-11')!.title).toBe('Multilateral strategy');
  });
});

describe('a save whose transaction fails after the library was rebuilt', () => {
  it('leaves search as the stored library is: the issue not saved is not found', async () => {
    const s = services();
    const { pdf, corrections } = pdfs.get(ISSUES[0]!)!;
    // A first issue saved: its block of the search index is stored.
    const first = await importFile(s, 'first.pdf', pdf, { ...corrections, number: 71 });
    const [kept] = (await s.services.imports.save(first.jobId)).keys;
    expect((await s.services.search.search({ query: 'Charpentier', issue: kept })).total).toBeGreaterThan(0);
    // The second rebuilds the same block and tells search, then its commit fails: rolled back.
    const second = await importFile(s, 'second.pdf', pdf, { ...corrections, number: 72 });
    const refresh = s.library.refresh;
    let calls = 0;
    s.library.refresh = () => {
      refresh();
      if (++calls === 1) throw new Error('disk I/O error at commit');
    };
    await expect(s.services.imports.save(second.jobId, 'keep-both')).rejects.toThrow(/nothing was saved/);
    s.library.refresh = refresh;
    expect(s.services.imports.list().map((i) => i.key)).toEqual([kept]);
    // Every issue search finds is one the library has.
    const issues = new Set(s.services.content.listIssues().map((i) => i.key));
    const found = (await s.services.search.search({ query: 'Charpentier', limit: 100 })).hits.map((h) => h.issue);
    expect(found).toContain(kept);
    expect(found.filter((issue) => issue !== null && !issues.has(issue))).toEqual([]);
  });
});

describe('a file that is not a readable issue is refused with its reason, and nothing changes', () => {
  const refused = async (name: string, bytes: Uint8Array, reason: RegExp) => {
    const s = services();
    const before = s.services.content.listIssues().length;
    const { jobId, job } = await importFile(s, name, bytes);
    expect(job.state).toBe('failed');
    expect(job.error).toMatch(reason);
    await expect(s.services.imports.save(jobId)).rejects.toThrow(/no finished import/);
    expect(s.services.content.listIssues()).toHaveLength(before);
    expect(s.services.imports.list()).toEqual([]);
  };
  const pdf = () => pdfs.get(ISSUES[1]!)!.pdf;

  it('not a PDF', () => refused('photo.pdf', Buffer.from('\x89PNG\r\n\x1a\n not a pdf at all'), /not a PDF/));
  it('a truncated PDF', () => refused('cut.pdf', pdf().subarray(0, Math.floor(pdf().length / 2)), /truncated/));
  it('a corrupt PDF', () => {
    const bytes = Buffer.from(pdf());
    bytes.fill(0x21, 200, bytes.length - 400);
    return refused('damaged.pdf', bytes, /damaged/);
  });
  it('an encrypted PDF', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plain.pdf'), pdf());
    execFileSync('qpdf', [
      '--encrypt',
      'user-secret',
      'owner-secret',
      '256',
      '--',
      join(dir, 'plain.pdf'),
      join(dir, 'locked.pdf'),
    ]);
    return refused('locked.pdf', readFileSync(join(dir, 'locked.pdf')), /protected by a password/);
  });
  it('a scanned PDF with no text layer', async () => refused('scan.pdf', await scannedPdf(), /no text layer.*scan/));
  it('a file over the size limit', () => refused('huge.pdf', Buffer.alloc(50 * 1024 * 1024 + 1, 0x20), /up to 50 MB/));
  it('a PDF over the size limit, refused by the reader itself before it reads a byte', async () => {
    // 50 MiB + 1 MiB: the sizes in the refusal are MB of 1,048,576 bytes, one decimal for the file.
    await expect(readPdfText(Buffer.alloc(51 * 1048576, 0x20))).rejects.toMatchObject({
      problem: 'too-large',
      message: 'The file is 51.0 MB; Valise imports PDFs of up to 50 MB.',
    });
    await expect(readPdfText(Buffer.alloc(50 * 1048576, 0x20))).rejects.toMatchObject({ problem: 'not-pdf' });
  });
  it('a PDF whose only end marker is not in its last KiB, as the reader itself refuses it', async () => {
    // A file cut short keeps its first %%EOF (an earlier revision's) far from its new end.
    const cut = Buffer.concat([Buffer.from('%PDF-1.7\n%%EOF\n'), Buffer.alloc(2048, 0x20)]);
    await expect(readPdfText(cut)).rejects.toMatchObject({ problem: 'truncated', name: 'ImportError' });
  });
  it('a binary file that is neither PDF nor text', () =>
    refused('archive.zip', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 1]), /binary/));
  it('text with no issue in it', () =>
    refused('notes.txt', Buffer.from('just a shopping list\nmilk\n'), /No newsletter issue/));
});

it('cancels a long import: the job says so and nothing is saved', async () => {
  const s = services();
  const uploadId = s.services.imports.stage('big.pdf', pdfs.get(ISSUES[0]!)!.pdf);
  const { jobId, finished } = s.services.imports.analyse(uploadId);
  expect(s.services.imports.cancel(jobId)).toEqual({ cancelled: true });
  await finished;
  expect(s.services.imports.progress(jobId)).toMatchObject({ state: 'cancelled' });
  await expect(s.services.imports.save(jobId)).rejects.toThrow(/no finished import/);
  expect(s.services.imports.list()).toEqual([]);
});

it('cancels an import half-way through reading its PDF: the reading ends with "cancelled", it does not wait for ever', async () => {
  const { pdf } = pdfs.get(ISSUES[0]!)!;
  for (const delay of [0, 5, 20]) {
    const controller = new AbortController();
    let pagesRead = 0;
    const reading = readPdfText(pdf, {
      signal: controller.signal,
      // Cancelled while the next page is being read (pdf.js's own calls never settle once its task is destroyed).
      onProgress: (done) => {
        pagesRead = done;
        if (done === 1) setTimeout(() => controller.abort(), delay);
      },
    });
    await expect(reading).rejects.toMatchObject({ problem: 'cancelled' });
    expect(pagesRead).toBeGreaterThanOrEqual(1);
  }
});
