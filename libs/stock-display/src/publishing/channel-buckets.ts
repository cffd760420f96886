import { Inject, Injectable } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { stockDisplayConfig, type StockDisplayConfig } from '../stock-display.config';

/**
 * Slack added to each window: the bucket on Discord's side starts from its own clock and
 * our request's arrival, so a slot is reused a little after a full window here.
 */
const WINDOW_SLACK_MS = 250;

/**
 * Discord's per-channel message bucket, kept on our side so it is never hit: at most
 * `limit` posts, edits and deletes per `window` for one bot token in one channel (Discord
 * keys buckets by token, so two bots sharing a channel have a bucket each). Everything one
 * worker sends into a channel through a bot — every display there, restock alerts — takes a
 * slot first. discord.js would also queue on 429s, but a 429 is a failure to plan, not a plan.
 */
@Injectable()
export class ChannelBuckets {
  /** Send times within the current window, oldest first, per `bot:channel`. */
  private readonly sent = new Map<string, number[]>();

  constructor(@Inject(stockDisplayConfig.KEY) private readonly config: StockDisplayConfig) {}

  /** The shortest spacing that spends a bucket evenly over its window. */
  get pacingMs(): number {
    return Math.ceil(this.config.bucketWindowMs / this.config.bucketLimit);
  }

  /** Waits for a slot in the bot's bucket for the channel, and takes it. */
  async take(botId: string, channelId: string): Promise<void> {
    while (!this.tryTake(`${botId}:${channelId}`, true)) await this.untilFree(botId, channelId);
  }

  /**
   * Waits until the bucket has a free slot without taking it: a caller that renders first and
   * sends after shows what is current when the slot comes, not what was when it began waiting.
   */
  async untilFree(botId: string, channelId: string): Promise<void> {
    const key = `${botId}:${channelId}`;
    while (!this.tryTake(key, false)) {
      const oldest = this.sent.get(key)![0];
      await sleep(oldest + this.windowMs - Date.now() + 1);
    }
  }

  private get windowMs(): number {
    return this.config.bucketWindowMs + WINDOW_SLACK_MS;
  }

  /** Whether a slot is free now (dropping the expired ones), taking it when asked. */
  private tryTake(key: string, take: boolean): boolean {
    const now = Date.now();
    const times = (this.sent.get(key) ?? []).filter((at) => at > now - this.windowMs);
    const free = times.length < this.config.bucketLimit;
    if (free && take) times.push(now);
    this.sent.set(key, times);
    return free;
  }

  /** Forgets a bot's buckets once this worker no longer runs it. */
  forgetBot(botId: string): void {
    for (const key of this.sent.keys()) if (key.startsWith(`${botId}:`)) this.sent.delete(key);
  }
}
