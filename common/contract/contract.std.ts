/**
 * The one IPC contract between the renderer and the main-process services. Main validates every
 * request against `args` where it enters (Electron's ipcMain or the development web host); the
 * renderer gets `result` back inside an Envelope. Changing a shape here is changing a public
 * interface: add fields, never repurpose them.
 */
import { z } from './zod.std';
import type { Channel } from './channels.std';
import { importContract } from './import.std';
import { ItemKey } from './item-key.std';
import { MESSAGE_LANGUAGES } from './messages.std';

export { ItemKey };

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

/** An entity a passage names, with the spellings under which it appears there (for links). */
export const Link = z.object({
  key: z.string(),
  type: z.string(),
  name: z.string(),
  spellings: z.array(z.string()),
});
export type Link = z.infer<typeof Link>;

export const Paragraph = z.object({
  key: z.string(),
  kind: z.string(),
  text: z.string(),
  /** The people, organisations, countries and documents this passage names (added in 0.2). */
  links: z.array(Link).optional(),
});
export type Paragraph = z.infer<typeof Paragraph>;

export const EntitySummary = z.object({
  key: z.string(),
  type: z.enum(['person', 'organisation', 'event', 'figure', 'contact', 'document', 'country']),
  name: z.string(),
  data: z.record(z.string(), z.unknown()),
  /** Countries named where it is mentioned (for an event, with its own country). */
  countries: z.array(z.string()),
  /** An event's own country, its place's, as a country key; null when the text places it nowhere (added in 0.5). */
  country: z.string().nullable().optional(),
  /** Issues it is mentioned in. */
  issues: z.array(z.string()),
});
export type EntitySummary = z.infer<typeof EntitySummary>;

export const IssueDetail = IssueSummary.extend({
  sourceFile: z.string(),
  sourceSha256: z.string(),
  dateNote: z.string().nullable().optional(),
  sections: z.array(SectionSummary.extend({ paragraphs: z.array(Paragraph) })),
  /** The issue's own facts at a glance: its figures, events and contacts (added in 0.2). */
  facts: z.array(EntitySummary).optional(),
});
export type IssueDetail = z.infer<typeof IssueDetail>;

export const Mention = z.object({
  key: z.string(),
  kind: z.string(),
  text: z.string(),
  sectionKey: z.string(),
  sectionTitle: z.string(),
  issueKey: z.string(),
  issueTitle: z.string(),
  page: z.number().int().nullable(),
});
export type Mention = z.infer<typeof Mention>;

export const Entity = z.object({
  key: z.string(),
  type: z.enum(['person', 'organisation', 'event', 'figure', 'contact', 'document', 'country']),
  name: z.string(),
  /** The type's own facts, as `cli dump` shows them. */
  data: z.record(z.string(), z.unknown()),
  mentions: z.array(Mention),
  /** Entities named in the same passages, and its contacts (added in 0.2). */
  related: z
    .array(z.object({ key: z.string(), type: z.string(), name: z.string(), data: z.record(z.string(), z.unknown()) }))
    .optional(),
});
export type Entity = z.infer<typeof Entity>;

export const BOOKMARK_TYPES = [
  'section',
  'passage',
  'person',
  'organisation',
  'event',
  'figure',
  'contact',
  'document',
  'country',
] as const;
export type BookmarkType = (typeof BOOKMARK_TYPES)[number];

/** What a bookmark remembers of its item, so it still reads well if the item vanishes. */
export const ItemSnapshot = z.object({
  key: z.string(),
  type: z.enum(BOOKMARK_TYPES),
  label: z.string(),
  snapshot: z.string(),
  issueKey: z.string().nullable(),
  sectionKey: z.string().nullable(),
  page: z.number().int().nullable(),
  eventStart: z.string().nullable(),
  countries: z.array(z.string()),
  /** The item's own country, an event's place's, from the archive as it is now; never stored (added in 0.5). */
  country: z.string().nullable().optional(),
});
export type ItemSnapshot = z.infer<typeof ItemSnapshot>;

export const Bookmark = ItemSnapshot.extend({
  id: z.number().int(),
  note: z.string(),
  tags: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The item is no longer in the archive: the bookmark shows its snapshot. */
  orphaned: z.boolean(),
});
export type Bookmark = z.infer<typeof Bookmark>;

export const UserDbStatus = z.object({
  readOnly: z.boolean(),
  notices: z.array(
    z.object({
      kind: z.string(),
      message: z.string(),
      damagedFile: z.string().optional(),
      restoredFrom: z.string().optional(),
      /** The message's id in common/contract/messages.std.ts and its parameters, to show it in French (added in 0.3). */
      messageId: z.string().optional(),
      params: z.record(z.string(), z.string()).optional(),
    }),
  ),
});

const Tag = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[^\n\r\t]+$/, 'a tag is one line');
const BookmarkIds = z.array(z.number().int().positive()).min(1).max(5_000);

