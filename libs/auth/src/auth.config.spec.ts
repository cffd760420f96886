import { ConfigError } from '@botdeck/core';
import { readAuthConfig } from './auth.config';

const STRONG = 'k3P9x!vQ2mZr7LwT0sYb4NcH8dFj6GaU';

function read(env: Record<string, string>) {
  return readAuthConfig(env);
}

function errorOf(env: Record<string, string>): ConfigError {
  try {
    read(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('auth config', () => {
  it('applies the documented defaults', () => {
    const config = read({ JWT_SECRET: STRONG });
    expect(config).toMatchObject({
      jwtSecret: STRONG,
      accessTtlSeconds: 900,
      refreshTtlDays: 30,
      admin: undefined,
      loginThrottle: { perEmail: 5, perIp: 30, ttlSeconds: 60 },
    });
  });

  it('requires JWT_SECRET in every environment', () => {
    for (const NODE_ENV of ['development', 'test', 'production']) {
      const error = errorOf({ NODE_ENV });
      expect(error.variable).toBe('JWT_SECRET');
      expect(error.message).toBe('JWT_SECRET is required');
    }
    expect(errorOf({ JWT_SECRET: '   ' }).variable).toBe('JWT_SECRET');
  });

  it('refuses a short JWT_SECRET in production, naming the variable', () => {
    const error = errorOf({ NODE_ENV: 'production', JWT_SECRET: 'a'.repeat(20) + 'xyz' });
    expect(error.variable).toBe('JWT_SECRET');
    expect(error.message).toMatch(/^JWT_SECRET must be at least 32 characters/);
  });

  it.each([
    'secret',
    'changeme',
    'change-me',
    'CHANGEME',
    'replace-with-a-long-random-secret',
    'change-me-to-a-long-random-string-of-at-least-32-chars',
    'changeme-changeme-changeme-changeme',
    'x'.repeat(40),
  ])('refuses the well-known JWT_SECRET %p in production', (secret) => {
    const error = errorOf({ NODE_ENV: 'production', JWT_SECRET: secret });
    expect(error.variable).toBe('JWT_SECRET');
  });

  it('accepts a long random JWT_SECRET in production', () => {
    expect(read({ NODE_ENV: 'production', JWT_SECRET: STRONG }).jwtSecret).toBe(STRONG);
  });

  it('lets development and tests use a short secret', () => {
    expect(read({ NODE_ENV: 'development', JWT_SECRET: 'secret' }).jwtSecret).toBe('secret');
    expect(read({ NODE_ENV: 'test', JWT_SECRET: 'dev' }).jwtSecret).toBe('dev');
  });

  it('reads the first admin, lower-casing the email', () => {
    const config = read({
      JWT_SECRET: STRONG,
      ADMIN_EMAIL: 'Root@Example.COM',
      ADMIN_PASSWORD: 'twelve-chars-or-more',
    });
    expect(config.admin).toEqual({ email: 'root@example.com', password: 'twelve-chars-or-more' });
  });

  it('wants ADMIN_EMAIL and ADMIN_PASSWORD together, valid', () => {
    expect(errorOf({ JWT_SECRET: STRONG, ADMIN_EMAIL: 'a@b.co' }).variable).toBe('ADMIN_PASSWORD');
    expect(errorOf({ JWT_SECRET: STRONG, ADMIN_PASSWORD: 'long-enough-pass' }).variable).toBe(
      'ADMIN_EMAIL',
    );
    expect(
      errorOf({ JWT_SECRET: STRONG, ADMIN_EMAIL: 'nope', ADMIN_PASSWORD: 'long-enough-pass' })
        .variable,
    ).toBe('ADMIN_EMAIL');
    expect(
      errorOf({ JWT_SECRET: STRONG, ADMIN_EMAIL: 'a@b.co', ADMIN_PASSWORD: 'short' }).variable,
    ).toBe('ADMIN_PASSWORD');
  });

  it('validates the numeric settings', () => {
    expect(errorOf({ JWT_SECRET: STRONG, JWT_ACCESS_TTL_SECONDS: 'soon' }).variable).toBe(
      'JWT_ACCESS_TTL_SECONDS',
    );
    expect(errorOf({ JWT_SECRET: STRONG, REFRESH_TOKEN_TTL_DAYS: '0' }).variable).toBe(
      'REFRESH_TOKEN_TTL_DAYS',
    );
    expect(errorOf({ JWT_SECRET: STRONG, LOGIN_THROTTLE_LIMIT: '-1' }).variable).toBe(
      'LOGIN_THROTTLE_LIMIT',
    );
  });
});
