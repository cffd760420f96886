import { EnvReader } from '@botdeck/core';
import { registerAs } from '@nestjs/config';

/** Reading, keeping and dropping command logs (the writer's settings are in commands.config). */
export const commandLogsConfig = registerAs('commandLogs', () => {
  const env = new EnvReader();
  return {
    /** Facets of /logs/search count at most this many of the newest matching rows. */
    facetRowCap: env.int('COMMAND_LOG_FACET_ROW_CAP', {
      default: 50_000,
      min: 100,
      max: 5_000_000,
    }),
    /** Day partitions older than this many days are dropped by the retention job. */
    retentionDays: env.int('COMMAND_LOG_RETENTION_DAYS', { default: 30, min: 1, max: 36_500 }),
    /** The retention job keeps this many days of partitions ready ahead of today. */
    partitionsAheadDays: env.int('COMMAND_LOG_PARTITIONS_AHEAD_DAYS', {
      default: 7,
      min: 2,
      max: 90,
    }),
  };
});

export type CommandLogsConfig = ReturnType<typeof commandLogsConfig>;
