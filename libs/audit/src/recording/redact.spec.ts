import { MAX_CHANGE_SET_BYTES, MAX_DEPTH, REDACTED, redact, toChangeSet } from './redact';
import { MAX_STRING_LENGTH } from './sanitize';

describe('redact', () => {
  it('redacts secret fields at any depth, whatever their case, and keeps the rest', () => {
    const input = {
      email: 'ada@example.com',
      Password: 'hunter2',
      profile: {
        name: 'Ada',
        apiToken: 'tok',
        nested: [{ clientSecret: 's', keep: 1 }, { refresh_TOKEN: { deep: 'x' } }],
      },
      newPasswordConfirmation: 'hunter3',
    };

    expect(redact(input)).toEqual({
      email: 'ada@example.com',
      Password: REDACTED,
      profile: {
        name: 'Ada',
        apiToken: REDACTED,
        nested: [{ clientSecret: REDACTED, keep: 1 }, { refresh_TOKEN: REDACTED }],
      },
      newPasswordConfirmation: REDACTED,
    });
    expect(JSON.stringify(redact(input))).not.toMatch(/hunter|tok"|"s"/);
  });

  it('does not modify its input', () => {
    const input = { password: 'p', inner: { token: 't' } };
    redact(input);
    expect(input).toEqual({ password: 'p', inner: { token: 't' } });
  });

  it('makes values JSON- and PostgreSQL-safe', () => {
    const when = new Date('2026-01-02T03:04:05.006Z');
    expect(
      redact({ when, big: 10n, nan: Number.NaN, fn: () => 1, gone: undefined, text: 'a\u0000b' }),
    ).toEqual({ when: '2026-01-02T03:04:05.006Z', big: '10', nan: null, text: 'ab' });
  });

  it('uses toJSON when an object defines it, and redacts what it returns', () => {
    const entity = { toJSON: () => ({ id: 'u1', passwordHash: 'argon2…' }) };
    expect(redact(entity)).toEqual({ id: 'u1', passwordHash: REDACTED });
  });

  it('survives cycles and shared references', () => {
    const shared = { name: 'x' };
    const node: Record<string, unknown> = { a: shared, b: shared };
    node.self = node;
    expect(redact(node)).toEqual({ a: { name: 'x' }, b: { name: 'x' }, self: '[CIRCULAR]' });
  });

  it('replaces an oversized change set with a marker', () => {
    // Each string is under the per-string cut; together they pass the change-set bound.
    const fields = Math.ceil(MAX_CHANGE_SET_BYTES / MAX_STRING_LENGTH) + 1;
    const huge = Object.fromEntries(
      Array.from({ length: fields }, (_, n) => [`f${n}`, 'x'.repeat(MAX_STRING_LENGTH)]),
    );
    expect(toChangeSet(huge)).toEqual({ truncated: true, bytes: expect.any(Number) });
    expect(toChangeSet(undefined)).toBeNull();
    expect(toChangeSet({ a: 1 })).toEqual({ a: 1 });
  });

  it('sanitises keys as well as values, so jsonb accepts any body', () => {
    expect(redact({ 'na\u0000me': '\ud800', ['\udfffkey']: ['a\u0000'] })).toEqual({
      name: '\ufffd',
      '\ufffdkey': ['a'],
    });
  });

  it('redacts a token by its value, under any key', () => {
    const token = `${Buffer.from('123456789012345678').toString('base64url')}.GkPq3X.${'s'.repeat(38)}`;
    const stored = redact({ name: 'bot', auth: token, list: [`Bot ${token}`] });
    expect(stored).toEqual({ name: 'bot', auth: REDACTED, list: [`Bot ${REDACTED}`] });
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it('cuts oversized strings and deep structures with a marker', () => {
    const long = redact({ text: 'y'.repeat(MAX_STRING_LENGTH + 100) }) as { text: string };
    expect(long.text).toHaveLength(MAX_STRING_LENGTH + '…[TRUNCATED 2148 chars]'.length);
    expect(long.text.endsWith('…[TRUNCATED 2148 chars]')).toBe(true);

    let deep: Record<string, unknown> = { leaf: true };
    for (let n = 0; n < MAX_DEPTH + 5; n += 1) deep = { d: deep };
    const text = JSON.stringify(redact(deep));
    expect(text).toContain('"[TRUNCATED]"');
    expect(text).not.toContain('leaf');
  });
});
