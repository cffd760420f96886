import { deleteKeysWithPrefix } from '../support/redis-keys';
import { registerPathAliases } from './register-paths';

export default async function globalTeardown(): Promise<void> {
  registerPathAliases();
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded after the aliases exist
  const { dropDatabase } = require('@botdeck/core') as typeof import('@botdeck/core');
  const url = process.env.DATABASE_URL;
  if (url && /botdeck_test_/.test(url) && process.env.KEEP_TEST_DB !== 'true') {
    await dropDatabase(url);
  }
  const prefix = process.env.REDIS_KEY_PREFIX;
  if (prefix?.startsWith('botdeck-test-')) {
    await deleteKeysWithPrefix(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', prefix);
  }
}
