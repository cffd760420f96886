import { EnvReader } from '@botdeck/core';
import { registerAs } from '@nestjs/config';

export const stockDisplayConfig = registerAs('stockDisplay', () => {
  const env = new EnvReader();
  return {
    /** Changes arriving within this long of the first are folded into one render. */
    coalesceMs: env.int('STOCK_DISPLAY_COALESCE_MS', { default: 300, min: 0, max: 10_000 }),
    /**
     * Discord's channel message bucket, per bot token and channel: every post, edit and delete
     * of every display of that bot in that channel shares it.
     */
    bucketLimit: env.int('STOCK_DISPLAY_BUCKET_LIMIT', { default: 5, min: 1, max: 50 }),
    bucketWindowMs: env.int('STOCK_DISPLAY_BUCKET_WINDOW_MS', {
      default: 5_000,
      min: 100,
      max: 60_000,
    }),
    /** How often each owned display is re-rendered from the database (skipped if unchanged). */
    recheckMs: env.int('STOCK_DISPLAY_RECHECK_MS', { default: 30_000, min: 200, max: 3_600_000 }),
    /** Recent channel messages searched for a display's own message before posting anew. */
    recoveryScanLimit: env.int('STOCK_DISPLAY_RECOVERY_SCAN', { default: 50, min: 1, max: 100 }),
  };
});

export type StockDisplayConfig = ReturnType<typeof stockDisplayConfig>;
