import { z } from './zod.std';

/** Stable keys are slugs derived from content: lowercase ASCII, digits, `-`, `.` and `/` between parts. */
export const ItemKey = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[a-z0-9][a-z0-9.-]*(\/[a-z0-9][a-z0-9.-]*)*$/, 'not an item key');
