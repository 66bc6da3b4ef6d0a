/** Bookmarks on real archive items: notes, tags, undo, orphans, and files that other programs read. */
import ICAL from 'ical.js';
import VCardParser from 'vcf';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildContent } from '../../db/build-content.node';
import { openServices } from '../../main/services/create.node';
import { contentDb, tempDir } from '../support/content';

type Opened = ReturnType<typeof openServices>;
let call: <T = unknown>(channel: string, args: unknown) => Promise<T>;

function open(userDataDir: string, contentDbPath = contentDb()): Opened {
  const opened = openServices({ contentDbPath, userDataDir, appVersion: 't', host: 'web' });
  call = async <T>(channel: string, args: unknown) => {
    const reply = await opened.dispatch(channel, args);
    if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
    return reply.value as T;
  };
  return opened;
}

beforeEach(() => {
  open(tempDir());
});

interface B {
  id: number;
  key: string;
  type: string;
  label: string;
  snapshot: string;
  note: string;
  tags: string[];
  orphaned: boolean;
  issueKey: string | null;
  page: number | null;
  eventStart: string | null;
  countries: string[];
}

describe('bookmarking', () => {
  it('bookmarks every kind of item with a snapshot of its label and text', async () => {
    const items = {
      passage: '2018-no-10/the-seminar-organised-by-unodc-in/from-5-7-june-2018',
      section: '2018-no-10/the-seminar-organised-by-unodc-in',
      person: 'person/caroline-charpentier',
      organisation: 'org/unodc',
      event: 'event/2018-06-05-an-interregional-seminar',
      figure: 'figure/2018-no-10/163-500',
      document: 'document/e-cn-15-2018-l-3-rev-1',
      country: 'country/moldova',
      contact: 'contact/ms-caroline-charpentier/caroline-marie-charpentier-diplomatie-gouv-fr',
    };
    for (const [type, key] of Object.entries(items)) {
      const b = await call<B>('bookmarks:add', { key });
      expect(b).toMatchObject({ key, type, orphaned: false });
      expect(b.label.length).toBeGreaterThan(2);
    }
    const list = await call<B[]>('bookmarks:list', {});
    expect(list).toHaveLength(9);
    const passage = list.find((b) => b.type === 'passage')!;
    expect(passage).toMatchObject({
      label: '…the seminar organised by UNODC in Chisinau',
      issueKey: '2018-no-10',
      page: 11,
    });
    expect(passage.snapshot).toMatch(/^From 5-7 June 2018, Moldova hosted/);
    expect(passage.countries).toContain('country/moldova');
    expect(list.find((b) => b.type === 'event')).toMatchObject({ eventStart: '2018-06-05' });
    expect(list.find((b) => b.type === 'person')?.snapshot).toMatch(/French magistrate/);
  });

  it('adds a bookmark once, however often it is asked', async () => {
    const a = await call<B>('bookmarks:add', { key: 'person/ghada-waly' });
    const b = await call<B>('bookmarks:add', { key: 'person/ghada-waly' });
    expect(b.id).toBe(a.id);
    expect(await call<B[]>('bookmarks:list', {})).toHaveLength(1);
  });

  it('refuses an item the archive does not have', async () => {
    await expect(call('bookmarks:add', { key: 'person/nobody-at-all' })).rejects.toThrow(/NOT_FOUND/);
  });

  it('edits notes and tags in place, and tags many at once', async () => {
    const a = await call<B>('bookmarks:add', { key: 'person/ghada-waly' });
    const b = await call<B>('bookmarks:add', { key: 'country/albania' });
    const edited = await call<B>('bookmarks:update', {
      id: a.id,
      note: 'Met in Vienna — **follow up** on the UNVTF.',
      tags: ['Vienna trip', 'UNODC'],
    });
    expect(edited).toMatchObject({
      note: 'Met in Vienna — **follow up** on the UNVTF.',
      tags: ['UNODC', 'Vienna trip'],
    });
    expect(await call('bookmarks:tag', { ids: [a.id, b.id], add: ['Tirana'], remove: ['UNODC'] })).toBe(2);
    const list = await call<B[]>('bookmarks:list', {});
    expect(list.find((x) => x.id === a.id)?.tags).toEqual(['Tirana', 'Vienna trip']);
    expect(list.find((x) => x.id === b.id)?.tags).toEqual(['Tirana']);
  });

  it('undoes a removal', async () => {
    const a = await call<B>('bookmarks:add', { key: 'person/ghada-waly' });
    await call<B>('bookmarks:update', { id: a.id, note: 'keep this', tags: ['x'] });
    expect(await call('bookmarks:remove', { ids: [a.id] })).toBe(1);
    expect(await call<B[]>('bookmarks:list', {})).toEqual([]);
    expect(await call('bookmarks:restore', { ids: [a.id] })).toBe(1);
    expect((await call<B[]>('bookmarks:list', {}))[0]).toMatchObject({ id: a.id, note: 'keep this', tags: ['x'] });
  });

  it('keeps a bookmark whose item left the archive, shown as orphaned', async () => {
    const dir = tempDir();
    const first = open(dir);
    await call('bookmarks:add', { key: '2021-the-2021-programming-of-cooperation/child-trafficking' });
    await call('bookmarks:add', { key: 'person/caroline-charpentier' });
    first.close();
    // The same user data, with an archive that only has the 2018 issue.
    const sources = mkdtempSync(join(tmpdir(), 'valise-one-issue-'));
    copyFileSync(
      join(__dirname, '..', '..', 'assets', 'newsletters', '000_1e644c5006785efa.txt'),
      join(sources, '000_1e644c5006785efa.txt'),
    );
    const smaller = join(tempDir(), 'content.sqlite');
    buildContent(sources, smaller);
    open(dir, smaller);
    const list = await call<B[]>('bookmarks:list', {});
    expect(list).toHaveLength(2);
    expect(list.find((b) => b.key.endsWith('child-trafficking'))).toMatchObject({
      orphaned: true,
      label: 'Priority 5 child trafficking',
    });
    expect(list.find((b) => b.key === 'person/caroline-charpentier')).toMatchObject({ orphaned: false });
  });
});

