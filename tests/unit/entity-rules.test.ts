/**
 * Rules that replaced the corpus's own names in the stop-lists (#16): a name or heading set in
 * capitals is not a row of acronyms, a programme code is not an organisation, and a name in
 * capitals ends where its role begins. Written with names that are in no issue.
 */
import { describe, expect, it } from 'vitest';
import { documentsIn } from '../../db/pipeline/entities/documents.std';
import { figuresIn } from '../../db/pipeline/entities/figures.std';
import { findOrganisations } from '../../db/pipeline/entities/organisations.std';
import { personMentions } from '../../db/pipeline/entities/people.std';

const acronyms = (text: string) => findOrganisations([text]).map((o) => o.acronym ?? o.name);

describe('capitals that are not organisations', () => {
  it('a name set in capitals after a title, with its role', () => {
    expect(acronyms('M. JANE ROE EXECUTIVE DIRECTOR OF THE AGENCY spoke first.')).toEqual([]);
  });
  it('a heading set in capitals', () => {
    expect(acronyms('REGIONAL MEETING IN SKOPJE ON LABOUR EXPLOITATION')).toEqual([]);
  });
  it('a programme code with dotted parts of several letters', () => {
    expect(acronyms('the GLO.SOM programme was extended')).toEqual([]);
  });
  it('but acronyms listed with commas are organisations', () => {
    expect(acronyms('with IOM, FRONTEX, EUROJUST and the police')).toEqual(['EUROJUST', 'FRONTEX', 'IOM']);
  });
});

describe('a name set in capitals', () => {
  it('ends where its role begins', () => {
    expect(personMentions('M. JANE ROE EXECUTIVE DIRECTOR OF THE AGENCY').map((m) => m.name)).toEqual(['Jane Roe']);
  });
});

describe('figures as offices print them', () => {
  const figures = (text: string) =>
    figuresIn({ key: 'p', kind: 'paragraph', text }, null).map((f) => [f.text, f.value]);
  it('with a scale, and a currency before or after', () => {
    expect(figures('EUR 2.5 million granted by France')).toEqual([['EUR 2.5 million', 2_500_000]]);
    expect(figures('profits of 236 billion dollars every year')).toEqual([['236 billion dollars', 236e9]]);
    expect(figures('6.3 million refugees recorded')).toEqual([['6.3 million refugees', 6_300_000]]);
  });
  it('counting plurals without an s, and nationals', () => {
    expect(figures('38 children were referred')).toEqual([['38 children', 38]]);
    expect(figures('inspectors found 43 Romanian workers.')).toEqual([['43 Romanian workers', 43]]);
  });
  it('both ends of a range that names its currency once', () => {
    expect(figures('families received between 2,000 and 10,000 euros for a daughter')).toEqual([
      ['10,000 euros', 10_000],
      ['2,000', 2_000],
    ]);
    expect(figures('fines from 500 to 5,000 EUR')).toEqual([
      ['5,000 EUR', 5_000],
      ['500', 500],
    ]);
  });
  it('but not a date', () => {
    expect(figures('on 28 January of this year')).toEqual([]);
  });
});

describe('UN document symbols', () => {
  const symbols = (text: string) => documentsIn({ key: 'p', text }, null).map((d) => d.symbol);
  it('of any organ and shape', () => {
    expect(symbols('adopted in resolution A/RES/55/25 on 15 November 2000')).toEqual(['A/RES/55/25']);
    expect(symbols('resolution CTOC/COP/2024/L.5 on technology.')).toEqual(['CTOC/COP/2024/L.5']);
    expect(symbols('draft E/CN.15/2018/L.3/REV.1 was adopted')).toEqual(['E/CN.15/2018/L.3/REV.1']);
  });
  it('not abbreviations joined by slashes, nor dates', () => {
    expect(symbols('the TIP/SOM section; the EU/UN meeting; 2013/2103(INI); the OSCE/IOM/UNHCR statement')).toEqual([]);
  });
});

describe('people by their titles', () => {
  it('a judge or a doctor', () => {
    expect(personMentions('Judge Elena Novak, who sits in Ljubljana, and Dr Ivan Horvat').map((m) => m.name)).toEqual([
      'Elena Novak',
      'Ivan Horvat',
    ]);
  });
});
