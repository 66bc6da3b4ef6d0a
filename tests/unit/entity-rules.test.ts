/**
 * Rules that replaced the corpus's own names in the stop-lists (#16): a name or heading set in
 * capitals is not a row of acronyms, a programme code is not an organisation, and a name in
 * capitals ends where its role begins. Written with names that are in no issue.
 */
import { describe, expect, it } from 'vitest';
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
