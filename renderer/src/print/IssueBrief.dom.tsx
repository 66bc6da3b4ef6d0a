/** An issue on one or two pages: its own words, chosen by the rule in common/content/summary.std.ts. */
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { EntitySummary, IssueDetail } from '../../../common/contract/contract.std';
import { issueSummaryOf, summaryOfSection } from '../../../common/content/summary.std';
import { api } from '../api/client.dom';
import { useCall } from '../api/useCall.dom';
import { eventDateLabel, eventTitle, figureLabel, issueLabel } from '../format/format.dom';
import { Screen } from '../app/Screen.dom';
import { useSettings } from '../app/Settings.dom';
import { asAnnounced, glanceEvents, keyFigures, usePlaceOf } from '../screens/Facts.dom';
import { PrintFrame } from './PrintFrame.dom';
import { contactsByOwner } from './brief-contacts.std';

/** The issue's own summary, where it has one, printed whole. */
function BriefSummary({ own }: { own: string[] }) {
  const { t } = useTranslation();
  if (own.length === 0) return null;
  return (
    <section className="brief-summary">
      <h2>{t('The issue in brief')}</h2>
      {own.map((text) => (
        <p key={text} className="summary-sentence">
          {text}
        </p>
      ))}
    </section>
  );
}

/** Every section with its page and its first sentences (none for the first when the issue's own summary is printed). */
function BriefContents({ issue, own }: { issue: IssueDetail; own: string[] }) {
  const { t } = useTranslation();
  return (
    <section>
      <h2>{t('Contents')}</h2>
      <ol className="brief-sections">
        {issue.sections.map((s, i) => (
          <li key={s.key}>
            <h3>
              {s.kicker && <span className="kicker">{s.kicker} </span>}
              {s.title}
              {s.page ? <span className="brief-page"> — {t('page {{page}}', { page: s.page })}</span> : null}
            </h3>
            {(i === 0 && own.length > 0 ? [] : summaryOfSection(s.paragraphs)).map((sentence) => (
              <p key={sentence} className="summary-sentence">
                {sentence}
              </p>
            ))}
          </li>
        ))}
      </ol>
    </section>
  );
}

function BriefFigures({ figures }: { figures: EntitySummary[] }) {
  const { t } = useTranslation();
  const { locale } = useSettings();
  if (figures.length === 0) return null;
  return (
    <section className="brief-box">
      <h2>{t('Key figures')}</h2>
      <table className="brief-table">
        <tbody>
          {figures.map((f) => (
            <tr key={f.key}>
              <th scope="row">
                {typeof f.data.value === 'number'
                  ? figureLabel(f.data.value, (f.data.currency as string | null) ?? null, locale)
                  : f.name}
                {f.data.unit ? ` ${String(f.data.unit)}` : ''}
              </th>
              <td>
                {String(f.data.label)}
                {f.data.period ? ` — ${String(f.data.period)}` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function BriefContacts({ contacts }: { contacts: EntitySummary[] }) {
  const { t } = useTranslation();
  if (contacts.length === 0) return null;
  return (
    <section className="brief-box">
      <h2>{t('Contacts')}</h2>
      <ul className="brief-contacts">
        {contactsByOwner(contacts).map(([owner, own]) => (
          <li key={owner}>
            <strong>{owner}</strong>
            {t(':')}{' '}
            {own.map((c, i) => (
              <span key={c.key} className="nowrap">
                {i > 0 ? ' · ' : ''}
                {c.name}
              </span>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Coming or past events as the issue announced them. */
function BriefEvents({ status, events }: { status: 'coming' | 'past'; events: EntitySummary[] }) {
  const { t } = useTranslation();
  const { locale } = useSettings();
  const placeOf = usePlaceOf();
  if (events.length === 0) return null;
  return (
    <section className="brief-box">
      <h2>
        {t(status === 'coming' ? 'Coming events' : 'Past events')}
        <span className="as-announced"> — {t('as announced in this issue')}</span>
      </h2>
      <table className="brief-table">
        <tbody>
          {events.map((e) => (
            <tr key={e.key}>
              <th scope="row">{eventDateLabel(e.data, locale)}</th>
              <td>
                {eventTitle(e.name)}
                {placeOf(e.data) && (
                  <>
                    {' '}
                    — <span className="event-place">{placeOf(e.data)}</span>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Brief({ issue }: { issue: IssueDetail }) {
  const { t } = useTranslation();
  const { locale } = useSettings();
  const label = issueLabel(issue, locale, (n) => t('No. {{number}}', { number: n }));
  const facts = issue.facts ?? [];
  // Two pages at most: every coming event, and the three latest past ones, as the issue announced them.
  const { coming, past } = glanceEvents(facts, 3, asAnnounced);
  const own = issueSummaryOf(issue);
  return (
    <PrintFrame title={issue.title} date={label} back={`/issue/${issue.key}`}>
      <article className="brief">
        <header>
          <p className="issue-meta">{label}</p>
          <h1>{issue.title}</h1>
        </header>
        <BriefSummary own={own} />
        <BriefContents issue={issue} own={own} />
        <div className="brief-facts">
          <BriefFigures figures={keyFigures(facts)} />
          <BriefContacts contacts={facts.filter((f) => f.type === 'contact')} />
        </div>
        <BriefEvents status="coming" events={coming} />
        <BriefEvents status="past" events={past} />
      </article>
    </PrintFrame>
  );
}

export function IssueBriefScreen() {
  const { issueKey = '' } = useParams();
  const loaded = useCall(() => api.content.getIssue({ key: issueKey }), [issueKey]);
  return (
    <Screen name="print-issue" title={loaded.state === 'ready' ? loaded.value.title : ''} loaded={loaded}>
      {(issue) => <Brief issue={issue} />}
    </Screen>
  );
}
