/**
 * A `.docx` written by the `docx` npm library on Word's default styles, printed by LibreOffice
 * headless (#29): section columns, a continuous section for the masthead, a cover section, boxes
 * and sidebars as shaded one-cell tables, tables, footnotes, default and first-page headers and
 * footers (the page-1 corner line), page number fields, automatic hyphenation in the settings.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  FootnoteReferenceRun,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  SectionType,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Block, CalendarItem, Issue, Layout, Section } from '../model.std';
import { soffice } from './odt.node';

type Child = Paragraph | Table;
const calItem = (i: CalendarItem) => `${i.when}, ${i.where}: ${i.what}`;
const para = (
  text: string,
  opts: {
    bold?: boolean;
    italics?: boolean;
    size?: number;
    align?: (typeof AlignmentType)[keyof typeof AlignmentType];
  } = {},
) =>
  new Paragraph({
    alignment: opts.align,
    spacing: { after: 100 },
    children: [new TextRun({ text, bold: opts.bold, italics: opts.italics, size: opts.size })],
  });
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '445577' };
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

function grid(rows: string[][], opts: { head?: string[]; borders?: boolean; shade?: string } = {}): Table {
  const b = opts.borders === false ? NONE : BORDER;
  const cell = (text: string, bold = false) =>
    new TableCell({
      borders: { top: b, bottom: b, left: b, right: b },
      shading: opts.shade ? { type: ShadingType.CLEAR, fill: opts.shade, color: 'auto' } : undefined,
      children: text.split('\n').map((t) => para(t, { bold })),
    });
  const all = [...(opts.head ? [opts.head.map((h) => cell(h, true))] : []), ...rows.map((r) => r.map((c) => cell(c)))];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: all.map((cells) => new TableRow({ children: cells })),
  });
}

function block(b: Block, notes: Map<number, string>): Child[] {
  switch (b.kind) {
    case 'para': {
      const runs: (TextRun | FootnoteReferenceRun)[] = [new TextRun(b.text)];
      if (b.footnote) {
        const id = notes.size + 1;
        notes.set(id, b.footnote);
        runs.push(new FootnoteReferenceRun(id));
      }
      return [new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: { after: 120 }, children: runs })];
    }
    case 'subhead':
      return [para(b.text, { bold: true, size: 24 })];
    case 'box':
      return [grid([[`${b.title}\n${b.paras.join('\n')}`]], { shade: b.side ? 'EEEEEE' : 'E4E8F0' }), para('')];
    case 'quote':
      return [
        para(b.text, { italics: true, size: 26, align: AlignmentType.CENTER }),
        para(b.by, { align: AlignmentType.CENTER }),
      ];
    case 'table':
      return [para(b.caption, { bold: true }), grid(b.rows, { head: b.head }), para('')];
    case 'calendar':
      if (b.form === 'list')
        return [
          para('En bref', { bold: true }),
          ...b.past.map((i) => para(`• ${calItem(i)}`)),
          para('À venir', { bold: true }),
          ...b.coming.map((i) => para(`• ${calItem(i)}`)),
        ];
      if (b.form === 'columns')
        return [
          grid([[b.past.map(calItem).join('\n'), b.coming.map(calItem).join('\n')]], {
            head: ['En bref', 'À venir'],
            borders: false,
          }),
        ];
      return [
        grid(
          b.past.map((p, i) => [calItem(p), b.coming[i] ? calItem(b.coming[i]!) : '']),
          { head: ['En bref', 'À venir'] },
        ),
      ];
    case 'contacts':
      return b.lines.map((l) => para(l, { size: 16 }));
  }
}

function title(s: Section): Paragraph[] {
  const words = s.title.split(' ');
  const lines = s.titleBreak
    ? [words.slice(0, s.titleBreak).join(' '), words.slice(s.titleBreak).join(' ')]
    : [s.title];
  const runs = lines.map((t, i) => new TextRun({ text: t, bold: true, size: 32, break: i > 0 ? 1 : 0 }));
  return [
    ...(s.kicker ? [para(s.kicker, { italics: true, size: 24 })] : []),
    new Paragraph({ spacing: { before: 240, after: 120 }, keepNext: true, children: runs }),
  ];
}

function furniture(l: Layout, corner: string | null) {
  const number =
    l.pageNumbers === 'none'
      ? []
      : [new TextRun({ children: [l.pageNumbers === 'page-n' ? 'Page ' : '', PageNumber.CURRENT], size: 16 })];
  const header = (extra?: Paragraph) =>
    new Header({
      children: [
        ...(l.header ? [para(l.header, { size: 16, align: AlignmentType.CENTER })] : []),
        ...(extra ? [extra] : []),
      ],
    });
  const footer = (extra?: Paragraph) =>
    new Footer({
      children: [
        ...(extra ? [extra] : []),
        new Paragraph({ children: [new TextRun({ text: l.footer ? `${l.footer}    ` : '', size: 16 }), ...number] }),
      ],
    });
  const cornerPara = corner
    ? new Paragraph({
        alignment: l.corner.endsWith('right') ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [new TextRun({ text: corner, bold: true, size: 18 })],
      })
    : undefined;
  const top = l.corner.startsWith('top');
  return {
    headers: { default: header(), ...(cornerPara ? { first: header(top ? cornerPara : undefined) } : {}) },
    footers: { default: footer(), ...(cornerPara ? { first: footer(top ? undefined : cornerPara) } : {}) },
  };
}

function masthead(issue: Issue): Paragraph[] {
  const { layout: l, masthead: m } = issue;
  const name = para(m.name, { bold: true, size: 44 });
  switch (l.masthead) {
    case 'none':
    case 'corner':
      return l.masthead === 'corner' ? [name] : [];
    case 'band':
      return [
        new Paragraph({
          shading: { type: ShadingType.CLEAR, fill: '1D3557', color: 'auto' },
          children: [
            new TextRun({ text: m.name, bold: true, size: 40, color: 'FFFFFF' }),
            new TextRun({ text: m.numberLine, size: 24, color: 'FFFFFF', break: 1 }),
          ],
        }),
      ];
    case 'cover':
      return [
        para(''),
        para(m.name, { bold: true, size: 48, align: AlignmentType.CENTER }),
        para(m.numberLine, { size: 32, align: AlignmentType.CENTER }),
        para(m.smallprint, { align: AlignmentType.CENTER }),
        para(m.headline, { italics: true, size: 28, align: AlignmentType.CENTER }),
      ];
    case 'smallprint':
      return [para(m.smallprint, { size: 14 }), name, para(m.numberLine, { size: 24 })];
  }
}

export function docxDocument(issue: Issue): Document {
  const l = issue.layout;
  const notes = new Map<number, string>();
  const body = issue.sections.flatMap((s) => [...title(s), ...s.blocks.flatMap((b) => block(b, notes))]);
  const corner = l.masthead === 'corner' ? issue.masthead.numberLine : null;
  const font = l.font === 'serif' ? 'Liberation Serif' : undefined;
  const sections = [
    { properties: { titlePage: !!corner }, ...furniture(l, corner), children: masthead(issue) },
    {
      properties: {
        type: l.masthead === 'cover' ? SectionType.NEXT_PAGE : SectionType.CONTINUOUS,
        column: { count: l.columns, space: 567 },
      },
      ...furniture(l, null),
      children: body,
    },
  ];
  return new Document({
    styles: font ? { default: { document: { run: { font, size: 20 } } } } : undefined,
    hyphenation: { autoHyphenation: l.hyphenate },
    footnotes: Object.fromEntries([...notes].map(([id, text]) => [id, { children: [para(text, { size: 16 })] }])),
    sections,
  });
}

export async function renderDocx(issue: Issue, dir: string): Promise<string> {
  writeFileSync(join(dir, 'issue.docx'), await Packer.toBuffer(docxDocument(issue)));
  return soffice('issue.docx', dir);
}
