/**
 * Typst through `@myriaddreamin/typst-ts-node-compiler` (#29): page columns, a parent-scoped
 * masthead, a cover page, blocks for boxes, a grid for a sidebar and two-column calendars,
 * tables, footnotes, header and footer, the page-1 corner line in the page's foreground. Text goes
 * in as string literals (`#"…"`), so no character of it is read as markup. Typst writes line-end
 * hyphens as soft hyphens.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Block, CalendarItem, Issue, Layout, Section } from '../model.std';

const FONT_PATHS = ['/usr/share/fonts/truetype'];
/** A Typst string literal: the text as it is, nothing read as markup. */
export const str = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
const t = (s: string) => `#${str(s)}`;
const calItem = (i: CalendarItem) => `${i.when}, ${i.where}: ${i.what}`;

function calendar(b: Extract<Block, { kind: 'calendar' }>): string {
  const list = (items: CalendarItem[]) => `list(${items.map((i) => `[${t(calItem(i))}]`).join(', ')})`;
  if (b.form === 'list')
    return `#strong(${str('En bref')})\n#${list(b.past)}\n#strong(${str('À venir')})\n#${list(b.coming)}`;
  if (b.form === 'columns')
    return `#grid(columns: (1fr, 1fr), gutter: 12pt, [#strong(${str('En bref')}) #${list(b.past)}], [#strong(${str('À venir')}) #${list(b.coming)}])`;
  const rows = b.past.map((p, i) => `[${t(calItem(p))}], [${b.coming[i] ? t(calItem(b.coming[i]!)) : ''}]`).join(',\n');
  return `#table(columns: (1fr, 1fr), stroke: 0.5pt, inset: 5pt, table.header([#strong(${str('En bref')})], [#strong(${str('À venir')})]),\n${rows})`;
}

function box(b: Extract<Block, { kind: 'box' }>): string {
  return `block(fill: luma(232), stroke: 0.5pt + luma(120), inset: 8pt, width: 100%)[#strong(${str(b.title)})\n\n${b.paras.map(t).join('\n\n')}]`;
}

function block(b: Block): string {
  switch (b.kind) {
    case 'para':
      return `${t(b.text)}${b.footnote ? `#footnote[${t(b.footnote)}]` : ''}`;
    case 'subhead':
      return `#text(weight: "bold", size: 1.15em, ${str(b.text)})`;
    case 'box':
      return `#${box(b)}`;
    case 'quote':
      return `#align(center, block(width: 88%)[#text(style: "italic", size: 1.2em, ${str(b.text)})\n\n${t(b.by)}])`;
    case 'table':
      return `#strong(${str(b.caption)})\n#table(columns: 3, stroke: 0.5pt, inset: 4pt, ${b.head.map((h) => `[#strong(${str(h)})]`).join(', ')}, ${b.rows
        .flat()
        .map((c) => `[${t(c)}]`)
        .join(', ')})`;
    case 'calendar':
      return calendar(b);
    case 'contacts':
      return `#text(size: 0.9em)[${b.lines.map(t).join(' \\\n')}]`;
  }
}

/** Blocks in order; in one column, a sidebar box stands in a grid beside the paragraph after it. */
function blocks(s: Section, l: Layout): string {
  const out: string[] = [];
  for (let i = 0; i < s.blocks.length; i++) {
    const b = s.blocks[i]!;
    const next = s.blocks[i + 1];
    if (b.kind === 'box' && b.side && l.columns === 1 && next?.kind === 'para' && !next.footnote) {
      out.push(`#grid(columns: (1.6fr, 1fr), gutter: 14pt, [${t(next.text)}], ${box(b)})`);
      i++;
    } else out.push(block(b));
  }
  return out.join('\n\n');
}

function title(s: Section): string {
  const words = s.title.split(' ');
  const text = s.titleBreak
    ? `${t(words.slice(0, s.titleBreak).join(' '))} \\ ${t(words.slice(s.titleBreak).join(' '))}`
    : t(s.title);
  return `#block(above: 1.4em, below: 0.7em)[${s.kicker ? `#text(style: "italic", ${str(s.kicker)}) \\ ` : ''}#text(size: 1.5em, weight: "bold")[${text}]]`;
}

