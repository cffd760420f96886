import { EnvReader, ConfigError, NODE_ENVS } from '@botdeck/core';
import { registerAs } from '@nestjs/config';
import { isEmail } from 'class-validator';

/** Shortest JWT_SECRET accepted in production (256 bits of HMAC key as text). */
export const MIN_PRODUCTION_SECRET_LENGTH = 32;
/** Shortest password Botdeck accepts anywhere (API, CLI, ADMIN_PASSWORD). */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

/**
 * Values that show up in tutorials, sample files and `.env.example`; a production deployment
 * that still uses one of them has an effectively public signing key.
 */
export const WELL_KNOWN_JWT_SECRETS: readonly string[] = [
  'secret',
  'jwt-secret',
  'jwt_secret',
  'jwtsecret',
  'changeme',
  'change-me',
  'change_me',
  'password',
  'botdeck',
  'development',
  'your-secret',
  'your-secret-key',
  'your_jwt_secret',
  'supersecret',
  'replace-me',
  'replace-with-a-long-random-secret',
  'change-me-to-a-long-random-secret',
  'change-me-to-a-long-random-string-of-at-least-32-chars',
];

type Env = Record<string, string | undefined>;

function isWellKnown(secret: string): boolean {
  const normalized = secret.trim().toLowerCase();
  if (WELL_KNOWN_JWT_SECRETS.includes(normalized)) return true;
  // One character repeated ("aaaa…") or a placeholder that merely contains a known word.
  if (/^(.)\1*$/.test(normalized)) return true;
  return /^(change-?me|replace-?me|your[-_]?secret)/.test(normalized);
}

/** The signing key policy: always required; in production long and not a known sample value. */
export function checkJwtSecret(secret: string, nodeEnv: string): void {
  if (nodeEnv !== 'production') return;
  if (secret.length < MIN_PRODUCTION_SECRET_LENGTH) {
    throw new ConfigError(
      'JWT_SECRET',
      `must be at least ${MIN_PRODUCTION_SECRET_LENGTH} characters long in production`,
    );
  }
  if (isWellKnown(secret)) {
    throw new ConfigError(
      'JWT_SECRET',
      'is a well-known sample value; generate a random one (e.g. `openssl rand -base64 48`)',
    );
  }
}

export function readAuthConfig(source: Env = process.env) {
  const env = new EnvReader(source);
  const nodeEnv = env.oneOf('NODE_ENV', NODE_ENVS, { default: 'development' });
  const jwtSecret = env.string('JWT_SECRET');
  checkJwtSecret(jwtSecret, nodeEnv);

  const adminEmail = env.optionalString('ADMIN_EMAIL')?.toLowerCase();
  const adminPassword = env.optionalString('ADMIN_PASSWORD');
  if (adminEmail !== undefined && adminPassword === undefined) {
    throw new ConfigError('ADMIN_PASSWORD', 'is required when ADMIN_EMAIL is set');
  }
  if (adminPassword !== undefined && adminEmail === undefined) {
    throw new ConfigError('ADMIN_EMAIL', 'is required when ADMIN_PASSWORD is set');
  }
  if (adminEmail !== undefined && !isEmail(adminEmail)) {
    throw new ConfigError('ADMIN_EMAIL', 'must be a valid email address');
  }
  if (adminPassword !== undefined && adminPassword.length < MIN_PASSWORD_LENGTH) {
    throw new ConfigError(
      'ADMIN_PASSWORD',
      `must be at least ${MIN_PASSWORD_LENGTH} characters long`,
    );
  }

  const throttleTtlSeconds = env.int('LOGIN_THROTTLE_TTL_SECONDS', {
    default: 60,
    min: 1,
    max: 86_400,
  });
  return {
    jwtSecret,
    accessTtlSeconds: env.int('JWT_ACCESS_TTL_SECONDS', { default: 900, min: 30, max: 86_400 }),
    refreshTtlDays: env.int('REFRESH_TOKEN_TTL_DAYS', { default: 30, min: 1, max: 365 }),
    /**
     * How long after a refresh the same (now used) refresh token may be presented again without
     * counting as reuse: a client retrying a refresh whose answer it lost. 0 turns it off.
     */
    refreshReuseGraceSeconds: env.int('REFRESH_REUSE_GRACE_SECONDS', {
      default: 5,
      min: 0,
      max: 60,
    }),
    /**
     * How long a process keeps a user and an open login it has read for the access checks.
     * At most 1 s: a disabled user or a revoked login is refused within this on every
     * instance even when the bus loses the invalidation. 0 reads them on every request.
     */
    accessCacheTtlMs: env.int('AUTH_CACHE_TTL_MS', { default: 500, min: 0, max: 1_000 }),
    admin:
      adminEmail !== undefined && adminPassword !== undefined
        ? { email: adminEmail, password: adminPassword }
        : undefined,
    loginThrottle: {
      /** Attempts per email address within the window. */
      perEmail: env.int('LOGIN_THROTTLE_LIMIT', { default: 5, min: 1 }),
      /** Attempts per client IP within the window (several people may share one address). */
      perIp: env.int('LOGIN_THROTTLE_IP_LIMIT', { default: 30, min: 1 }),
      ttlSeconds: throttleTtlSeconds,
    },
  };
}

export const authConfig = registerAs('auth', () => readAuthConfig());

export type AuthConfig = ReturnType<typeof readAuthConfig>;
