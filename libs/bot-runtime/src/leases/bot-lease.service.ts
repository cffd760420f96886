import { REDIS } from '@botdeck/core';
import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';

/** `lease:bot:<id>` holds the id of the worker running the bot, with a TTL it keeps renewing. */
export function leaseKey(botId: string): string {
  return `lease:bot:${botId}`;
}

/** Extends each lease still held by ARGV[1]; answers 1 (renewed) or 0 (lost) per key. */
export const RENEW_SCRIPT = `
local held = {}
for i, key in ipairs(KEYS) do
  if redis.call('GET', key) == ARGV[1] then
    redis.call('PEXPIRE', key, ARGV[2])
    held[i] = 1
  else
    held[i] = 0
  end
end
return held`;

/** Deletes each lease still held by ARGV[1], never another worker's; answers how many. */
export const RELEASE_SCRIPT = `
local released = 0
for _, key in ipairs(KEYS) do
  if redis.call('GET', key) == ARGV[1] then
    redis.call('DEL', key)
    released = released + 1
  end
end
return released`;

/**
 * Bot ownership across workers. A worker runs a bot only while it holds the bot's lease; a
 * worker that dies stops renewing, the key expires, and another worker claims the bot. Renewal
 * and release compare the holder first, so a worker can never extend or drop a lease that has
 * meanwhile passed to someone else.
 */
@Injectable()
export class BotLeaseService {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  /** Takes the lease if nobody holds it. */
  async acquire(botId: string, workerId: string, ttlMs: number): Promise<boolean> {
    return (await this.redis.set(leaseKey(botId), workerId, 'PX', ttlMs, 'NX')) === 'OK';
  }

  /** Renews many leases in one round trip; returns the ids this worker no longer holds. */
  async renew(botIds: readonly string[], workerId: string, ttlMs: number): Promise<string[]> {
    if (botIds.length === 0) return [];
    const held = (await this.redis.eval(
      RENEW_SCRIPT,
      botIds.length,
      ...botIds.map(leaseKey),
      workerId,
      ttlMs,
    )) as number[];
    return botIds.filter((_, index) => held[index] !== 1);
  }

  async release(botIds: readonly string[], workerId: string): Promise<number> {
    if (botIds.length === 0) return 0;
    return (await this.redis.eval(
      RELEASE_SCRIPT,
      botIds.length,
      ...botIds.map(leaseKey),
      workerId,
    )) as number;
  }

  /** The holder of each bot's lease (null = free), in the order given. */
  async holders(botIds: readonly string[]): Promise<(string | null)[]> {
    if (botIds.length === 0) return [];
    return this.redis.mget(...botIds.map(leaseKey));
  }
}
