/** A line of a PDF's first page as the structure stage reads it (SourceLine), with its style. */
import type { SourceLine } from '../../db/pipeline/text/lines.std';

export interface LineLook {
  /** In the body's size (1 is the running text's). */
  size?: number;
  bold?: boolean;
  italic?: boolean;
  box?: SourceLine['box'];
  family?: string;
}

export function styledLine(no: number, text: string, look: LineLook = {}): SourceLine {
  const { size = 1, bold = false, italic = false, box = null, family = 'Sans' } = look;
  return {
    no,
    text,
    pageIndex: 0,
    gapBefore: 1,
    indented: false,
    box,
    style: { size, bold, italic, font: bold ? `${family}-Bold` : family },
  };
}
