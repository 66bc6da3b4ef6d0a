/**
 * The rules that stand in for lists (#16): an issue's year from what its first page states, and
 * organisations named without an acronym. Examples written here, not taken from the corpus.
 */
import { describe, expect, it } from 'vitest';
import { issueYearOf } from '../../db/pipeline/issue/issue-meta.std';
import { findOrganisations, namedOrganisations } from '../../db/pipeline/entities/organisations.std';
import { entitiesOf, readOverlay } from '../../db/build-content.node';
import { extractIssue } from '../../db/pipeline/extract-issue.std';
import { readSource } from '../../db/pipeline/source/source.node';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ASSETS } from '../support/content';

describe('the issue’s year', () => {
  it('is the masthead’s date line, even where another year is mentioned more', () => {
    expect(issueYearOf('Newsletter\nNo. 7 — Autumn 2023\n\nIn 2022 and 2022 and 2022 the courts…')).toBe(2023);
  });
  it('is the year of the sentence in which the issue speaks of itself', () => {
    expect(
      issueYearOf('Editorial\n\nThis eleventh issue, published in May 2019, looks\nback at 2018, 2018 and 2018.'),
    ).toBe(2019);
  });
  it('is the year mentioned most where the first page states none', () => {
    expect(issueYearOf('Editorial\n\nIn 2017 and 2017 the courts ruled; in 2019 one did.')).toBe(2017);
  });
});

describe('organisations named without an acronym', () => {
  const names = (text: string) => namedOrganisations(text);
  it('finds a body by its institutional word, with what it is of or for', () => {
    expect(names('Since May, the Ministry of Labour and the State Border Guard Service have met.')).toEqual([
      'Ministry of Labour',
      'State Border Guard Service',
    ]);
    expect(names('The Supreme Court of Cassation ruled.')).toEqual(['Supreme Court of Cassation']);
  });
  it('ends a body’s name before the title of its text, and takes no institutional word alone', () => {
    expect(names('the Council of Europe Convention on Action was signed; the Police came.')).toEqual([
      'Council of Europe',
    ]);
  });
  it('finds a body the text introduces as a non-governmental organisation', () => {
    expect(names('the non-governmental organisation Pro Familia runs it')).toEqual(['Pro Familia']);
    expect(names('the NGO Médecins du Monde said')).toEqual(['Médecins du Monde']);
  });
  it('finds one-word bodies after “supported by”, never a place', () => {
    expect(names('a team supported by Interpol and Caritas arrested them')).toEqual(['Interpol', 'Caritas']);
    expect(names('a team supported by Austria arrested them')).toEqual([]);
  });
  it('takes no currency or unit set against a number for a body', () => {
    const orgs = findOrganisations(['A grant of EUR 2.5 million and 40 USD from the OSCE reached NGO shelters.']);
    expect(orgs.map((o) => o.acronym)).toEqual(['OSCE']);
  });
  it('joins a name to the acronym the text gives after it, and leaves texts a reviewer listed', () => {
    const orgs = findOrganisations(['The Labour Inspection Authority (LIA) said so. LIA agreed.']);
    expect(orgs.map((o) => [o.name, o.acronym])).toEqual([['Labour Inspection Authority', 'LIA']]);
    expect(findOrganisations(['the Ministry of Health'], [], { ruleTexts: [] })).toEqual([]);
  });
});

describe('an issue whose overlay lists its organisations', () => {
  it('is left to that list: the rules find names only where no reviewer listed them', () => {
    const path = join(
      ASSETS,
      readdirSync(ASSETS).find((f) => f.endsWith('.txt'))!,
    );
    const issue = extractIssue(readSource(path), readOverlay(path)).issue;
    expect(issue.organisationHints.length).toBeGreaterThan(0);
    const withoutAcronym = (i: typeof issue) =>
      entitiesOf([i])
        .filter((e) => e.type === 'organisation' && e.data.acronym === null)
        .map((e) => e.name);
    // Without the list, the rules find bodies named without an acronym; with it, only the listed ones stand.
    const hinted = issue.organisationHints.map((h) => h.name);
    expect(
      withoutAcronym({ ...issue, organisationHints: [] }).filter((name) => !hinted.includes(name)).length,
    ).toBeGreaterThan(0);
    expect(withoutAcronym(issue).filter((name) => !hinted.includes(name))).toEqual([]);
  });
});
