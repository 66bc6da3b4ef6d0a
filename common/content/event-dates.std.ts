/**
 * Events as a traveller reads them: coming or past against today, from the machine's clock.
 *
 * The archive also keeps each event's status as its issue announced it (`status`, worked out
 * against the date the issue speaks from); that stays as context and is never overwritten.
 * An event is coming until its last day is over: one running today can still be attended.
 */

export type EventStatus = 'past' | 'coming';

export interface DatedEvent {
  start: string;
  end: string;
}

/** Today on this machine's clock, in its own time zone, as YYYY-MM-DD. */
export function localDay(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Coming until its last day has passed, then past. Dates are ISO days, compared as text. */
export function statusOn(event: DatedEvent, today: string): EventStatus {
  return event.end < today ? 'past' : 'coming';
}

/** Whether the event has at least one day in [from, to]; a missing bound is open. */
export function overlapsTrip(event: DatedEvent, from: string | null, to: string | null): boolean {
  return (!from || event.end >= from) && (!to || event.start <= to);
}

/** An event's first and last day, read from the loose record the contract and the dump carry (one day: end = start). */
export function eventDates(data: Record<string, unknown>): DatedEvent {
  const start = String(data.start);
  return { start, end: typeof data.end === 'string' ? data.end : start };
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A date typed into a filter or a URL: kept only when it is an ISO day. */
export function isoDayOrNull(value: string | null | undefined): string | null {
  return value && ISO_DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? value : null;
}
