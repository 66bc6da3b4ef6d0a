/**
 * Events main sends to the page (from the native menu): the one message type that flows from
 * main to the renderer. The renderer validates each before acting on it.
 */
import { z } from './zod.std';

export { APP_EVENT_CHANNEL } from './channels.std';

export const AppEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('navigate'), to: z.string().regex(/^\/[\w\-/?=&%.]*$/) }),
  z.object({ type: z.literal('theme'), theme: z.enum(['light', 'dark', 'system']) }),
  z.object({
    type: z.literal('notice'),
    message: z.string().max(2_000),
    /** The message's id in common/contract/messages.std.ts and its parameters, to show it in French (added in 0.4). */
    messageId: z.string().max(100).optional(),
    params: z.record(z.string(), z.string().max(2_000)).optional(),
  }),
]);
export type AppEvent = z.infer<typeof AppEvent>;
