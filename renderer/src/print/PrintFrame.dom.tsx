/**
 * The frame of every printable view: a preview toolbar (paper size, orientation, print) that never
 * prints, and the page rules — margins, page numbers, a running header with the title and the date
 * — set as a constructed style sheet (CSSOM, allowed by the CSP, unlike inline styles).
 */
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

type Paper = 'A4' | 'letter';
type Orientation = 'portrait' | 'landscape';

const quote = (s: string) => `"${s.replace(/["\\\n]/g, ' ').slice(0, 90)}"`;

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
      margin: 20mm 16mm 18mm;
      @top-left { content: ${quote(title)}; font: 8.5pt sans-serif; color: #444; }
      @top-right { content: ${quote(props.date)}; font: 8.5pt sans-serif; color: #444; }
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
        <button type="button" className="primary" onClick={() => window.print()}>{t('Print…')}</button>
      </div>
      <div className="sheet">{props.children}</div>
    </div>
  );
}
