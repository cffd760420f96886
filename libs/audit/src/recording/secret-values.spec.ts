import { randomBytes } from 'node:crypto';
import { redactSecretValues } from './secret-values';

const MARK = '[REDACTED]';
const b64 = (text: string) => Buffer.from(text).toString('base64url');

/** A token shaped as Discord mints them (and as the sandbox does). */
function discordToken(userId = '1234567890123456789', hmacLength = 38): string {
  return `${b64(userId)}.${randomBytes(4).toString('base64url').slice(0, 6)}.${randomBytes(30)
    .toString('base64url')
    .slice(0, hmacLength)}`;
}

describe('redactSecretValues', () => {
  it.each([
    ['a 19-digit id, 38-character HMAC', discordToken()],
    ['a 17-digit id, 27-character HMAC', discordToken('80351110224678912', 27)],
    ['a 20-digit id', discordToken('12345678901234567890')],
  ])('redacts a Discord bot token with %s, alone or inside text', (_label, token) => {
    expect(redactSecretValues(token, MARK)).toBe(MARK);
    expect(redactSecretValues(`Bot ${token}`, MARK)).toBe(`Bot ${MARK}`);
    expect(redactSecretValues(`token=${token};next`, MARK)).toBe(`token=${MARK};next`);
  });

  it('leaves dotted strings alone whose first part is not a snowflake', () => {
    const lookalike = `${b64('not-a-user-id-at-all!')}.AbCdEf.${'x'.repeat(38)}`;
    expect(redactSecretValues(lookalike, MARK)).toBe(lookalike);
    expect(redactSecretValues('release.2026-01-01.build-4f9a2c1', MARK)).toBe(
      'release.2026-01-01.build-4f9a2c1',
    );
  });

  it('redacts JWTs and bearer credentials', () => {
    const jwt = `${b64('{"alg":"HS256","typ":"JWT"}')}.${b64('{"sub":"u1"}')}.${randomBytes(32).toString('base64url')}`;
    expect(redactSecretValues(jwt, MARK)).toBe(MARK);
    expect(redactSecretValues(`jwt ${jwt} end`, MARK)).toBe(`jwt ${MARK} end`);
    expect(redactSecretValues('Authorization: Bearer abc.def-ghi', MARK)).toBe(
      `Authorization: Bearer ${MARK}`,
    );
  });

  it('redacts refresh tokens in the shape Botdeck issues (32 bytes, base64url)', () => {
    const refresh = randomBytes(32).toString('base64url');
    expect(refresh).toHaveLength(43);
    expect(redactSecretValues(refresh, MARK)).toBe(MARK);
    expect(redactSecretValues(`old ${refresh}`, MARK)).toBe(`old ${MARK}`);
  });

  it('keeps ordinary values: ids, emails, names, snowflakes, UUIDs', () => {
    for (const text of [
      'ada@example.com',
      '123456789012345678',
      '5b0f8c8e-3c1e-4f5e-9a8a-1f2e3d4c5b6a',
      'A perfectly ordinary sentence about bots and tokens.',
      'x'.repeat(42),
      'x'.repeat(44),
    ]) {
      expect(redactSecretValues(text, MARK)).toBe(text);
    }
  });
});
