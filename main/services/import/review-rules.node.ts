/**
 * The overlay's rules, kept at review as at build (db/build-content.node.ts): a reviewer's
 * corrections state facts and never add words. A title is words of the issue, and each
 * organisation named, with its aliases, occurs in its text; a correction that breaks one is
 * refused with the reason, in the catalogue's words (common/contract/messages.std.ts).
 */
import type { Corrections } from '../../../common/contract/import.std';
import { organisationNotInText, titleWordsNotInText } from '../../../db/pipeline/overlay.std';
import { ImportError } from './import-error.node';

/** Throws an ImportError ('correction') where the corrections break a rule of the overlay for this text. */
export function checkCorrections(text: string, corrections: Corrections): void {
  if (corrections.title !== undefined) {
    const missing = titleWordsNotInText(text, corrections.title);
    if (missing.length > 0)
      throw ImportError.fromCatalogue('correction', 'import.title-not-in-text', {
        title: corrections.title,
        words: missing.join(', '),
      });
  }
  const name = organisationNotInText(text, corrections.organisations ?? []);
  if (name !== null) throw ImportError.fromCatalogue('correction', 'import.organisation-not-in-text', { name });
}
