/** What a reader who knows the newsletter expects to find: sections, pages, whole items, boxes. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ASSETS } from '../support/content';
import { archive, issueByYear } from '../support/archive';

describe('issues', () => {
  it('states number, year, date and title where the text allows, with the source digest', () => {
    const [first, second] = archive().issues;
    expect(first).toMatchObject({
      key: '2018-no-10',
      number: 10,
      year: 2018,
      title: 'France’s multilateral commitment in the fight against human trafficking',
      sourceFile: '000_1e644c5006785efa.txt',
    });
    expect(second).toMatchObject({ number: null, year: 2021, date: '2021-03' });
    const digest = createHash('sha256')
      .update(readFileSync(join(ASSETS, '000_1e644c5006785efa.txt')))
      .digest('hex');
    expect((first as unknown as { sourceSha256: string }).sourceSha256).toBe(digest);
  });
});

describe('sections', () => {
  it('have their real titles, kickers and pages, in reading order', () => {
    const sections = issueByYear(2018).sections.map((s) => [s.kicker, s.title, s.page]);
    expect(sections).toEqual([
      [null, 'France’s multilateral commitment in the fight against human trafficking', 2],
      [null, 'PERSPECTIVES ON MULTILATERALISM…', 3],
      [
        'THREE QUESTIONS TO…',
        'M. YURI FEDOTOV EXECUTIVE DIRECTOR OF THE UNITED NATIONS OFFICE ON DRUGS AND CRIME (UNODC)',
        4,
      ],
      ['Return to…', '…the 27th Commission on Crime Prevention and Criminal Justice (CCPCJ)', 6],
      [null, '…and parallel events', 7],
      [null, 'Support of the UNODC Human Trafficking and Migrant Smuggling Section: a French priority', 8],
      ['Return to…', '…France’s participation in working groups on trafficking in persons and migrant smuggling', 10],
      ['Focus on…', '…the seminar organised by UNODC in Chisinau', 11],
      [null, 'Contact', 12],
    ]);
    const priorities = issueByYear(2021)
      .sections.filter((s) => s.kicker?.startsWith('Priority'))
      .map((s) => [s.kicker, s.page]);
    expect(priorities).toEqual([
      ['Priority 1', 6],
      ['Priority 2', 8],
      ['Priority 3', 9],
      ['Priority 4', 10],
      ['Priority 5', 12],
    ]);
  });

  it('take a heading set at the foot of its page', () => {
    const focus = issueByYear(2021).sections.find((s) => s.page === 11)!;
    expect(focus.kicker).toBe('FOCUS ON…');
    expect(focus.title).toMatch(/^…regional expert group meeting on “access to justice and effective remedies/);
  });
});

describe('paragraphs', () => {
  const all = archive().issues.flatMap((i) => i.sections.flatMap((s) => s.paragraphs));
  const text = all.map((p) => p.text).join('\n');

  it('mend words split across lines, and keep real hyphens', () => {
    expect(text).toContain('International Women’s Rights Day');
    expect(text).toContain('Jean-Yves Le Drian');
    expect(text).toContain('COVID-19 pandemic');
    expect(text).toContain('inter-ministerial');
    expect(text).not.toMatch(/\bWo-\s?men/);
  });

  it('join spaced-out display headings into words', () => {
    expect(text).toContain('MULTILATERALISM BY NEGOTIATION');
    expect(text).not.toContain('M U LT I');
  });

  it('read each calendar entry whole, in its column', () => {
    const calendar = issueByYear(2018)
      .sections.flatMap((s) => s.paragraphs)
      .filter((p) => p.kind.startsWith('calendar'));
    expect(calendar.map((p) => p.text)).toEqual([
      'En bref',
      '16-19 April, Romania: meetings with enforcement and judicial authorities, civil society and the National Agency for the Prohibition of Trafficking in Persons.',
      '31 May - 1 June, Bulgaria: international conference on human trafficking organised as part of the Bulgarian presidency of the EU.',
      '11-14 June, Serbia: presentation of the work by the Serbian NGO for the protection of the victims of human trafficking and sexual violence, ATINA, and promotion of the abolitionist model by French Essonne judicial supervisory association A.C.J.E.',
      '9-12 July, Albania: follow-up to institutional technical meetings with civil society.',
      'À venir',
      '17 -21 September, Greece: institutional meetings and cooperation and cooperation between civil society and the Caritas Albania project concerning exploited minors.',
      '25-28 September, Kosovo: follow-up to technical cooperation.',
      '2-5 October, Sarajevo: regional seminar on “TEH and forced crime” with UNODC (page 9).',
      '15-19 October, Vienna: 9th Conference of Parties to the Palermo Convention.',
      '30 October - 2 November, Bulgaria: conference on “TEH and the recruitment and exploitation via new technologies and the Internet” with UNODC.',
    ]);
  });

  it('keep side boxes, quotes, captions and questions as blocks of their own kind', () => {
    const kinds = (pred: (t: string) => boolean) => all.filter((p) => pred(p.text)).map((p) => p.kind);
    expect(kinds((t) => t === '€163,500 per year')).toEqual(['key-figures']);
    expect(kinds((t) => t.startsWith('« I am convinced'))).toEqual(['quote']);
    expect(kinds((t) => t.startsWith('Ms. Caroline Charpentier, 17 May 2018'))).toEqual(['caption']);
    expect(kinds((t) => t.startsWith('1. States regularly present'))).toEqual(['question']);
    expect(kinds((t) => t.startsWith('Mr Jean-Yves Le Drian, French Minister'))).toEqual(['attribution']);
    expect(kinds((t) => t.startsWith('“In a world as interdependent'))).toEqual(['quote']);
    // The key-figures box is not in the running text of the summary.
    const summary = issueByYear(2018)
      .sections[0]!.paragraphs.filter((p) => p.kind === 'paragraph')
      .map((p) => p.text)
      .join(' ');
    expect(summary).not.toContain('€');
  });

  it('put the interleaved resolution boxes back together', () => {
    const texts = issueByYear(2018).sections[3]!.paragraphs.map((p) => p.text);
    expect(texts).toContain(
      'It also focuses on strengthening both international and regional cooperation for the purpose of creating informal regional networks to promote the exchange of good practices between national points of contact leading the fight against human trafficking.',
    );
    expect(texts).toContain(
      'This resolution is focussed largely on the risks of using the Internet for the purpose of exploiting human beings, without highlighting in particular the vulnerability of children as a result of misuse of new technologies.',
    );
  });

  it('read the 2021 editorial from its first column', () => {
    const editorial = issueByYear(2021).sections[0]!.paragraphs;
    expect(editorial[0]!.text).toMatch(/^Trafficking in human beings is one of the worst possible crimes/);
    expect(editorial[editorial.length - 1]!.text).toBe('I hope you find this newsletter informative!');
  });
});

describe('stable keys', () => {
  it('are slugs derived from content, unique across the archive', () => {
    const keys = archive().issues.flatMap((i) => [
      i.key,
      ...i.sections.flatMap((s) => [s.key, ...s.paragraphs.map((p) => p.key)]),
    ]);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^[a-z0-9][a-z0-9.-]*(\/[a-z0-9][a-z0-9.-]*)*$/);
    expect(keys).toContain('2018-no-10/the-seminar-organised-by-unodc-in');
  });
});
