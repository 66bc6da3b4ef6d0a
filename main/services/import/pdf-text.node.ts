/**
 * Reads a PDF's positioned text and filled rectangles with pdfjs-dist, refusing what cannot be a
 * newsletter with the reason a user can act on:
 * - more than MAX_PDF_BYTES;
 * - no `%PDF-` header (not a PDF);
 * - no `%%EOF` marker near the end (truncated, e.g. a copy cut short);
 * - a file pdf.js cannot parse (corrupt);
 * - a password (encrypted);
 * - no text on any page (a scan: there is no text layer to read).
 * Parsing yields between pages, reports progress, and stops when the signal is aborted.
 */
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PdfPageText, PdfRect } from '../../../db/pipeline/source/pdf-layout.std';
import { ImportError } from './import-error.node';

/** A quarterly issue is a few MB with its photographs; 50 MB refuses the wrong file early. */
export const MAX_PDF_BYTES = 50 * 1024 * 1024;

export function isPdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-');
}

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];
type PdfJs = typeof PdfJsModule;
// pdf.js is an ES module loaded on the first import, so it costs nothing at startup.
let loaded: Promise<PdfJs> | null = null;
const loadPdfJs = () => (loaded ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

/**
 * Bounding boxes of filled paths, in page space: the operator list gives them in the current
 * transform's space. With `stroked`, those of stroked paths instead (a table's rules).
 */
function filledRects(OPS: PdfJs['OPS'], list: { fnArray: number[]; argsArray: unknown[] }, stroked = false): PdfRect[] {
  const fills = new Set(
    stroked
      ? [OPS.stroke, OPS.closeStroke]
      : [OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke],
  );
  const rects: PdfRect[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  list.fnArray.forEach((fn, i) => {
    const args = list.argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform && args) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.constructPath && args && fills.has(args[0] as number)) {
      const box = args[args.length - 1] as ArrayLike<number> | null;
      if (!box || box.length < 4) return;
      const xs: number[] = [];
      const ys: number[] = [];
      for (const [x, y] of [
        [box[0]!, box[1]!],
        [box[2]!, box[1]!],
        [box[0]!, box[3]!],
        [box[2]!, box[3]!],
      ] as const) {
        xs.push(ctm[0] * x + ctm[2] * y + ctm[4]);
        ys.push(ctm[1] * x + ctm[3] * y + ctm[5]);
      }
      rects.push({ x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) });
    }
  });
  return rects;
}

/**
 * The name of the font a text run is set in ("NimbusRomNo9L-Medi", its subset prefix taken off), or
 * the name pdf.js gave it where the font object does not say (a font it could not load).
 */
function fontNameOf(
  page: { commonObjs: { has(id: string): boolean; get(id: string): unknown } },
  id: string,
  known: Map<string, string>,
): string {
  let name = known.get(id);
  if (name === undefined) {
    const font = page.commonObjs.has(id) ? (page.commonObjs.get(id) as { name?: unknown }) : null;
    name = typeof font?.name === 'string' ? font.name.replace(/^[A-Z]{6}\+/, '') : id;
    known.set(id, name);
  }
  return name;
}

/**
 * The widths, in points, of the soft hyphens a page draws (Typst draws every hyphen as U+00AD): pdf.js
 * leaves them out of the text content and, where the word goes on, puts a space of their width.
 */
function softHyphenWidths(OPS: PdfJs['OPS'], list: { fnArray: number[]; argsArray: unknown[] }): number[] {
  const widths: number[] = [];
  let size = 0;
  list.fnArray.forEach((fn, i) => {
    const args = list.argsArray[i] as unknown[] | null;
    if (fn === OPS.setFont && args) size = Math.abs(Number(args[1]) || 0);
    else if (fn === OPS.showText && Array.isArray(args?.[0])) {
      for (const glyph of args[0] as ({ unicode?: string; width?: number } | number | null)[]) {
        if (glyph && typeof glyph === 'object' && glyph.unicode === '\u00AD' && typeof glyph.width === 'number')
          widths.push((glyph.width * size) / 1000);
      }
    }
  });
  return widths;
}

/** How close a space's width must be to a soft hyphen's to stand for it: kerning after the hyphen narrows the space. */
const HYPHEN_WIDTH_TOLERANCE = 0.15;

/** Takes a soft hyphen of this width off the list, if the page drew one: the space stood for it. */
function takeHyphen(widths: number[], width: number): boolean {
  const at = widths.findIndex((w) => Math.abs(w - width) <= HYPHEN_WIDTH_TOLERANCE * w + 0.05);
  if (at < 0) return false;
  widths.splice(at, 1);
  return true;
}

