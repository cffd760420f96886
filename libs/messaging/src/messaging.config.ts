import { EnvReader } from '@botdeck/core';
import { registerAs } from '@nestjs/config';

export const messagingConfig = registerAs('messaging', () => {
  const env = new EnvReader();
  return {
    /** How often a worker looks for deliveries due for the bots it runs (events are nudges). */
    pollIntervalMs: env.int('MESSAGING_POLL_INTERVAL_MS', { default: 1_000, min: 50 }),
    /** How often a worker releases overdue scheduled sends and fails deliveries nobody can send. */
    sweepIntervalMs: env.int('MESSAGING_SWEEP_INTERVAL_MS', { default: 5_000, min: 100 }),
    /** How long deliveries wait for a bot that no worker runs before they fail. */
    botWaitMs: env.int('MESSAGING_BOT_WAIT_MS', { default: 60_000, min: 1_000 }),
    /** Attempts per delivery on 5xx or network errors before it fails with MESSAGE_SEND_FAILED. */
    maxAttempts: env.int('MESSAGING_MAX_ATTEMPTS', { default: 5, min: 1, max: 20 }),
    /**
     * How long a bot taken over from another worker waits before sending: that worker's
     * buckets (5 per 5 s per channel) are unknown to the new client, so it lets them reset.
     */
    takeoverPauseMs: env.int('MESSAGING_TAKEOVER_PAUSE_MS', { default: 5_000, min: 0 }),
    /**
     * Messages one bot sends per second at most, spread evenly. Discord allows a bot 50
     * requests a second in all; the rest is left to what else the bot does (stock displays,
     * commands), and an even pace keeps clear of that limit where bursts at exactly 50 a
     * second meet it whenever a request is held up on the way.
     */
    sendsPerSecond: env.int('MESSAGING_SENDS_PER_SECOND', { default: 40, min: 1, max: 50 }),
    /** The first retry's delay; it doubles per attempt, up to 60 s. */
    retryBackoffMs: env.int('MESSAGING_RETRY_BACKOFF_MS', { default: 1_000, min: 10 }),
  };
});

export type MessagingConfig = ReturnType<typeof messagingConfig>;
