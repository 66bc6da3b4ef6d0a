/**
 * Reads one raw newsletter file and refuses what cannot be an extracted newsletter, naming the
 * file and the reason: empty, larger than MAX_SOURCE_BYTES, binary (NUL bytes), or not UTF-8.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { formatMessage, type MessageId, type MessageParams } from '../../../common/contract/messages.std';

/** A quarterly issue is ~35 KB of text; 5 MB leaves room for a long one and refuses garbage early. */
export const MAX_SOURCE_BYTES = 5 * 1024 * 1024;

/** Why a file is not text the pipeline can read, each with its words in the catalogue. */
const REFUSALS = {
  empty: 'reason.file-empty',
  'too-large': 'reason.file-too-large',
  binary: 'reason.file-binary',
  'not-utf8': 'reason.file-not-utf8',
  blank: 'reason.file-blank',
} as const satisfies Record<string, MessageId>;
export type SourceRefusal = keyof typeof REFUSALS;

export class SourceError extends Error {
  /** The reason in English, for the CLI and the log. */
  readonly reason: string;
  /** The reason's catalogue message, for the page to say it in the user's language. */
  readonly reasonId: MessageId;
  constructor(
    readonly file: string,
    refusal: SourceRefusal,
    readonly params: MessageParams = {},
  ) {
    const reasonId = REFUSALS[refusal];
    const reason = formatMessage(reasonId, params, 'en');
    super(`${basename(file)}: ${reason}`);
    this.name = 'SourceError';
    this.reason = reason;
    this.reasonId = reasonId;
  }
}

export interface Source {
  file: string;
  text: string;
  sha256: string;
}

export function readSource(file: string): Source {
  const size = statSync(file).size;
  if (size === 0) throw new SourceError(file, 'empty');
  if (size > MAX_SOURCE_BYTES) {
    throw new SourceError(file, 'too-large', { size: String(size), max: String(MAX_SOURCE_BYTES) });
  }
  const bytes = readFileSync(file);
  return decodeSource(file, bytes);
}

export function decodeSource(file: string, bytes: Uint8Array): Source {
  if (bytes.length === 0) throw new SourceError(file, 'empty');
  if (bytes.length > MAX_SOURCE_BYTES) {
    throw new SourceError(file, 'too-large', { size: String(bytes.length), max: String(MAX_SOURCE_BYTES) });
  }
  if (bytes.includes(0)) throw new SourceError(file, 'binary');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new SourceError(file, 'not-utf8');
  }
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.trim() === '') throw new SourceError(file, 'blank');
  return { file: basename(file), text, sha256: createHash('sha256').update(bytes).digest('hex') };
}
