import { EnvReader } from '@botdeck/core';
import { registerAs } from '@nestjs/config';

type Env = Record<string, string | undefined>;

/** The API's rate-limit tiers; sign-in has its own (LOGIN_THROTTLE_*). */
export function readRateLimitConfig(source: Env = process.env) {
  const env = new EnvReader(source);
  return {
    /** false turns the reads, writes and bulk tiers off (sign-in stays throttled). */
    enabled: env.bool('RATE_LIMIT_ENABLED', { default: true }),
    /** The window every tier counts in. */
    windowSeconds: env.int('RATE_LIMIT_WINDOW_SECONDS', { default: 60, min: 1, max: 86_400 }),
    tiers: {
      /** GET requests per caller and window (dashboards poll). */
      reads: env.int('RATE_LIMIT_READS', { default: 1_200, min: 1 }),
      /** POST, PUT, PATCH and DELETE requests per caller and window, bulk routes aside. */
      writes: env.int('RATE_LIMIT_WRITES', { default: 300, min: 1 }),
      /** Requests to /bulk/* per caller and window (each may touch thousands of rows). */
      bulk: env.int('RATE_LIMIT_BULK', { default: 30, min: 1 }),
    },
    /** How long the limiter waits for Redis before letting a request through uncounted. */
    timeoutMs: env.int('RATE_LIMIT_TIMEOUT_MS', { default: 250, min: 10, max: 10_000 }),
  };
}

export const rateLimitConfig = registerAs('rateLimit', () => readRateLimitConfig());

export type RateLimitConfig = ReturnType<typeof readRateLimitConfig>;
export type RateLimitTier = keyof RateLimitConfig['tiers'] | 'login';
