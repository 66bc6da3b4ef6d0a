/**
 * The issue's number where the masthead prints none and the editorial says it in words (#29): the
 * generator's "none" masthead writes "This is the twenty-seventh issue of our quarterly newsletter".
 */
import { describe, expect, it } from 'vitest';
import { issueNumberOf, ordinalNumberOf } from '../../db/pipeline/issue/issue-meta.std';

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
