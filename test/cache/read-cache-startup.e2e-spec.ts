import { CoreModule, ReadCache } from '@botdeck/core';
import { NestFactory } from '@nestjs/core';

/**
 * A process that writes as soon as it has started must still invalidate: its cache connection
 * is being made, and with no offline queue a command sent then fails at once. The first
 * operations wait for the connection (bounded by CACHE_TIMEOUT_MS) instead.
 */
describe('ReadCache right after start-up', () => {
  it('invalidates the first write instead of marking its event uninvalidated', async () => {
    const app = await NestFactory.createApplicationContext(CoreModule, { logger: false });
    try {
      expect(await app.get(ReadCache).invalidate(['bot.status'])).toBe(true);
    } finally {
      await app.close();
    }
  });
});
