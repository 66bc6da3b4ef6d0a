/**
 * The editorial overlay: a small reviewed file beside a raw issue (`<name>.overlay.json`) that
 * settles what the text cannot (the missing cover's page count, a title set only in the artwork).
 * Anything it does not name is left to extraction. Unknown fields are refused so a typo in a key
 * is an error, not a silent no-op.
 */
import { z } from 'zod';

export const Overlay = z
  .object({
    /** Printed number of the first page present in the text (a missing cover makes it 2). */
    firstPage: z.number().int().min(1).optional(),
    number: z.number().int().min(1).nullable().optional(),
    year: z.number().int().min(1990).max(2100).optional(),
    /** ISO date, year-month or year, and why the text supports it. */
    date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/).optional(),
    dateNote: z.string().optional(),
    title: z.string().min(1).optional(),
  })
  .strict();
export type Overlay = z.infer<typeof Overlay>;
