/**
 * The general rules of #29, each on a PDF made by a real engine for it (tests/corpus/<case>/, with
 * its source), imported with no corrections. Each test names the rule it guards; each was seen to
 * fail with that rule taken out (see the commits).
 */
import { describe, expect, it } from 'vitest';
import { entitiesOf } from '../../db/build-content.node';
import { ExtractionError, extractIssue } from '../../db/pipeline/extract-issue.std';
import { findOrganisations } from '../../db/pipeline/entities/organisations.std';
import { importCorpusPdf } from '../corpus/corpus';

const titles = (issue: Awaited<ReturnType<typeof importCorpusPdf>>) => issue.sections.map((s) => s.title);
const texts = (issue: Awaited<ReturnType<typeof importCorpusPdf>>) =>
  issue.sections.flatMap((s) => s.paragraphs.map((p) => p.text));

describe('a first page that opens with a masthead (pdfLaTeX, multicol, tcolorbox)', () => {
  it('reads the number and the month from the masthead, and keeps page 1', async () => {
    const issue = await importCorpusPdf('masthead/masthead.pdf');
    expect(issue.number).toBe(26);
    expect(issue.date).toBe('2026-09');
    expect(issue.key).toBe('2026-no-26');
    expect(titles(issue)[0]).toBe('Labour exploitation moves online');
    expect(issue.sections[0]!.page).toBe(1);
    expect(texts(issue).some((t) => t.startsWith('Dear readers, this autumn the countries of South-East Europe'))).toBe(
      true,
    );
    expect(issue.dropped.filter((d) => d.reason === 'masthead').map((d) => d.text)).toEqual([
      'Quarterly newsletter of the Permanent Mission of France to the OSCE in Vienna',
      'No. 26 — September 2026',
    ]);
  });
  it('takes a title that starts with a lower-case word, on two lines, after a kicker', async () => {
    const issue = await importCorpusPdf('masthead/masthead.pdf');
    const focus = issue.sections.find((s) => s.kicker === 'Focus on…');
    expect(focus?.title).toBe('the joint action days against labour exploitation in the Western Balkans');
    expect(focus?.page).toBe(2);
  });
  it('continues the editorial on the page that opens mid-sentence, and reads the columns under a full-width part apart', async () => {
    const issue = await importCorpusPdf('masthead/masthead.pdf');
    expect(texts(issue)).toContain(
      'We thank Ms Vesna Kovač, who leaves the secretariat after six years, for her patient work with the national coordinators. The next meeting of the coordinators will take place in Tirana on 14 and 15 October 2026, and we will report on it in our next issue. Until then, the conclusions of the spring meeting are available from the secretariat, which also keeps the list of national hotlines and the names of the focal points in each ministry, so that a diplomat posted in the region knows whom to call when a case reaches the embassy and the consular section has to decide, with the local authorities and the organisations on the ground, how the person will be protected and how the offenders will be found and brought before a court without delay, wherever they operate and whatever the country of the victims, as the Warsaw Convention asks of every party.',
    );
    expect(texts(issue)).toContain(
      'Mr Dritan Hoxha, head of the anti-trafficking unit of the Albanian State Police, explained that the operation showed how recruiters move workers between countries every few weeks to avoid inspections.',
    );
  });
});

describe('Typst, which draws every hyphen as a soft hyphen that pdf.js leaves out', () => {
  it('puts a hyphen back where pdf.js left a space as wide as it, and at a line end', async () => {
    const issue = await importCorpusPdf('typst/hyphens.pdf');
    expect(texts(issue)[0]).toBe(
      'The General Assembly opened its commemorations seventy-ninth session and the EU Anti-Trafficking Day. The unit was established in the capitals, and internationally recognised, and many more words follow here to fill lines.',
    );
  });
});

describe('an issue typeset by Typst in three columns', () => {
  it('reads the masthead set small above the title, on a single page', async () => {
    const issue = await importCorpusPdf('typst/issue-27.pdf');
    expect([issue.number, issue.date, issue.title]).toEqual([27, '2026-12', 'Police cooperation across the region']);
  });
  it('reads thousands set apart by a space, a no-break space, a narrow no-break space or a dot', async () => {
    const issue = await importCorpusPdf('typst/issue-27.pdf');
    const figures = entitiesOf([issue])
      .filter((e) => e.type === 'figure')
      .map((e) => `${e.data.value as number} ${(e.data.currency as string | null) ?? ''}`.trim());
    expect(figures).toEqual(expect.arrayContaining(['15313', '27000', '45000 EUR', '350000 EUR']));
    expect(figures).not.toEqual(expect.arrayContaining(['313']));
  });
  it('finds the e-mail after its label on the same line', async () => {
    const issue = await importCorpusPdf('typst/issue-27.pdf');
    expect(
      entitiesOf([issue])
        .filter((e) => e.type === 'contact')
        .map((e) => e.name),
    ).toContain('lettre-vienne@diplomatie.gouv.fr');
  });
});

