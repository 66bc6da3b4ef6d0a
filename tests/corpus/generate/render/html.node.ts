/**
 * Chromium printing HTML/CSS through Playwright's `page.pdf` with Debian's /usr/bin/chromium
 * (#29): CSS columns, titles spanning the columns, a floated sidebar, framed boxes, tables, a
 * flex calendar in two columns, notes at the end of the section, `hyphens: auto`, the running
 * header and footer and page numbers as Chromium's print header and footer templates, the page-1
 * corner line positioned absolutely on the first page.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Block, CalendarItem, Issue, Layout, Section } from '../model.std';

export const CHROMIUM = '/usr/bin/chromium';
export const html = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const calItem = (i: CalendarItem) => html(`${i.when}, ${i.where}: ${i.what}`);

function calendar(b: Extract<Block, { kind: 'calendar' }>): string {
  const list = (items: CalendarItem[]) => `<ul>${items.map((i) => `<li>${calItem(i)}</li>`).join('')}</ul>`;
  if (b.form === 'list') return `<h4>En bref</h4>${list(b.past)}<h4>À venir</h4>${list(b.coming)}`;
  if (b.form === 'columns')
    return `<div class="cal2"><div><h4>En bref</h4>${b.past.map((i) => `<p>${calItem(i)}</p>`).join('')}</div><div><h4>À venir</h4>${b.coming.map((i) => `<p>${calItem(i)}</p>`).join('')}</div></div>`;
  return `<table class="cal"><tr><th>En bref</th><th>À venir</th></tr>${b.past.map((p, i) => `<tr><td>${calItem(p)}</td><td>${b.coming[i] ? calItem(b.coming[i]!) : ''}</td></tr>`).join('')}</table>`;
}

function block(b: Block, notes: string[]): string {
  switch (b.kind) {
    case 'para':
      if (b.footnote) notes.push(b.footnote);
      return `<p>${html(b.text)}${b.footnote ? `<sup>${notes.length}</sup>` : ''}</p>`;
    case 'subhead':
      return `<h3>${html(b.text)}</h3>`;
    case 'box':
      return `<aside class="${b.side ? 'side' : 'box'}"><h4>${html(b.title)}</h4>${b.paras.map((p) => `<p>${html(p)}</p>`).join('')}</aside>`;
    case 'quote':
      return `<blockquote><p>${html(b.text)}</p><p class="by">${html(b.by)}</p></blockquote>`;
    case 'table':
      return `<table class="fig"><caption>${html(b.caption)}</caption><tr>${b.head.map((h) => `<th>${html(h)}</th>`).join('')}</tr>${b.rows.map((r) => `<tr>${r.map((c) => `<td>${html(c)}</td>`).join('')}</tr>`).join('')}</table>`;
    case 'calendar':
      return calendar(b);
    case 'contacts':
      return `<div class="contacts">${b.lines.map((l) => `<p>${html(l)}</p>`).join('')}</div>`;
  }
}

function section(s: Section): string {
  const notes: string[] = [];
  const words = s.title.split(' ');
  const title = s.titleBreak
    ? `${html(words.slice(0, s.titleBreak).join(' '))}<br>${html(words.slice(s.titleBreak).join(' '))}`
    : html(s.title);
  const body = s.blocks.map((b) => block(b, notes)).join('\n');
  const foot = notes.length ? `<ol class="notes">${notes.map((n) => `<li>${html(n)}</li>`).join('')}</ol>` : '';
  return `<section>${s.kicker ? `<p class="kicker">${html(s.kicker)}</p>` : ''}<h2>${title}</h2>${body}${foot}</section>`;
}

/** Inside page 1's area (257 mm high): what stands outside it is clipped or pushed to page 2. */
const CORNER_CSS: Record<Layout['corner'], string> = {
  'top-left': 'top:0;left:0',
  'top-right': 'top:0;right:0',
  'bottom-left': 'top:250mm;left:0',
  'bottom-right': 'top:250mm;right:0',
};

