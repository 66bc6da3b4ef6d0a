/**
 * The import part of the IPC contract: a file (PDF, text or signed `.valise` pack) is sent in
 * chunks, analysed by a job the page follows and may cancel, reviewed with corrections, then saved
 * into the user's library. Shapes here are public, like the rest of the contract.
 */
import { z } from './zod.std';
import { ItemKey } from './item-key.std';

/** The largest file an import takes: a PDF with its photographs. Text and packs are far smaller. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/** Bytes per chunk: base64 of it stays well under the contract's request limit. */
export const IMPORT_CHUNK_BYTES = 36 * 1024;

export const UploadId = z.string().regex(/^u[0-9a-f]{16}$/, 'not an upload id');
export const JobId = z.string().regex(/^j[0-9a-f]{16}$/, 'not a job id');

/** What a reviewer may correct: the issue's facts the layout cannot state. Words stay the newsletter's. */
export const Corrections = z
  .object({
    number: z.number().int().min(1).max(10_000).nullable().optional(),
    year: z.number().int().min(1990).max(2100).optional(),
    date: z
      .string()
      .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date such as 2021, 2021-03 or 2021-03-15')
      .optional(),
    dateNote: z.string().max(2_000).optional(),
    asOf: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
    title: z.string().min(1).max(300).optional(),
    firstPage: z.number().int().min(1).max(1_000).optional(),
    organisations: z
      .array(
        z
          .object({
            name: z.string().min(2).max(200),
            acronym: z.string().max(20).optional(),
            aliases: z.array(z.string().max(200)).max(10).optional(),
          })
          .strict(),
      )
      .max(200)
      .optional(),
  })
  .strict();
export type Corrections = z.infer<typeof Corrections>;

const Named = z.object({ key: z.string(), name: z.string(), detail: z.string().nullable() });

const Int = z.number().int();
export const WordAccount = z.object({
  total: Int,
  kept: Int,
  dropped: z.array(
    z.object({ reason: z.string(), words: Int, lines: z.array(z.object({ page: Int, text: z.string() })) }),
  ),
  unaccounted: z.array(z.object({ page: Int, text: z.string(), words: Int })),
  pages: z.array(
    z.object({ page: Int, total: Int, kept: Int, dropped: Int, unaccounted: Int, sections: z.array(z.string()) }),
  ),
});
export type WordAccount = z.infer<typeof WordAccount>;

/**
 * What the review warns about: words in no section and no drop list; a title that is a person's
 * name; no number where the first page prints one; a page none of whose words were kept; a section
 * with no title; an event titled by a date or a bullet; a figure of zero.
 */
export const REVIEW_WARNINGS = [
  'unaccounted',
  'title-is-person',
  'number-not-read',
  'page-without-text',
  'untitled-section',
  'event-title-is-date',
  'zero-figure',
] as const;
export type ReviewWarning = { kind: (typeof REVIEW_WARNINGS)[number]; subject: string; page: number | null };

export const IssueDraft = z.object({
  key: z.string(),
  number: z.number().int().nullable(),
  year: z.number().int(),
  date: z.string().nullable(),
  title: z.string(),
  firstPage: z.number().int(),
  sections: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      kicker: z.string().nullable(),
      page: z.number().int(),
      paragraphs: z.number().int(),
      /** The section's paragraphs as read, for the reviewer to see scrambled columns before saving (added in #29). */
      texts: z.array(z.object({ kind: z.string(), text: z.string(), page: z.number().int() })).optional(),
    }),
  ),
  people: z.array(Named),
  organisations: z.array(Named),
  events: z.array(Named),
  figures: z.array(Named),
  contacts: z.array(Named),
  /** The issue of the library with the same key or the same file, if any. */
  duplicate: z.object({ key: z.string(), title: z.string(), bundled: z.boolean() }).nullable(),
  /** What the pipeline reports it found and what the overlay (layout, corrections) changed. */
  found: z.array(z.string()),
  /**
   * What the PDF's layout found by position (null for a text or a pack): the shaded side boxes, and
   * the lines left out of the running text, page numbers and running header or footer lines apart,
   * for the page to say in its language. Added after `found`, which says the same in English.
   */
  layout: z
    .object({ boxes: z.number().int(), pageNumbers: z.number().int(), runningHeaders: z.number().int() })
    .nullable()
    .optional(),
  /**
   * Every word of the source accounted for (#29): how many were kept in titles and paragraphs, the
   * dropped ones by reason (running header, page number, masthead…) with their lines and pages,
   * what is in neither (shown, and saving then asks for `confirmUnaccounted`), and per page.
   */
  words: WordAccount.optional(),
  /** What looks wrong and the reviewer should look at (#29): each with what it is about and its page, if any. */
  warnings: z
    .array(z.object({ kind: z.enum(REVIEW_WARNINGS), subject: z.string(), page: z.number().int().nullable() }))
    .optional(),
});
export type IssueDraft = z.infer<typeof IssueDraft>;

