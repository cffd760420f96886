import { createPublicKey, type KeyObject, verify } from 'node:crypto';

/** DER prefix of an Ed25519 SubjectPublicKeyInfo; the 32 raw key bytes follow it. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const SIGNATURE = /^[0-9a-fA-F]{128}$/;
const TIMESTAMP = /^\d{1,12}$/;

/** The node:crypto key of a hex Ed25519 public key as Discord shows it (`verify_key`). */
export function ed25519PublicKey(hex: string): KeyObject {
  return createPublicKey({
    key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, 'hex')]),
    format: 'der',
    type: 'spki',
  });
}

export type SignatureCheck = 'ok' | 'missing' | 'malformed' | 'mismatch' | 'stale';

/**
 * Checks Discord's request signature: Ed25519 over `X-Signature-Timestamp` followed by the raw
 * body bytes, and a timestamp (Unix seconds) within `maxSkewSeconds` of now either way, so a
 * captured request cannot be replayed later.
 */
export function checkSignature(
  key: KeyObject,
  signature: string | undefined,
  timestamp: string | undefined,
  body: Buffer,
  options: { maxSkewSeconds: number; nowMs?: number },
): SignatureCheck {
  if (!signature || !timestamp) return 'missing';
  if (!SIGNATURE.test(signature) || !TIMESTAMP.test(timestamp)) return 'malformed';
  const signed = Buffer.concat([Buffer.from(timestamp, 'utf8'), body]);
  if (!verify(null, signed, key, Buffer.from(signature, 'hex'))) return 'mismatch';
  const skew = Math.abs((options.nowMs ?? Date.now()) / 1000 - Number(timestamp));
  return skew > options.maxSkewSeconds ? 'stale' : 'ok';
}
