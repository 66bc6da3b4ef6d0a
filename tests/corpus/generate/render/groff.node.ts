/**
 * groff -ms and -mom through gropdf (#29): -ms with .2C or .MC for three columns, .B1/.B2 boxes,
 * tbl tables and calendars, .FS/.FE footnotes, LH/CH/RH and LF/CF/RF furniture; -mom with
 * .COLUMNS, its own headers and footers and page numbers. UTF-8 through preconv (-k).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Block, Issue, Layout, Section } from '../model.std';
import { run } from './run.node';

/** Text safe on a groff input line: backslashes doubled, a leading dot or quote protected, the no-break spaces as groff's own. */
export const roff = (s: string) =>
  s
    .replace(/\\/g, '\\e')
    .replace(/\u00a0/g, '\\~')
    .replace(/\u202f/g, '\\|')
    .replace(/^([.'])/gm, '\\&$1');

const sentenceLines = (s: string) => roff(s);

/** A tbl calendar fits its column: half of the column's width each, in inches. */
function tblCalendar(b: Extract<Block, { kind: 'calendar' }>, columns: number): string {
  const w = ((6.5 - 0.2 * (columns - 1)) / columns / 2 - 0.15).toFixed(2);
  const item = (i: { when: string; where: string; what: string } | undefined) =>
    i ? `T{\n${roff(`${i.when}, ${i.where}: ${i.what}`)}\nT}` : '';
  if (b.form === 'list') {
    const list = (head: string, items: typeof b.past) =>
      `.LP\n.B "${head}"\n${items.map((i) => `.IP \\(bu 2\n${roff(`${i.when}, ${i.where}: ${i.what}`)}`).join('\n')}`;
    return `${list('En bref', b.past)}\n${list('À venir', b.coming)}\n.LP`;
  }
  const boxed = b.form === 'table' ? 'box tab(@);' : 'tab(@);';
  const rows = b.past.map((p, i) => `${item(p)}@${item(b.coming[i])}`).join(b.form === 'table' ? '\n_\n' : '\n');
  return `.TS\n${boxed}\nlw(${w}i) ${b.form === 'table' ? '| ' : ''}lw(${w}i).\n\\fBEn bref\\fP@\\fBÀ venir\\fP\n${b.form === 'table' ? '_\n' : ''}${rows}\n.TE\n.LP`;
}

function msBlock(b: Block, columns: number): string {
  switch (b.kind) {
    case 'para':
      return `.PP\n${sentenceLines(b.text)}${b.footnote ? `\\**\n.FS\n${roff(b.footnote)}\n.FE` : ''}`;
    case 'subhead':
      return `.SH\n${roff(b.text)}`;
    case 'box':
      return `.B1\n.LP\n.B "${roff(b.title)}"\n${b.paras.map((p) => `.br\n${roff(p)}`).join('\n')}\n.B2`;
    case 'quote':
      return `.QP\n.I "${roff(b.text)}"\n.br\n${roff(b.by)}`;
    case 'table':
      // Two points smaller, so that three figures fit a third of the page.
      return `.LP\n.B "${roff(b.caption)}"\n.ps -2\n.TS\ntab(@);\nl r r.\n${b.head.map((h) => `\\fB${roff(h)}\\fP`).join('@')}\n_\n${b.rows.map((r) => r.map(roff).join('@')).join('\n')}\n.TE\n.ps +2`;
    case 'calendar':
      return tblCalendar(b, columns);
    case 'contacts':
      return `.LP\n.ps -1\n${b.lines.map((l) => `${roff(l)}\n.br`).join('\n')}\n.ps +1`;
  }
}

function msTitle(s: Section): string {
  const words = s.title.split(' ');
  const text = s.titleBreak
    ? `${roff(words.slice(0, s.titleBreak).join(' '))}\n.br\n${roff(words.slice(s.titleBreak).join(' '))}`
    : roff(s.title);
  return `${s.kicker ? `.LP\n.ft I\n${roff(s.kicker)}\n.ft R\n` : ''}.LP\n.ps 14\n.vs 17\n.ft B\n.ad l\n${text}\n.br\n.ad b\n.ft R\n.ps\n.vs\n.sp 0.4`;
}

const pageNumberString = (l: Layout) => (l.pageNumbers === 'none' ? '' : l.pageNumbers === 'plain' ? '%' : 'Page %');

function msMasthead(issue: Issue): string {
  const { layout: l, masthead: m } = issue;
  const name = `.LP\n.ps 22\n.vs 26\n.ft B\n${roff(m.name)}\n.br\n.ft R\n.ps\n.vs\n`;
  switch (l.masthead) {
    case 'none':
      return '';
    case 'band':
      return `.B1\n${name}.br\n${roff(m.numberLine)}\n.B2\n`;
    case 'cover':
      return `.LP\n.sp 2i\n.ps 22\n.vs 26\n.ft B\n.ce 1\n${roff(m.name)}\n.ft R\n.ps 16\n.vs 19\n.sp 0.5i\n.ce 1\n${roff(m.numberLine)}\n.ps\n.vs\n.sp 1i\n.ce 1\n${roff(m.smallprint)}\n.sp 2i\n.ft I\n.ce 1\n${roff(m.headline)}\n.ft R\n.bp\n`;
    case 'smallprint':
      return `.LP\n.ps 8\n${roff(m.smallprint)}\n.ps\n${name}.LP\n${roff(m.numberLine)}\n`;
    case 'corner':
      return `.LP\n.ad ${l.corner.endsWith('right') ? 'r' : 'l'}\n.B "${roff(m.numberLine)}"\n.ad b\n${name}`;
  }
}

export function msSource(issue: Issue): string {
  const l = issue.layout;
  const cols = l.columns === 1 ? '.1C' : l.columns === 2 ? '.2C' : '.MC 1.9i 0.3i';
  const head = [
    // GW: a gutter wide enough that poppler reads the two columns apart.
    '.nr PS 10',
    '.nr VS 12.5',
    '.nr GW 0.4i',
    '.nr PO 0.9i',
    '.nr LL 6.5i',
    '.nr HM 0.9i',
    '.nr FM 0.9i',
    `.ds LH`,
    `.ds CH ${l.header ? roff(l.header) : ''}`,
    `.ds RH`,
    `.ds LF ${l.footer ? roff(l.footer) : ''}`,
    '.ds CF',
    `.ds RF ${pageNumberString(l)}`,
    l.hyphenate ? '.nr HY 14\n.hy 14' : '.nr HY 0\n.nh',
    l.font === 'sans' ? '.fam H' : '.fam T',
  ];
  // Titles stand in their column: going back to one column (.1C) would start a new page.
  const body = issue.sections
    .map((s) => `${msTitle(s)}\n${s.blocks.map((b) => msBlock(b, l.columns)).join('\n')}`)
    .join('\n');
  return `${head.join('\n')}\n${msMasthead(issue)}${cols}\n${body}\n`;
}

/** -mom: a document of its own macros (headers, footers, page numbers), columns by .COLUMNS. */
export function momSource(issue: Issue): string {
  const l = issue.layout;
  const m = issue.masthead;
  const header = l.header ? `.HEADER_CENTER "${roff(l.header)}"\n.HEADER_LEFT ""\n.HEADER_RIGHT ""` : '.HEADERS OFF';
  const footer = l.footer ? `.FOOTERS\n.FOOTER_CENTER "${roff(l.footer)}"\n.FOOTER_LEFT ""\n.FOOTER_RIGHT ""` : '';
  const numbers =
    l.pageNumbers === 'none'
      ? '.PAGINATE OFF'
      : l.pageNumbers === 'plain'
        ? '.PAGENUM_POS BOTTOM RIGHT'
        : '.PAGENUM_POS BOTTOM RIGHT\n.PAGENUM_STYLE DIGIT\n.PAGENUM_HYPHENS OFF';
  const top =
    l.masthead === 'none'
      ? ''
      : `.PP\n.FT B\n.PT_SIZE +4\n${roff(m.name)}\n.br\n.PT_SIZE -4\n.FT R\n.PP\n${roff(m.numberLine)}\n${l.masthead === 'smallprint' || l.masthead === 'cover' ? `.PP\n.PT_SIZE -2\n${roff(m.smallprint)}\n.PT_SIZE +2\n` : ''}${l.masthead === 'cover' ? `.PP\n.FT I\n${roff(m.headline)}\n.FT R\n.NEWPAGE\n` : ''}`;
  const block = (b: Block) => {
    if (b.kind === 'para')
      return `.PP\n${roff(b.text)}${b.footnote ? `\\c\n.FOOTNOTE\n${roff(b.footnote)}\n.FOOTNOTE OFF` : ''}`;
    if (b.kind === 'subhead') return `.SUBHEAD "${roff(b.text)}"`;
    if (b.kind === 'box')
      return `.PP\n.FT B\n${roff(b.title)}\n.FT R\n${b.paras.map((p) => `.PP\n${roff(p)}`).join('\n')}`;
    if (b.kind === 'quote') return `.PP\n.FT I\n${roff(b.text)}\n.FT R\n.PP\n${roff(b.by)}`;
    if (b.kind === 'table')
      return `.PP\n.FT B\n${roff(b.caption)}\n.FT R\n${b.rows.map((r) => `.PP\n${r.map(roff).join(' — ')}`).join('\n')}`;
    if (b.kind === 'calendar')
      return `.PP\n.FT B\nEn bref\n.FT R\n${b.past.map((i) => `.PP\n${roff(`${i.when}, ${i.where}: ${i.what}`)}`).join('\n')}\n.PP\n.FT B\nÀ venir\n.FT R\n${b.coming.map((i) => `.PP\n${roff(`${i.when}, ${i.where}: ${i.what}`)}`).join('\n')}`;
    return b.lines.map((line) => `.PP\n${roff(line)}`).join('\n');
  };
  // Not .HEAD: mom sets heads in capitals, which a reader of the PDF does not see as the title's own case.
  const title = (s: Section) =>
    `${s.kicker ? `.PP\n.FT I\n${roff(s.kicker)}\n.FT R\n` : ''}.SP\n.PP\n.FT B\n.PT_SIZE +3\n${roff(s.title)}\n.br\n.PT_SIZE -3\n.FT R`;
  return (
    [
      '.PRINTSTYLE TYPESET',
      '.PAPER A4',
      `.FAMILY ${l.font === 'sans' ? 'H' : 'T'}`,
      '.PT_SIZE 10',
      '.LS 12.5',
      '.L_MARGIN 2.2c',
      '.R_MARGIN 2.2c',
      header,
      footer,
      numbers,
      l.hyphenate ? '.HY ON' : '.HY OFF',
      '.QUAD JUSTIFY',
      l.columns > 1 ? `.COLUMNS ${l.columns} 0.5c` : '',
      '.START',
      top,
      ...issue.sections.map((s) => `${title(s)}\n${s.blocks.map(block).join('\n')}`),
    ]
      .filter(Boolean)
      .join('\n') + '\n'
  );
}

export async function renderGroff(issue: Issue, dir: string): Promise<string> {
  const mom = issue.layout.engine === 'groff-mom';
  writeFileSync(join(dir, 'issue.roff'), mom ? momSource(issue) : msSource(issue));
  await run('sh', ['-c', `groff -k -t ${mom ? '-mom' : '-ms'} -Tpdf -P-pa4 -dpaper=a4 issue.roff > issue.pdf`], dir);
  return join(dir, 'issue.pdf');
}
