import { registerAs } from '@nestjs/config';
import { EnvReader } from './env-reader';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/botdeck';

/** DATABASE_URL, validated; also the source of the default Redis key prefix. */
export function databaseUrl(env: EnvReader): string {
  return env.url('DATABASE_URL', {
    default: DEFAULT_DATABASE_URL,
    protocols: ['postgres', 'postgresql'],
  });
}

export const databaseConfig = registerAs('database', () => {
  const env = new EnvReader();
  return {
    url: databaseUrl(env),
    runMigrations: env.bool('DATABASE_RUN_MIGRATIONS', { default: true }),
    poolSize: env.int('DATABASE_POOL_SIZE', { default: 10, min: 1, max: 200 }),
    /** Connecting, or waiting for a free pooled connection, fails (503) after this long. */
    connectTimeoutMs: env.int('DATABASE_CONNECT_TIMEOUT_MS', {
      default: 2_000,
      min: 100,
      max: 60_000,
    }),
    /** A statement running longer is cancelled by PostgreSQL (and given up on by the client). */
    queryTimeoutMs: env.int('DATABASE_QUERY_TIMEOUT_MS', {
      default: 10_000,
      min: 100,
      max: 600_000,
    }),
  };
});

export type DatabaseConfig = ReturnType<typeof databaseConfig>;
