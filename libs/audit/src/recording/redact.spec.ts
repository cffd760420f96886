import { MAX_CHANGE_SET_BYTES, REDACTED, redact, toChangeSet } from './redact';

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
    const huge = { text: 'x'.repeat(MAX_CHANGE_SET_BYTES + 1) };
    expect(toChangeSet(huge)).toEqual({ truncated: true, bytes: expect.any(Number) });
    expect(toChangeSet(undefined)).toBeNull();
    expect(toChangeSet({ a: 1 })).toEqual({ a: 1 });
  });
});
