/** Who, what, where and when: the entities of both issues, each linked to the passages naming it. */
import { describe, expect, it } from 'vitest';
import { archive, letters, textOfItem } from '../support/archive';

type Entity = Record<string, unknown> & { key: string; mentions: string[] };
const list = (kind: keyof ReturnType<typeof archive>) => archive()[kind] as Entity[];
const find = (kind: keyof ReturnType<typeof archive>, pred: (e: Entity) => boolean) => list(kind).find(pred);

describe('people', () => {
  it('are found with their role as the text gives it, per issue', () => {
    const role = (name: string) => find('people', (p) => p.name === name)?.role;
    expect(role('Ghada Waly')).toBe('UNODC’s Executive Director');
    expect(role('Laurence Auer')).toBe('French Ambassador to Romania');
    expect(role('Christophe Labeyrie')).toBe('head of the TRAFCIN investigations division');
    expect(role('Jean-Louis Falconi')).toBe('France’s permanent representative at the UN in Vienna');
    expect(role('Per-Anders Sunesson')).toBe('former Swedish Ambassador in charge of the fight against trafficking');
    expect(role('Olivier Peyroux')).toBe('sociologist');
    const leDrian = find('people', (p) => p.name === 'Jean-Yves Le Drian')!;
    expect((leDrian.issues as { issue: string; role: string }[]).map((i) => i.role)).toEqual([
      'French Minister of Europe and Foreign Affairs',
      'French Foreign Minister',
    ]);
  });

  it('merge a surname met alone with the person met in full', () => {
    const names = list('people').map((p) => p.name);
    expect(names).toContain('Elisabeth Moiron-Braud');
    expect(names).not.toContain('Moiron-Braud');
    expect(names).not.toContain('Brunet');
    for (const name of [
      'Yuri Fedotov',
      'Caroline Charpentier',
      'Erwann Tor',
      'Margot Wallström',
      'Davor Raus',
      'Kofi Annan',
      'Petya Nestorova',
      'Valiant Richey',
      'Geneviève Colas',
      'Bogdan Despescu',
      'Magdalena Nestorovska',
      'Alexis Lamek',
      'François Delattre',
    ]) {
      expect(names).toContain(name);
    }
  });

  it('link their organisation where the role names one', () => {
    expect(find('people', (p) => p.name === 'Davor Raus')?.organisation).toBe('org/unodc');
    expect(find('people', (p) => p.name === 'Valiant Richey')?.organisation).toBe('org/osce');
  });
});

describe('organisations', () => {
  it('are one record for a full name and its acronym, across issues', () => {
    const unodc = list('organisations').filter((o) => o.acronym === 'UNODC');
    expect(unodc).toHaveLength(1);
    expect(unodc[0]).toMatchObject({ key: 'org/unodc', name: 'United Nations Office on Drugs and Crime' });
    const issues = new Set(unodc[0]!.mentions.map((m) => m.split('/')[0]));
    expect(issues.size).toBe(2);
    expect(find('organisations', (o) => o.acronym === 'ICMPD')?.name).toBe(
      'International Centre for Migration Policy Development',
    );
    expect(find('organisations', (o) => o.acronym === 'MIPROF')?.name).toBe(
      'Inter-ministerial Mission on combating violence against women and human trafficking',
    );
    expect(find('organisations', (o) => o.acronym === 'OSCE')?.name).toBe(
      'Organization for Security and Cooperation in Europe',
    );
    expect(list('organisations').map((o) => o.name)).toEqual(
      expect.arrayContaining([
        'Les amis du bus des femmes',
        'Terre des Hommes Albania',
        'ATINA',
        'EUROPOL',
        'INTERPOL',
      ]),
    );
  });
});

describe('events', () => {
  it('come from the calendar with ISO dates, the inferred year said, and past or coming', () => {
    const kosovo = find('events', (e) => e.place === 'Kosovo')!;
    expect(kosovo).toMatchObject({
      start: '2018-09-25',
      end: '2018-09-28',
      yearInferred: true,
      country: 'Kosovo',
      status: 'coming',
    });
    const bulgaria = find('events', (e) => e.start === '2018-05-31')!;
    expect(bulgaria).toMatchObject({ end: '2018-06-01', place: 'Bulgaria', status: 'past' });
    const sarajevo = find('events', (e) => e.start === '2018-10-02')!;
    expect(sarajevo).toMatchObject({ end: '2018-10-05', country: 'Bosnia and Herzegovina', status: 'coming' });
  });

  it('come from the running text', () => {
    const chisinau = find('events', (e) => e.start === '2018-06-05')!;
    expect(chisinau).toMatchObject({
      end: '2018-06-07',
      country: 'Moldova',
      status: 'past',
      yearInferred: false,
      precision: 'day',
      title: 'an interregional seminar',
    });
    expect(chisinau.description).toMatch(/^From 5-7 June 2018, Moldova hosted an interregional seminar/);
    expect(find('events', (e) => e.start === '2021-03-07')).toMatchObject({ end: '2021-03-12', country: 'Japan' });
    expect(find('events', (e) => e.start === '2021-01-26')).toMatchObject({ end: '2021-01-28', yearInferred: false });
    expect(find('events', (e) => e.start === '2021-04-13')).toMatchObject({ end: '2021-04-14', status: 'coming' });
    expect(find('events', (e) => e.start === '2020-12-17')).toMatchObject({
      yearInferred: true,
      title: 'The 6th Steering Committee',
    });
    expect(find('events', (e) => e.start === '2018-05-14')).toMatchObject({ end: '2018-05-18', country: 'Austria' });
  });

  it('are titled by what happens, in the words of a passage or section that reports them; the sentence is the description', () => {
    const events = list('events');
    expect(events.length).toBeGreaterThan(20);
    // A passage, its section's title, or the passage before it (where “this workshop” was named).
    const around = (key: string) =>
      archive().issues.flatMap((i) =>
        i.sections.flatMap((s) =>
          s.paragraphs.flatMap((p, n) =>
            p.key === key ? [s.title, p.text, s.paragraphs[n - 1]?.text ?? s.title] : [],
          ),
        ),
      );
    for (const event of events) {
      const reported = event.mentions.flatMap((m) => [textOfItem(m), ...around(m)]);
      expect(
        reported.some((text) => text.includes(String(event.title))),
        `${event.key}: “${String(event.title)}”`,
      ).toBe(true);
    }
    const title = (start: string) => find('events', (e) => e.start === start)?.title;
    expect(title('2018-07-13')).toBe('negotiations of the Global Compact');
    expect(title('2018-07-04')).toBe('the migrant smuggling working group');
    expect(title('2014-06-01')).toBe(
      'the adoption in June 2014 of an inter-ministerial cooperation strategy to combat human trafficking in South-Eastern Europe',
    );
    expect(title('2019-03-08')).toBe(
      'The joint Franco-Swedish strategy to combat trafficking in human beings for the purpose of sexual exploitation',
    );
    // Reported by an article as “The first seminar” and by the calendar by its name.
    expect(title('2018-10-02')).toBe('regional seminar on “TEH and forced crime” with UNODC');
  });

  it('keep the precision the text gives, and a place in the capitals the newsletter prints', () => {
    expect(find('events', (e) => e.start === '2018-12-01')).toMatchObject({ end: '2018-12-31', precision: 'month' });
    expect(
      list('events')
        .filter((e) => e.precision === 'month')
        .map((e) => e.start),
    ).toEqual(['2018-12-01', '2014-06-01']);
    expect(find('events', (e) => e.start === '2021-03-07')).toMatchObject({ place: 'Kyoto', country: 'Japan' });
  });
});

