import { ConfigError, EnvReader } from '@botdeck/core';
import { registerAs } from '@nestjs/config';

/** How a worker runs its share of the fleet. Read by worker processes only. */
export const botRuntimeConfig = registerAs('botRuntime', () => {
  const env = new EnvReader();
  const leaseTtlMs = env.int('BOT_LEASE_TTL_MS', { default: 15_000, min: 1_000 });
  const leaseRenewMs = env.int('BOT_LEASE_RENEW_MS', {
    default: Math.floor(leaseTtlMs / 3),
    min: 100,
  });
  if (leaseRenewMs >= leaseTtlMs) {
    throw new ConfigError('BOT_LEASE_RENEW_MS', `must be below BOT_LEASE_TTL_MS (${leaseTtlMs})`);
  }
  const backoffBaseMs = env.int('BOT_START_BACKOFF_MS', { default: 1_000, min: 10 });
  return {
    leaseTtlMs,
    leaseRenewMs,
    reconcileIntervalMs: env.int('BOT_RECONCILE_INTERVAL_MS', { default: 2_000, min: 100 }),
    maxBotsPerWorker: env.int('BOT_MAX_PER_WORKER', { default: 200, min: 1 }),
    /** Bots claimed per reconcile pass, so several workers share a fleet instead of one grabbing it. */
    claimBatchSize: env.int('BOT_CLAIM_BATCH', { default: 10, min: 1 }),
    /** Bots logging in at the same time in this worker (identify pacing per bot is discord.js's). */
    loginConcurrency: env.int('BOT_LOGIN_CONCURRENCY', { default: 5, min: 1 }),
    startMaxAttempts: env.int('BOT_START_MAX_ATTEMPTS', { default: 5, min: 1 }),
    backoffBaseMs,
    backoffMaxMs: env.int('BOT_START_BACKOFF_MAX_MS', { default: 30_000, min: backoffBaseMs }),
    /** A bot still `reconnecting` after this long is logged out and handed back for a claim. */
    reconnectGiveUpMs: env.int('BOT_RECONNECT_GIVE_UP_MS', { default: 120_000, min: 1_000 }),
    /** A bot that gave up (not for a bad token) is tried again after this, doubling each time. */
    errorRetryMs: env.int('BOT_ERROR_RETRY_MS', { default: 60_000, min: 100 }),
    errorRetryMaxMs: env.int('BOT_ERROR_RETRY_MAX_MS', { default: 1_800_000, min: 100 }),
    /** Login until `clientReady` (guilds received) must finish within this. */
    readyTimeoutMs: env.int('BOT_READY_TIMEOUT_MS', { default: 30_000, min: 1_000 }),
  };
});

export type BotRuntimeConfig = ReturnType<typeof botRuntimeConfig>;
