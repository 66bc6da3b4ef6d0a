/** Which renderer typesets which engine, and whether the engine is on this machine (#29). */
import type { Engine, Issue } from '../model.std';
import { renderDocx } from './docx.node';
import { renderGroff } from './groff.node';
import { renderHtml } from './html.node';
import { renderLatex } from './latex.node';
import { renderOdt } from './odt.node';
import { renderTypst } from './typst.node';
import { hasCommand } from './run.node';

const COMMAND: Record<Engine, string> = {
  pdflatex: 'pdflatex',
  lualatex: 'lualatex',
  xelatex: 'xelatex',
  'groff-ms': 'groff',
  'groff-mom': 'groff',
  typst: 'node',
  odt: 'soffice',
  docx: 'soffice',
  chromium: '/usr/bin/chromium',
};

export function engineAvailable(engine: Engine): boolean {
  return hasCommand(COMMAND[engine]);
}

export async function renderIssue(issue: Issue, dir: string): Promise<string> {
  switch (issue.layout.engine) {
    case 'pdflatex':
    case 'lualatex':
    case 'xelatex':
      return renderLatex(issue, dir);
    case 'groff-ms':
    case 'groff-mom':
      return renderGroff(issue, dir);
    case 'typst':
      return renderTypst(issue, dir);
    case 'odt':
      return renderOdt(issue, dir);
    case 'docx':
      return renderDocx(issue, dir);
    case 'chromium':
      return renderHtml(issue, dir);
  }
}
