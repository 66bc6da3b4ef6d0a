/**
 * Lays a bundled issue out as a PDF, the way the newsletter is printed: each page's opening title
 * centred across the page, the text below in two columns, side boxes shaded, the page number at
 * the foot. Every printed line is one of the issue's kept source lines, in reading order, with its
 * blank lines as vertical space: an import that reads the layout right finds the bundled issue.
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFPage } from 'pdf-lib';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { readOverlay } from '../../db/build-content.node';
import { extractIssue } from '../../db/pipeline/extract-issue.std';
import { readingOrder, type SourceLine } from '../../db/pipeline/text/lines.std';
import { Overlay } from '../../db/pipeline/overlay.std';
import { readSource } from '../../db/pipeline/source/source.node';

/** DejaVu from the npm registry (dejavu-fonts-ttf), the same fonts on every machine the tests run on. */
const FONTS = join(dirname(createRequire(__filename).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const SIZE = 7;
const TITLE_SIZE = 9;
const LEADING = 10;
const MARGIN = 50;
const GUTTER = 30;

export interface LaidOutIssue {
  pdf: Uint8Array;
  /** The overlay's editorial facts a reviewer would type in: what a layout cannot say. */
  corrections: Record<string, unknown>;
}

export async function newsletterPdf(textFile: string, options: { boxes?: boolean } = {}): Promise<LaidOutIssue> {
  const source = readSource(textFile);
  const overlay = readOverlay(textFile);
  const { issue } = extractIssue(source, overlay);
  const { lines } = readingOrder(source.text, Overlay.parse(overlay));
  const titleLines = new Set(issue.sections.flatMap((s) => s.titleLines));

  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const regular = await doc.embedFont(readFileSync(`${FONTS}/DejaVuSans.ttf`), {
    subset: true,
    features: { liga: false },
  });
  const bold = await doc.embedFont(readFileSync(`${FONTS}/DejaVuSans-Bold.ttf`), {
    subset: true,
    features: { liga: false },
  });
  const columnWidth = Math.max(...lines.map((l) => regular.widthOfTextAtSize(l.text, SIZE))) + 30;
  const width = 2 * MARGIN + 2 * columnWidth + GUTTER;
  const firstPage = (Overlay.parse(overlay).firstPage ?? 1) - 1;

  const pages = [...new Set(lines.map((l) => l.pageIndex))];
  for (const pageIndex of pages) {
    const onPage = lines.filter((l) => l.pageIndex === pageIndex);
    let opening = 0;
    while (opening < onPage.length && titleLines.has(onPage[opening]!.no)) opening++;
    const banner = onPage.slice(0, opening);
    const body = onPage.slice(opening);
    const units = (ls: SourceLine[]) => ls.reduce((n, l, i) => n + (i === 0 && ls === banner ? 1 : l.gapBefore + 1), 0);
    let split = 0;
    const half = units(body) / 2;
    for (let n = 0; split < body.length && n + body[split]!.gapBefore + 1 <= half; split++)
      n += body[split]!.gapBefore + 1;
    const columns = [body.slice(0, split), body.slice(split)];
    const height =
      2 * MARGIN +
      40 +
      LEADING * (units(banner) + Math.max(...columns.map((c) => c.reduce((n, l) => n + l.gapBefore + 1, 0))));
    const page = doc.addPage([width, height]);

    let y = height - MARGIN;
    banner.forEach((line, i) => {
      if (i > 0) y -= (line.gapBefore + 1) * LEADING;
      const w = bold.widthOfTextAtSize(line.text, TITLE_SIZE);
      page.drawText(line.text, { x: (width - w) / 2, y, size: TITLE_SIZE, font: bold });
    });
    const reference = banner.length ? y : height - MARGIN + LEADING;
    columns.forEach((column, c) => {
      const x = MARGIN + c * (columnWidth + GUTTER);
      let at = reference;
      column.forEach((line, i) => {
        at -= ((i === 0 && !banner.length && c === 0 ? 0 : line.gapBefore) + 1) * LEADING;
        const inBox = options.boxes !== false && line.box !== null;
        if (inBox && column[i - 1]?.box !== line.box) drawBox(page, x, at, column.slice(i), line.box);
        const title = titleLines.has(line.no);
        const indent = (inBox ? 6 : 0) + (line.indented ? 12 : 0);
        page.drawText(line.text, {
          x: x + indent,
          y: at,
          size: title ? TITLE_SIZE : SIZE,
          font: title ? bold : regular,
        });
      });
    });
    const number = String(pageIndex + 1 + firstPage);
    page.drawText(number, { x: width / 2, y: 20, size: SIZE, font: regular });
  }
  const { title, number, year, date, dateNote, asOf, organisations } = overlay;
  return {
    pdf: await doc.save(),
    corrections: Object.fromEntries(
      Object.entries({ title, number, year, date, dateNote, asOf, organisations }).filter(([, v]) => v !== undefined),
    ),
  };
}

/** A shaded box behind the run of lines of one kind that starts here. */
function drawBox(page: PDFPage, x: number, top: number, rest: SourceLine[], kind: SourceLine['box']): void {
  let bottom = top;
  for (let i = 1; i < rest.length && rest[i]!.box === kind; i++) bottom -= (rest[i]!.gapBefore + 1) * LEADING;
  const width = (page.getWidth() - 2 * MARGIN - GUTTER) / 2;
  page.drawRectangle({ x: x - 2, y: bottom - 3, width, height: top - bottom + SIZE + 5, color: rgb(0.9, 0.93, 0.97) });
}

export async function scannedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  // A scan is a picture of the page: shapes where the letters are, and no text.
  for (let y = 780; y > 80; y -= 14)
    page.drawRectangle({ x: 60, y, width: 300 + (y % 170), height: 7, color: rgb(0.2, 0.2, 0.2) });
  return doc.save();
}
