/**
 * Events found by rule in sentences the archive does not hold (#24, #29): a dated sentence is an
 * event when a rule finds what happens in it, and that phrase, in the text's own words, is its
 * title; the sentence is its description; the precision the text gives is kept; a place keeps the
 * capitals the newsletter prints. Every sentence here was written for this test.
 */
import { describe, expect, it } from 'vitest';
import { eventsIn, type EventParagraph } from '../../db/pipeline/entities/events.std';

const ISSUE = { year: 2025, month: 9, asOf: '2025-09-15' };

function para(text: string, options: Partial<EventParagraph> = {}): EventParagraph {
  return {
    key: `p${text.length}`,
    kind: 'paragraph',
    text,
    sectionTitle: 'Regional cooperation',
    calendarGroup: null,
    previousText: '',
    ...options,
  };
}
const events = (...paragraphs: EventParagraph[]) => eventsIn(paragraphs, ISSUE);
const titles = (...paragraphs: EventParagraph[]) => events(...paragraphs).map((e) => e.title);

describe('a dated sentence is an event, titled by what happens in it', () => {
  it('with no event word: the subject of “took place”, read where it points (its section)', () => {
    const [event] = events(
      para('The latest edition took place from 20 to 27 April 2024, with twelve delegations.', {
        sectionTitle: '…the Balkan Forum on Labour Inspection',
      }),
    );
    expect(event).toMatchObject({
      title: 'the Balkan Forum on Labour Inspection',
      start: '2024-04-20',
      end: '2024-04-27',
      precision: 'day',
    });
    expect(event!.description).toBe('The latest edition took place from 20 to 27 April 2024, with twelve delegations.');
  });

  it('with no event word: the phrase the date follows, with its place', () => {
    const [event] = events(
      para('Both offices then announced a regional debriefing in Belgrade from 3 to 5 November 2025.'),
    );
    expect(event).toMatchObject({
      title: 'a regional debriefing in Belgrade',
      start: '2025-11-03',
      end: '2025-11-05',
      place: 'Belgrade',
      country: 'Serbia',
    });
  });

  it('the subject of a verb of happening', () => {
    expect(titles(para('On 12 and 13 May 2025, a national round table on child labour was held in Tirana.'))).toEqual([
      'a national round table on child labour',
    ]);
    expect(titles(para('The Joint Monitoring Board met on 4 June 2025 to review the action plan.'))).toEqual([
      'The Joint Monitoring Board',
    ]);
  });

  it('the object of a verb of doing', () => {
    expect(
      titles(
        para(
          'From 2-4 June 2025, Montenegro hosted a joint investigation exercise with Europol as part of which officers trained together.',
        ),
      ),
    ).toEqual(['a joint investigation exercise with Europol']);
    expect(
      titles(
        para('The ministries successfully concluded talks on a readmission protocol on 30 June 2025, after two years.'),
      ),
    ).toEqual(['talks on a readmission protocol']);
  });

  it('a phrase headed by an event word ends where its verb begins', () => {
    expect(
      titles(
        para(
          'On 9 and 10 September, the labour inspection working group reviewed the draft guidelines on seasonal work.',
        ),
      ),
    ).toEqual(['the labour inspection working group']);
  });

  it('a phrase with the date inside it', () => {
    const [event] = events(
      para(
        'Since the signing in March 2019 of a memorandum of understanding between the two ministries, a joint committee meets every spring.',
      ),
    );
    expect(event).toMatchObject({
      title: 'the signing in March 2019 of a memorandum of understanding between the two ministries',
      precision: 'month',
      start: '2019-03-01',
      end: '2019-03-31',
    });
  });

  it('“this workshop” is the workshop named before it', () => {
    const previous = 'Romania will organise a regional workshop on victim identification for border guards.';
    expect(titles(para('This workshop will be held on 14 October 2025 in Iasi.', { previousText: previous }))).toEqual([
      'a regional workshop on victim identification for border guards',
    ]);
  });

  it('a first mention that says only its kind keeps its words', () => {
    const text =
      'From 2 to 3 April 2025, Moldova hosted an international conference as part of which prosecutors compared cases.';
    expect(titles(para(text, { sectionTitle: '…the conference on labour exploitation in Chisinau' }))).toEqual([
      'an international conference',
    ]);
  });

  it('one of a series is the series named before it', () => {
    const previous = 'Each spring the ministry runs a workshop for labour inspectors.';
    expect(
      titles(para('The next workshop will take place on 6 May 2026 in Skopje.', { previousText: previous })),
    ).toEqual(['a workshop for labour inspectors']);
  });

  it('one of a series takes the name another report gives it', () => {
    const story = para('The second seminar will take place from 6 to 8 May in Skopje.', { key: 'story' });
    const calendar = para('6-8 May, Skopje: regional seminar on online recruitment (page 4).', {
      key: 'calendar',
      kind: 'calendar',
      calendarGroup: 'coming',
    });
    const [event] = events(story, calendar);
    expect(event).toMatchObject({
      title: 'regional seminar on online recruitment',
      place: 'Skopje',
      paragraphKeys: ['story', 'calendar'],
    });
  });

  it('a dated sentence where nothing is found to happen is no event', () => {
    expect(events(para('Figures for 2024 were published; see the annex dated 4 March 2025.'))).toEqual([]);
    expect(events(para('The May 2025 session report lists four priorities.'))).toEqual([]);
  });
});

