/**
 * How the lines of one block are joined (db/pipeline/text/text.std.ts, #29): the pieces of a UN symbol
 * cut after a slash, and of an e-mail address cut at its own hyphen, are one token again; an
 * ordinary word cut at a line-end hyphen still loses the hyphen. Lines written for this test.
 */
import { describe, expect, it } from 'vitest';
import { documentsIn } from '../../db/pipeline/entities/documents.std';
import { contactsIn } from '../../db/pipeline/entities/contacts.std';
import { joinLines, vocabularyOf } from '../../db/pipeline/text/text.std';

const join = (...lines: string[]) => joinLines(lines, new Set());

describe('joining the lines of a block', () => {
  it('a symbol cut after its slash is read whole', () => {
    const text = join(
      'The Commission adopted resolution E/',
      'CN.15/2031/L.7/Rev.2 by consensus, and A/HRC/',
      'RES/61/4 later.',
    );
    expect(text).toBe(
      'The Commission adopted resolution E/CN.15/2031/L.7/Rev.2 by consensus, and A/HRC/RES/61/4 later.',
    );
    expect(documentsIn({ key: 'p', text }, null).map((d) => d.symbol)).toEqual([
      'E/CN.15/2031/L.7/Rev.2',
      'A/HRC/RES/61/4',
    ]);
  });

  it('an address cut at its own hyphen keeps the hyphen, before or after its at sign', () => {
    const text = join(
      'Write to desk.anti-',
      'slavery@example.org or to office-',
      'east@example.org or to',
      'press@mission-',
      'vienna.example.org today.',
    );
    expect(contactsIn({ key: 'p', kind: 'paragraph', text }).map((c) => c.value)).toEqual([
      'desk.anti-slavery@example.org',
      'office-east@example.org',
      'press@mission-vienna.example.org',
    ]);
  });

  it('an address a typesetter hyphenated inside a word the text spells whole elsewhere loses that hyphen', () => {
    const vocabulary = new Set(['communication', 'unodc']);
    const text = joinLines(
      ['Write to communica-', 'tion.desk-east@example.org or to press@un-', 'odc.example.org today.'],
      vocabulary,
    );
    expect(contactsIn({ key: 'p', kind: 'paragraph', text }).map((c) => c.value)).toEqual([
      'communication.desk-east@example.org',
      'press@unodc.example.org',
    ]);
  });

  it('an address cut after a dot loses the hyphen a typesetter set there: no label of an address opens with one', () => {
    const text = join(
      'Write to desk.east@example.-',
      'org, to office.-',
      'east@example.org or to press@mission.-',
      'example.org.',
    );
    expect(contactsIn({ key: 'p', kind: 'paragraph', text }).map((c) => c.value)).toEqual([
      'desk.east@example.org',
      'office.east@example.org',
      'press@mission.example.org',
    ]);
    expect(join('The item ends with a dot.-', 'then a dash.')).toBe('The item ends with a dot.- then a dash.');
  });

  it('an ordinary word cut at a line-end hyphen is mended, and words around a slash keep their spaces', () => {
    expect(join('the prose-', 'cutors of the region met', 'on 3 May / 4 May')).toBe(
      'the prosecutors of the region met on 3 May / 4 May',
    );
  });

  it('a word cut at a hyphen set apart from it ("coordi -") is mended where the text spells it whole, and a dash is kept', () => {
    const vocabulary = new Set(['coordinator', 'region']);
    expect(joinLines(['Dr Goran Marinescu, national coordi -', 'nator at the IOM, told us'], vocabulary)).toBe(
      'Dr Goran Marinescu, national coordinator at the IOM, told us',
    );
    expect(joinLines(['the victims of the region -', 'most of them women'], vocabulary)).toBe(
      'the victims of the region - most of them women',
    );
  });

  it('a text whose line-end hyphens never cut a word it spells whole elsewhere keeps them: they are its own', () => {
    // Chromium does not hyphenate: its line-end hyphens are the words' own.
    const page = [
      'for the sexual exploitation of thirty-',
      'two women, in the domain of inter-',
      'governmental cooperation, with the Organization for Security and Co-',
      'operation in Europe. Thirty women were helped; cooperation goes on with the',
      'Organization for Security and Co-operation in Europe.',
    ];
    const vocabulary = vocabularyOf(page.join('\n'));
    expect(vocabulary.breaksWords).toBe(false);
    expect(joinLines(page, vocabulary)).toBe(
      'for the sexual exploitation of thirty-two women, in the domain of inter-governmental cooperation, ' +
        'with the Organization for Security and Co-operation in Europe. Thirty women were helped; cooperation goes on ' +
        'with the Organization for Security and Co-operation in Europe.',
    );
  });

  it('a text that cuts one word it spells whole elsewhere is hyphenated: its other line-end hyphens are mended', () => {
    const page = ['the prose-', 'cutors of the region met the prosecutors of the inter-', 'governmental office'];
    const vocabulary = vocabularyOf(page.join('\n'));
    expect(vocabulary.breaksWords).toBe(true);
    expect(joinLines(page, vocabulary)).toBe(
      'the prosecutors of the region met the prosecutors of the intergovernmental office',
    );
  });

  it('an acronym cut at a line-end hyphen is joined where the text spells it whole, and a compound of capitals is not', () => {
    const page = [
      'The Southeast European Law Enforcement Center (SELEC) and the prose-',
      'cutors of the Center (SE-',
      'LEC) met the COVID-',
      '19 task force and the EU-',
      'UNODC team; the EU-UNODC team and UN-',
      'ODC staff.',
    ];
    const vocabulary = vocabularyOf([...page, 'UNODC'].join('\n'));
    expect(joinLines(page, vocabulary)).toBe(
      'The Southeast European Law Enforcement Center (SELEC) and the prosecutors of the Center (SELEC) met the ' +
        'COVID-19 task force and the EU-UNODC team; the EU-UNODC team and UNODC staff.',
    );
  });

  it('a word the text spells both ways keeps the spelling it has after the same word inside a line', () => {
    const page = [
      'The Organization for Security and Co-operation in Europe stressed that cooperation between prosecutors and prose-',
      'cutors has improved; the Organization for Security and Co-',
      'operation in Europe and the police say that co-',
      'operation has improved.',
    ];
    const vocabulary = vocabularyOf(page.join('\n'));
    expect(joinLines(page, vocabulary)).toBe(
      'The Organization for Security and Co-operation in Europe stressed that cooperation between prosecutors and prosecutors ' +
        'has improved; the Organization for Security and Co-operation in Europe and the police say that cooperation has improved.',
    );
  });

  it('a text of too few line-end hyphens to judge is taken to hyphenate', () => {
    const page = ['The General Assembly opened its sev-', 'enty-ninth session in New York.'];
    const vocabulary = vocabularyOf(page.join('\n'));
    expect(joinLines(page, vocabulary)).toBe('The General Assembly opened its seventy-ninth session in New York.');
  });
});
