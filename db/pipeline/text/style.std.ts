/**
 * The typeset page's cues for one source line, where the text came from a PDF: the size it is set
 * in (against the document's body text), its weight and slant, and its font. The PDF reader gives
 * them (pdf-layout.std.ts, kept in the overlay's `styles`); the text reader has none, and the
 * structure stage then reads the text's own conventions (blank lines, indents, capitals).
 */
import { z } from '../../../common/contract/zod.std';

export interface LineStyle {
  /** Font size over the body text's: 1 is the running text, 1.6 a title. */
  size: number;
  bold: boolean;
  italic: boolean;
  /** The font's name, as the PDF gives it ("NimbusRomNo9L-Medi"). */
  font: string;
}

/** Per source line: [size over the body's, index in `fonts`, flags (1 bold, 2 italic)]. */
export const LineStyles = z
  .object({
    fonts: z.array(z.string().max(200)).max(500),
    lines: z.record(
      z.string().regex(/^\d+$/),
      z.tuple([z.number().min(0).max(100), z.number().int().min(0), z.number().int().min(0).max(3)]),
    ),
  })
  .strict();
export type LineStyles = z.infer<typeof LineStyles>;

const BOLD = 1;
const ITALIC = 2;
/** Weights and slants in a font's name: "Times-Bold", "NimbusRomNo9L-Medi", "Arial,BoldItalic", "LiberationSerif-Italic". */
const BOLD_NAME = /bold|black|heavy|semibold|demi|medi(um)?\b|-bd\b|,b$/i;
const ITALIC_NAME = /italic|oblique|-it\b|-bdit\b|ital\b|,i$/i;

/** What a font's name says of its weight and slant, as the flags of LineStyles. */
export function faceOf(font: string): number {
  return (BOLD_NAME.test(font) ? BOLD : 0) | (ITALIC_NAME.test(font) ? ITALIC : 0);
}

/** One line's style from the overlay's table, or null where the text gives none. */
export function styleOf(styles: LineStyles | undefined, line: number): LineStyle | null {
  const entry = styles?.lines[String(line)];
  if (!entry) return null;
  const [size, font, flags] = entry;
  return { size, bold: (flags & BOLD) !== 0, italic: (flags & ITALIC) !== 0, font: styles!.fonts[font] ?? '' };
}

/** Set larger than the running text: a title, a cover headline (a subheading is set at most this much larger). */
export const TITLE_SIZE = 1.3;
/** Set larger, or bold, than the running text: a heading of some level. */
export const HEADING_SIZE = 1.12;
/** Set smaller than the running text: small print, a caption, a footnote. */
export const SMALL_SIZE = 0.92;

export const isTitleStyle = (style: LineStyle | null): boolean => style !== null && style.size >= TITLE_SIZE;
export const isHeadingStyle = (style: LineStyle | null): boolean =>
  style !== null && (style.size >= HEADING_SIZE || (style.bold && style.size >= SMALL_SIZE));
export const isSmallStyle = (style: LineStyle | null): boolean => style !== null && style.size <= SMALL_SIZE;
