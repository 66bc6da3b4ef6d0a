/**
 * Content packs (`.valise`): issues an office sends to field staff on a USB stick. A pack is text:
 *
 *   VALISE-PACK 1
 *   {"algorithm":"ed25519","keyId":"…","signature":"<base64>"}   ← signs the manifest line's bytes
 *   {"created":"…","items":[{"key":"…","sha256":"…","bytes":123},…]}   ← the manifest
 *   {…one issue…}                                                  ← one line per item, in order
 *
 * Reading one refuses, before anything is written: a file without the header (not a pack); no
 * signature (unsigned); a key that is not trusted; a signature that does not verify (the manifest
 * was changed); an item missing, extra or whose bytes do not hash to the manifest's (truncated or
 * tampered); an item that is not an issue the pipeline can read.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { z } from '../../../common/contract/zod.std';
import { ItemKey } from '../../../common/contract/item-key.std';
import { catalogued } from '../../../common/contract/errors.std';
import type { LocalisedMessage, MessageId, MessageParams } from '../../../common/contract/messages.std';
import { MAX_SOURCE_BYTES } from '../../../db/pipeline/source/source.node';
import type { StoredIssue } from '../library/imported-issues.node';

export const PACK_HEADER = 'VALISE-PACK 1';
/** Far above a whole library's worth of issue text, and below what a stick's wrong file could be. */
export const MAX_PACK_BYTES = 50 * 1024 * 1024;

export class PackError extends Error {
  /** Which catalogued message this is (common/contract/messages.std.ts), for the page to show it in French. */
  readonly localised: Omit<LocalisedMessage, 'message'>;
  /** A pack refused in the catalogue's words: a PackError is only ever made from a message id. */
  constructor(id: MessageId, params: MessageParams = {}) {
    const { message, localised } = catalogued(id, params);
    super(message);
    this.name = 'PackError';
    this.localised = localised;
  }
}

/** A line of the pack read as JSON: which one, for the refusal to name it. */
type PackPart = { part: 'signature' } | { part: 'manifest' } | { part: 'item'; key: string };
const UNREADABLE = {
  signature: 'pack.unreadable-signature',
  manifest: 'pack.unreadable-manifest',
  item: 'pack.unreadable-item',
} as const satisfies Record<PackPart['part'], MessageId>;
const MALFORMED = {
  signature: 'pack.malformed-signature',
  manifest: 'pack.malformed-manifest',
  item: 'pack.malformed-item',
} as const satisfies Record<PackPart['part'], MessageId>;

const Signature = z
  .object({
    algorithm: z.literal('ed25519'),
    keyId: z.string().regex(/^[0-9a-f]{16}$/),
    signature: z.string().min(1).max(200),
  })
  .strict();
const Manifest = z
  .object({
    created: z.string().max(40),
    items: z
      .array(
        z.object({ key: ItemKey, sha256: z.string().regex(/^[0-9a-f]{64}$/), bytes: z.number().int().min(1) }).strict(),
      )
      .min(1)
      .max(1_000),
  })
  .strict();
export const PackItem = z
  .object({
    key: ItemKey,
    title: z.string().min(1).max(300),
    sourceName: z.string().min(1).max(255),
    sourceKind: z.enum(['pdf', 'text', 'pack']),
    sourceSha256: z.string().regex(/^[0-9a-f]{64}$/),
    text: z.string().min(1).max(MAX_SOURCE_BYTES),
    overlay: z.record(z.string(), z.unknown()),
  })
  .strict();
export type PackItem = z.infer<typeof PackItem>;

/** A key's id: the start of the SHA-256 of its public key (SPKI, DER). */
export function keyIdOf(key: KeyObject): string {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

export function generateSigningKey(): { privatePem: string; publicPem: string; keyId: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    keyId: keyIdOf(publicKey),
  };
}

export function privateKeyFrom(pem: string): KeyObject {
  const key = createPrivateKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('the signing key is not an Ed25519 key');
  return key;
}

