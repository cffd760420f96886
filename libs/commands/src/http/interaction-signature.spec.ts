import { generateKeyPairSync, sign } from 'node:crypto';
import { checkSignature, ed25519PublicKey } from './interaction-signature';

describe('checkSignature', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const spki = publicKey.export({ format: 'der', type: 'spki' });
  const key = ed25519PublicKey(spki.subarray(spki.length - 32).toString('hex'));
  const nowMs = 1_750_000_000_000;
  const timestamp = String(nowMs / 1000);
  const body = Buffer.from('{"type":1}');
  const signatureOf = (ts: string, bytes: Buffer) =>
    sign(null, Buffer.concat([Buffer.from(ts), bytes]), privateKey).toString('hex');
  const check = (signature: string | undefined, ts: string | undefined, bytes = body) =>
    checkSignature(key, signature, ts, bytes, { maxSkewSeconds: 300, nowMs });

  it('accepts the signature of timestamp + body under the key', () => {
    expect(check(signatureOf(timestamp, body), timestamp)).toBe('ok');
  });

  it('tells a missing, a malformed and a wrong signature apart', () => {
    expect(check(undefined, timestamp)).toBe('missing');
    expect(check(signatureOf(timestamp, body), undefined)).toBe('missing');
    expect(check('zz'.repeat(64), timestamp)).toBe('malformed');
    expect(check(signatureOf(timestamp, body), '12.5')).toBe('malformed');
    expect(check(signatureOf(timestamp, body), timestamp, Buffer.from('{"type":2}'))).toBe(
      'mismatch',
    );
    // Signed under another timestamp than the one sent.
    expect(check(signatureOf(String(nowMs / 1000 - 1), body), timestamp)).toBe('mismatch');
  });

  it('refuses a valid signature whose timestamp is too old or too far ahead', () => {
    const old = String(nowMs / 1000 - 301);
    const ahead = String(nowMs / 1000 + 301);
    const edge = String(nowMs / 1000 - 300);
    expect(check(signatureOf(old, body), old)).toBe('stale');
    expect(check(signatureOf(ahead, body), ahead)).toBe('stale');
    expect(check(signatureOf(edge, body), edge)).toBe('ok');
  });
});
