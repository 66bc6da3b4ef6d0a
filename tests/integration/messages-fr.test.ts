/**
 * Main's words reach the page in French (#17): each answer that carries text for the user (a
 * search hint, an import refusal, a review's question, a bookmarks file refused, a stale key, a
 * file name main proposes) carries the catalogue's id too, and the page's `inLanguage` gives the
 * French, as the renderer does. Driven through the dispatcher, as the page's requests arrive.
 */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { inLanguage, type LocalisedMessage } from '../../common/contract/messages.std';
import { PACK_HEADER } from '../../main/services/import/packs.node';
import { servicesPerTest, type TestServices } from '../support/services';

const open = servicesPerTest();

async function ask(s: TestServices, channel: string, args: unknown) {
  return (await s.dispatch(channel, args)) as {
    ok: boolean;
    value?: Record<string, unknown>;
    error?: LocalisedMessage & { code: string };
  };
}

/** What the page shows for an error envelope, in French. */
const french = (error: LocalisedMessage | undefined) => inLanguage(error ?? { message: '' }, 'fr');

describe('main’s words in French', () => {
  it('search hints', async () => {
    const s = open();
    const none = (await ask(s, 'search:query', { query: 'ONUDCXQ' })).value!;
    expect(none.hint).toBe('Nothing found for “ONUDCXQ”. Check the spelling, or try fewer words.');
    expect(
      inLanguage(
        {
          message: none.hint as string,
          messageId: none.hintId as string,
          params: none.hintParams as Record<string, string>,
        },
        'fr',
      ),
    ).toBe('Aucun résultat pour « ONUDCXQ ». Vérifiez l’orthographe, ou essayez avec moins de mots.');
    const empty = (await ask(s, 'search:query', { query: '   ' })).value!;
    expect(inLanguage({ message: empty.hint as string, messageId: empty.hintId as string }, 'fr')).toBe(
      'Tapez un mot, un nom, un lieu ou une date pour chercher.',
    );
  });

  /** Stages a file as the page does, and waits for the import job to end. */
  async function refusedJob(s: TestServices, name: string, bytes: Buffer): Promise<Record<string, unknown>> {
    const { uploadId } = (await ask(s, 'import:begin', { name, size: bytes.length })).value as { uploadId: string };
    await ask(s, 'import:chunk', { uploadId, index: 0, data: bytes.toString('base64') });
    const { jobId } = (await ask(s, 'import:analyse', { uploadId })).value as { jobId: string };
    let job: Record<string, unknown> = {};
    for (let i = 0; i < 200; i++) {
      job = (await ask(s, 'import:progress', { jobId })).value!;
      if (job.state !== 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return job;
  }
  const jobInFrench = (job: Record<string, unknown>) =>
    inLanguage(
      {
        message: job.error as string,
        messageId: job.errorId as string,
        params: job.errorParams as Record<string, string>,
      },
      'fr',
    );

  it('import refusals, as the import screen reads them from the job', async () => {
    const s = open();
    const job = await refusedJob(s, 'issue.pdf', Buffer.from('not a pdf at'));
    expect(job).toMatchObject({
      state: 'failed',
      error: 'This file is not a PDF (it has no PDF header).',
      errorId: 'import.not-pdf',
    });
    expect(jobInFrench(job)).toBe('Ce fichier n’est pas un PDF (il n’a pas d’en-tête PDF).');
  });

  it('a text file refused says why in French, not in the parser’s English', async () => {
    const s = open();
    const binary = await refusedJob(s, 'issue.txt', Buffer.from('No. 12\u0000\u0001 binary'));
    expect(binary).toMatchObject({
      state: 'failed',
      error:
        'The file is binary (it contains NUL bytes), not text: Valise imports a newsletter as a PDF, as text, or as a .valise pack.',
    });
    expect(jobInFrench(binary)).toBe(
      'Le fichier est binaire (il contient des octets NUL), ce n’est pas du texte : Valise importe une lettre d’information en PDF, en texte, ou en paquet .valise.',
    );
    const prose = await refusedJob(s, 'notes.txt', Buffer.from('just a few words of prose, with no heading at all\n'));
    expect(prose).toMatchObject({ state: 'failed' });
    expect(prose.error).toBe(
      'No newsletter issue could be read from this file: no recognisable sections (no page opens with a heading).',
    );
    expect(jobInFrench(prose)).toBe(
      'Aucun numéro de la lettre d’information n’a pu être lu dans ce fichier : aucune section reconnaissable (aucune page ne s’ouvre sur un titre).',
    );
  });

  it('a pack refused', async () => {
    const s = open();
    const job = await refusedJob(s, 'issues.valise', Buffer.from(`${PACK_HEADER}\n{}\n{}\n`));
    expect(job).toMatchObject({
      state: 'failed',
      error: 'This pack is refused: it is not signed. Nothing was changed.',
      errorId: 'pack.not-signed',
    });
    expect(jobInFrench(job)).toBe('Ce paquet est refusé : il n’est pas signé. Rien n’a été modifié.');
  });

  it('a bookmarks file refused, a stale key, nothing to pack', async () => {
    const s = open();
    expect(french((await ask(s, 'bookmarks:import', { content: 'no json here' })).error)).toBe(
      'Ce fichier n’est pas un export de signets Valise : ce n’est pas du JSON.',
    );
    expect(french((await ask(s, 'content:getEntity', { key: 'person/nobody' })).error)).toBe(
      'Rien dans les archives n’a la clé « person/nobody ».',
    );
    expect(french((await ask(s, 'content:getIssue', { key: '1999-no-1' })).error)).toBe(
      'Aucun numéro n’a la clé « 1999-no-1 ».',
    );
    expect(french((await ask(s, 'packs:export', {})).error)).toBe(
      'Il n’y a aucun numéro importé à mettre dans un paquet.',
    );
  });

  it('the file names main proposes follow the language the page chose', async () => {
    const s = open();
    await ask(s, 'bookmarks:add', { key: 'person/jean-yves-le-drian' });
    expect((await ask(s, 'bookmarks:export', { format: 'json' })).value!.fileName).toMatch(
      /^valise-bookmarks-\d{4}-\d{2}-\d{2}\.json$/,
    );
    expect(await ask(s, 'app:setLanguage', { language: 'fr' })).toEqual({ ok: true, value: { language: 'fr' } });
    expect((await ask(s, 'bookmarks:export', { format: 'json' })).value!.fileName).toMatch(
      /^valise-signets-\d{4}-\d{2}-\d{2}\.json$/,
    );
    // The Calendar's export too.
    const events = await ask(s, 'content:exportEvents', { keys: ['event/2018-06-05-an-interregional-seminar'] });
    expect(events.value!.fileName).toMatch(/^valise-evenements-\d{4}-\d{2}-\d{2}\.ics$/);
  });

  it('the calendars main writes are named in the language the page chose, and the notes labelled in it', async () => {
    const s = open();
    const seminar = 'event/2018-06-05-an-interregional-seminar';
    const { id } = (await ask(s, 'bookmarks:add', { key: seminar })).value as { id: number };
    await ask(s, 'bookmarks:update', { id, note: 'Ask for the minutes' });
    /** The calendar's name and its one event's description, read back by a calendar parser. */
    const read = async (channel: string, args: unknown) => {
      const calendar = new ICAL.Component(ICAL.parse((await ask(s, channel, args)).value!.content as string));
      const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
      expect(events.map((e) => e.uid)).toEqual([`${seminar}@valise`]);
      return { name: calendar.getFirstPropertyValue('x-wr-calname'), description: events[0]!.description };
    };
    const both = async () => ({
      shown: await read('content:exportEvents', { keys: [seminar] }),
      bookmarked: await read('bookmarks:export', { format: 'ics' }),
    });
    expect(await both()).toMatchObject({
      shown: { name: 'Valise — events' },
      bookmarked: {
        name: 'Valise — bookmarked events',
        description: expect.stringContaining('Note: Ask for the minutes'),
      },
    });
    await ask(s, 'app:setLanguage', { language: 'fr' });
    const french = await both();
    expect(french).toMatchObject({
      shown: { name: 'Valise — événements' },
      bookmarked: {
        name: 'Valise — événements en signet',
        description: expect.stringContaining('Note : Ask for the minutes'),
      },
    });
    // The newsletter's own sentence stays as written.
    expect(french.shown.description).toContain('From 5-7 June 2018, Moldova hosted an interregional seminar');
  });
});
