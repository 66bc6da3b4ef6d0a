/** Why a file was not imported, in words a user can act on; `problem` says which refusal it is. */
export type ImportProblem = 'too-large' | 'not-pdf' | 'truncated' | 'corrupt' | 'encrypted' | 'no-text' | 'not-text' | 'no-issue' | 'cancelled';

export class ImportError extends Error {
  constructor(
    readonly problem: ImportProblem,
    message: string,
  ) {
    super(message);
    this.name = 'ImportError';
  }
}
