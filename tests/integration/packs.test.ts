/**
 * Signed content packs: an office exports its imported issues, a field laptop that trusts the
 * office's key takes them in; any change to the file, a cut, no signature or an unknown key is
 * refused with its reason, and the library is left as it was.
 */
import { createPublicKey, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  generateSigningKey,
  PACK_HEADER,
  privateKeyFrom,
  readPack,
  trustedKeysFrom,
  writePack,
} from '../../main/services/import/packs.node';
import { signingKeyIn, trustKey } from '../../main/services/import/signing-keys.node';
import { ASSETS } from '../support/content';
import { importFile, servicesPerTest } from '../support/services';

const services = servicesPerTest();

/** An office's Valise with one issue imported from text: the 2018 issue, as if it were 2019's no. 11. */
async function office() {
  const s = services();
  const text = readFileSync(join(ASSETS, '000_1e644c5006785efa.txt'));
  const { jobId } = await importFile(s, 'issue-11.txt', text, {
    number: 11,
    year: 2019,
    firstPage: 2,
    date: '2019-06',
  });
  await s.services.imports.save(jobId);
  const pack = s.services.imports.exportPack();
  const publicPem = createPublicKey(signingKeyIn(s.userDataDir)).export({ type: 'spki', format: 'pem' }).toString();
  return { s, pack, publicPem };
}

