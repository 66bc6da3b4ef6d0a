/**
 * Page breaks survive in the extracted text only as a line that starts with one space right after
 * a non-blank line (lines that start with a space after a blank line are indented paragraphs or
 * lost bullets). The first line of the file starts the first page.
 */
export interface Page {
  /** 0-based index in the file; the printed page number is index + the first page. */
  index: number;
  /** 1-based line number of the page's first line in the source. */
  firstLine: number;
  lines: string[];
}

export function isBlank(line: string): boolean {
  return line.trim() === '';
}

export function splitPages(text: string): Page[] {
  const lines = text.split('\n');
  const pages: Page[] = [];
  let current: Page | null = null;
  lines.forEach((line, i) => {
    const previous = lines[i - 1] ?? '';
    const startsPage = i === 0 || (/^ \s?\S/.test(line) && !isBlank(previous));
    if (startsPage || current === null) {
      current = { index: pages.length, firstLine: i + 1, lines: [] };
      pages.push(current);
    }
    current.lines.push(line);
  });
  return pages.filter((page) => page.lines.some((line) => !isBlank(line)));
}
