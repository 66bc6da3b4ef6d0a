/**
 * The channel names of the IPC contract, without their schemas, so that the preload can check a
 * channel name without bundling zod. contract.std.ts proves at compile time that the two agree.
 */
export const CHANNELS = [
  'app:info',
  'app:reportError',
  'app:setLanguage',
  'content:listIssues',
  'content:getIssue',
  'content:getEntity',
  'content:listEntities',
  'content:exportEvents',
  'search:query',
  'bookmarks:list',
  'bookmarks:add',
  'bookmarks:update',
  'bookmarks:tag',
  'bookmarks:remove',
  'bookmarks:restore',
  'bookmarks:export',
  'bookmarks:import',
  'bookmarks:status',
  'import:begin',
  'import:chunk',
  'import:analyse',
  'import:progress',
  'import:cancel',
  'import:save',
  'import:list',
  'import:remove',
  'packs:export',
] as const;
export type Channel = (typeof CHANNELS)[number];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
}

/** Upper bound on one request's serialised arguments; larger ones are refused unread. */
export const MAX_REQUEST_BYTES = 64 * 1024;

/** The single Electron IPC channel name prefix; every contract channel is sent as `valise:<channel>`. */
// Stryker disable next-line StringLiteral: equivalent, main and the preload take the same constant, so any name works (#27)
export const IPC_PREFIX = 'valise:';

/** The one channel main uses to tell the page something (menu actions); see app-events.std.ts. */
// Stryker disable next-line StringLiteral: equivalent, main and the preload take the same constant, so any name works (#27)
export const APP_EVENT_CHANNEL = 'valise:event';