describe('a signed pack', () => {
  it('round-trips to a Valise that trusts the signing key', async () => {
    const { s, pack, publicPem } = await office();
    expect(pack).toMatchObject({ fileName: '2019-no-11.valise', count: 1 });
    expect(pack.content.startsWith(`${PACK_HEADER}\n`)).toBe(true);

    const field = services();
    expect(trustKey(field.userDataDir, publicPem)).toBe(pack.signer);
    const { jobId, job } = await importFile(field, pack.fileName, Buffer.from(pack.content));
    expect(job).toMatchObject({ state: 'done', preview: { kind: 'pack', signer: pack.signer } });
    expect(job.preview!.issues.map((i) => [i.key, i.duplicate])).toEqual([['2019-no-11', null]]);
    expect(await field.services.imports.save(jobId)).toEqual({ keys: ['2019-no-11'] });
    expect(field.services.content.getIssue('2019-no-11')).toEqual(s.services.content.getIssue('2019-no-11'));
    expect(field.services.imports.list()).toEqual([
      expect.objectContaining({ key: '2019-no-11', sourceName: 'issue-11.txt' }),
    ]);
  });

  it('is refused, with the reason and nothing changed, when changed, cut, unsigned or from an unknown key', async () => {
    const { s, pack, publicPem } = await office();
    const field = services();
    trustKey(field.userDataDir, publicPem);
    const bytes = Buffer.from(pack.content);
    const lines = pack.content.split('\n');
    const at = (line: number) => lines.slice(0, line).join('\n').length + 1 + Math.floor(lines[line]!.length / 2);
    const oneByte = (offset: number) => {
      const copy = Buffer.from(bytes);
      copy[offset] = copy[offset]! ^ 0x01;
      return copy;
    };
    const signedBy = JSON.parse(lines[1]!) as { signature: string };
    const forged = Buffer.from(signedBy.signature, 'base64');
    forged[10] = forged[10]! ^ 0x01;
    const forgedLine = JSON.stringify({ ...signedBy, signature: forged.toString('base64') });
    // A true signature, by the trusted key, of an empty manifest: what is verified is the manifest line, even when absent.
    const ofNothing = JSON.stringify({
      ...signedBy,
      signature: sign(null, Buffer.alloc(0), signingKeyIn(s.userDataDir)).toString('base64'),
    });
    const withLines = (...parts: string[]) => Buffer.from(parts.join('\n'));
    // The manifest naming the issue under another key, with the issue's true hash, signed by the trusted key.
    const manifest = JSON.parse(lines[2]!) as { items: { key: string }[] };
    manifest.items[0]!.key = '2019-no-12';
    const renamed = JSON.stringify(manifest);
    const renamedSigned = JSON.stringify({
      ...signedBy,
      signature: sign(null, Buffer.from(renamed), signingKeyIn(s.userDataDir)).toString('base64'),
    });
    const cases: [string, Uint8Array, RegExp][] = [
      // Decoded leniently, the byte would be U+FFFD: a line more than the manifest lists.
      [
        'a byte that is not UTF-8 after the last line',
        Buffer.concat([bytes, Buffer.from([0xff])]),
        /^This pack is refused: it is not a Valise pack \(not text\)/,
      ],
      [
        'the manifest, signed, naming the issue under another key',
        withLines(lines[0]!, renamedSigned, renamed, ...lines.slice(3)),
        /^This pack is refused: issue 2019-no-12 is not the one its manifest names/,
      ],
      // Everything but the signature's own bytes intact: refused as a signature, nothing else.
      [
        'the signature well formed, one bit of it changed',
        Buffer.from([lines[0], forgedLine, ...lines.slice(2)].join('\n')),
        /^This pack is refused: its signature does not match its contents/,
      ],
      [
        'a byte of the issue text changed',
        oneByte(at(3)),
        /^This pack is refused: issue 2019-no-11 does not match its signed hash/,
      ],
      [
        'the issue line taken out',
        withLines(lines[0]!, lines[1]!, lines[2]!, ''),
        /it holds 0 of the 1 issues its manifest lists/,
      ],
      ['cut after a signature of an empty manifest', withLines(lines[0]!, ofNothing), /its manifest is not readable/],
      ['a byte of the manifest changed', oneByte(at(2)), /signature does not match/],
      ['a byte of the signature changed', oneByte(at(1) - 20), /signature|malformed|not readable/],
      ['the last byte cut', bytes.subarray(0, bytes.length - 2), /does not match its signed hash|truncated/],
      ['cut in half', bytes.subarray(0, bytes.length / 2), /holds 0 of the 1|does not match|truncated/],
      ['unsigned', Buffer.from([lines[0], '{}', ...lines.slice(2)].join('\n')), /not signed/],
      ['unsigned, the signature line blank', withLines(lines[0]!, '   ', ...lines.slice(2)), /not signed/],
      [
        'unsigned, an empty signature with spaces around it',
        withLines(lines[0]!, ' {} ', ...lines.slice(2)),
        /not signed/,
      ],
      ['not a pack', Buffer.from('VALISE-PACK 7\n'), /not a Valise pack/],
    ];
    for (const [what, file, reason] of cases) {
      const { job } = await importFile(field, 'issue.valise', file);
      expect({ what, state: job.state, error: job.error }).toMatchObject({
        what,
        state: 'failed',
        error: expect.stringMatching(reason),
      });
      expect(job.error).toMatch(/Nothing was changed/);
    }
    // Only the final newline lost: every issue is there, whole, as signed.
    const { job: whole } = await importFile(field, 'issue.valise', bytes.subarray(0, bytes.length - 1));
    expect(whole).toMatchObject({ state: 'done', preview: { kind: 'pack', signer: pack.signer } });
    const stranger = services();
    const { job } = await importFile(stranger, 'issue.valise', bytes);
    expect(job.error).toMatch(`signed with key ${pack.signer}, which this Valise does not trust`);
    expect(field.services.imports.list()).toEqual([]);
    expect(stranger.services.imports.list()).toEqual([]);
  });

  it('cannot be corrected on import: it comes in as it was signed', async () => {
    const { pack, publicPem } = await office();
    const field = services();
    trustKey(field.userDataDir, publicPem);
    const { job } = await importFile(field, pack.fileName, Buffer.from(pack.content), { title: 'Another title' });
    expect(job.error).toMatch(/cannot be corrected/);
  });

  it('signed with a key made by the CLI commands is read with that key only', () => {
    const key = generateSigningKey();
    const other = generateSigningKey();
    const item = {
      key: '2030-no-1',
      title: 'T',
      sourceName: 'a.txt',
      sourceKind: 'text' as const,
      sourceSha256: 'a'.repeat(64),
      text: 'text',
      overlay: {},
    };
    const pack = Buffer.from(writePack([item], privateKeyFrom(key.privatePem), new Date('2030-01-01')));
    expect(readPack(pack, trustedKeysFrom([{ name: 'office.pem', pem: key.publicPem }]).keys).items).toEqual([item]);
    expect(() => readPack(pack, trustedKeysFrom([{ name: 'other.pem', pem: other.publicPem }]).keys)).toThrow(
      /does not trust/,
    );
    expect(trustedKeysFrom([{ name: 'private.pem', pem: 'not a key' }]).problems[0]).toMatch(/^private\.pem: /);
  });
});
