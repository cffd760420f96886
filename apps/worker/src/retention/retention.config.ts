import { EnvReader } from '@botdeck/core';
import { registerAs } from '@nestjs/config';

export const retentionConfig = registerAs('retention', () => {
  const env = new EnvReader();
  return {
    /** How often the retention job runs (partitions ahead, expired ones dropped, audit trimmed). */
    intervalMs: env.int('RETENTION_INTERVAL_MS', {
      default: 60 * 60 * 1000,
      min: 1_000,
      max: 24 * 60 * 60 * 1000,
    }),
  };
});

export type RetentionConfig = ReturnType<typeof retentionConfig>;
