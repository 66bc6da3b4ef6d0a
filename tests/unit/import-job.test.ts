/** The import screen's job, pure (renderer/src/screens/state/import-job.std.ts, #25). */
import { describe, expect, it } from 'vitest';
import type { ImportJob } from '../../common/contract/import.std';
import type { LocalisedMessage } from '../../common/contract/messages.std';
import {
  correctionsOf,
  stageAfterJob,
  toBase64,
  type Reviewing,
} from '../../renderer/src/screens/state/import-job.std';

const job = (over: Partial<ImportJob>): ImportJob => ({
  jobId: 'j1',
  state: 'done',
  step: 'done',
  done: 1,
  total: 1,
  preview: null,
  error: null,
  ...over,
});
/** Says a message by its id, so a test sees which message was chosen and with what. */
const say = (m: LocalisedMessage) => `[${m.messageId ?? '-'}] ${m.message} ${JSON.stringify(m.params ?? {})}`;
const UNREADABLE = 'The file could not be read.';

describe('stageAfterJob', () => {
  const reviewing: Reviewing = { name: 'review', uploadId: 'u1', job: job({ jobId: 'j0' }) };

  it('opens the review of a job done, and the chooser after a cancel', () => {
    const done = job({});
    expect(stageAfterJob(done, 'u1', undefined, say, UNREADABLE)).toEqual({
      name: 'review',
      uploadId: 'u1',
      job: done,
    });
    expect(stageAfterJob(job({ state: 'cancelled' }), 'u1', reviewing, say, UNREADABLE)).toEqual({ name: 'choose' });
  });

  it('keeps the review, with the reason, when a correction is refused', () => {
    const refused = job({
      state: 'failed',
      error: 'The title is not in the text.',
      errorId: 'import.title-not-in-text',
      errorParams: { title: 'X' },
    });
    expect(stageAfterJob(refused, 'u1', reviewing, say, UNREADABLE)).toEqual({
      ...reviewing,
      refused: '[import.title-not-in-text] The title is not in the text. {"title":"X"}',
    });
  });

  it('fails with the reason when the refusal is not a correction’s, or no review was open', () => {
    const refused = job({
      state: 'failed',
      error: 'The title is not in the text.',
      errorId: 'import.title-not-in-text',
    });
    expect(stageAfterJob(refused, 'u1', undefined, say, UNREADABLE)).toEqual({
      name: 'failed',
      message: '[import.title-not-in-text] The title is not in the text. {}',
      saysNothingChanged: false,
    });
    const other = job({ state: 'failed', error: 'Not a PDF.', errorId: 'import.not-pdf' });
    expect(stageAfterJob(other, 'u1', reviewing, say, UNREADABLE)).toEqual({
      name: 'failed',
      message: '[import.not-pdf] Not a PDF. {}',
      saysNothingChanged: false,
    });
    const pack = job({
      state: 'failed',
      error: 'This pack is refused: it is not signed. Nothing was changed.',
      errorId: 'pack.not-signed',
    });
    expect(stageAfterJob(pack, 'u1', reviewing, say, UNREADABLE)).toMatchObject({
      name: 'failed',
      saysNothingChanged: true,
    });
  });

  it('says the file could not be read when main gave no reason', () => {
    expect(stageAfterJob(job({ state: 'failed' }), 'u1', reviewing, say, UNREADABLE)).toEqual({
      name: 'failed',
      message: UNREADABLE,
    });
  });
});

describe('correctionsOf', () => {
  const form = (fields: Record<string, string>) => (name: string) => fields[name] ?? '';

  it('reads the numbers and the date from the form', () => {
    expect(
      correctionsOf(
        form({ title: 'Summer 2018', number: '10', year: '2018', firstPage: '3', date: '2018-07' }),
        'Draft',
      ),
    ).toEqual({
      title: 'Summer 2018',
      number: 10,
      year: 2018,
      firstPage: 3,
      date: '2018-07',
    });
  });

  it('keeps the draft’s title for an empty one, sends no number for an empty one, and no date', () => {
    expect(correctionsOf(form({ year: '2021', firstPage: '1' }), 'Draft title')).toEqual({
      title: 'Draft title',
      number: null,
      year: 2021,
      firstPage: 1,
    });
  });
});

describe('toBase64', () => {
  it('encodes bytes as Node does, across more than one slice', () => {
    const bytes = new Uint8Array(0x8000 * 2 + 5).map((_, i) => (i * 7) % 256);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    expect(toBase64(new Uint8Array([104, 105]))).toBe('aGk=');
  });
});
