/** The library: every issue as a card, newest first, with its sections. */
import { Link } from 'react-router';
import { api } from '../api/client.dom';
import { useCall } from '../api/useCall.dom';
import { issueLabel } from '../app/format.dom';
import { Screen } from '../app/Screen.dom';

export function LibraryScreen() {
  const loaded = useCall(() => api.content.listIssues({}), []);
  return (
    <Screen name="library" title="Library" loaded={loaded}>
      {(issues) => (
        <>
          <header className="screen-header">
            <h1>Library</h1>
            <p className="quiet">
              {issues.length} {issues.length === 1 ? 'issue' : 'issues'} of <cite>Fight against human trafficking in South-East Europe</cite>
            </p>
          </header>
          <ul className="issue-cards" aria-label="Issues">
            {issues.map((issue) => (
              <li key={issue.key} className="issue-card" data-issue={issue.key}>
                <p className="issue-meta">{issueLabel(issue)}</p>
                <h2>
                  <Link to={`/issue/${issue.key}`}>{issue.title}</Link>
                </h2>
                <ol className="section-list" aria-label={`Sections of ${issue.title}`}>
                  {issue.sections.map((section) => (
                    <li key={section.key}>
                      {section.kicker && <span className="kicker">{section.kicker} </span>}
                      {section.title}
                    </li>
                  ))}
                </ol>
              </li>
            ))}
          </ul>
        </>
      )}
    </Screen>
  );
}
