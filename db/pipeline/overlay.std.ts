/**
 * The editorial overlay: a small reviewed file beside a raw issue (`<name>.overlay.json`) that
 * settles what the text cannot. It never adds words: it states facts the text implies (the page
 * count lost with the cover, the issue's date), restores the reading order of lines the
 * two-column layout interleaved, says which lines form a side box, and drops page furniture with
 * a reason. Anything it does not name is left to the automatic pipeline. Unknown fields are refused,
 * so a typo is an error rather than a silent no-op.
 */
import { z } from '../../common/contract/zod.std';
import { LineStyles } from './text/style.std';

/** A source line number or an inclusive range, 1-based: "12" or "12-30". */
export const LineRange = z.string().regex(/^\d+(-\d+)?$/, 'a line number or range such as "12-30"');

export const BOX_KINDS = ['deck', 'key-figures', 'question', 'quote', 'caption', 'calendar', 'contact', 'box'] as const;
export type BoxKind = (typeof BOX_KINDS)[number];

export const Overlay = z
  .object({
    /** Printed number of the first page present in the text (a missing cover makes it 2). */
    firstPage: z.number().int().min(1).optional(),
    number: z.number().int().min(1).nullable().optional(),
    year: z.number().int().min(1990).max(2100).optional(),
    /** ISO date, year-month or year of publication, and the passage that supports it. */
    date: z
      .string()
      .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
      .optional(),
    dateNote: z.string().optional(),
    /** The issue's title, which must be words of the issue itself. */
    title: z.string().min(1).optional(),
    /** Reading order restored: within lines from..to, the listed ranges in this order. */
    reorder: z.array(z.object({ note: z.string(), order: z.array(LineRange).min(1) }).strict()).default([]),
    /** Lines that form a side box of one kind, not running text. */
    boxes: z.array(z.object({ kind: z.enum(BOX_KINDS), lines: z.array(LineRange).min(1) }).strict()).default([]),
    /** Organisations the text names without defining an acronym; each name must occur in the text. */
    organisations: z
      .array(
        z
          .object({ name: z.string().min(2), acronym: z.string().optional(), aliases: z.array(z.string()).optional() })
          .strict(),
      )
      .default([]),
    /** The date the issue speaks from, for past and coming events, and the passage that supports it. */
    asOf: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
    /** Lines that are not the newsletter's content (page furniture), each with why. */
    drop: z.array(z.object({ lines: LineRange, reason: z.string().min(3) }).strict()).default([]),
    /** The typeset page's cues per line (size, weight, font), where the text was read from a PDF. */
    styles: LineStyles.optional(),
  })
  .strict();
export type Overlay = z.input<typeof Overlay>;
export type ParsedOverlay = z.output<typeof Overlay>;

export function expandRange(range: string): number[] {
  const [from, to = from] = range.split('-').map(Number) as [number, number?];
  const lines: number[] = [];
  for (let n = from; n <= to!; n++) lines.push(n);
  return lines;
}

/** Text compared for the overlay's rules: white space as one space, a word cut at a line end joined, apostrophes alike. */
const comparable = (text: string) =>
  text
    .replace(/(\p{L})-\s*\n\s*(\p{Ll})/gu, '$1$2')
    .replace(/\s+/g, ' ')
    .replace(/’/g, "'")
    .toLowerCase();

/** The first organisation name or alias that does not occur in the issue's text, or null. */
export function organisationNotInText(
  text: string,
  organisations: readonly { name: string; aliases?: string[] }[],
): string | null {
  const body = comparable(text);
  for (const org of organisations) {
    for (const name of [org.name, ...(org.aliases ?? [])]) if (!body.includes(comparable(name))) return name;
  }
  return null;
}

/**
 * Why the overlay's organisations cannot be taken, or null: each name, and each alias, must occur
 * in the issue's text, since the overlay never adds words.
 */
export function organisationsRefusal(text: string, organisations: ParsedOverlay['organisations']): string | null {
  const name = organisationNotInText(text, organisations);
  return name === null ? null : `the organisation “${name}” does not occur in the text of the issue`;
}

/** The words of a title that are not words of the issue's text (none for a title the issue's words make). */
export function titleWordsNotInText(text: string, title: string): string[] {
  const words = new Set(comparable(text).match(/\p{L}[\p{L}'-]*/gu) ?? []);
  return (comparable(title).match(/\p{L}[\p{L}'-]*/gu) ?? []).filter((w) => !words.has(w));
}

/**
 * Why a title cannot be the issue's, or null: a title is words of the issue, each of them found
 * in its text (the overlay states facts, it never writes).
 */
export function titleRefusal(text: string, title: string): string | null {
  const missing = titleWordsNotInText(text, title);
  return missing.length
    ? `the title is not words of the issue (${missing.map((w) => `“${w}”`).join(', ')} not in its text)`
    : null;
}

/** Why an editorial overlay breaks one of its rules (organisations in the text, a title of its words), or null. */
export function overlayRefusal(text: string, input: Overlay): string | null {
  const parsed = Overlay.safeParse(input);
  if (!parsed.success) return null; // the extraction reports what is malformed
  return (
    organisationsRefusal(text, parsed.data.organisations) ??
    (parsed.data.title ? titleRefusal(text, parsed.data.title) : null)
  );
}
