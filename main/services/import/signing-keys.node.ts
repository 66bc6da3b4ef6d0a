/**
 * Keys for content packs, in the user's data folder:
 *   keys/signing-key.pem    this Valise's own Ed25519 private key (created on first export, 0600)
 *   trusted-keys/*.pem      public keys whose packs this Valise accepts (an office's key)
 * A Valise trusts its own key, so a pack it exported comes back in.
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPublicKey, type KeyObject } from 'node:crypto';
import { generateSigningKey, keyIdOf, privateKeyFrom, trustedKeysFrom } from './packs.node';

export const SIGNING_KEY_FILE = join('keys', 'signing-key.pem');
export const TRUSTED_KEYS_DIR = 'trusted-keys';

export function signingKeyIn(userDataDir: string): KeyObject {
  const file = join(userDataDir, SIGNING_KEY_FILE);
  if (!existsSync(file)) {
    mkdirSync(join(userDataDir, 'keys'), { recursive: true });
    writeFileSync(file, generateSigningKey().privatePem, { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
  }
  return privateKeyFrom(readFileSync(file, 'utf8'));
}

export function trustedKeysIn(userDataDir: string): { keys: Map<string, KeyObject>; problems: string[] } {
  const dir = join(userDataDir, TRUSTED_KEYS_DIR);
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.pem')) : [];
  const trusted = trustedKeysFrom(files.map((name) => ({ name, pem: readFileSync(join(dir, name), 'utf8') })));
  if (existsSync(join(userDataDir, SIGNING_KEY_FILE))) {
    const own = createPublicKey(signingKeyIn(userDataDir));
    trusted.keys.set(keyIdOf(own), own);
  }
  return trusted;
}

/** Adds a public key to the trusted ones; returns its id. */
export function trustKey(userDataDir: string, pem: string): string {
  const { keys, problems } = trustedKeysFrom([{ name: 'the key', pem }]);
  const [keyId] = [...keys.keys()];
  if (!keyId) throw new Error(problems[0] ?? 'not a public key');
  mkdirSync(join(userDataDir, TRUSTED_KEYS_DIR), { recursive: true });
  writeFileSync(
    join(userDataDir, TRUSTED_KEYS_DIR, `${keyId}.pem`),
    createPublicKey(pem).export({ type: 'spki', format: 'pem' }).toString(),
  );
  return keyId;
}
