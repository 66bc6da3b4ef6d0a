/** The library: every issue as a card, newest first, with its sections; and what was viewed recently. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api/client.dom';
import { useCall } from '../api/useCall.dom';
import { issueLabel } from '../app/format.dom';
import { recentVisits } from '../app/history.dom';
import { Screen } from '../app/Screen.dom';
import { useSettings } from '../app/Settings.dom';

export function LibraryScreen() {
  const { t } = useTranslation();
  const { locale } = useSettings();
  const loaded = useCall(() => api.content.listIssues({}), []);
  const recent = recentVisits().slice(0, 6);
  return (
    <Screen name="library" title={t('Library')} loaded={loaded}>
      {(issues) => (
        <>
          <header className="screen-header">
            <h1>{t('Library')}</h1>
            <p className="quiet">
              {t(issues.length === 1 ? '{{count}} issue of' : '{{count}} issues of', { count: issues.length })}{' '}
              <cite>Fight against human trafficking in South-East Europe</cite>
            </p>
          </header>
          <div className="library-layout">
            <ul className="issue-cards" aria-label={t('Issues')}>
              {issues.map((issue) => (
                <li key={issue.key} className="issue-card" data-issue={issue.key}>
                  <p className="issue-meta">{issueLabel(issue, locale, (n) => t('No. {{number}}', { number: n }))}</p>
                  <h2>
                    <Link to={`/issue/${issue.key}`}>{issue.title}</Link>
                  </h2>
                  <ol className="section-list" aria-label={t('Sections of {{title}}', { title: issue.title })}>
                    {issue.sections.map((section) => (
                      <li key={section.key}>
                        <Link to={`/read/${section.key}`}>
                          {section.kicker && <span className="kicker">{section.kicker} </span>}
                          {section.title}
                        </Link>
                      </li>
                    ))}
                  </ol>
                </li>
              ))}
            </ul>
            {recent.length > 0 && (
              <aside className="recent" aria-labelledby="recent-heading">
                <h2 id="recent-heading">{t('Recently viewed')}</h2>
                <ul>
                  {recent.map((v) => (
                    <li key={v.route}>
                      <span className="quiet">{t(v.kind)}</span>
                      <Link to={v.route}>{v.title}</Link>
                    </li>
                  ))}
                </ul>
              </aside>
            )}
          </div>
        </>
      )}
    </Screen>
  );
}
