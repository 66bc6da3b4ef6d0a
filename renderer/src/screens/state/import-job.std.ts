/**
 * The import screen's job (Import.dom.tsx, useImportJob), pure: where the import stands, what a
 * finished job leads to, the reviewer's corrections read from the form, and a chunk's encoding.
 */
import type { Corrections, ImportJob } from '../../../../common/contract/import.std';
import { saysNothingChanged, type LocalisedMessage } from '../../../../common/contract/messages.std';

export type Stage =
  | { name: 'choose' }
  | { name: 'sending'; file: string; sent: number; size: number }
  | { name: 'reading'; uploadId: string; job: ImportJob }
  | { name: 'review'; uploadId: string; job: ImportJob; refused?: string }
  | { name: 'saved'; keys: string[] }
  | { name: 'failed'; message: string; uploadId?: string; saysNothingChanged?: boolean };

export type Reviewing = Extract<Stage, { name: 'review' }>;

/** Refusals of a reviewer's correction: the review stays, with the reason, for the reviewer to change it. */
export const CORRECTION_REFUSALS: ReadonlySet<string> = new Set([
  'import.title-not-in-text',
  'import.organisation-not-in-text',
]);

/** Bytes per call to String.fromCharCode, under the engines' limit on a call's arguments. */
const BASE64_SLICE = 0x8000;

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += BASE64_SLICE)
    binary += String.fromCharCode(...bytes.subarray(i, i + BASE64_SLICE));
  return btoa(binary);
}

/**
 * Where a job that is no longer running leaves the screen: its review when done, the chooser when
 * cancelled, the same review with the reason when a correction (`reviewing`) was refused, and
 * otherwise the failure, with main's reason in the interface language (`say`) or `unreadable`,
 * and whether that reason already says nothing was changed (a pack refusal does).
 */
export function stageAfterJob(
  job: ImportJob,
  uploadId: string,
  reviewing: Reviewing | undefined,
  say: (message: LocalisedMessage) => string,
  unreadable: string,
): Stage {
  if (job.state === 'done') return { name: 'review', uploadId, job };
  if (job.state === 'cancelled') return { name: 'choose' };
  if (reviewing && job.errorId && CORRECTION_REFUSALS.has(job.errorId))
    return { ...reviewing, refused: say({ message: job.error!, messageId: job.errorId, params: job.errorParams }) };
  if (!job.error) return { name: 'failed', message: unreadable };
  return {
    name: 'failed',
    message: say({ message: job.error, messageId: job.errorId, params: job.errorParams }),
    saysNothingChanged: saysNothingChanged(job.errorId),
  };
}

/** The reviewer's corrections from the draft's form fields (`field(name)`, trimmed): an empty title keeps the draft's, an empty number is none, an empty date is not sent. */
export function correctionsOf(field: (name: string) => string, draftTitle: string): Corrections {
  const number = field('number');
  const date = field('date');
  return {
    title: field('title') || draftTitle,
    number: number ? Number(number) : null,
    year: Number(field('year')),
    firstPage: Number(field('firstPage')),
    ...(date ? { date } : {}),
  };
}
