/** One issue: its title, number and date, and the table of contents with page numbers. */
import { Link, useParams } from 'react-router';
import { api } from '../api/client.dom';
import { useCall } from '../api/useCall.dom';
import { issueLabel } from '../app/format.dom';
import { Screen } from '../app/Screen.dom';

export function IssueScreen() {
  const { issueKey = '' } = useParams();
  const loaded = useCall(() => api.content.getIssue({ key: issueKey }), [issueKey]);
  return (
    <Screen name="issue" title={loaded.state === 'ready' ? loaded.value.title : ''} loaded={loaded}>
      {(issue) => (
        <article className="issue">
          <nav aria-label="Breadcrumb" className="breadcrumb">
            <Link to="/">Library</Link>
          </nav>
          <header className="screen-header">
            <p className="issue-meta">{issueLabel(issue)}</p>
            <h1>{issue.title}</h1>
          </header>
          <h2 className="toc-heading">Contents</h2>
          <ol className="toc">
            {issue.sections.map((section) => (
              <li key={section.key}>
                <Link to={`/read/${section.key}`} className="toc-entry">
                  <span className="toc-title">
                    {section.kicker && <span className="kicker">{section.kicker} </span>}
                    {section.title}
                  </span>
                  <span className="toc-page" aria-label={section.page ? `page ${section.page}` : undefined}>
                    {section.page ?? ''}
                  </span>
                </Link>
              </li>
            ))}
          </ol>
        </article>
      )}
    </Screen>
  );
}
