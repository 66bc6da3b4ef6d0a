/**
 * Errors that cross the process boundary. They carry a code the renderer can branch on and a
 * message a person can read; never a stack trace.
 */
import { localised, type LocalisedMessage, type MessageId, type MessageParams } from './messages.std';

export const ERROR_CODES = [
  'BAD_REQUEST', // arguments do not match the contract
  'UNKNOWN_CHANNEL', // channel is not in the contract
  'TOO_LARGE', // request exceeds MAX_REQUEST_BYTES
  'FORBIDDEN', // sender is not the app's own frame
  'NOT_FOUND', // the item asked for does not exist
  'REFUSED', // a file the app will not take in (not a PDF, damaged, unsigned pack…), with the reason
  'CONFLICT', // the issue is already in the library: the caller must choose replace or keep both
  'DISK_FULL', // the disk has no room: the change was not saved, nothing saved before is lost
  'INTERNAL', // a bug or an unreadable database; details go to the log, not the caller
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ContractErrorShape extends LocalisedMessage {
  code: ErrorCode;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ContractErrorShape };

/** A catalogued message as an error holds it: the English text, and apart what the page needs to show it in French. */
export interface CataloguedText {
  message: string;
  localised: Omit<LocalisedMessage, 'message'>;
}

/**
 * The one way main says an error a person reads: by its id in the catalogue (common/contract/messages.std.ts),
 * never in words of its own, so that the page can show it in French. Each error class a user's
 * message travels in builds on this (ContractError.fromCatalogue, ImportError.fromCatalogue, PackError).
 */
export function catalogued(id: MessageId, params: MessageParams = {}): CataloguedText {
  const { message, ...rest } = localised(id, params);
  return { message, localised: rest };
}

export class ContractError extends Error {
  readonly code: ErrorCode;
  /** Which catalogued message this is (common/contract/messages.std.ts), for the page to show it in French. */
  readonly localised: Omit<LocalisedMessage, 'message'>;
  constructor(code: ErrorCode, message: string, localised: Omit<LocalisedMessage, 'message'> = {}) {
    super(message);
    this.name = 'ContractError';
    this.code = code;
    this.localised = localised;
  }
  /** A contract error in the catalogue's words: `code` for the page to branch on, `id` for the text. */
  static fromCatalogue(code: ErrorCode, id: MessageId, params: MessageParams = {}): ContractError {
    const { message, localised } = catalogued(id, params);
    return new ContractError(code, message, localised);
  }
  toShape(): ContractErrorShape {
    return { code: this.code, message: this.message, ...this.localised };
  }
}

export function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const v = value as { ok: unknown; error?: { code?: unknown; message?: unknown } };
  if (v.ok === true) return 'value' in value;
  return (
    v.ok === false && typeof v.error?.message === 'string' && (ERROR_CODES as readonly unknown[]).includes(v.error.code)
  );
}
