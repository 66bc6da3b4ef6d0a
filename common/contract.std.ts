/**
 * The one IPC contract between the renderer and the main-process services. Main validates every
 * request against `args` where it enters (Electron's ipcMain or the development web host); the
 * renderer gets `result` back inside an Envelope. Changing a shape here is changing a public
 * interface: add fields, never repurpose them.
 */
import { z } from 'zod';
import type { Channel } from './channels.std';

/** Stable keys are slugs derived from content: lowercase ASCII, digits, `-`, `.` and `/` between parts. */
export const ItemKey = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[a-z0-9][a-z0-9.-]*(\/[a-z0-9][a-z0-9.-]*)*$/, 'not an item key');

export const SectionSummary = z.object({
  key: z.string(),
  title: z.string(),
  kicker: z.string().nullable(),
  page: z.number().int().nullable(),
});
export type SectionSummary = z.infer<typeof SectionSummary>;

export const IssueSummary = z.object({
  key: z.string(),
  number: z.number().int().nullable(),
  year: z.number().int(),
  date: z.string().nullable(),
  title: z.string(),
  sections: z.array(SectionSummary),
});
export type IssueSummary = z.infer<typeof IssueSummary>;

export const Paragraph = z.object({
  key: z.string(),
  kind: z.string(),
  text: z.string(),
});
export type Paragraph = z.infer<typeof Paragraph>;

export const IssueDetail = IssueSummary.extend({
  sourceFile: z.string(),
  sourceSha256: z.string(),
  sections: z.array(SectionSummary.extend({ paragraphs: z.array(Paragraph) })),
});
export type IssueDetail = z.infer<typeof IssueDetail>;

export const AppInfo = z.object({
  version: z.string(),
  archiveVersion: z.string(),
  host: z.enum(['electron', 'web']),
});
export type AppInfo = z.infer<typeof AppInfo>;

const NoArgs = z.object({}).strict();

export const contract = {
  'app:info': { args: NoArgs, result: AppInfo },
  'content:listIssues': { args: NoArgs, result: z.array(IssueSummary) },
  'content:getIssue': { args: z.object({ key: ItemKey }).strict(), result: IssueDetail },
} as const satisfies Record<Channel, { args: z.ZodType; result: z.ZodType }>;

// Fails to compile if channels.std.ts lists a channel the contract lacks, or the reverse.
type ContractChannel = keyof typeof contract;
export const channelListMatchesContract: [ContractChannel] extends [Channel]
  ? [Channel] extends [ContractChannel]
    ? true
    : never
  : never = true;

export type Args<C extends Channel> = z.input<(typeof contract)[C]['args']>;
export type Result<C extends Channel> = z.output<(typeof contract)[C]['result']>;