const CORNER = {
  'top-left': 'top + left',
  'top-right': 'top + right',
  'bottom-left': 'bottom + left',
  'bottom-right': 'bottom + right',
} as const;

function page(issue: Issue): string {
  const l = issue.layout;
  const number =
    l.pageNumbers === 'none'
      ? 'none'
      : l.pageNumbers === 'plain'
        ? 'counter(page).display()'
        : `[Page #counter(page).display()]`;
  // Page 1 with the number line in a top corner has no running header (they would share a line).
  const skipFirst = l.masthead === 'corner' && l.corner.startsWith('top');
  const header = l.header
    ? `context if ${skipFirst} and counter(page).get().first() == 1 { none } else { align(center, text(size: 8pt, ${str(l.header)})) }`
    : 'none';
  const footer =
    !l.footer && number === 'none'
      ? 'none'
      : `context grid(columns: (1fr, auto), text(size: 8pt, ${str(l.footer ?? '')}), text(size: 8pt, ${number === 'none' ? '""' : number}))`;
  const dy = l.corner.startsWith('top') ? '0.8cm' : '-0.8cm';
  const fg =
    l.masthead === 'corner'
      ? `context if counter(page).get().first() == 1 { place(${CORNER[l.corner]}, dx: ${l.corner.endsWith('left') ? '1.8cm' : '-1.8cm'}, dy: ${dy}, text(size: 9pt, weight: "bold", ${str(issue.masthead.numberLine)})) }`
      : 'none';
  return `#set page(paper: "a4", margin: (x: 1.8cm, y: 2.2cm), columns: ${l.columns}, header: ${header}, footer: ${footer}, foreground: ${fg})`;
}

function masthead(issue: Issue): string {
  const { layout: l, masthead: m } = issue;
  const name = `text(size: 22pt, weight: "bold", ${str(m.name)})`;
  const top = (content: string) => `#place(top, scope: "parent", float: true, ${content})`;
  switch (l.masthead) {
    case 'none':
      return '';
    case 'band':
      return top(
        `block(fill: rgb("#1d3557"), width: 100%, inset: 12pt, text(fill: white)[#${name} \\ #text(size: 12pt, ${str(m.numberLine)})])`,
      );
    case 'cover':
      return `#page(columns: 1, header: none, footer: none, foreground: none)[#v(5cm) #align(center)[#${name} #v(1cm) #text(size: 16pt, ${str(m.numberLine)}) #v(2cm) #text(size: 10pt, ${str(m.smallprint)}) #v(1fr) #text(style: "italic", size: 14pt, ${str(m.headline)})]]`;
    case 'smallprint':
      return top(
        `block(width: 100%)[#text(size: 7pt, ${str(m.smallprint)}) \\ #${name} \\ #text(size: 12pt, ${str(m.numberLine)})]`,
      );
    case 'corner':
      return top(`block(width: 100%, ${name})`);
  }
}

export function typstSource(issue: Issue): string {
  const l = issue.layout;
  const font = l.font === 'serif' ? 'Liberation Serif' : 'DejaVu Sans';
  return [
    page(issue),
    `#set text(font: ${str(font)}, size: 10pt, lang: "en", hyphenate: ${l.hyphenate})`,
    '#set par(justify: true, spacing: 0.9em)',
    masthead(issue),
    ...issue.sections.map((s) => `${title(s)}\n\n${blocks(s, l)}`),
  ].join('\n\n');
}

export async function renderTypst(issue: Issue, dir: string): Promise<string> {
  const { NodeCompiler } = await import('@myriaddreamin/typst-ts-node-compiler');
  const source = typstSource(issue);
  writeFileSync(join(dir, 'issue.typ'), source);
  const compiler = NodeCompiler.create({ fontArgs: [{ fontPaths: FONT_PATHS }] });
  const pdf = compiler.pdf({ mainFileContent: source }, { creationTimestamp: 1735689600, pdfTags: false });
  writeFileSync(join(dir, 'issue.pdf'), pdf);
  return join(dir, 'issue.pdf');
}
