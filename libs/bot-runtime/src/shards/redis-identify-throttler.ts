import type { WebSocketOptions } from 'discord.js';
import type Redis from 'ioredis';
import { setTimeout as sleep } from 'node:timers/promises';
import { IDENTIFY_WINDOW_MS } from '../fleet/login-gate';

/**
 * Slack on top of Discord's 5 s, so an IDENTIFY that left right after the window opened does
 * not arrive before it closed for the previous group (network and event-loop jitter).
 */
const WINDOW_SLACK_MS = 100;

/** How long to wait before asking Redis again when it cannot be reached. */
const REDIS_RETRY_MS = 1_000;

/** What discord.js asks of an identify throttler (its type lives in @discordjs/ws). */
type IdentifyThrottler = Awaited<
  ReturnType<NonNullable<WebSocketOptions['buildIdentifyThrottler']>>
>;

/** `identify:<botId>:<bucket>`: held for one window by whichever shard of the bucket identified. */
export function identifyKey(botId: string, bucket: number): string {
  return `identify:${botId}:${bucket}`;
}

/**
 * Paces a bot's IDENTIFYs across every worker that runs one of its shards: Discord allows one
 * IDENTIFY per `shard_id % max_concurrency` bucket per 5 s. Before identifying, a shard claims
 * its bucket's key with `SET NX PX`; while another shard (in this process or another) holds it,
 * the shard waits out the key's remaining time and tries again. Replaces discord.js's own
 * in-process throttler, so nothing waits twice.
 */
export class RedisIdentifyThrottler implements IdentifyThrottler {
  constructor(
    private readonly redis: Redis,
    private readonly botId: string,
    private readonly maxConcurrency: number,
    private readonly holder: string,
    private readonly windowMs = IDENTIFY_WINDOW_MS + WINDOW_SLACK_MS,
  ) {}

  async waitForIdentify(shardId: number, signal: AbortSignal): Promise<void> {
    const key = identifyKey(this.botId, shardId % Math.max(1, this.maxConcurrency));
    while (!signal.aborted) {
      let wait: number;
      try {
        const taken = await this.redis.set(
          key,
          `${this.holder}:${shardId}`,
          'PX',
          this.windowMs,
          'NX',
        );
        if (taken === 'OK') return;
        const left = await this.redis.pttl(key);
        // A few ms of spread so shards of one bucket do not all ask in the same instant.
        wait = Math.max(left, 10) + Math.random() * 20;
      } catch {
        wait = REDIS_RETRY_MS;
      }
      await sleep(wait, undefined, { signal }).catch(() => undefined);
    }
    throw signal.reason instanceof Error ? signal.reason : new Error('identify wait aborted');
  }

  /**
   * The shard is sending its IDENTIFY now: the window starts again from this moment, so a
   * process that stalled between taking the key and sending (a busy event loop) cannot let
   * the next group in early. Best effort: the claim already holds the window.
   */
  identifying(shardId: number): void {
    const key = identifyKey(this.botId, shardId % Math.max(1, this.maxConcurrency));
    this.redis.set(key, `${this.holder}:${shardId}`, 'PX', this.windowMs).catch(() => undefined);
  }
}
