import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractIssue } from '../../db/pipeline/extract-issue.std';
import { MAX_SOURCE_BYTES, readSource } from '../../db/pipeline/source/source.node';
import { tempDir } from '../support/content';

function file(name: string, content: string | Buffer): string {
  const path = join(tempDir(), name);
  writeFileSync(path, content);
  return path;
}

describe('bad input to the build names the file and the reason', () => {
  it('refuses an empty file', () => {
    expect(() => readSource(file('empty.txt', ''))).toThrow('empty.txt: the file is empty');
  });
  it('refuses a file of white space', () => {
    expect(() => readSource(file('blank.txt', ' \n\n  \n'))).toThrow('blank.txt: the file holds only white space');
  });
  it('refuses a binary file', () => {
    expect(() => readSource(file('image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01])))).toThrow(
      'image.txt: the file is binary',
    );
  });
  it('refuses text that is not UTF-8', () => {
    expect(() => readSource(file('latin1.txt', Buffer.from('Fran\xe7ois Delattre', 'latin1')))).toThrow(
      'latin1.txt: the file is not valid UTF-8 text',
    );
  });
  it('refuses a 50 MB file without reading it', () => {
    const path = file('huge.txt', '');
    writeFileSync(path, Buffer.alloc(50 * 1024 * 1024, 0x61));
    expect(() => readSource(path)).toThrow(`over the ${MAX_SOURCE_BYTES}-byte limit`);
  });
  it('refuses text with no recognisable sections', () => {
    const source = {
      file: 'prose.txt',
      text: 'just a sentence that runs on, and on, and never becomes a heading of any kind at all.\n',
      sha256: 'x',
    };
    expect(() => extractIssue(source)).toThrow('prose.txt: no recognisable sections');
  });
});
