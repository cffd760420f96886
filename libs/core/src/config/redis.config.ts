import { registerAs } from '@nestjs/config';
import { databaseUrl } from './database.config';
import { EnvReader } from './env-reader';

/**
 * The default key prefix, `botdeck:<database name>:`: two instances on one Redis that keep
 * their data in different databases (two checkouts, a dev and a demo run) then never share
 * BullMQ queues, leases or events; two on one database are one deployment and share them.
 */
export function defaultRedisKeyPrefix(databaseUrlValue: string): string {
  const name = decodeURIComponent(new URL(databaseUrlValue).pathname.slice(1)) || 'postgres';
  return `botdeck:${name}:`;
}

export const redisConfig = registerAs('redis', () => {
  const env = new EnvReader();
  return {
    url: env.url('REDIS_URL', {
      default: 'redis://127.0.0.1:6379',
      protocols: ['redis', 'rediss'],
    }),
    /** Prepended to every key Botdeck writes, so several deployments (or test runs) share one Redis. */
    keyPrefix: env.string('REDIS_KEY_PREFIX', { default: defaultRedisKeyPrefix(databaseUrl(env)) }),
    /**
     * A command without a reply after this long fails (503 for a request), also while it waits
     * for a reconnect, so nothing hangs on a Redis that is gone or unreachable.
     */
    commandTimeoutMs: env.int('REDIS_COMMAND_TIMEOUT_MS', {
      default: 2_000,
      min: 100,
      max: 60_000,
    }),
    /** How long one connection attempt may take before it counts as failed. */
    connectTimeoutMs: env.int('REDIS_CONNECT_TIMEOUT_MS', {
      default: 2_000,
      min: 100,
      max: 60_000,
    }),
  };
});

export type RedisConfig = ReturnType<typeof redisConfig>;