/** Public keys by id; a file that is not an Ed25519 public key is reported, not trusted. */
export function trustedKeysFrom(pems: { name: string; pem: string }[]): {
  keys: Map<string, KeyObject>;
  problems: string[];
} {
  const keys = new Map<string, KeyObject>();
  const problems: string[] = [];
  for (const { name, pem } of pems) {
    try {
      const key = createPublicKey(pem);
      if (key.asymmetricKeyType !== 'ed25519') throw new Error('not an Ed25519 key');
      keys.set(keyIdOf(key), key);
    } catch (error) {
      problems.push(`${name}: ${(error as Error).message}`);
    }
  }
  return { keys, problems };
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export function writePack(items: PackItem[], signingKey: KeyObject, now: Date): string {
  const lines = items.map((item) => JSON.stringify(PackItem.parse(item)));
  const manifest = JSON.stringify({
    created: now.toISOString(),
    items: items.map((item, i) => ({ key: item.key, sha256: sha256(lines[i]!), bytes: Buffer.byteLength(lines[i]!) })),
  });
  const signature = sign(null, Buffer.from(manifest, 'utf8'), signingKey).toString('base64');
  return [
    PACK_HEADER,
    JSON.stringify({ algorithm: 'ed25519', keyId: keyIdOf(signingKey), signature }),
    manifest,
    ...lines,
    '',
  ].join('\n');
}

function parseJson<T>(line: string | undefined, schema: z.ZodType<T>, what: PackPart): T {
  const key: MessageParams = what.part === 'item' ? { key: what.key } : {};
  let value: unknown;
  try {
    value = JSON.parse(line ?? '');
  } catch {
    throw new PackError(UNREADABLE[what.part], key);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new PackError(MALFORMED[what.part], {
      ...key,
      detail: `${parsed.error.issues[0]?.path.join('.') || 'value'}: ${parsed.error.issues[0]?.message}`,
    });
  return parsed.data;
}

export function readPack(
  bytes: Uint8Array,
  trusted: Map<string, KeyObject>,
): { signer: string; created: string; items: PackItem[] } {
  if (bytes.length > MAX_PACK_BYTES) throw new PackError('pack.too-large', { max: String(MAX_PACK_BYTES / 1048576) });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new PackError('pack.not-text');
  }
  const lines = text.split('\n');
  if (lines[0] !== PACK_HEADER) throw new PackError('pack.no-header');
  if (!lines[1]?.trim() || lines[1].trim() === '{}') throw new PackError('pack.not-signed');
  const signature = parseJson(lines[1], Signature, { part: 'signature' });
  const key = trusted.get(signature.keyId);
  if (!key) throw new PackError('pack.untrusted', { keyId: signature.keyId });
  const manifestLine = lines[2] ?? '';
  if (!verify(null, Buffer.from(manifestLine, 'utf8'), key, Buffer.from(signature.signature, 'base64'))) {
    throw new PackError('pack.bad-signature');
  }
  const manifest = parseJson(manifestLine, Manifest, { part: 'manifest' });
  const itemLines = lines.slice(3);
  if (itemLines[itemLines.length - 1] === '') itemLines.pop();
  if (itemLines.length !== manifest.items.length) {
    throw new PackError('pack.incomplete', { held: String(itemLines.length), listed: String(manifest.items.length) });
  }
  const items = manifest.items.map((entry, i) => {
    const line = itemLines[i]!;
    if (Buffer.byteLength(line) !== entry.bytes || sha256(line) !== entry.sha256) {
      throw new PackError('pack.bad-hash', { key: entry.key });
    }
    const item = parseJson(line, PackItem, { part: 'item', key: entry.key });
    if (item.key !== entry.key) throw new PackError('pack.wrong-item', { key: entry.key });
    return item;
  });
  return { signer: signature.keyId, created: manifest.created, items };
}

export const packItemOf = (stored: StoredIssue): PackItem => ({
  key: stored.key,
  title: stored.title,
  sourceName: stored.sourceName,
  sourceKind: stored.sourceKind,
  sourceSha256: stored.sourceSha256,
  text: stored.text,
  overlay: stored.overlay as Record<string, unknown>,
});
