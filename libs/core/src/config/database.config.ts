import { registerAs } from '@nestjs/config';
import { EnvReader } from './env-reader';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/botdeck';

export const databaseConfig = registerAs('database', () => {
  const env = new EnvReader();
  return {
    url: env.url('DATABASE_URL', {
      default: DEFAULT_DATABASE_URL,
      protocols: ['postgres', 'postgresql'],
    }),
    runMigrations: env.bool('DATABASE_RUN_MIGRATIONS', { default: true }),
    poolSize: env.int('DATABASE_POOL_SIZE', { default: 10, min: 1, max: 200 }),
  };
});

export type DatabaseConfig = ReturnType<typeof databaseConfig>;
