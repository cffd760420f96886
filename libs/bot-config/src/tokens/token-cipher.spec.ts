import { randomBytes } from 'node:crypto';
import { parseTokenKeys } from '../bot-config.config';
import { TokenCipher, TokenDecryptionError } from './token-cipher';

const key = (id: string) => ({ id, key: randomBytes(32) });

describe('TokenCipher', () => {
  const botId = '0b7c5e7e-6d1c-4d7e-9d52-4f3f4c3b2a10';

  it('round-trips a token and never stores it in clear', () => {
    const cipher = new TokenCipher([key('k1')]);
    const sealed = cipher.seal('MTIz.secret-token', botId);
    expect(sealed.keyId).toBe('k1');
    expect(sealed.sealed.toString('utf8')).not.toContain('secret-token');
    expect(cipher.open(sealed, botId)).toBe('MTIz.secret-token');
  });

  it('uses a fresh IV each time', () => {
    const cipher = new TokenCipher([key('k1')]);
    expect(cipher.seal('t', botId).sealed.equals(cipher.seal('t', botId).sealed)).toBe(false);
  });

  it('refuses a ciphertext moved to another bot or tampered with', () => {
    const cipher = new TokenCipher([key('k1')]);
    const sealed = cipher.seal('token', botId);
    expect(() => cipher.open(sealed, 'another-bot')).toThrow(TokenDecryptionError);
    const tampered = Buffer.from(sealed.sealed);
    tampered[tampered.length - 1] ^= 1;
    expect(() => cipher.open({ ...sealed, sealed: tampered }, botId)).toThrow(TokenDecryptionError);
  });

  it('seals with the newest key and still opens tokens sealed under older ones', () => {
    const k1 = key('k1');
    const old = new TokenCipher([k1]).seal('token', botId);
    const rotated = new TokenCipher([k1, key('k2')]);
    expect(rotated.isCurrent(old)).toBe(false);
    expect(rotated.open(old, botId)).toBe('token');
    expect(rotated.seal('token', botId).keyId).toBe('k2');
  });

  it('names an unknown key id', () => {
    const sealed = new TokenCipher([key('gone')]).seal('token', botId);
    expect(() => new TokenCipher([key('k1')]).open(sealed, botId)).toThrow(/unknown key id "gone"/);
  });
});

describe('parseTokenKeys', () => {
  const b64 = randomBytes(32).toString('base64');

  it('parses ids and keys in order', () => {
    const keys = parseTokenKeys(`a:${b64}, b:${b64}`);
    expect(keys.map((k) => k.id)).toEqual(['a', 'b']);
  });

  it.each([
    ['', /at least one key/],
    ['nocolon', /<id>:<base64 key>/],
    [`a:${randomBytes(16).toString('base64')}`, /must be 32 bytes/],
    [`a:${b64},a:${b64}`, /unique/],
  ])('rejects %p', (raw, message) => {
    expect(() => parseTokenKeys(raw)).toThrow(message);
  });
});
