/**
 * LibreOffice Writer headless from flat ODF (.fodt) (#29): columns as a section's column count,
 * boxes as bordered shaded paragraphs, a sidebar as a frame the text wraps round, the page-1
 * corner line as a frame anchored to the page, tables, footnotes, header and footer with the page
 * number field, hyphenation as a paragraph property (needs Debian's hyphen-en-us to take effect).
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Block, CalendarItem, Issue, Layout, Section } from '../model.std';
import { run } from './run.node';

export const xml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const p = (style: string, text: string) => `<text:p text:style-name="${style}">${text}</text:p>`;
const calItem = (i: CalendarItem) => xml(`${i.when}, ${i.where}: ${i.what}`);
let frames = 0;

function styles(l: Layout): string {
  const font = l.font === 'serif' ? 'Liberation Serif' : 'Liberation Sans';
  const hyph = `fo:hyphenate="${l.hyphenate}" fo:hyphenation-remain-char-count="2" fo:hyphenation-push-char-count="2"`;
  return `<office:font-face-decls><style:font-face style:name="${font}" svg:font-family="'${font}'"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.16cm"/><style:text-properties style:font-name="${font}" fo:font-size="10pt" fo:language="en" fo:country="US" ${hyph}/></style:default-style>
<style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:text-align="justify"/><style:text-properties ${hyph}/></style:style>
<style:style style:name="Title" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.4cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/><style:text-properties fo:font-size="16pt" fo:font-weight="bold" fo:hyphenate="false"/></style:style>
<style:style style:name="Kicker" style:family="paragraph"><style:paragraph-properties fo:keep-with-next="always"/><style:text-properties fo:font-style="italic" fo:font-size="12pt"/></style:style>
<style:style style:name="Sub" style:family="paragraph"><style:paragraph-properties fo:keep-with-next="always"/><style:text-properties fo:font-weight="bold" fo:font-size="11pt"/></style:style>
<style:style style:name="Box" style:family="paragraph"><style:paragraph-properties fo:background-color="#e4e8f0" fo:border="0.5pt solid #445577" fo:padding="0.15cm" fo:margin-bottom="0cm"/></style:style>
<style:style style:name="Quote" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-left="0.6cm" fo:margin-right="0.6cm"/><style:text-properties fo:font-style="italic" fo:font-size="12pt"/></style:style>
<style:style style:name="Small" style:family="paragraph"><style:text-properties fo:font-size="8pt"/></style:style>
<style:style style:name="Name" style:family="paragraph"><style:text-properties fo:font-size="22pt" fo:font-weight="bold"/></style:style>
<style:style style:name="Band" style:family="paragraph"><style:paragraph-properties fo:background-color="#1d3557" fo:padding="0.3cm"/><style:text-properties fo:color="#ffffff" fo:font-size="20pt" fo:font-weight="bold"/></style:style>
<style:style style:name="BandSub" style:family="paragraph"><style:paragraph-properties fo:background-color="#1d3557" fo:padding="0.2cm"/><style:text-properties fo:color="#ffffff" fo:font-size="12pt"/></style:style>
<style:style style:name="Cover" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-top="1.5cm"/><style:text-properties fo:font-size="16pt"/></style:style>
<style:style style:name="CoverEnd" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-top="4cm" fo:break-after="page"/><style:text-properties fo:font-style="italic" fo:font-size="14pt"/></style:style>
<style:style style:name="Furniture" style:family="paragraph"><style:paragraph-properties><style:tab-stops><style:tab-stop style:position="17cm" style:type="right"/></style:tab-stops></style:paragraph-properties><style:text-properties fo:font-size="8pt"/></style:style>
</office:styles>`;
}

function automatic(l: Layout): string {
  return `<office:automatic-styles>
<style:page-layout style:name="PL"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-left="2cm" fo:margin-right="2cm" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm"/><style:header-style><style:header-footer-properties fo:margin-bottom="0.4cm"/></style:header-style><style:footer-style><style:header-footer-properties fo:margin-top="0.4cm"/></style:footer-style></style:page-layout>
<style:style style:name="Cols" style:family="section"><style:section-properties><style:columns fo:column-count="${l.columns}" fo:column-gap="0.6cm"/></style:section-properties></style:style>
<style:style style:name="Side" style:family="graphic"><style:graphic-properties style:wrap="left" style:horizontal-pos="right" style:horizontal-rel="paragraph" style:vertical-pos="top" fo:background-color="#eeeeee" fo:border="0.5pt solid #666666" fo:padding="0.2cm" fo:margin-left="0.3cm"/></style:style>
<style:style style:name="Corner" style:family="graphic"><style:graphic-properties style:wrap="none" style:horizontal-pos="from-left" style:horizontal-rel="page" style:vertical-pos="from-top" style:vertical-rel="page" fo:border="none"/></style:style>
<style:style style:name="Tab" style:family="table"><style:table-properties style:width="17cm" table:align="left"/></style:style>
<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="0.1cm"/></style:style>
<style:style style:name="Bare" style:family="table-cell"><style:table-cell-properties fo:border="none" fo:padding="0.1cm"/></style:style>
</office:automatic-styles>`;
}

function masterPage(l: Layout): string {
  const number =
    l.pageNumbers === 'none'
      ? ''
      : `${l.pageNumbers === 'page-n' ? 'Page ' : ''}<text:page-number text:select-page="current">1</text:page-number>`;
  const header = l.header ? `<style:header>${p('Furniture', xml(l.header))}</style:header>` : '';
  const footer =
    l.footer || number
      ? `<style:footer>${p('Furniture', `${xml(l.footer ?? '')}<text:tab/>${number}`)}</style:footer>`
      : '';
  return `<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="PL">${header}${footer}</style:master-page></office:master-styles>`;
}

function table(head: string[], rows: string[][], cell = 'Cell'): string {
  const tr = (cells: string[], style = 'Body') =>
    `<table:table-row>${cells.map((c) => `<table:table-cell table:style-name="${cell}" office:value-type="string">${p(style, c)}</table:table-cell>`).join('')}</table:table-row>`;
  return `<table:table table:style-name="Tab"><table:table-column table:number-columns-repeated="${head.length}"/>${tr(head, 'Sub')}${rows.map((r) => tr(r)).join('')}</table:table>`;
}

function block(b: Block): string {
  switch (b.kind) {
    case 'para':
      return p(
        'Body',
        `${xml(b.text)}${b.footnote ? `<text:note text:note-class="footnote"><text:note-citation>*</text:note-citation><text:note-body>${p('Small', xml(b.footnote))}</text:note-body></text:note>` : ''}`,
      );
    case 'subhead':
      return p('Sub', xml(b.text));
    case 'box':
      if (b.side) {
        const inner = [p('Sub', xml(b.title)), ...b.paras.map((x) => p('Small', xml(x)))].join('');
        return p(
          'Body',
          `<draw:frame draw:style-name="Side" draw:name="side${++frames}" text:anchor-type="paragraph" svg:width="6cm"><draw:text-box fo:min-height="1cm">${inner}</draw:text-box></draw:frame>`,
        );
      }
      return [p('Box', `<text:span>${xml(b.title)}</text:span>`), ...b.paras.map((x) => p('Box', xml(x)))].join('');
    case 'quote':
      return p('Quote', xml(b.text)) + p('Quote', xml(b.by));
    case 'table':
      return (
        p('Sub', xml(b.caption)) +
        table(
          b.head.map(xml),
          b.rows.map((r) => r.map(xml)),
        )
      );
    case 'calendar':
      if (b.form === 'list')
        return [
          p('Sub', 'En bref'),
          ...b.past.map((i) => p('Body', `• ${calItem(i)}`)),
          p('Sub', 'À venir'),
          ...b.coming.map((i) => p('Body', `• ${calItem(i)}`)),
        ].join('');
      if (b.form === 'columns')
        return table(
          ['En bref', xml('À venir')],
          [
            [
              b.past.map(calItem).join('</text:p><text:p text:style-name="Body">'),
              b.coming.map(calItem).join('</text:p><text:p text:style-name="Body">'),
            ],
          ],
          'Bare',
        );
      return table(
        ['En bref', xml('À venir')],
        b.past.map((x, i) => [calItem(x), b.coming[i] ? calItem(b.coming[i]!) : '']),
      );
    case 'contacts':
      return b.lines.map((line) => p('Small', xml(line))).join('');
  }
}

function title(s: Section): string {
  const words = s.title.split(' ');
  const text = s.titleBreak
    ? `${xml(words.slice(0, s.titleBreak).join(' '))}<text:line-break/>${xml(words.slice(s.titleBreak).join(' '))}`
    : xml(s.title);
  return `${s.kicker ? p('Kicker', xml(s.kicker)) : ''}${p('Title', text)}`;
}

const CORNER_XY: Record<Layout['corner'], [string, string]> = {
  'top-left': ['1cm', '0.6cm'],
  'top-right': ['13cm', '0.6cm'],
  'bottom-left': ['1cm', '28.5cm'],
  'bottom-right': ['13cm', '28.5cm'],
};

function masthead(issue: Issue): string {
  const { layout: l, masthead: m } = issue;
  switch (l.masthead) {
    case 'none':
      return '';
    case 'band':
      return p('Band', xml(m.name)) + p('BandSub', xml(m.numberLine));
    case 'cover':
      return (
        p('Cover', `<text:span>${xml(m.name)}</text:span>`) +
        p('Cover', xml(m.numberLine)) +
        p('Cover', xml(m.smallprint)) +
        p('CoverEnd', xml(m.headline))
      );
    case 'smallprint':
      return p('Small', xml(m.smallprint)) + p('Name', xml(m.name)) + p('Sub', xml(m.numberLine));
    case 'corner': {
      const [x, y] = CORNER_XY[l.corner];
      return `<draw:frame draw:style-name="Corner" draw:name="corner" text:anchor-type="page" text:anchor-page-number="1" svg:x="${x}" svg:y="${y}" svg:width="7cm"><draw:text-box>${p('Sub', xml(m.numberLine))}</draw:text-box></draw:frame>${p('Name', xml(m.name))}`;
    }
  }
}

export function fodtSource(issue: Issue): string {
  frames = 0;
  const l = issue.layout;
  const body = issue.sections.map(
    (s, i) =>
      `${title(s)}${l.columns > 1 ? `<text:section text:style-name="Cols" text:name="s${i}">` : ''}${s.blocks.map(block).join('')}${l.columns > 1 ? '</text:section>' : ''}`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
${styles(l)}
${automatic(l)}
${masterPage(l)}
<office:body><office:text>${masthead(issue)}${body.join('\n')}</office:text></office:body></office:document>
`;
}

/** LibreOffice headless with a profile of its own, so that it never waits for another soffice. */
export async function soffice(file: string, dir: string): Promise<string> {
  const profile = join(tmpdir(), `valise-lo-${process.pid}`);
  await run(
    'soffice',
    [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file],
    dir,
    300_000,
  );
  return join(dir, file.replace(/\.\w+$/, '.pdf'));
}

export async function renderOdt(issue: Issue, dir: string): Promise<string> {
  writeFileSync(join(dir, 'issue.fodt'), fodtSource(issue));
  return soffice('issue.fodt', dir);
}