describe('a calendar in two CSS columns under one-column text (Chromium)', () => {
  const calendar = [
    '9 May 2025, Podgorica and Skopje: the Special Representative visits the two anti-trafficking offices.',
    '12–13 June 2025, Vienna: meeting of the national coordinators of South-East Europe.',
    '30 July 2025, Chisinau: regional conference on the World Day against Trafficking in Persons.',
    '18 October 2025, Brussels: EU Anti-Trafficking Day, with the national rapporteurs.',
    '4–6 November 2025, Belgrade: regional debriefing of the joint action days.',
    '2–4 February 2026, Tirana: training of labour inspectors from six countries.',
  ];
  it('reads each column down, never across: each entry whole, in order', async () => {
    const issue = await importCorpusPdf('chromium/calendar.pdf');
    const section = issue.sections.find((s) => s.title === 'Calendar');
    expect(section?.paragraphs.map((p) => p.text)).toEqual(calendar);
  });
  it('joins the pieces pdf.js cuts a ligature into ("Tra" | "ff" | "icking"), and keeps apart words a space parts', async () => {
    const issue = await importCorpusPdf('chromium/calendar.pdf');
    expect(titles(issue)[0]).toBe('Trafficking offices join efforts in the Western Balkans');
    const all = texts(issue).join(' ');
    for (const word of ['the first joint', 'The efficient and sufficient', 'a closed file', 'makes official'])
      expect(all).toContain(word);
    expect(texts(issue)).toContain('Key figures');
  });
  it('reads the number and month after the newsletter’s name on the masthead line', async () => {
    const issue = await importCorpusPdf('chromium/calendar.pdf');
    expect([issue.number, issue.date, issue.year]).toEqual([11, '2027-03', 2027]);
  });
});

describe('a calendar set as a table pairing "En bref" and "À venir" (LibreOffice Writer)', () => {
  it('reads the table cell by cell, each column down, and the line under the table after it', async () => {
    const issue = await importCorpusPdf('table/calendar-table.pdf');
    expect(issue.sections[0]!.paragraphs.map((p) => [p.kind, p.text])).toEqual([
      [
        'paragraph',
        'The events of the last three months and those of the next, as the Permanent Mission of France to the OSCE in Vienna follows them in 2025.',
      ],
      ['calendar-heading', 'En bref'],
      [
        'calendar',
        '9 May 2025, Podgorica and Skopje: the Special Representative visited the anti-trafficking offices of Montenegro and North Macedonia.',
      ],
      ['calendar', '12 June 2025, Vienna: meeting of the national coordinators of South-East Europe.'],
      ['calendar', '30 July 2025, Chisinau: regional conference on the World Day against Trafficking in Persons.'],
      ['calendar-heading', 'À venir'],
      ['calendar', '18 October 2025: EU Anti-Trafficking Day.'],
      [
        'calendar',
        '4 to 6 November 2025, Belgrade: regional debriefing of the joint action days against labour exploitation.',
      ],
      ['calendar', '2 to 4 February 2026, Vienna: OSCE Alliance against Trafficking in Persons Conference.'],
      ['paragraph', 'The calendar is updated in every issue.'],
    ]);
  });
});

describe('an organisation named by a mixed-case acronym and then alone', () => {
  it('is one organisation, not two with one key (the import failed: UNIQUE constraint failed: entities.key)', () => {
    const orgs = findOrganisations([
      'A joint investigation, supported by Europol and Eurojust, led to nineteen arrests.',
      'According to the European Union Agency for Law Enforcement Cooperation (Europol), 37 759 officers were trained.',
    ]);
    const europol = orgs.filter((o) => o.key === 'org/europol');
    expect(europol).toHaveLength(1);
    expect(europol[0]).toMatchObject({
      name: 'European Union Agency for Law Enforcement Cooperation',
      acronym: 'Europol',
    });
  });
});

