import { Logger } from '@nestjs/common';
import type { EventEmitter } from 'node:events';

const logger = new Logger('Redis');

/**
 * Logs a client's outage once: a warning at the first error, one line when it is ready again
 * with how long it lasted. ioredis (and BullMQ's queues and workers, which pass its errors
 * on) emit 'error' on every failed reconnect and print each one to the console when nobody
 * listens, which would flood the log during an outage.
 */
export function logRedisOutages<T extends EventEmitter>(client: T, name: string): T {
  let downSince: number | undefined;
  client.on('error', (error: Error) => {
    if (downSince !== undefined) return;
    downSince = Date.now();
    logger.warn(
      { err: { message: error.message, code: (error as { code?: string }).code } },
      `Redis unavailable for ${name}; commands fail with 503 until it returns`,
    );
  });
  client.on('ready', () => {
    if (downSince === undefined) return;
    logger.log(`Redis available again for ${name} after ${Date.now() - downSince} ms`);
    downSince = undefined;
  });
  return client;
}
