/**
 * "Extract a stored issue, or record it as unreadable" (#25), written once in library.node.ts:
 * a stored issue this pipeline reads is built, stamped with the pipeline; one it cannot read gives
 * the notice, in the catalogue's words, that keeps it out of sight but in the store.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractOrNotice } from '../../main/services/library/library-build.node';
import { UNREADABLE_ISSUE } from '../support/unreadable-issue';

const NEWSLETTERS = join(__dirname, '..', '..', 'assets', 'newsletters');
const FILE = '003_6d049a98c5d0dabf';

describe('extractOrNotice', () => {
  it('builds a stored issue the pipeline reads, under its stored key and with the pipeline given', () => {
    const stored = {
      ...UNREADABLE_ISSUE,
      key: '2026-no-7',
      text: readFileSync(join(NEWSLETTERS, `${FILE}.txt`), 'utf8'),
      overlay: JSON.parse(readFileSync(join(NEWSLETTERS, `${FILE}.overlay.json`), 'utf8')),
    };
    const { built, notice } = extractOrNotice(stored, 'pipeline-x');
    expect(notice).toBeNull();
    expect(built!.issue.key).toBe('2026-no-7');
    expect(built!.issue.sections.length).toBeGreaterThan(0);
    // The stamp is the stored text and overlay's digest (sha256, 32 hex digits), worked out here
    // from the inputs, so a stamp that ignored the overlay or the text would differ.
    const digest = createHash('sha256')
      .update(stored.text)
      .update('\0')
      .update(JSON.stringify(stored.overlay))
      .digest('hex')
      .slice(0, 32);
    expect(built!.builtFrom).toBe(digest);
    const { built: otherOverlay } = extractOrNotice(
      { ...stored, overlay: { ...stored.overlay, dateNote: 'another note' } },
      'pipeline-x',
    );
    expect(otherOverlay!.builtFrom).not.toBe(built!.builtFrom);
    expect(built!.pipeline).toBe('pipeline-x');
  });

  it('gives the unreadable issue’s notice, naming its title and file, instead of throwing', () => {
    const { built, notice } = extractOrNotice({ ...UNREADABLE_ISSUE, overlay: {} }, 'pipeline-x');
    expect(built).toBeNull();
    expect(notice).toMatchObject({
      kind: 'unreadable-issue',
      messageId: 'library.unreadable-issue',
      params: { title: 'Winter 2026', file: 'winter-2026.pdf' },
    });
    expect(notice!.message).toContain('“Winter 2026” (winter-2026.pdf) cannot be read by this version of Valise');
  });
});
