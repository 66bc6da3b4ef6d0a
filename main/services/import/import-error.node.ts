/** Why a file was not imported, in words a user can act on; `problem` says which refusal it is. */
import { catalogued } from '../../../common/contract/errors.std';
import type { LocalisedMessage, MessageId, MessageParams } from '../../../common/contract/messages.std';

export type ImportProblem =
  | 'too-large'
  | 'not-pdf'
  | 'truncated'
  | 'corrupt'
  | 'encrypted'
  | 'no-text'
  | 'not-text'
  | 'no-issue'
  | 'cancelled'
  | 'correction';

export class ImportError extends Error {
  constructor(
    readonly problem: ImportProblem,
    message: string,
    /** Which catalogued message this is (common/contract/messages.std.ts), for the page to show it in French. */
    readonly localised: Omit<LocalisedMessage, 'message'> = {},
  ) {
    super(message);
    this.name = 'ImportError';
  }
  /** A refusal in the catalogue's words: `problem` says which refusal it is, `id` the text. */
  static fromCatalogue(problem: ImportProblem, id: MessageId, params: MessageParams = {}): ImportError {
    const { message, localised } = catalogued(id, params);
    return new ImportError(problem, message, localised);
  }
}
