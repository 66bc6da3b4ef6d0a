/**
 * One way to say an error (#25): what main tells a person goes through the catalogue
 * (common/contract/messages.std.ts), in English and French, never in words written where the error is made.
 * The page's own words go through t() (tests/unit/i18n-catalogue.test.ts checks those).
 */
import { describe, expect, it } from 'vitest';
import { inlineMessages, scanSources } from '../support/inline-messages';

describe('messages written inline', () => {
  it('are none in main, the shared code or the page', () => {
    const { files, found } = scanSources();
    expect(files).toBeGreaterThan(100);
    expect(found).toEqual([]);
  });

  it('are found when an error or a message sent is made with words', () => {
    const code = [
      "throw new ContractError('NOT_FOUND', 'This bookmark no longer exists.');",
      "throw new ImportError('no-issue', `A key of ${n} characters is too long`);",
      "throw new ContractError('FORBIDDEN', `Nothing was changed. ${reason ?? 'Read-only in this session.'}`);",
      "Object.assign(job, { state: 'cancelled', error: 'The import was cancelled.' });",
      "send({ ok: false, error: { code: 'BAD_REQUEST', message: cond ? 'The request is not JSON.' : other } });",
      "const hint = { hint: 'Type a word' + ' to search.' };",
    ].join('\n');
    expect(inlineMessages('x.node.ts', code).map((line) => line.split(':')[1])).toEqual(['1', '2', '3', '4', '5', '6']);
  });

  it('are not codes, message ids, names with a value, nor words from the catalogue or t()', () => {
    const code = [
      "throw ContractError.fromCatalogue('NOT_FOUND', 'bookmarks.gone');",
      "throw new PackError('pack.untrusted', { keyId });",
      'throw new ImportError(error.problem, error.message, error.localised);',
      "throw new ContractError('INTERNAL', i18n.t('Valise’s background service did not answer.'));",
      "const box = { message: `Valise ${version}`, error: { code: 'FORBIDDEN', ...localised('contract.not-from-window') } };",
      "log('The bookmarks database is closing: no backup started.');",
    ].join('\n');
    expect(inlineMessages('x.node.ts', code)).toEqual([]);
  });
});
