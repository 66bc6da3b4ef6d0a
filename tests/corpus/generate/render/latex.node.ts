/**
 * pdfLaTeX, LuaLaTeX and XeLaTeX (#29): multicol for 2–3 columns, tcolorbox boxes, minipage
 * sidebars beside a paragraph (one column), tabular tables and calendars, fancyhdr running header and footer, page-1
 * corner line by a page style of its own, footnotes, hyphenation off by hyphenat.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Block, Issue, Layout, Section } from '../model.std';
import { run } from './run.node';

const SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '{': '\\{',
  '}': '\\}',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  '\u00a0': '~',
  '\u202f': '\\,',
  '€': '\\texteuro{}',
};
export const tex = (s: string) => s.replace(/[\\&%$#_{}~^\u00a0\u202f€]/g, (c) => SPECIAL[c]!);

function preamble(issue: Issue): string {
  const l = issue.layout;
  const unicode = l.engine !== 'pdflatex';
  const fonts = unicode
    ? `\\usepackage{fontspec}\n\\setmainfont{${l.font === 'serif' ? 'Latin Modern Roman' : 'DejaVu Sans'}}`
    : `\\usepackage[T1]{fontenc}\n\\usepackage[utf8]{inputenc}\n\\usepackage{textcomp}\n${l.font === 'serif' ? '\\usepackage{lmodern}' : '\\usepackage{lmodern}\\renewcommand{\\familydefault}{\\sfdefault}'}`;
  return [
    `\\documentclass[a4paper,${l.columns === 1 ? '11pt' : '10pt'}]{article}`,
    fonts,
    `\\usepackage[english]{babel}`,
    l.hyphenate ? '' : '\\usepackage[none]{hyphenat}\\sloppy',
    '\\usepackage[margin=2cm,top=2.4cm,bottom=2.4cm]{geometry}',
    '\\usepackage{xcolor,multicol,tcolorbox,fancyhdr,array,tabularx,booktabs,enumitem}',
    '\\tcbuselibrary{breakable}',
    '\\setlength{\\parindent}{0pt}\\setlength{\\parskip}{5pt}\\setlength{\\columnsep}{16pt}',
    furniture(l, issue.masthead.numberLine),
    // \\newcommand's body may hold \\par where multicols' optional argument may not.
    '\\newcommand{\\sectiontitle}[2]{\\if\\relax\\detokenize{#1}\\relax\\else{\\large\\itshape #1\\par}\\vspace{2pt}\\fi{\\raggedright\\LARGE\\bfseries #2\\par}\\vspace{8pt}}',
  ].join('\n');
}

function pageNumber(l: Layout): string {
  return l.pageNumbers === 'none' ? '' : l.pageNumbers === 'plain' ? '\\thepage' : 'Page \\thepage';
}

const CORNER_SLOT = {
  'top-left': 'head[L]',
  'top-right': 'head[R]',
  'bottom-left': 'foot[L]',
  'bottom-right': 'foot[R]',
} as const;

function furniture(l: Layout, numberLine: string): string {
  const slots: Record<string, string> = {};
  if (l.header) slots['head[C]'] = `\\small ${tex(l.header)}`;
  if (l.footer) slots['foot[L]'] = `\\small ${tex(l.footer)}`;
  if (l.pageNumbers !== 'none') slots['foot[R]'] = `\\small ${pageNumber(l)}`;
  const commands = (s: Record<string, string>) =>
    Object.entries(s)
      .map(([slot, text]) => `\\fancy${slot}{${text}}`)
      .join('\n');
  // Page 1 carries the number line in its corner and, when that corner is at the top, no running header (they would share a line).
  const { 'head[C]': header, ...rest } = slots;
  const first =
    l.masthead === 'corner'
      ? {
          ...(l.corner.startsWith('top') ? rest : { ...rest, ...(header ? { 'head[C]': header } : {}) }),
          [CORNER_SLOT[l.corner]]: `\\small\\bfseries ${tex(numberLine)}`,
        }
      : slots;
  return `\\pagestyle{fancy}\\fancyhf{}\\renewcommand{\\headrulewidth}{0pt}\n${commands(slots)}\n\\fancypagestyle{first}{\\fancyhf{}${commands(first)}}`;
}

function title(s: Section): string {
  const words = s.title.split(' ');
  const text = s.titleBreak
    ? `${tex(words.slice(0, s.titleBreak).join(' '))}\\\\ ${tex(words.slice(s.titleBreak).join(' '))}`
    : tex(s.title);
  return `\\sectiontitle{${s.kicker ? tex(s.kicker) : ''}}{${text}}`;
}

function calendar(b: Extract<Block, { kind: 'calendar' }>): string {
  const item = (i: { when: string; where: string; what: string }) => `${tex(i.when)}, ${tex(i.where)}: ${tex(i.what)}`;
  if (b.form === 'list') {
    const list = (items: typeof b.past) =>
      `\\begin{itemize}[leftmargin=1em]\n${items.map((i) => `\\item ${item(i)}`).join('\n')}\n\\end{itemize}`;
    return `\\textbf{En bref}\n${list(b.past)}\n\\textbf{À venir}\n${list(b.coming)}`;
  }
  if (b.form === 'columns') {
    const col = (head: string, items: typeof b.past) =>
      `\\begin{minipage}[t]{0.47\\linewidth}\\raggedright\\textbf{${head}}\\par\\smallskip ${items.map((i) => `${item(i)}\\par\\smallskip`).join('\n')}\\end{minipage}`;
    return `\\par\\noindent${col('En bref', b.past)}\\hfill${col('À venir', b.coming)}\\par`;
  }
  const rows = b.past.map(
    (p, i) =>
      `\\raggedright ${item(p)} & \\raggedright\\arraybackslash ${b.coming[i] ? item(b.coming[i]!) : ''}\\\\ \\midrule`,
  );
  return `\\par\\noindent\\begin{tabular}{@{}p{0.46\\linewidth}|p{0.46\\linewidth}@{}}\\toprule \\textbf{En bref} & \\textbf{À venir}\\\\ \\midrule\n${rows.join('\n')}\n\\end{tabular}\\par`;
}

/** A sidebar stands in a minipage to the right of the paragraph after it (wrapfig overflowed a page's foot). */
const SIDEBAR_OPEN =
  '\\hfill\\begin{minipage}[t]{0.36\\linewidth}\\vspace{0pt}\\begin{tcolorbox}[colback=gray!15,colframe=gray!60,boxrule=0.5pt,left=4pt,right=4pt]';

