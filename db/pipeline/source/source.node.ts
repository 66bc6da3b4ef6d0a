/**
 * Reads one raw newsletter file and refuses what cannot be an extracted newsletter, naming the
 * file and the reason: empty, larger than MAX_SOURCE_BYTES, binary (NUL bytes), or not UTF-8.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';

/** A quarterly issue is ~35 KB of text; 5 MB leaves room for a long one and refuses garbage early. */
export const MAX_SOURCE_BYTES = 5 * 1024 * 1024;

export class SourceError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${basename(file)}: ${reason}`);
    this.name = 'SourceError';
  }
}

export interface Source {
  file: string;
  text: string;
  sha256: string;
}

export function readSource(file: string): Source {
  const size = statSync(file).size;
  if (size === 0) throw new SourceError(file, 'the file is empty');
  if (size > MAX_SOURCE_BYTES) {
    throw new SourceError(file, `the file is ${size} bytes, over the ${MAX_SOURCE_BYTES}-byte limit`);
  }
  const bytes = readFileSync(file);
  return decodeSource(file, bytes);
}

export function decodeSource(file: string, bytes: Uint8Array): Source {
  if (bytes.length === 0) throw new SourceError(file, 'the file is empty');
  if (bytes.length > MAX_SOURCE_BYTES) {
    throw new SourceError(file, `the file is ${bytes.length} bytes, over the ${MAX_SOURCE_BYTES}-byte limit`);
  }
  if (bytes.includes(0)) throw new SourceError(file, 'the file is binary (it contains NUL bytes), not text');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new SourceError(file, 'the file is not valid UTF-8 text');
  }
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.trim() === '') throw new SourceError(file, 'the file holds only white space');
  return { file: basename(file), text, sha256: createHash('sha256').update(bytes).digest('hex') };
}