function masthead(issue: Issue): string {
  const { layout: l, masthead: m } = issue;
  switch (l.masthead) {
    case 'none':
      return '';
    case 'band':
      return `<header class="band"><h1>${html(m.name)}</h1><p>${html(m.numberLine)}</p></header>`;
    case 'cover':
      return `<header class="cover"><h1>${html(m.name)}</h1><p class="num">${html(m.numberLine)}</p><p>${html(m.smallprint)}</p><p class="headline">${html(m.headline)}</p></header>`;
    case 'smallprint':
      return `<header><p class="small">${html(m.smallprint)}</p><h1>${html(m.name)}</h1><p>${html(m.numberLine)}</p></header>`;
    case 'corner':
      return `<div class="corner" style="${CORNER_CSS[l.corner]}">${html(m.numberLine)}</div><header style="padding-top:16pt"><h1>${html(m.name)}</h1></header>`;
  }
}

export function htmlSource(issue: Issue): string {
  const l = issue.layout;
  const font =
    l.font === 'serif' ? "'Liberation Serif', 'DejaVu Serif', serif" : "'DejaVu Sans', 'Liberation Sans', sans-serif";
  const css = `@page{size:A4;margin:20mm 18mm}
body{font-family:${font};font-size:10pt;line-height:1.3;margin:0;position:relative;font-variant-ligatures:common-ligatures}
main{column-count:${l.columns};column-gap:7mm}
p{margin:0 0 5pt;text-align:justify;hyphens:${l.hyphenate ? 'auto' : 'manual'}}
h1{font-size:22pt;margin:0 0 4pt} h2{font-size:15pt;margin:12pt 0 6pt;column-span:all;text-align:left} h3{font-size:11pt;margin:8pt 0 4pt} h4{margin:2pt 0 4pt;font-size:10pt}
.kicker{font-style:italic;font-size:12pt;column-span:all;margin:10pt 0 0}
.band{background:#1d3557;color:#fff;padding:10pt;margin-bottom:10pt}
.cover{height:250mm;text-align:center;break-after:page;padding-top:50mm}.cover .num{font-size:16pt}.cover .headline{font-style:italic;font-size:14pt;margin-top:60mm;text-align:center}
.small{font-size:7pt}.corner{position:absolute;font-weight:bold;font-size:9pt}
.box{border:1px solid #456;background:#e4e8f0;padding:6pt;margin:6pt 0;break-inside:avoid}
.side{float:right;width:38%;margin:0 0 6pt 8pt;border:1px solid #666;background:#eee;padding:6pt}
blockquote{font-style:italic;font-size:12pt;text-align:center;margin:8pt 10pt}.by{font-style:normal;font-size:9pt;text-align:center}
table{border-collapse:collapse;width:100%;margin:6pt 0;break-inside:avoid}td,th{border:1px solid #333;padding:3pt;font-size:9pt;text-align:left;vertical-align:top}caption{font-weight:bold;text-align:left}
.cal2{display:flex;gap:10pt}.cal2>div{flex:1}.contacts p{font-size:8pt;text-align:left}.notes{font-size:8pt}`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>${css}</style></head><body>${masthead(issue)}<main>${issue.sections.map(section).join('\n')}</main></body></html>`;
}

function templates(l: Layout): { header: string; footer: string } {
  const style = 'font-size:8px;width:100%;margin:0 18mm;font-family:sans-serif;';
  const number =
    l.pageNumbers === 'none'
      ? ''
      : `<span style="float:right">${l.pageNumbers === 'page-n' ? 'Page ' : ''}<span class="pageNumber"></span></span>`;
  return {
    header: `<div style="${style}text-align:center">${l.header ? html(l.header) : ''}</div>`,
    footer: `<div style="${style}"><span>${l.footer ? html(l.footer) : ''}</span>${number}</div>`,
  };
}

export async function renderHtml(issue: Issue, dir: string): Promise<string> {
  const { chromium } = await import('@playwright/test');
  writeFileSync(join(dir, 'issue.html'), htmlSource(issue));
  const browser = await chromium.launch({ executablePath: CHROMIUM });
  try {
    const page = await browser.newPage();
    await page.goto(`file://${join(dir, 'issue.html')}`);
    const t = templates(issue.layout);
    await page.pdf({
      path: join(dir, 'issue.pdf'),
      format: 'A4',
      displayHeaderFooter: true,
      headerTemplate: t.header,
      footerTemplate: t.footer,
      margin: { top: '20mm', bottom: '20mm', left: '18mm', right: '18mm' },
      printBackground: true,
    });
  } finally {
    await browser.close();
  }
  return join(dir, 'issue.pdf');
}
