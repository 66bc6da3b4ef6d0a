/**
 * The issue's number where the masthead prints none and the editorial says it in words (#29): the
 * generator's "none" masthead writes "This is the twenty-seventh issue of our quarterly newsletter".
 */
import { describe, expect, it } from 'vitest';
import {
  issueNumberOf,
  ordinalNumberOf,
  statedIssueDate,
  statedIssueYear,
} from '../../db/pipeline/issue/issue-meta.std';

describe('an ordinal written in words', () => {
  it('reads the tens joined to a unit by a hyphen, a space, or a line-end hyphen', () => {
    expect(issueNumberOf('This is the twenty-seventh issue of our quarterly newsletter.')).toBe(27);
    expect(issueNumberOf('With this sixty-fourth issue, we')).toBe(64);
    expect(issueNumberOf('This is the forty-\nninth issue of our')).toBe(49);
    expect(issueNumberOf('the thirty first issue')).toBe(31);
  });
  it('reads a ten alone, and the first twenty as before', () => {
    expect(issueNumberOf('This is the fortieth issue of our quarterly newsletter.')).toBe(40);
    expect(issueNumberOf('The tenth issue of the quarterly')).toBe(10);
    expect(issueNumberOf('this 23rd issue')).toBe(23);
  });
  it('reads nothing from words that are not one ordinal', () => {
    expect(issueNumberOf('the first quarterly issue')).toBeNull();
    expect(issueNumberOf('our twenty issue')).toBeNull();
    expect(ordinalNumberOf('twenty-tenth')).toBeNull();
    expect(ordinalNumberOf('twenty-first-second')).toBeNull();
  });
});

describe('the date a sentence about the issue itself gives', () => {
  it('is the month and year it says the issue was published in, on the first page', () => {
    const text =
      'Editorial\nThis is the twenty-seventh issue of our quarterly newsletter, published in\nSeptember 2023. The latest session took place in March 2024.\n';
    expect(statedIssueDate(text)).toBe('2023-09');
    expect(statedIssueDate('This newsletter, issued in Autumn 2025, opens.\n')).toBe('2025');
  });
  it('is nothing where no sentence about the issue names its publication', () => {
    expect(statedIssueDate('Editorial\nThe conference was published in September 2023 as a report.\n')).toBeNull();
    expect(statedIssueDate('Editorial\nThis ninth issue of our newsletter looks back on September 2023.\n')).toBeNull();
  });
});

describe('another publication’s issue and date in a sentence about this issue (review of rounds 8–9)', () => {
  it('never gives the number of another publication’s issue (ordinal.pdf)', () => {
    const text =
      'As the Council of Europe wrote in the twenty-first issue of its own bulletin, demand must be addressed.';
    expect(issueNumberOf(text)).toBeNull();
    expect(issueNumberOf(`${text} This is the ninth issue of our newsletter.`)).toBe(9);
  });
  it('never dates the issue by a report it presents (ordinal.pdf)', () => {
    const text =
      'Editorial\nIn this issue we present the OSCE report on online recruitment, published in March 2021, which remains the reference.\n';
    expect(statedIssueDate(text)).toBeNull();
    expect(statedIssueYear(text)).toBeNull();
  });
  it('never dates the issue by "the issue of demand" (published.pdf)', () => {
    const text =
      'Editorial\nDear readers, addressing the issue of demand, the Council of Europe adopted a recommendation published in May 2019, which we summarise below.\n';
    expect(statedIssueDate(text)).toBeNull();
    expect(statedIssueYear(text)).toBeNull();
  });
  it('still reads the date the issue gives itself, after "published by …" or "of" (hand-made corpus)', () => {
    const fourteenth =
      'Editorial\nWelcome to the fourteenth issue of our quarterly newsletter, published by the Permanent Mission of France to the Organization for Security and Co-operation in Europe (OSCE) in Vienna in March 2025.\n';
    expect(statedIssueDate(fourteenth)).toBe('2025-03');
    expect(statedIssueYear('This special issue of March 2025 is devoted to the exploitation of workers.\n')).toBe(2025);
  });
  it('still reads the year the issue gives itself', () => {
    expect(statedIssueYear('Editorial\nThis eleventh issue, published in May 2019, looks back at 2018.\n')).toBe(2019);
  });
});
