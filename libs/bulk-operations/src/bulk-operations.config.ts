import { EnvReader } from '@botdeck/core';
import { registerAs } from '@nestjs/config';

export const bulkOperationsConfig = registerAs('bulkOperations', () => {
  const env = new EnvReader();
  return {
    /** How long one bot may take to reach online/stopped before its item fails. */
    itemTimeoutMs: env.int('BULK_ITEM_TIMEOUT_MS', { default: 60_000, min: 1_000 }),
    /** How often a worker settles the items status events missed, and times out late ones. */
    sweepIntervalMs: env.int('BULK_SWEEP_INTERVAL_MS', { default: 2_000, min: 100 }),
  };
});

export type BulkOperationsConfig = ReturnType<typeof bulkOperationsConfig>;