export interface PdfReadOptions {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/**
 * The promise, or the refusal "cancelled" as soon as the signal aborts: once its task is destroyed,
 * pdf.js's calls on a page being read never settle, and the reading waited for ever.
 */
function unlessCancelled<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const cancelled = () => reject(ImportError.fromCatalogue('cancelled', 'import.cancelled'));
    if (signal.aborted) return cancelled();
    signal.addEventListener('abort', cancelled, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', cancelled));
  });
}

export async function readPdfText(bytes: Uint8Array, options: PdfReadOptions = {}): Promise<PdfPageText[]> {
  if (bytes.length > MAX_PDF_BYTES) {
    throw ImportError.fromCatalogue('too-large', 'import.pdf-too-large', {
      size: (bytes.length / 1048576).toFixed(1),
      max: String(MAX_PDF_BYTES / 1048576),
    });
  }
  if (!isPdf(bytes)) throw ImportError.fromCatalogue('not-pdf', 'import.not-pdf');
  if (!Buffer.from(bytes.subarray(Math.max(0, bytes.length - 1024))).includes('%%EOF')) {
    throw ImportError.fromCatalogue('truncated', 'import.truncated');
  }
  const pdfjs = await loadPdfJs();
  // fontExtraProperties keeps each font's name, from which a run's face (bold, italic) is read.
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    stopAtErrors: true,
    verbosity: 0,
    fontExtraProperties: true,
  });
  const abort = () => void task.destroy();
  options.signal?.addEventListener('abort', abort);
  try {
    let pdf: Awaited<typeof task.promise>;
    try {
      pdf = await unlessCancelled(task.promise, options.signal);
    } catch (error) {
      if (options.signal?.aborted) throw ImportError.fromCatalogue('cancelled', 'import.cancelled');
      if ((error as Error).name === 'PasswordException') {
        throw ImportError.fromCatalogue('encrypted', 'import.encrypted');
      }
      throw ImportError.fromCatalogue('corrupt', 'import.damaged', { reason: (error as Error).message });
    }
    const pages: PdfPageText[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      if (options.signal?.aborted) throw ImportError.fromCatalogue('cancelled', 'import.cancelled');
      try {
        const page = await unlessCancelled(pdf.getPage(n), options.signal);
        const [x0, y0, x1, y1] = page.view as [number, number, number, number];
        const content = await unlessCancelled(page.getTextContent(), options.signal);
        // The operator list loads the page's fonts: their names are read after it.
        const operators = await unlessCancelled(page.getOperatorList(), options.signal);
        const toPage = (r: PdfRect) => ({ x0: r.x0 - x0, y0: r.y0 - y0, x1: r.x1 - x0, y1: r.y1 - y0 });
        const rects = filledRects(pdfjs.OPS, operators).map(toPage);
        // Rules: thin horizontal lines, stroked or filled (a table's borders).
        const rules = [...filledRects(pdfjs.OPS, operators, true), ...rects]
          .filter((r) => r.y1 - r.y0 < 2 && r.x1 - r.x0 > 20)
          .map(toPage);
        const fonts = new Map<string, string>();
        const hyphens = softHyphenWidths(pdfjs.OPS, operators);
        const strOf = (i: number) => {
          const it = content.items[i];
          return it && 'str' in it ? it.str : '';
        };
        const runs = content.items.flatMap((item, i) => {
          if (!('str' in item)) return [];
          // A hyphen pdf.js left out of the text (drawn as a soft hyphen) stands where it put a space as
          // wide as it; never between digits, where a space sets thousands apart ("618 849").
          const betweenDigits = /\d$/.test(strOf(i - 1)) && /^\d/.test(strOf(i + 1));
          const text = item.str.trim() === '' && !betweenDigits && takeHyphen(hyphens, item.width) ? '-' : item.str;
          if (text.trim() === '') return [];
          return [
            {
              text,
              x: item.transform[4] - x0,
              y: item.transform[5] - y0,
              width: item.width,
              size: Math.hypot(item.transform[2], item.transform[3]) || item.height,
              font: fontNameOf(page, item.fontName, fonts),
            },
          ];
        });
        pages.push({
          width: x1 - x0,
          height: y1 - y0,
          runs,
          rects,
          ...(rules.length ? { rules } : {}),
          ...(hyphens.length ? { softHyphens: hyphens } : {}),
        });
        page.cleanup();
      } catch (error) {
        if (options.signal?.aborted) throw ImportError.fromCatalogue('cancelled', 'import.cancelled');
        throw ImportError.fromCatalogue('corrupt', 'import.damaged-page', {
          page: String(n),
          reason: (error as Error).message,
        });
      }
      options.onProgress?.(n, pdf.numPages);
    }
    if (pages.every((p) => p.runs.length === 0)) {
      throw ImportError.fromCatalogue('no-text', 'import.scan');
    }
    return pages;
  } finally {
    options.signal?.removeEventListener('abort', abort);
    await task.destroy();
  }
}
