import { dropDatabase, ensureDatabase, runMigrations } from '@botdeck/core';
import { randomBytes } from 'node:crypto';
import { migrations } from '@botdeck/migrations';

/**
 * A database of its own, migrated, for tests that need to know every user in it (the run's
 * shared database has users from every other test file). Its name contains "test".
 */
export async function isolatedDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const shared = process.env.DATABASE_URL;
  if (!shared || !/botdeck_test_/.test(shared))
    throw new Error('Not running against a test database');
  const url = new URL(shared);
  url.pathname = `${url.pathname}_${randomBytes(4).toString('hex')}`;
  const isolated = url.toString();
  await ensureDatabase(isolated);
  await runMigrations(isolated, migrations);
  return { url: isolated, drop: () => dropDatabase(isolated) };
}