describe('figures, contacts and documents', () => {
  it('give figures with value, currency, what they count and period', () => {
    expect(find('figures', (f) => f.value === 163500)).toMatchObject({
      currency: 'EUR',
      period: 'per year',
      label: 'France’s contributions to the UNODC Human Trafficking and Migrant Smuggling Section (HTMSS)',
    });
    expect(find('figures', (f) => f.value === 1830000)).toMatchObject({
      currency: 'EUR',
      period: 'in 2018',
      label: 'France’s general voluntary contributions to the UNODC',
    });
    expect(find('figures', (f) => f.value === 333959)).toMatchObject({ currency: 'USD', period: 'since 2011' });
    expect(find('figures', (f) => f.value === 150000)).toMatchObject({ currency: 'EUR' });
    expect(find('figures', (f) => f.value === 4600)).toMatchObject({ unit: 'practitioners' });
    expect(find('figures', (f) => f.value === 100)).toMatchObject({ unit: 'participants' });
  });

  it('give contacts with their owner', () => {
    expect(find('contacts', (c) => c.kind === 'email')).toMatchObject({
      value: 'caroline-marie.charpentier@diplomatie.gouv.fr',
      owner: 'Ms. Caroline Charpentier',
    });
    expect(find('contacts', (c) => c.value === '@RP_France_OSCE')).toMatchObject({
      kind: 'handle',
      owner: 'Permanent representation of France to the OSCE',
    });
    expect(find('contacts', (c) => c.kind === 'address')).toMatchObject({
      value: 'Schwarzenbergplatz 16, 1010, Vienna (Austria)',
    });
  });

  it('give UN documents by symbol, with title and sponsors', () => {
    expect(find('documents', (d) => d.symbol === 'E/CN.15/2018/L.3/REV.1')).toMatchObject({
      title:
        'Improving the protection of children against trafficking in persons, including by addressing the criminal misuse of information and communications technologies',
      sponsors: ['France', 'Romania'],
    });
    expect(find('documents', (d) => d.symbol === 'E/CN.15/2018/L.8/REV.1')).toMatchObject({
      title: 'Strengthening measures against trafficking in persons',
      sponsors: ['Colombia'],
    });
  });

  it('list the countries mentioned', () => {
    const names = list('countries').map((c) => c.name);
    for (const name of [
      'Albania',
      'Bosnia and Herzegovina',
      'Bulgaria',
      'Croatia',
      'Greece',
      'Kosovo',
      'North Macedonia',
      'Moldova',
      'Montenegro',
      'Romania',
      'Serbia',
      'France',
      'Sweden',
    ])
      expect(names).toContain(name);
  });
});

describe('every entity', () => {
  const spellings = (e: Entity): string[] =>
    [
      e.name,
      e.acronym,
      e.symbol,
      e.value,
      e.text,
      e.description,
      ...(typeof e.name === 'string' ? [String(e.name).split(' ').pop()] : []),
    ].filter((x): x is string => typeof x === 'string');

  it('is linked to at least one passage that contains it', () => {
    const kinds = ['people', 'organisations', 'events', 'figures', 'contacts', 'documents', 'countries'] as const;
    for (const kind of kinds) {
      for (const entity of list(kind)) {
        expect(entity.mentions.length, entity.key).toBeGreaterThan(0);
        const texts = entity.mentions.map((m) => letters(textOfItem(m)));
        if (kind === 'countries') continue; // named by adjectives too: checked below
        expect(
          texts.some((t) => spellings(entity).some((s) => t.includes(letters(s)))),
          `${entity.key} is not in ${entity.mentions.join(', ')}`,
        ).toBe(true);
      }
    }
  });

  it('country mentions name the country', () => {
    const romania = find('countries', (c) => c.name === 'Romania')!;
    for (const m of romania.mentions) expect(textOfItem(m)).toMatch(/Romania/);
  });
});