function blocks(s: Section, issue: Issue): string {
  const out: string[] = [];
  for (let i = 0; i < s.blocks.length; i++) {
    const b = s.blocks[i]!;
    const next = s.blocks[i + 1];
    if (b.kind === 'box' && b.side && issue.layout.columns === 1 && next?.kind === 'para' && !next.footnote) {
      out.push(
        `\\par\\noindent\\begin{minipage}[t]{0.6\\linewidth}\\vspace{0pt}${tex(next.text)}\\end{minipage}${block(b, issue)}\\par\\medskip`,
      );
      i++;
    } else out.push(block(b, issue));
  }
  return out.join('\n');
}

function block(b: Block, issue: Issue): string {
  switch (b.kind) {
    case 'para':
      return `${tex(b.text)}${b.footnote ? `\\footnote{${tex(b.footnote)}}` : ''}\n`;
    case 'subhead':
      return `\\par\\medskip{\\large\\bfseries ${tex(b.text)}\\par}\n`;
    case 'box': {
      const inner = `\\textbf{${tex(b.title)}}\\par ${b.paras.map((p) => `${tex(p)}\\par`).join('\n')}`;
      if (b.side && issue.layout.columns === 1)
        return `${SIDEBAR_OPEN}\\small\\raggedright ${inner}\\end{tcolorbox}\\end{minipage}\n`;
      return `\\begin{tcolorbox}[colback=blue!6,colframe=blue!40!black,boxrule=0.6pt]\\raggedright ${inner}\\end{tcolorbox}\n`;
    }
    case 'quote':
      return `\\begin{center}\\begin{minipage}{0.9\\linewidth}\\centering\\large\\itshape ${tex(b.text)}\\par\\smallskip\\normalsize\\upshape ${tex(b.by)}\\end{minipage}\\end{center}\n`;
    case 'table':
      return `\\par\\noindent\\textbf{${tex(b.caption)}}\\par\\smallskip\\noindent\\begin{tabular}{@{}lrr@{}}\\toprule ${b.head.map(tex).join(' & ')}\\\\ \\midrule\n${b.rows.map((r) => r.map(tex).join(' & ') + '\\\\').join('\n')}\n\\bottomrule\\end{tabular}\\par\\medskip\n`;
    case 'calendar':
      return calendar(b) + '\n';
    case 'contacts':
      return `\\par\\medskip{\\small ${b.lines.map((l) => `${tex(l)}\\par`).join('\n')}}\n`;
  }
}

function masthead(issue: Issue): string {
  const { layout: l, masthead: m } = issue;
  const name = `{\\Huge\\bfseries ${tex(m.name)}\\par}`;
  switch (l.masthead) {
    case 'none':
      return '';
    case 'band':
      return `\\noindent\\colorbox{blue!55!black}{\\parbox{\\dimexpr\\textwidth-2\\fboxsep}{\\color{white}\\vspace{6pt}{\\huge\\bfseries ${tex(m.name)}\\par}\\vspace{4pt}{\\large ${tex(m.numberLine)}\\par}\\vspace{6pt}}}\\par\\bigskip`;
    case 'cover':
      return `\\begin{titlepage}\\centering\\vspace*{4cm}${name}\\vspace{1cm}{\\LARGE ${tex(m.numberLine)}\\par}\\vspace{2cm}{\\large ${tex(m.smallprint)}\\par}\\vfill{\\Large\\itshape ${tex(m.headline)}\\par}\\end{titlepage}`;
    case 'smallprint':
      return `{\\footnotesize ${tex(m.smallprint)}\\par}\\medskip${name}\\smallskip{\\large ${tex(m.numberLine)}\\par}\\bigskip`;
    case 'corner':
      return `\\thispagestyle{first}${name}\\bigskip`;
  }
}

export function latexSource(issue: Issue): string {
  const cols = issue.layout.columns;
  const body = issue.sections
    .map((s) => {
      const content = blocks(s, issue);
      if (cols === 1) return `${title(s)}\n${content}`;
      return `\\begin{multicols}{${cols}}[${title(s)}]\n${content}\n\\end{multicols}`;
    })
    .join('\n\\bigskip\n');
  return `${preamble(issue)}\n\\begin{document}\n${masthead(issue)}\n${body}\n\\end{document}\n`;
}

export async function renderLatex(issue: Issue, dir: string): Promise<string> {
  writeFileSync(join(dir, 'issue.tex'), latexSource(issue));
  const cmd = issue.layout.engine;
  for (let pass = 0; pass < 2; pass++) await run(cmd, ['-interaction=nonstopmode', '-halt-on-error', 'issue.tex'], dir);
  return join(dir, 'issue.pdf');
}
