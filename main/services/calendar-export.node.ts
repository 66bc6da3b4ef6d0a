/**
 * The events a Calendar view shows, saved as one iCalendar file: the same writer as the bookmarks'
 * export (bookmark-formats.node.ts), each event with the newsletter's own sentence and its issue.
 */
import { ContractError } from '../../common/errors.std';
import { formatMessage, localised, type MessageLanguage } from '../../common/messages.std';
import type { ContentService } from './content.node';
import { locationOf, writeIcs, type CalendarEvent } from './bookmark-formats.node';

/** The file, named (file and calendar) in `language`, the interface language. */
export function exportEvents(content: Pick<ContentService, 'getEntity'>, keys: string[], now: Date, language: MessageLanguage = 'en'): { fileName: string; mimeType: string; content: string; count: number } {
  const events: CalendarEvent[] = [];
  for (const key of new Set(keys)) {
    const entity = content.getEntity(key);
    if (!entity || entity.type !== 'event' || typeof entity.data.start !== 'string') continue;
    const { start, end, description, issue } = entity.data as { start: string; end?: string; description?: string; issue?: string };
    events.push({
      key,
      summary: entity.name,
      start,
      end: end ?? start,
      description: [description, issue && `Valise: ${issue}`].filter(Boolean).join('\n\n'),
      location: locationOf(entity.data),
    });
  }
  if (events.length === 0) {
    const { message, ...rest } = localised('calendar.no-events');
    throw new ContractError('NOT_FOUND', message, rest);
  }
  events.sort((a, b) => a.start.localeCompare(b.start) || a.key.localeCompare(b.key));
  const date = now.toISOString().slice(0, 10);
  return { fileName: formatMessage('export.events-file', { date }, language), mimeType: 'text/calendar', content: writeIcs('export.events-calendar', events, language), count: events.length };
}
