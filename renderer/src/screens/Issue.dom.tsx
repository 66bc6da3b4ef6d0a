/** One issue: its title, number and date, its own summary, contents with pages, and its facts at a glance. */
import { useTranslation } from 'react-i18next';
import type { EntitySummary, IssueDetail } from '../../../common/contract/contract.std';
import { Link, useParams } from 'react-router';
import { api } from '../api/client.dom';
import { useCall } from '../api/useCall.dom';
import { issueLabel } from '../format/format.dom';
import { Screen } from '../app/Screen.dom';
import { useSettings } from '../app/Settings.dom';
import { issueSummaryOf } from '../../../common/content/summary.std';
import { ContactList, EventList, FigureList, glanceEvents, keyFigures, useIssues } from './Facts.dom';

/** The issue's own summary, where it has one, and its sections with their pages. */
function IssueContents({ issue }: { issue: IssueDetail }) {
  const { t } = useTranslation();
  const summary = issueSummaryOf(issue);
  return (
    <div>
      {summary.length > 0 && (
        <section aria-labelledby="summary-heading" className="issue-summary">
          <h2 id="summary-heading" className="toc-heading">
            {t('The issue in brief')}
          </h2>
          {summary.map((text) => (
            <p key={text}>{text}</p>
          ))}
        </section>
      )}
      <h2 className="toc-heading">{t('Contents')}</h2>
      <ol className="toc">
        {issue.sections.map((section) => (
          <li key={section.key}>
            <Link to={`/read/${section.key}`} className="toc-entry">
              <span className="toc-title">
                {section.kicker && <span className="kicker">{section.kicker} </span>}
                {section.title}
              </span>
              <span
                className="toc-page"
                aria-label={section.page ? t('page {{page}}', { page: section.page }) : undefined}
              >
                {section.page ?? ''}
              </span>
            </Link>
          </li>
        ))}
      </ol>
    </div>
  );
}

/** At a glance: the key figures, the coming events and the latest past ones (the rest a click away), the contacts. */
function IssueGlance({
  issueKey,
  facts,
  issues,
}: {
  issueKey: string;
  facts: EntitySummary[];
  issues: ReturnType<typeof useIssues>;
}) {
  const { t } = useTranslation();
  const figures = keyFigures(facts);
  const allEvents = facts.filter((f) => f.type === 'event');
  const { coming, past } = glanceEvents(facts, 4);
  const events = [...coming, ...past];
  const contacts = facts.filter((f) => f.type === 'contact');
  return (
    <aside className="glance" aria-label={t('In this issue')}>
      {figures.length > 0 && (
        <section>
          <h2>{t('Key figures')}</h2>
          <FigureList figures={figures} />
        </section>
      )}
      {events.length > 0 && (
        <section>
          <h2>{t('Events')}</h2>
          <EventList events={events} issues={issues} />
          {allEvents.length > events.length && (
            <p className="more">
              <Link to={`/calendar?${new URLSearchParams({ issue: issueKey }).toString()}`}>
                {t('All {{count}} events in the calendar', { count: allEvents.length })}
              </Link>
            </p>
          )}
        </section>
      )}
      {contacts.length > 0 && (
        <section>
          <h2>{t('Contacts')}</h2>
          <ContactList contacts={contacts} />
        </section>
      )}
    </aside>
  );
}

export function IssueScreen() {
  const { t } = useTranslation();
  const { locale } = useSettings();
  const { issueKey = '' } = useParams();
  const loaded = useCall(() => api.content.getIssue({ key: issueKey }), [issueKey]);
  const issues = useIssues();
  return (
    <Screen
      name="issue"
      title={loaded.state === 'ready' ? loaded.value.title : ''}
      loaded={loaded}
      visit={{ route: `/issue/${issueKey}`, kind: 'Issue' }}
    >
      {(issue) => (
        <article className="issue">
          <nav aria-label={t('Breadcrumb')} className="breadcrumb">
            <Link to="/">{t('Library')}</Link>
          </nav>
          <header className="screen-header">
            <p className="issue-meta">{issueLabel(issue, locale, (n) => t('No. {{number}}', { number: n }))}</p>
            <h1>{issue.title}</h1>
            <Link className="print-link" to={`/print/issue/${issue.key}`}>
              {t('Print a brief…')}
            </Link>
            <Link className="print-link" to={`/print/whole/${issue.key}`}>
              {t('Print the whole issue…')}
            </Link>
          </header>
          <div className="issue-layout">
            <IssueContents issue={issue} />
            <IssueGlance issueKey={issue.key} facts={issue.facts ?? []} issues={issues} />
          </div>
        </article>
      )}
    </Screen>
  );
}
