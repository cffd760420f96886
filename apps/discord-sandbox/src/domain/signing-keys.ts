import { createHmac, createPrivateKey, createPublicKey, type KeyObject, sign } from 'node:crypto';

/** An application's Ed25519 key pair: Discord signs the interactions it POSTs with the private half. */
export interface SigningKeys {
  privateKey: KeyObject;
  /** The public key as Discord shows it (`verify_key`): 32 raw bytes, hex. */
  verifyKey: string;
}

// PKCS#8 wrapping of a raw 32-byte Ed25519 seed (RFC 8410).
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/**
 * Derived from the bot token, so a standalone sandbox seeded with fixed tokens keeps the same
 * public key across restarts, as a real application does.
 */
export function signingKeysFor(token: string): SigningKeys {
  const seed = createHmac('sha256', 'discord-sandbox/interactions-ed25519').update(token).digest();
  const privateKey = createPrivateKey({
    key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  return { privateKey, verifyKey: spki.subarray(spki.length - 32).toString('hex') };
}

/** `X-Signature-Ed25519`: the signature of timestamp + body, hex. */
export function signInteraction(privateKey: KeyObject, timestamp: string, body: string): string {
  return sign(null, Buffer.from(timestamp + body), privateKey).toString('hex');
}
