/**
 * PDF reading, extraction and the library's build off the main thread (#14): with the analysis
 * worker, an import reads its PDF in the worker. Here the main thread's PDF reader is replaced by
 * one that refuses (vi.mock reaches only this thread; the worker, run by tsx, loads the real one),
 * so an import that reads on the main thread fails. The worker's import gives what an in-process
 * import gives, and a search asked while the PDF is read answers before the reading is done.
 */
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openServices } from '../../main/services/create.node';
import type { WorkerEntry } from '../../main/services/workers/worker-rpc.node';
import { analyseFile } from '../../main/services/import/import.node';
import { ASSETS, contentDb, tempDir } from '../support/content';
import { newsletterPdf } from '../support/newsletter-pdf';

vi.mock('../../main/services/import/pdf-text.node', async (original) => ({
  ...(await original<Record<string, unknown>>()),
  readPdfText: () => Promise.reject(new Error('the main thread read a PDF')),
}));

const WORKER: WorkerEntry = {
  file: join(__dirname, '..', '..', 'main', 'services', 'workers', 'analysis-worker.node.ts'),
  execArgv: ['--import', 'tsx'],
};

function open(worker: WorkerEntry | null) {
  return openServices({ contentDbPath: contentDb(), userDataDir: tempDir(), appVersion: 'test', host: 'web', worker });
}

describe('the analysis worker', { timeout: 120_000 }, () => {
  it('is what reads the PDF: on the main thread the reader refuses here', async () => {
    const { pdf } = await newsletterPdf(join(ASSETS, '000_1e644c5006785efa.txt'));
    await expect(analyseFile('issue.pdf', pdf, { trustedKeys: new Map() })).rejects.toThrow(
      'the main thread read a PDF',
    );
    const inProcess = open(null);
    const job = inProcess.services.imports.analyse(inProcess.services.imports.stage('issue.pdf', pdf));
    await job.finished;
    expect(inProcess.services.imports.progress(job.jobId).error).toContain('the main thread read a PDF');
    await inProcess.close();
  });

  it('imports a PDF as an in-process import would, and the issue is searchable once saved', async () => {
    const { pdf, corrections } = await newsletterPdf(join(ASSETS, '000_1e644c5006785efa.txt'));
    const s = open(WORKER);
    const { imports, search } = s.services;
    const job = imports.analyse(imports.stage('issue.pdf', pdf), { ...corrections, number: 70 });
    // Asked while the worker reads the PDF: answered now, not after the import.
    const asked = await search.search({ query: 'Charpentier' });
    expect(imports.progress(job.jobId).state).toBe('running');
    expect(asked.total).toBeGreaterThan(0);
    await job.finished;
    const done = imports.progress(job.jobId);
    expect(done.error).toBeNull();
    const draft = done.preview!.issues[0]!;
    expect(draft.key).toBe('2018-no-70');
    expect(draft.sections.length).toBeGreaterThan(5);
    expect(draft.people.map((p) => p.name)).toContain('Caroline Charpentier');
    const { keys } = await imports.save(job.jobId);
    expect(keys).toEqual(['2018-no-70']);
    expect((await search.search({ query: 'Charpentier', issue: '2018-no-70' })).total).toBeGreaterThan(0);
    expect(s.services.content.getIssue('2018-no-70')!.sections.map((x) => x.title)).toEqual(
      draft.sections.map((x) => x.title),
    );
    await s.close();
  });

  it('says why a file is refused, in the worker as in-process', async () => {
    const s = open(WORKER);
    const job = s.services.imports.analyse(s.services.imports.stage('notes.pdf', Buffer.from('not a PDF at all')));
    await job.finished;
    const failed = s.services.imports.progress(job.jobId);
    expect(failed.state).toBe('failed');
    expect(failed.errorId).toMatch(/^import\./);
    await s.close();
  });
});