describe('precision and place as the text gives them', () => {
  it('a month alone is a month, not thirty-one days', () => {
    const [event] = events(
      para(
        'The declaration is expected to be adopted at an intergovernmental conference on migration in December 2025.',
      ),
    );
    expect(event).toMatchObject({
      title: 'an intergovernmental conference on migration',
      start: '2025-12-01',
      end: '2025-12-31',
      precision: 'month',
    });
  });

  it('a place whose capitals the layout lost is spelled as the gazetteer (and the newsletter) prints it', () => {
    const [event] = events(
      para('Held from 7 to 9 mai 2025 IN sofia', {
        kind: 'dateline',
        sectionTitle: '…the regional prosecutors’ meeting',
      }),
    );
    expect(event).toMatchObject({
      title: 'the regional prosecutors’ meeting',
      place: 'Sofia',
      country: 'Bulgaria',
      start: '2025-05-07',
    });
    // Capitals as written are kept.
    expect(events(para('On 2 June 2025, a regional meeting was held in Banja Luka.'))[0]!.place).toBe('Banja Luka');
  });
});

describe('events as generated issues print them (#29)', () => {
  it('who organised it (“organised by the Commission”) is not what happened', () => {
    expect(
      titles(
        para(
          'From 6 to 8 June 2025, 64 experts met in Tirana for a workshop on the return of victims, organised by the European Commission.',
        ),
      ),
    ).toEqual(['a workshop on the return of victims']);
  });

  it('people who met for something: the something is what happened, not the people', () => {
    const text =
      'From 4 to 6 May 2025, 120 judges met in Skopje for a workshop on asset recovery, organised by the Council of Europe.';
    expect(titles(para(text))).toEqual(['a workshop on asset recovery']);
  });

  it('“the latest …” that says what it is about names its happening, not its section or an earlier phrase', () => {
    const previous = 'The ministry funds the recovery of criminal assets in the region.';
    const text =
      'The latest seminar on asset recovery took place in Tirana from 2 to 4 June 2025, with judges of the region.';
    expect(titles(para(text, { previousText: previous, sectionTitle: 'Editorial' }))).toEqual([
      'The latest seminar on asset recovery',
    ]);
  });

  it('a range across two months is one event, from the first day to the last', () => {
    const got = events(
      para('A regional workshop on shelters will take place in Sarajevo from 30 September to 2 October 2025.'),
    );
    expect(got.map((e) => [e.title, e.start, e.end, e.yearInferred])).toEqual([
      ['A regional workshop on shelters', '2025-09-30', '2025-10-02', false],
    ]);
  });

  it('calendar entries run together in one paragraph, or outside the calendar, are each an event', () => {
    const joined =
      '• June 2025, Vienna: national workshop on shelters • 3–4 July 2025, Tirana: joint seminar on asset recovery À venir';
    for (const kind of ['calendar', 'paragraph']) {
      const got = events(para(joined, { kind, calendarGroup: kind === 'calendar' ? 'coming' : null }));
      expect(got.map((e) => [e.title, e.start, e.end, e.place])).toEqual([
        ['national workshop on shelters', '2025-06-01', '2025-06-30', 'Vienna'],
        ['joint seminar on asset recovery À venir', '2025-07-03', '2025-07-04', 'Tirana'],
      ]);
    }
  });

  it('a date a sentence leads into is no calendar entry', () => {
    expect(
      titles(para('The report was published on 5 May 2025, Vienna: its findings were discussed at a seminar.')),
    ).not.toContain('its findings were discussed at a seminar');
  });
});