export const ImportPreview = z.object({
  kind: z.enum(['pdf', 'text', 'pack']),
  sourceName: z.string(),
  pages: z.number().int().nullable(),
  /** Who signed a pack (the trusted key's id); null for a PDF or text. */
  signer: z.string().nullable(),
  issues: z.array(IssueDraft),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportJob = z.object({
  jobId: z.string(),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  step: z.enum(['reading', 'extracting', 'checking', 'done']),
  done: z.number().int(),
  total: z.number().int(),
  preview: ImportPreview.nullable(),
  /** Why the file was refused, in words a user can act on. */
  error: z.string().nullable(),
  /** The refusal's id in common/contract/messages.std.ts and its parameters, to show it in French (added in 0.4). */
  errorId: z.string().optional(),
  errorParams: z.record(z.string(), z.string()).optional(),
});
export type ImportJob = z.infer<typeof ImportJob>;

export const ImportedIssue = z.object({
  key: z.string(),
  title: z.string(),
  sourceName: z.string(),
  sourceKind: z.enum(['pdf', 'text', 'pack']),
  importedAt: z.string(),
});
export type ImportedIssue = z.infer<typeof ImportedIssue>;

export const importContract = {
  'import:begin': {
    args: z.object({ name: z.string().min(1).max(255), size: z.number().int().min(1).max(MAX_IMPORT_BYTES) }).strict(),
    result: z.object({ uploadId: z.string() }),
  },
  'import:chunk': {
    args: z
      .object({
        uploadId: UploadId,
        index: z.number().int().min(0),
        data: z
          .string()
          .max(Math.ceil(IMPORT_CHUNK_BYTES / 3) * 4)
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64'),
      })
      .strict(),
    result: z.object({ received: z.number().int() }),
  },
  'import:analyse': {
    args: z.object({ uploadId: UploadId, corrections: Corrections.optional() }).strict(),
    result: z.object({ jobId: z.string() }),
  },
  'import:progress': { args: z.object({ jobId: JobId }).strict(), result: ImportJob },
  'import:cancel': { args: z.object({ jobId: JobId }).strict(), result: z.object({ cancelled: z.boolean() }) },
  'import:save': {
    /** `confirmUnaccounted`: saves an issue some of whose words are in no section and no drop list (added in #29). */
    args: z
      .object({
        jobId: JobId,
        onDuplicate: z.enum(['replace', 'keep-both']).optional(),
        confirmUnaccounted: z.boolean().optional(),
      })
      .strict(),
    result: z.object({ keys: z.array(z.string()) }),
  },
  'import:list': { args: z.object({}).strict(), result: z.array(ImportedIssue) },
  'import:remove': {
    args: z.object({ key: ItemKey }).strict(),
    result: z.object({ orphanedBookmarks: z.number().int() }),
  },
  'packs:export': {
    args: z.object({ keys: z.array(ItemKey).min(1).max(500).optional() }).strict(),
    result: z.object({ fileName: z.string(), content: z.string(), count: z.number().int(), signer: z.string() }),
  },
} as const;