describe('export and import', () => {
  it('round-trips JSON losslessly, and merges without duplicates', async () => {
    const a = await call<B>('bookmarks:add', { key: 'person/ghada-waly' });
    await call('bookmarks:update', { id: a.id, note: 'first note', tags: ['t1'] });
    await call('bookmarks:add', { key: 'event/2018-06-05-an-interregional-seminar' });
    const exported = await call<{ content: string; count: number }>('bookmarks:export', { format: 'json' });
    expect(exported.count).toBe(2);
    const before = await call<B[]>('bookmarks:list', {});

    open(tempDir());
    expect(await call('bookmarks:import', { content: exported.content })).toEqual({ added: 2, merged: 0 });
    const after = await call<B[]>('bookmarks:list', {});
    const strip = (list: B[]) => list.map(({ id: _id, ...rest }) => rest).sort((x, y) => x.key.localeCompare(y.key));
    expect(strip(after)).toEqual(strip(before));
    expect(await call('bookmarks:import', { content: exported.content })).toEqual({ added: 0, merged: 2 });
    expect(await call<B[]>('bookmarks:list', {})).toHaveLength(2);
  });

  it.each([
    ['not JSON', '{ nope', /not JSON/],
    ['another JSON file', '{"hello": "world"}', /not a Valise bookmarks export/],
    [
      'a newer format',
      '{"format": "valise-bookmarks", "version": 99, "exportedAt": "", "bookmarks": []}',
      /newer version/,
    ],
    [
      'a damaged record',
      '{"format": "valise-bookmarks", "version": 1, "exportedAt": "", "bookmarks": [{"key": 1}]}',
      /damaged/,
    ],
  ])('refuses %s with a reason, and changes nothing', async (_name, content, reason) => {
    await call('bookmarks:add', { key: 'person/ghada-waly' });
    await expect(call('bookmarks:import', { content })).rejects.toThrow(reason);
    expect(await call<B[]>('bookmarks:list', {})).toHaveLength(1);
  });

  it('exports bookmarked events as iCalendar that an independent parser reads back', async () => {
    await call('bookmarks:add', { key: 'event/2018-06-05-an-interregional-seminar' });
    const kosovo = (await call<{ hits: { key: string }[] }>('search:query', { query: 'Kosovo', types: ['event'] }))
      .hits[0]!.key;
    const k = await call<B>('bookmarks:add', { key: kosovo });
    await call('bookmarks:update', { id: k.id, note: 'bring the report' });
    await call('bookmarks:add', { key: 'person/ghada-waly' });
    const file = await call<{ content: string; count: number; fileName: string; mimeType: string }>(
      'bookmarks:export',
      { format: 'ics' },
    );
    expect(file).toMatchObject({ count: 2, mimeType: 'text/calendar' });
    const calendar = new ICAL.Component(ICAL.parse(file.content));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(2);
    const seminar = events.find((e) => e.summary === 'an interregional seminar')!;
    expect(seminar.startDate.toString()).toBe('2018-06-05');
    expect(seminar.endDate.toString()).toBe('2018-06-08'); // exclusive end: the seminar ran 5-7 June
    expect(seminar.location).toBe('Moldova');
    const kosovoEvent = events.find((e) => e.summary !== 'an interregional seminar')!;
    expect(kosovoEvent.startDate.toString()).toBe('2018-09-25');
    expect(kosovoEvent.description).toContain('Note: bring the report');
  });

  it('exports bookmarked people and offices as vCards that an independent parser reads back', async () => {
    await call('bookmarks:add', { key: 'person/caroline-charpentier' });
    await call('bookmarks:add', { key: 'contact/permanent-representation-of-france-to-the-osce/rp-france-osce' });
    await call('bookmarks:add', { key: 'event/2018-06-05-an-interregional-seminar' });
    const file = await call<{ content: string; count: number }>('bookmarks:export', { format: 'vcf' });
    expect(file.count).toBe(2);
    const cards = (VCardParser as unknown as { parse(text: string): { get(name: string): unknown }[] }).parse(
      file.content,
    );
    expect(cards).toHaveLength(2);
    // vCard escapes commas, semicolons and line breaks in text (RFC 6350 §3.4); read them back.
    const text = (value: unknown) =>
      String((value as { valueOf(): string }).valueOf())
        .replace(/\\([,;\\])/g, '$1')
        .replace(/\\n/gi, '\n');
    const charpentier = cards.find((c) => text(c.get('fn')) === 'Caroline Charpentier')!;
    expect(text(charpentier.get('email'))).toBe('caroline-marie.charpentier@diplomatie.gouv.fr');
    expect(text(charpentier.get('title'))).toMatch(/French magistrate/);
    expect(text(charpentier.get('note'))).toContain('@caro_charpTEH');
    const office = cards.find((c) => text(c.get('fn')).startsWith('Permanent representation of France to the OSCE'))!;
    expect(text(office.get('note'))).toContain('Schwarzenbergplatz 16, 1010, Vienna (Austria)');
  });

  it('writes one card per person: a bookmarked contact is on its owner’s card, with the notes as plain text and no escaped colon (#24)', async () => {
    const person = await call<B>('bookmarks:add', { key: 'person/caroline-charpentier' });
    const contact = await call<B>('bookmarks:add', {
      key: 'contact/ms-caroline-charpentier/caroline-marie-charpentier-diplomatie-gouv-fr',
    });
    await call('bookmarks:update', { id: person.id, note: 'Ask about the **Sarajevo** seminar: *urgent*' });
    await call('bookmarks:update', { id: contact.id, note: 'Writes in **French**' });
    const file = await call<{ content: string; count: number }>('bookmarks:export', { format: 'vcf' });
    expect(file.count).toBe(1);
    const cards = (VCardParser as unknown as { parse(text: string): { get(name: string): unknown }[] }).parse(
      file.content,
    );
    expect(cards).toHaveLength(1);
    expect(String((cards[0]!.get('fn') as { valueOf(): string }).valueOf())).toBe('Caroline Charpentier');
    const note = /^NOTE:(.*(?:\r\n .*)*)/m.exec(file.content)![1]!.replace(/\r\n /g, '');
    expect(note).toBe('Social media — @caro_charpTEH\\nAsk about the Sarajevo seminar: urgent\\nWrites in French');
    // In French, the labels are French.
    await call('app:setLanguage', { language: 'fr' });
    expect((await call<{ content: string }>('bookmarks:export', { format: 'vcf' })).content).toContain(
      'Réseaux sociaux — @caro_charpTEH',
    );
  });

  it('writes a note into the calendar as plain text, places in the interface language, and leaves out an event known only to its month (#24)', async () => {
    const palermo = await call<B>('bookmarks:add', { key: 'event/2018-10-15-9th-conference-of-parties-to' });
    await call('bookmarks:update', { id: palermo.id, note: 'Book the **hotel**' });
    await call('bookmarks:add', { key: 'event/2018-12-01-an-intergovernmental-conference-on-international' });
    const file = await call<{ content: string; count: number; undated: number }>('bookmarks:export', { format: 'ics' });
    expect(file).toMatchObject({ count: 1, undated: 1 });
    const [event] = new ICAL.Component(ICAL.parse(file.content))
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v));
    expect(event!.description).toContain('Note: Book the hotel');
    expect(event!.location).toBe('Vienna, Austria');
    await call('app:setLanguage', { language: 'fr' });
    const french = await call<{ content: string }>('bookmarks:export', { format: 'ics' });
    expect(
      new ICAL.Event(new ICAL.Component(ICAL.parse(french.content)).getFirstSubcomponent('vevent')!).location,
    ).toBe('Vienne, Autriche');
    // Only month events: nothing to write, and the reason says why.
    await call('bookmarks:remove', { ids: [palermo.id] });
    await expect(call('bookmarks:export', { format: 'ics' })).rejects.toThrow(/known only to their month/);
  });

  it('counts a removed bookmark brought back by an import as added, not merged (#24)', async () => {
    const keys = [
      'person/ghada-waly',
      'org/unodc',
      'country/albania',
      'person/caroline-charpentier',
      'event/2018-06-05-an-interregional-seminar',
    ];
    for (const key of keys) await call('bookmarks:add', { key });
    const exported = await call<{ content: string }>('bookmarks:export', { format: 'json' });
    const list = await call<B[]>('bookmarks:list', {});
    await call('bookmarks:remove', {
      ids: list.filter((b) => b.key === 'person/ghada-waly' || b.key === 'org/unodc').map((b) => b.id),
    });
    expect(await call('bookmarks:import', { content: exported.content })).toEqual({ added: 2, merged: 3 });
    expect(await call<B[]>('bookmarks:list', {})).toHaveLength(5);
  });

  it('gives an event bookmark its own country, which the export does not keep (#24)', async () => {
    await call('bookmarks:add', { key: 'event/2018-10-15-9th-conference-of-parties-to' });
    await call('bookmarks:add', { key: 'event/2021-03-07-14th-un-congress-on-crime' });
    await call('bookmarks:add', { key: 'event/2018-07-02-the-human-trafficking-working-group' });
    await call('bookmarks:add', { key: 'person/ghada-waly' });
    const byKey = new Map(
      (await call<(B & { country: string | null })[]>('bookmarks:list', {})).map((b) => [b.key, b]),
    );
    expect(byKey.get('event/2018-10-15-9th-conference-of-parties-to')).toMatchObject({
      country: 'country/austria',
      countries: [],
    });
    expect(byKey.get('event/2021-03-07-14th-un-congress-on-crime')?.country).toBe('country/japan');
    // Placed nowhere: no country of its own, though its passage names five.
    const vienna = byKey.get('event/2018-07-02-the-human-trafficking-working-group')!;
    expect(vienna.country).toBeNull();
    expect(vienna.countries).toEqual(expect.arrayContaining(['country/thailand', 'country/nigeria']));
    expect(byKey.get('person/ghada-waly')?.country).toBeNull();
    const exported = JSON.parse((await call<{ content: string }>('bookmarks:export', { format: 'json' })).content) as {
      bookmarks: object[];
    };
    expect(exported.bookmarks.every((b) => !('country' in b))).toBe(true);
  });

  it('tells the user when there is nothing of that kind to export', async () => {
    await call('bookmarks:add', { key: 'country/albania' });
    await expect(call('bookmarks:export', { format: 'ics' })).rejects.toThrow(/None of these bookmarks is an event/);
  });
});
