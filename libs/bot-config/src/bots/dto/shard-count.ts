import { ValidateBy } from 'class-validator';

/** Discord's own ceiling is far above what one Botdeck fleet runs; this refuses typos. */
export const MAX_SHARDS = 1024;

/** A bot's shard setting on the wire: a fixed count, or `auto` (Discord's recommendation). */
export type ShardCountSetting = 'auto' | number;

export const SHARD_COUNT_SCHEMA = {
  oneOf: [
    { type: 'string', enum: ['auto'] },
    { type: 'integer', minimum: 1, maximum: MAX_SHARDS },
  ],
  description:
    'Gateway shards: a fixed count, or `auto` for what Discord recommends (`GET /gateway/bot`) at login',
  example: 'auto',
};

export function IsShardCount() {
  return ValidateBy({
    name: 'isShardCount',
    validator: {
      validate: (value: unknown) =>
        value === 'auto' ||
        (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_SHARDS),
      defaultMessage: () => `shardCount must be "auto" or an integer from 1 to ${MAX_SHARDS}`,
    },
  });
}

/** Column (null = auto) → wire, and back. */
export function shardSetting(column: number | null): ShardCountSetting {
  return column ?? 'auto';
}

export function shardColumn(setting: ShardCountSetting): number | null {
  return setting === 'auto' ? null : setting;
}
