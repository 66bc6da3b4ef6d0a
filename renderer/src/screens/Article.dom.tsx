/** One section of an issue, as the newsletter prints it, with the way to the previous and next. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { Paragraph } from '../../../common/contract/contract.std';
import { ContractError } from '../../../common/contract/errors.std';
import { api } from '../api/client.dom';
import { useCall } from '../api/useCall.dom';
import { issueLabel } from '../format/format.dom';
import { Screen } from '../app/Screen.dom';
import { useSettings } from '../app/Settings.dom';
import { usePlaces } from '../format/places.dom';
import { BookmarkButton } from '../bookmarks/BookmarkButton.dom';
import { CalendarTable, groupPassages, Passage } from './Passage.dom';

const BOX_LABELS: Record<string, string> = { 'key-figures': 'Key figures', calendar: 'Calendar', contact: 'Contact' };

/** A section's passages as the newsletter sets them: side boxes as boxes, the calendar as a table. */
export function ArticleProse({ paragraphs }: { paragraphs: Paragraph[] }) {
  const { t } = useTranslation();
  return (
    <div className="prose">
      {groupPassages(paragraphs).map((item) =>
        'box' in item ? (
          <aside
            key={item.items[0]!.key}
            className={`side-box side-box-${item.box}`}
            aria-label={t(BOX_LABELS[item.box]!)}
          >
            {item.box === 'calendar' ? (
              <CalendarTable items={item.items} />
            ) : (
              item.items.map((p) => <Passage key={p.key} paragraph={p} />)
            )}
          </aside>
        ) : (
          <Passage key={item.key} paragraph={item} />
        ),
      )}
    </div>
  );
}

export function ArticleScreen() {
  const { t } = useTranslation();
  const { locale } = useSettings();
  const { country } = usePlaces();
  const { issueKey = '', '*': rest = '' } = useParams();
  const sectionKey = `${issueKey}/${rest}`;
  const [params] = useSearchParams();
  const target = params.get('p');
  const loaded = useCall(async () => {
    const issue = await api.content.getIssue({ key: issueKey });
    const index = issue.sections.findIndex((s) => s.key === sectionKey);
    if (index < 0) throw new ContractError('NOT_FOUND', t('This article is not in the archive.'));
    return { issue, index };
  }, [sectionKey]);
  useEffect(() => {
    if (loaded.state !== 'ready' || !target) return;
    const element = document.querySelector(`[data-key="${CSS.escape(target)}"]`);
    element?.scrollIntoView({ block: 'center' });
    element?.classList.add('is-target');
  }, [loaded.state, target]);
  const title = loaded.state === 'ready' ? loaded.value.issue.sections[loaded.value.index]!.title : '';
  return (
    <Screen
      name="article"
      title={title}
      loaded={loaded}
      item={sectionKey}
      visit={{ route: `/read/${sectionKey}`, kind: 'Article' }}
    >
      {({ issue, index }) => {
        const section = issue.sections[index]!;
        const previous = issue.sections[index - 1];
        const next = issue.sections[index + 1];
        const named = new Map(section.paragraphs.flatMap((p) => p.links ?? []).map((l) => [l.key, l]));
        return (
          <article className="article">
            <nav aria-label={t('Breadcrumb')} className="breadcrumb">
              <Link to="/">{t('Library')}</Link> › <Link to={`/issue/${issue.key}`}>{issue.title}</Link>
            </nav>
            <header className="screen-header">
              <p className="issue-meta">
                {issueLabel(issue, locale, (n) => t('No. {{number}}', { number: n }))}
                {section.page ? ` · ${t('page {{page}}', { page: section.page })}` : ''}
              </p>
              {section.kicker && <p className="kicker">{section.kicker}</p>}
              <h1>{section.title}</h1>
              <BookmarkButton itemKey={section.key} label={section.title} />
              <Link className="print-link" to={`/print/read/${section.key}`}>
                {t('Print…')}
              </Link>
            </header>
            <ArticleProse paragraphs={section.paragraphs} />
            {named.size > 0 && (
              <aside className="named" aria-labelledby="named-heading">
                <h2 id="named-heading" className="toc-heading">
                  {t('In this article')}
                </h2>
                <ul>
                  {[...named.values()]
                    .sort((a, b) => a.type.localeCompare(b.type) || a.name.localeCompare(b.name))
                    .map((l) => (
                      <li key={l.key}>
                        <Link to={`/entity/${l.key}`}>{l.type === 'country' ? country(l.name) : l.name}</Link>
                      </li>
                    ))}
                </ul>
              </aside>
            )}
            <nav aria-label={t('Previous and next article')} className="pager">
              {previous ? (
                <Link to={`/read/${previous.key}`} rel="prev">
                  ← {previous.title}
                </Link>
              ) : (
                <span />
              )}
              {next ? (
                <Link to={`/read/${next.key}`} rel="next">
                  {next.title} →
                </Link>
              ) : (
                <span />
              )}
            </nav>
          </article>
        );
      }}
    </Screen>
  );
}
