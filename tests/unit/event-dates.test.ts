/**
 * Events as a traveller reads them (#17): coming or past against today, the announced status kept
 * beside it, the trip filter's overlap, and the dump's additive `statusToday`.
 */
import { describe, expect, it } from 'vitest';
import { localDay, overlapsTrip, statusOn, isoDayOrNull } from '../../common/content/event-dates.std';
import { openContentService } from '../../main/services/library/content.node';
import { exportEvents } from '../../main/services/user-data/calendar-export.node';
import { contentDb } from '../support/content';

describe('coming and past against today', () => {
  const seminar = { start: '2018-10-02', end: '2018-10-05' };
  it('is coming before it starts, while it runs, and on its last day; past the day after', () => {
    expect(statusOn(seminar, '2018-09-30')).toBe('coming');
    expect(statusOn(seminar, '2018-10-02')).toBe('coming');
    expect(statusOn(seminar, '2018-10-05')).toBe('coming');
    expect(statusOn(seminar, '2018-10-06')).toBe('past');
    expect(statusOn(seminar, '2026-11-23')).toBe('past');
  });
  it('runs in the time zone its project names (vitest.config.mts), so that the next test means something', () => {
    if (process.env.TZ) expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(process.env.TZ);
  });
  it('reads today in the machine’s own time zone, not UTC', () => {
    // 23:30 on 23 November in local time is the 23rd wherever the test runs.
    expect(localDay(new Date(2026, 10, 23, 23, 30))).toBe('2026-11-23');
    expect(localDay(new Date(2026, 0, 5, 0, 10))).toBe('2026-01-05');
  });
  it('keeps an event in a trip when one of its days is in it', () => {
    expect(overlapsTrip(seminar, '2018-10-05', '2018-10-20')).toBe(true);
    expect(overlapsTrip(seminar, '2018-09-01', '2018-10-02')).toBe(true);
    expect(overlapsTrip(seminar, '2018-10-06', null)).toBe(false);
    expect(overlapsTrip(seminar, null, '2018-10-01')).toBe(false);
    expect(overlapsTrip(seminar, null, null)).toBe(true);
  });
  it('takes only ISO days from a URL', () => {
    expect(isoDayOrNull('2018-10-02')).toBe('2018-10-02');
    for (const bad of ['2018-13-45', '+002018-10-02', '02/10/2018', '2018-10-2', '', null, "2018-10-02' OR 1"])
      expect(isoDayOrNull(bad)).toBeNull();
  });
});

describe('cli dump: status as announced, statusToday as of today', () => {
  const content = openContentService(contentDb());
  const byKey = (today: string) => new Map(content.dump(today).events.map((e) => [e.key as string, e]));

  it('keeps `status` as the issue announced it whatever today is, and adds statusToday', () => {
    const early = byKey('2018-09-01');
    const now = byKey('2026-11-23');
    expect(early.size).toBeGreaterThan(20);
    const palermo = 'event/2018-10-15-9th-conference-of-parties-to';
    expect(early.get(palermo)).toMatchObject({ status: 'coming', statusToday: 'coming' });
    expect(now.get(palermo)).toMatchObject({ status: 'coming', statusToday: 'past' });
    // An event the 2018 issue reports as past stays past on any day after it.
    expect(early.get('event/2018-06-05-an-interregional-seminar')).toMatchObject({
      status: 'past',
      statusToday: 'past',
    });
    // The April 2021 workshop, announced as coming by the March 2021 issue, is past in 2026.
    expect(now.get('event/2021-04-13-a-regional-expert-workshop-on')).toMatchObject({
      status: 'coming',
      statusToday: 'past',
    });
    // Nothing in the archive is coming in 2026; on 1 September 2018 some are.
    expect([...now.values()].filter((e) => e.statusToday === 'coming')).toEqual([]);
    expect([...early.values()].filter((e) => e.statusToday === 'coming').length).toBeGreaterThan(3);
  });

  it('takes the machine’s clock by default', () => {
    const events = content.dump().events;
    const expected = localDay(new Date());
    for (const e of events) expect(e.statusToday, String(e.key)).toBe((e.end as string) < expected ? 'past' : 'coming');
  });
});

describe('the events shown, as one iCalendar file', () => {
  const content = openContentService(contentDb());
  it('writes every event asked for once, all-day with an exclusive end, with its place', () => {
    const keys = [
      'event/2018-10-15-9th-conference-of-parties-to',
      'event/2018-06-05-an-interregional-seminar',
      'event/2018-06-05-an-interregional-seminar',
      'person/ghada-waly',
    ];
    const file = exportEvents(content, keys, new Date('2026-11-23T10:00:00Z'));
    expect(file).toMatchObject({ fileName: 'valise-events-2026-11-23.ics', mimeType: 'text/calendar', count: 2 });
    const events = file.content.split('BEGIN:VEVENT').slice(1);
    expect(events).toHaveLength(2);
    // In date order: the Moldova seminar (5-7 June), then Palermo (15-19 October, in Vienna).
    expect(events[0]).toMatch(/DTSTART;VALUE=DATE:20180605/);
    expect(events[0]).toMatch(/DTEND;VALUE=DATE:20180608/);
    expect(events[1]).toMatch(/DTSTART;VALUE=DATE:20181015/);
    expect(events[1]).toMatch(/DTEND;VALUE=DATE:20181020/);
    expect(events[1]).toMatch(/LOCATION:Vienna\\, Austria/);
  });
  it('names the issue, not its key, and the place in the interface language; leaves out an event known only to its month (#24)', () => {
    const keys = [
      'event/2018-10-15-9th-conference-of-parties-to',
      'event/2018-12-01-an-intergovernmental-conference-on-international',
    ];
    const file = exportEvents(content, keys, new Date('2026-11-23T10:00:00Z'), 'fr');
    expect(file).toMatchObject({ count: 1, undated: 1, fileName: 'valise-evenements-2026-11-23.ics' });
    expect(file.content).toMatch(/LOCATION:Vienne\\, Autriche/);
    expect(file.content.replace(/\r\n /g, '')).toContain('Valise — lettre n° 10\\, 2018');
    expect(file.content).not.toContain('2018-no-10');
    expect(() => exportEvents(content, keys.slice(1), new Date())).toThrow(/known only to their month/);
  });
  it('refuses a list with no event in it', () => {
    expect(() => exportEvents(content, ['person/ghada-waly'], new Date())).toThrow(/None of these is an event/);
  });
});