export const AppInfo = z.object({
  version: z.string(),
  archiveVersion: z.string(),
  host: z.enum(['electron', 'web']),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const SEARCH_TYPES = [
  'section',
  'passage',
  'person',
  'organisation',
  'event',
  'figure',
  'contact',
  'document',
  'country',
] as const;

/** A search request. The query may be anything a person can type; main answers it, never fails on it. */
export const SearchQuery = z
  .object({
    query: z.string().max(10_000),
    types: z.array(z.enum(SEARCH_TYPES)).max(SEARCH_TYPES.length).optional(),
    issue: ItemKey.optional(),
    year: z.number().int().min(1900).max(2200).optional(),
    country: ItemKey.optional(),
    sort: z.enum(['relevance', 'date']).optional(),
    /** The last word is still being typed: match it as a prefix. */
    typing: z.boolean().optional(),
    limit: z.number().int().min(1).max(100).optional(),
    /**
     * A partial answer will do (added in 0.6, #26): while the full index is still loading after
     * launch, main answers at once from a small index of titles and names, marked `partial`; the
     * page then asks again without it and replaces the partial answer with the complete one.
     */
    partial: z.boolean().optional(),
  })
  .strict();
export type SearchQuery = z.infer<typeof SearchQuery>;

export const SearchHit = z.object({
  type: z.enum(SEARCH_TYPES),
  key: z.string(),
  title: z.string(),
  /** Plain text; the matched words are at `highlights` ([start, end) offsets into it). */
  snippet: z.string(),
  highlights: z.array(z.tuple([z.number().int(), z.number().int()])),
  score: z.number(),
  issue: z.string().nullable(),
  /** For a passage, the section it is in. */
  section: z.string().nullable(),
  /**
   * The highlights that answer a query word only through a translation or a typo (added in 0.5):
   * which highlight (its index in `highlights`), the word typed, and how (« réunions » → meetings).
   */
  loose: z
    .array(z.object({ highlight: z.number().int(), query: z.string(), via: z.enum(['translation', 'typo']) }))
    .optional(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResult = z.object({
  query: z.string(),
  tookMs: z.number(),
  hits: z.array(SearchHit),
  total: z.number().int(),
  /** Why there is nothing, or what was done to the query. */
  hint: z.string().nullable(),
  /** The hint's id in common/contract/messages.std.ts and its parameters, to show it in French (added in 0.4). */
  hintId: z.string().optional(),
  hintParams: z.record(z.string(), z.string()).optional(),
  /** Answered from the small index of titles and names while the full index loads (added in 0.6): complete it by asking again without `partial`. */
  partial: z.boolean().optional(),
});
export type SearchResult = z.infer<typeof SearchResult>;

const NoArgs = z.object({}).strict();

export const contract = {
  'app:info': { args: NoArgs, result: AppInfo },
  /** An error the page could not handle: main logs it; the page shows it and keeps running. */
  'app:reportError': {
    args: z
      .object({ message: z.string().max(2_000), stack: z.string().max(8_000).optional(), where: z.string().max(500) })
      .strict(),
    result: z.object({ logged: z.boolean() }),
  },
  /** The interface language chosen in Settings, for what main shows itself: menus, dialogs, file names (added in 0.4). */
  'app:setLanguage': {
    args: z.object({ language: z.enum(MESSAGE_LANGUAGES) }).strict(),
    result: z.object({ language: z.enum(MESSAGE_LANGUAGES) }),
  },
  'content:listIssues': { args: NoArgs, result: z.array(IssueSummary) },
  'content:getIssue': { args: z.object({ key: ItemKey }).strict(), result: IssueDetail },
  'content:getEntity': { args: z.object({ key: ItemKey }).strict(), result: Entity },
  'content:listEntities': {
    args: z
      .object({
        types: z
          .array(z.enum(['person', 'organisation', 'event', 'figure', 'contact', 'document', 'country']))
          .min(1)
          .max(7),
      })
      .strict(),
    result: z.array(EntitySummary),
  },
  /** The events a Calendar view shows, as one iCalendar file (added in 0.4). */
  'content:exportEvents': {
    args: z.object({ keys: z.array(ItemKey).min(1).max(500) }).strict(),
    /** `undated`: events known only to their month, left out of the file (added in 0.5). */
    result: z.object({
      fileName: z.string(),
      mimeType: z.string(),
      content: z.string(),
      count: z.number().int(),
      undated: z.number().int().optional(),
    }),
  },
  'search:query': { args: SearchQuery, result: SearchResult },
  'bookmarks:list': { args: NoArgs, result: z.array(Bookmark) },
  'bookmarks:add': { args: z.object({ key: ItemKey }).strict(), result: Bookmark },
  'bookmarks:update': {
    args: z
      .object({
        id: z.number().int().positive(),
        note: z.string().max(20_000).optional(),
        tags: z.array(Tag).max(50).optional(),
      })
      .strict(),
    result: Bookmark,
  },
  'bookmarks:tag': {
    args: z
      .object({ ids: BookmarkIds, add: z.array(Tag).max(50).default([]), remove: z.array(Tag).max(50).default([]) })
      .strict(),
    result: z.number().int(),
  },
  'bookmarks:remove': { args: z.object({ ids: BookmarkIds }).strict(), result: z.number().int() },
  'bookmarks:restore': { args: z.object({ ids: BookmarkIds }).strict(), result: z.number().int() },
  'bookmarks:export': {
    args: z.object({ format: z.enum(['json', 'ics', 'vcf']), ids: BookmarkIds.optional() }).strict(),
    /** `undated`: for .ics, bookmarked events known only to their month, left out of the file (added in 0.5). */
    result: z.object({
      fileName: z.string(),
      mimeType: z.string(),
      content: z.string(),
      count: z.number().int(),
      undated: z.number().int().optional(),
    }),
  },
  'bookmarks:import': {
    args: z.object({ content: z.string().max(50_000) }).strict(),
    result: z.object({ added: z.number().int(), merged: z.number().int() }),
  },
  'bookmarks:status': { args: NoArgs, result: UserDbStatus },
  ...importContract,
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
