/**
 * The frame of every printable view: a preview toolbar (paper size, orientation, print) that never
 * prints, and the page rules — margins, page numbers, a running header with the title and the date
 * — set as a constructed style sheet (CSSOM, allowed by the CSP, unlike inline styles).
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fitRunningHeader } from '../../../common/content/running-header.std';

export type Paper = 'A4' | 'letter';
export type Orientation = 'portrait' | 'landscape';

/** Paper sizes in millimetres (portrait) and the page margins the frame sets. */
const PAPER_MM: Record<Paper, [number, number]> = { A4: [210, 297], letter: [215.9, 279.4] };
export const MARGIN_MM = { top: 20, right: 16, bottom: 18, left: 16 };
const HEADER_FONT = '8.5pt sans-serif';
/** Room kept between the title (top left) and the date (top right). */
const HEADER_GAP_MM = 8;
const PX_PER_MM = 96 / 25.4;

/** The printed page's content box in CSS pixels, for views that lay out pages themselves. */
export function pageBox(paper: Paper, orientation: Orientation): { width: number; height: number } {
  const [w, h] = orientation === 'portrait' ? PAPER_MM[paper] : [...PAPER_MM[paper]].reverse();
  return {
    width: (w! - MARGIN_MM.left - MARGIN_MM.right) * PX_PER_MM,
    height: (h! - MARGIN_MM.top - MARGIN_MM.bottom) * PX_PER_MM,
  };
}

const PageSetup = createContext<{ paper: Paper; orientation: Orientation }>({ paper: 'A4', orientation: 'portrait' });
/** The paper and orientation chosen in the preview. */
export const usePageSetup = () => useContext(PageSetup);

const quote = (s: string) => `"${s.replace(/["\\\n]/g, ' ')}"`;

/** The title as the running header prints it: whole words and an ellipsis, in the room the date leaves. */
function runningHeader(title: string, date: string, paper: Paper, orientation: Orientation): string {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return title;
  context.font = HEADER_FONT;
  const width = (text: string) => context.measureText(text).width;
  const room = pageBox(paper, orientation).width - width(date) - HEADER_GAP_MM * PX_PER_MM;
  return fitRunningHeader(title, room, width);
}

/** The page's own title (set by the screen inside), for frames around screens that load their item. */
function useDocumentTitle(): string {
  const [title, setTitle] = useState(document.title);
  useEffect(() => {
    const element = document.querySelector('title');
    if (!element) return;
    const observer = new MutationObserver(() => setTitle(document.title));
    observer.observe(element, { childList: true, characterData: true, subtree: true });
    return () => observer.disconnect();
  }, []);
  return title.replace(/ — Valise$/, '');
}

export function PrintFrame(props: { title?: string; date: string; back: string; children: ReactNode }) {
  const { t } = useTranslation();
  const documentTitle = useDocumentTitle();
  const title = props.title ?? documentTitle;
  const [paper, setPaper] = useState<Paper>('A4');
  const [orientation, setOrientation] = useState<Orientation>('portrait');
  useEffect(() => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`@page {
      size: ${paper} ${orientation};
      margin: ${MARGIN_MM.top}mm ${MARGIN_MM.right}mm ${MARGIN_MM.bottom}mm ${MARGIN_MM.left}mm;
      @top-left { content: ${quote(runningHeader(title, props.date, paper, orientation))}; font: ${HEADER_FONT}; color: #444; white-space: nowrap; }
      @top-right { content: ${quote(props.date)}; font: ${HEADER_FONT}; color: #444; white-space: nowrap; }
      @bottom-left { content: "Valise — Fight against human trafficking in South-East Europe"; font: 8pt sans-serif; color: #666; }
      @bottom-right { content: counter(page) " / " counter(pages); font: 8.5pt sans-serif; color: #444; }
    }`);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    document.documentElement.classList.add('printing');
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
      document.documentElement.classList.remove('printing');
    };
  }, [paper, orientation, title, props.date]);
  return (
    <div className={`print-preview paper-${paper.toLowerCase()} ${orientation}`}>
      <div className="print-toolbar" role="toolbar" aria-label={t('Print preview')}>
        <Link to={props.back}>← {t('Back')}</Link>
        <label>
          {t('Paper')}
          <select value={paper} onChange={(e) => setPaper(e.target.value as Paper)}>
            <option value="A4">A4</option>
            <option value="letter">US Letter</option>
          </select>
        </label>
        <label>
          {t('Orientation')}
          <select value={orientation} onChange={(e) => setOrientation(e.target.value as Orientation)}>
            <option value="portrait">{t('Portrait')}</option>
            <option value="landscape">{t('Landscape')}</option>
          </select>
        </label>
        <button type="button" className="primary" onClick={() => window.print()}>
          {t('Print…')}
        </button>
      </div>
      <PageSetup.Provider value={{ paper, orientation }}>
        <div className="sheet">{props.children}</div>
      </PageSetup.Provider>
    </div>
  );
}
