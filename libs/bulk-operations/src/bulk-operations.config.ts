import { EnvReader } from '@botdeck/core';
import { registerAs } from '@nestjs/config';

export const bulkOperationsConfig = registerAs('bulkOperations', () => {
  const env = new EnvReader();
  return {
    /** Bot lifecycle jobs one worker runs at the same time. */
    concurrency: env.int('BULK_WORKER_CONCURRENCY', { default: 10, min: 1, max: 200 }),
    /** How long one bot may take to reach online/stopped before its item fails. */
    itemTimeoutMs: env.int('BULK_ITEM_TIMEOUT_MS', { default: 60_000, min: 1_000 }),
  };
});

export type BulkOperationsConfig = ReturnType<typeof bulkOperationsConfig>;
