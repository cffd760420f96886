import { registerAs } from '@nestjs/config';
import { EnvReader } from '../config/env-reader';

/** The read cache: where it lives and how long Botdeck waits for it. */
export const cacheConfig = registerAs('cache', () => {
  const env = new EnvReader();
  return {
    /** false serves every read from PostgreSQL (the cache is then neither read nor written). */
    enabled: env.bool('CACHE_ENABLED', { default: true }),
    /** The Redis the cache and its generations live on; REDIS_URL unless set. */
    url: env.url('CACHE_REDIS_URL', {
      default: env.optionalString('REDIS_URL') ?? 'redis://127.0.0.1:6379',
      protocols: ['redis', 'rediss'],
    }),
    /**
     * Backstop only: entries are invalidated by the events of the writes that change them;
     * this bounds how long an entry lives if an invalidation is ever missed.
     */
    ttlSeconds: env.int('CACHE_TTL_SECONDS', { default: 60, min: 1, max: 86_400 }),
    /** A cache operation without an answer after this long counts as a miss (and a failure). */
    timeoutMs: env.int('CACHE_TIMEOUT_MS', { default: 250, min: 10, max: 10_000 }),
    /** After a failure the cache is bypassed for this long, then tried again. */
    retryMs: env.int('CACHE_RETRY_MS', { default: 1_000, min: 100, max: 60_000 }),
    /** Entries kept in each process's memory tier (in front of Redis). */
    memoryEntries: env.int('CACHE_MEMORY_ENTRIES', { default: 2_000, min: 0, max: 1_000_000 }),
    /** Bytes of answers (bodies and their URLs) the response cache keeps in each process's memory. */
    responseMaxBytes: env.int('CACHE_RESPONSE_MAX_BYTES', {
      default: 64 * 1024 * 1024,
      min: 0,
      max: 4 * 1024 * 1024 * 1024,
    }),
  };
});

export type CacheConfig = ReturnType<typeof cacheConfig>;
