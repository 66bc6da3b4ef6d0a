/**
 * A bookmark's note: plain text in which `**bold**` and `*italic*` are marks, nothing else. The
 * page shows the marks as such (renderer/src/bookmarks/Note.dom.tsx); a file for another program
 * (.ics, .vcf) takes the text without them.
 */

/** A line cut into its marked and plain parts: `**bold**`, `*italic*`, and the text between. */
export const NOTE_MARKS = /(\*\*[^*]+\*\*|\*[^*]+\*)/g;

/** What a mark holds, or null for plain text. */
export function markOf(part: string): { bold: boolean; text: string } | null {
  if (part.startsWith('**') && part.endsWith('**') && part.length > 4) return { bold: true, text: part.slice(2, -2) };
  if (part.startsWith('*') && part.endsWith('*') && part.length > 2) return { bold: false, text: part.slice(1, -1) };
  return null;
}

/** The note as plain text: each mark replaced by the words it holds. */
export function plainNote(note: string): string {
  return note
    .split('\n')
    .map((line) =>
      line
        .split(NOTE_MARKS)
        .map((part) => markOf(part)?.text ?? part)
        .join(''),
    )
    .join('\n');
}