describe('an organisation named once with its hyphen and once with a space for it (#29)', () => {
  it('is one organisation with one key (seed 7044, Typst: the import failed on entities.key)', () => {
    const orgs = findOrganisations([
      'Professor Thomas Radulovic, Head of the Anti Trafficking Unit at the Ministry, spoke first.',
      'Professor Jelena Todorova, Head of the Anti-Trafficking Unit at the Ministry, spoke next.',
    ]);
    const units = orgs.filter((o) => o.key === 'org/anti-trafficking-unit');
    expect(units).toHaveLength(1);
    expect(units[0]!.aliases).toEqual(expect.arrayContaining(['Anti Trafficking Unit', 'Anti-Trafficking Unit']));
  });
});

describe('two bodies whose names part only after the eighth word (#29)', () => {
  const refugees = 'The Office of the United Nations High Commissioner for Refugees registered 300 asylum seekers.';
  const rights = 'The Office of the United Nations High Commissioner for Human Rights published its report.';
  it('stay two, each keyed by its whole name, whatever the order they are read in', () => {
    const expected = [
      'org/office-of-the-united-nations-high-commissioner-for-human-rights',
      'org/office-of-the-united-nations-high-commissioner-for-refugees',
    ];
    const keysOf = (texts: string[]) =>
      findOrganisations(texts)
        .filter((o) => o.name.startsWith('Office of the United Nations'))
        .map((o) => o.key)
        .sort();
    expect(keysOf([refugees, rights])).toEqual(expected);
    expect(keysOf([rights, refugees])).toEqual(expected);
  });
  it('keeps apart two bodies named in another alphabet, each with a key of its own', () => {
    const text = 'Ωμέγα and Δέλτα met in Athens.';
    const hints = [{ name: 'Ωμέγα' }, { name: 'Δέλτα' }];
    const keys = findOrganisations([text], hints)
      .map((o) => o.key)
      .sort();
    expect(keys).toEqual(['org/delta', 'org/omega']);
  });
  it('leaves the key of a body whose name no other shares as it was (its first eight words)', () => {
    const orgs = findOrganisations([refugees]);
    expect(orgs.map((o) => o.key)).toContain('org/office-of-the-united-nations-high-commissioner-for');
  });
});

describe('bodies named in Cyrillic (#29, review of rounds 8–9)', () => {
  // slugify keeps Latin letters only: both bodies were org/untitled, and the whole import failed
  // with SQLite's "UNIQUE constraint failed: entities.key".
  const text = [
    'No. 32 — June 2025',
    '',
    'Editorial',
    '',
    'Dear readers, in Belgrade the Центар за заштиту жртава трговине људима (ЦЗЖТЉ) and the Канцеларија за људска и мањинска права (КЉМП) signed an agreement on 12 May 2025. The ЦЗЖТЉ will refer every presumed victim to a shelter, and the КЉМП will train the staff of the shelters.',
    '',
  ].join('\n');
  const { issue } = extractIssue({ file: 'cyrillic.txt', text, sha256: '0'.repeat(64) });
  it('each take a key of their own, written in Latin, through the whole extraction', () => {
    const bodies = entitiesOf([issue]).filter((e) => e.type === 'organisation');
    expect(bodies.map((e) => [e.key, e.name]).sort()).toEqual([
      ['org/kljmp', 'КЉМП'],
      ['org/tszzhtlj', 'ЦЗЖТЉ'],
    ]);
  });
  it('a clash left (two names whose slugs are one) is refused with a reason of the catalogue, not SQLite’s', () => {
    // "Łódź" and "Odz" both slug to "odz" (ł has no Latin base letter): two bodies, one key.
    const clash = { ...issue, organisationHints: [{ name: 'Łódź Office' }, { name: 'Odz Office' }] };
    clash.sections = [
      {
        ...issue.sections[0]!,
        paragraphs: [{ ...issue.sections[0]!.paragraphs[0]!, text: 'The Łódź Office and the Odz Office met.' }],
      },
    ];
    const refusal = (() => {
      try {
        entitiesOf([clash]);
      } catch (error) {
        return error;
      }
      return null;
    })();
    expect(refusal).toBeInstanceOf(ExtractionError);
    expect(refusal).toMatchObject({ reasonId: 'reason.entity-key-clash' });
  });
});
