/**
 * The whole issue on paper: a cover with the table of contents, then every section in order with
 * its boxes, quotes and calendar tables, as the Article screen sets them.
 *
 * The contents give the page each section starts on in this print. Chromium's print does not
 * implement `target-counter()`, so the pages are found in two passes: the view is laid out once,
 * then a copy of it is fragmented into columns the size of the printed page's content box (the
 * same fragmentation rules, `break-inside`, `break-after`, orphans and widows, as printing), the
 * column of each section's heading is its page, and the contents are filled in. The typography
 * of this view is the same on screen and in print, so the copy measures what is printed; the
 * e2e suite checks each number against the PDF, page by page.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { IssueDetail } from '../../../common/contract/contract.std';
import { api } from '../api/client.dom';
import { useCall } from '../api/useCall.dom';
import { issueLabel } from '../format/format.dom';
import { Screen } from '../app/Screen.dom';
import { useSettings } from '../app/Settings.dom';
import { ArticleProse } from '../screens/Article.dom';
import { pageBox, PrintFrame, usePageSetup } from './PrintFrame.dom';

/** The page each `[data-toc-target]` starts on, from a copy of `article` cut into page-sized columns. */
function measurePages(article: HTMLElement, box: { width: number; height: number }): Map<string, number> {
  const host = document.createElement('div');
  host.className = 'paginate';
  host.setAttribute('aria-hidden', 'true');
  // Sizes through the CSSOM: the CSP refuses style attributes in markup, not this.
  Object.assign(host.style, { width: `${box.width}px`, height: `${box.height}px`, columnWidth: `${box.width}px` });
  host.append(article.cloneNode(true));
  article.parentElement!.append(host);
  // One column a page, side by side: a heading's column is its page (the stride is read back, zoom included).
  const { left, width: stride } = host.getBoundingClientRect();
  const pages = new Map<string, number>();
  for (const target of host.querySelectorAll<HTMLElement>('[data-toc-target]')) {
    const first = target.getClientRects()[0];
    if (first) pages.set(target.dataset.tocTarget!, Math.floor((first.left - left + 1) / stride) + 1);
  }
  host.remove();
  return pages;
}

/** Pages for the contents, measured again whenever the paper, the orientation or the text size changes. */
function usePrintedPages(issueKey: string) {
  const { paper, orientation } = usePageSetup();
  const { settings } = useSettings();
  const ref = useRef<HTMLElement>(null);
  const [pages, setPages] = useState<Map<string, number> | null>(null);
  useEffect(() => {
    let current = true;
    setPages(null);
    void document.fonts.ready.then(() => {
      if (current && ref.current) setPages(measurePages(ref.current, pageBox(paper, orientation)));
    });
    return () => {
      current = false;
    };
  }, [issueKey, paper, orientation, settings.textSize]);
  return { ref, pages };
}

function WholeIssueBody({ issue, label }: { issue: IssueDetail; label: string }) {
  const { t } = useTranslation();
  const { ref, pages } = usePrintedPages(issue.key);
  return (
    <article className="whole-issue" ref={ref} data-paginated={pages ? 'true' : undefined}>
      <header className="whole-cover">
        <p className="issue-meta">{label}</p>
        <h1>{issue.title}</h1>
      </header>
      <nav className="whole-toc" aria-labelledby="whole-toc-heading">
        <h2 id="whole-toc-heading">{t('Contents')}</h2>
        <ol>
          {issue.sections.map((s) => (
            <li key={s.key} data-toc-entry={s.key}>
              <span className="toc-title">
                {s.kicker && <span className="kicker">{s.kicker} </span>}
                {s.title}
              </span>
              <span
                className="toc-page"
                aria-label={pages?.get(s.key) ? t('page {{page}}', { page: pages.get(s.key) }) : undefined}
              >
                {pages?.get(s.key) ?? ''}
              </span>
            </li>
          ))}
        </ol>
      </nav>
      {issue.sections.map((s) => (
        <section key={s.key} className="whole-section" aria-labelledby={`h-${s.key}`}>
          <header className="whole-section-header" data-toc-target={s.key}>
            {s.kicker && <p className="kicker">{s.kicker}</p>}
            <h2 id={`h-${s.key}`}>{s.title}</h2>
          </header>
          <ArticleProse paragraphs={s.paragraphs} />
        </section>
      ))}
    </article>
  );
}

export function WholeIssueScreen() {
  const { t } = useTranslation();
  const { locale } = useSettings();
  const { issueKey = '' } = useParams();
  const loaded = useCall(() => api.content.getIssue({ key: issueKey }), [issueKey]);
  return (
    <Screen name="print-whole" title={loaded.state === 'ready' ? loaded.value.title : ''} loaded={loaded}>
      {(issue) => {
        const label = issueLabel(issue, locale, (n) => t('No. {{number}}', { number: n }));
        return (
          <PrintFrame title={issue.title} date={label} back={`/issue/${issue.key}`}>
            <WholeIssueBody issue={issue} label={label} />
          </PrintFrame>
        );
      }}
    </Screen>
  );
}
