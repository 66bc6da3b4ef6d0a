/**
 * The events a Calendar view shows, saved as one iCalendar file: the same writer as the bookmarks'
 * export (bookmark-formats.node.ts), each event with the newsletter's own sentence and the issue it
 * comes from, by its number and date, with its place named in the interface language. An event
 * known only to its month is left out and counted (see datedOnly).
 */
import { ContractError } from '../../../common/contract/errors.std';
import type { IssueSummary } from '../../../common/contract/contract.std';
import { formatMessage, type MessageLanguage } from '../../../common/contract/messages.std';
import type { ContentService } from '../library/content.node';
import { datedOnly, locationOf, writeIcs, type CalendarEvent } from './bookmark-formats.node';

/** The issue as a reader names it: its number and month ("newsletter No. 10, 2018"), never its key. */
function issueLabel(issue: Pick<IssueSummary, 'number' | 'date' | 'year'>, language: MessageLanguage): string {
  const [year, month] = (issue.date ?? String(issue.year)).split('-');
  const date = month
    ? new Date(Date.UTC(Number(year), Number(month) - 1, 1)).toLocaleDateString(language, {
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      })
    : String(year ?? issue.year);
  return issue.number
    ? formatMessage('export.issue-number-label', { number: String(issue.number), date }, language)
    : formatMessage('export.issue-label', { date }, language);
}

/** The file, named (file and calendar) in `language`, the interface language. */
export function exportEvents(
  content: Pick<ContentService, 'getEntity'> & Partial<Pick<ContentService, 'listIssues'>>,
  keys: string[],
  now: Date,
  language: MessageLanguage = 'en',
): { fileName: string; mimeType: string; content: string; count: number; undated: number } {
  const issues = new Map((content.listIssues?.() ?? []).map((i) => [i.key, i]));
  const events: CalendarEvent[] = [];
  for (const key of new Set(keys)) {
    const entity = content.getEntity(key);
    if (!entity || entity.type !== 'event' || typeof entity.data.start !== 'string') continue;
    const { start, end, description, issue, precision } = entity.data as {
      start: string;
      end?: string;
      description?: string;
      issue?: string;
      precision?: string;
    };
    const from = issue ? issues.get(issue) : undefined;
    events.push({
      key,
      summary: entity.name,
      start,
      end: end ?? start,
      description: [description, from ? issueLabel(from, language) : issue && `Valise: ${issue}`]
        .filter(Boolean)
        .join('\n\n'),
      location: locationOf(entity.data, language),
      precision,
    });
  }
  const { dated, undated } = datedOnly(events);
  if (dated.length === 0) {
    throw ContractError.fromCatalogue('NOT_FOUND', undated > 0 ? 'calendar.only-months' : 'calendar.no-events');
  }
  dated.sort((a, b) => a.start.localeCompare(b.start) || a.key.localeCompare(b.key));
  const date = now.toISOString().slice(0, 10);
  return {
    fileName: formatMessage('export.events-file', { date }, language),
    mimeType: 'text/calendar',
    content: writeIcs('export.events-calendar', dated, language),
    count: dated.length,
    undated,
  };
}
