/**
 * The overlay's two rules (#16): each organisation it names occurs in the text, and a title is
 * words of the issue; a refused overlay says why. Enforced when the archive is built.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractDirectory } from '../../db/build-content.node';
import { organisationsRefusal, titleRefusal } from '../../db/pipeline/overlay.std';

const TEXT = `Editorial

This is the ninth issue, published in 2024. The Regional Cooperation
Council and the Terre des hom-
mes shelter in Elbasan work with the police.
`;

describe('organisations the overlay names', () => {
  it('are taken when each name occurs in the text, across a line break or a hyphenated line end', () => {
    expect(
      organisationsRefusal(TEXT, [
        { name: 'Regional Cooperation Council', acronym: 'RCC' },
        { name: 'Terre des hommes' },
      ]),
    ).toBeNull();
  });
  it('are refused, with the name, when one does not occur', () => {
    expect(organisationsRefusal(TEXT, [{ name: 'Council of the Baltic Sea States' }])).toBe(
      'the organisation “Council of the Baltic Sea States” does not occur in the text of the issue',
    );
    expect(organisationsRefusal(TEXT, [{ name: 'Terre des hommes', aliases: ['TdH'] }])).toMatch(
      /“TdH” does not occur/,
    );
  });
  it('stop the build of the archive with the file and that reason', () => {
    const dir = mkdtempSync(join(tmpdir(), 'valise-overlay-'));
    writeFileSync(join(dir, 'issue.txt'), TEXT);
    writeFileSync(join(dir, 'issue.overlay.json'), JSON.stringify({ organisations: [{ name: 'Invented Agency' }] }));
    expect(() => extractDirectory(dir)).toThrow(
      'issue.txt: overlay: the organisation “Invented Agency” does not occur in the text of the issue',
    );
    writeFileSync(
      join(dir, 'issue.overlay.json'),
      JSON.stringify({ organisations: [{ name: 'Regional Cooperation Council' }], title: 'The ninth issue' }),
    );
    expect(extractDirectory(dir)[0]!.title).toBe('The ninth issue');
    writeFileSync(join(dir, 'issue.overlay.json'), JSON.stringify({ title: 'A title of our own' }));
    expect(() => extractDirectory(dir)).toThrow(/overlay: the title is not words of the issue/);
  });
});

describe('a title', () => {
  it('is taken when it is words of the issue', () => {
    expect(titleRefusal(TEXT, 'The ninth issue')).toBeNull();
  });
  it('is refused, with the words that are not the issue’s', () => {
    expect(titleRefusal(TEXT, 'The tenth issue, rewritten')).toBe(
      'the title is not words of the issue (“tenth”, “rewritten” not in its text)',
    );
  });
});
