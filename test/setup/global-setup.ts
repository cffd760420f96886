import { registerPathAliases } from './register-paths';

/**
 * Gives this run its own database (the name must contain "test") with every migration applied
 * once, and its own Redis key prefix. Workers inherit these variables.
 */
export default async function globalSetup(): Promise<void> {
  registerPathAliases();
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded after the aliases exist */
  const { ensureDatabase, runMigrations } =
    require('@botdeck/core') as typeof import('@botdeck/core');
  const { migrations } = require('@botdeck/migrations') as typeof import('@botdeck/migrations');
  /* eslint-enable @typescript-eslint/no-require-imports */

  const runId = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  const base = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/');
  base.pathname = `/botdeck_test_${runId}`;
  const url = base.toString();
  if (!/test/.test(base.pathname)) throw new Error(`Refusing to use non-test database ${url}`);

  process.env.DATABASE_URL = url;
  process.env.REDIS_KEY_PREFIX = `botdeck-test-${runId}:`;
  process.env.BOTDECK_TEST_RUN_ID = runId;

  await ensureDatabase(url);
  await runMigrations(url, migrations);
}
