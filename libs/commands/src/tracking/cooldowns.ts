import { REDIS } from '@botdeck/core';
import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';

// Take the slot if free, else say how long it stays taken: one atomic round trip either way.
const TAKE = `
if redis.call('SET', KEYS[1], '1', 'PX', ARGV[1], 'NX') then return 0 end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 1 then return 1 end
return ttl`;

/** Whole seconds to announce for a remaining cooldown: rounded up, never "0 s". */
export function retryAfterSeconds(remainingMs: number): number {
  return Math.max(1, Math.ceil(remainingMs / 1000));
}

export function cooldownMessage(remainingMs: number): string {
  return `You're doing that too fast. Try again in ${retryAfterSeconds(remainingMs)} s.`;
}

/** The cooldown in force: the configured override, else the one declared on the handler. */
export function effectiveCooldown(
  command: string,
  declaredMs: number,
  overrides: Readonly<Record<string, number>>,
): number {
  return overrides[command] ?? declaredMs;
}

export function cooldownKey(botId: string, command: string, userId: string): string {
  return `commands:cooldown:${botId}:${command}:${userId}`;
}

/**
 * Per-user, per-command cooldowns for each bot, in Redis so they hold across workers (a bot
 * can move to another worker mid-spam). The first use in a window takes the slot; later uses
 * learn how long it stays taken.
 */
@Injectable()
export class Cooldowns {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  /** 0 when the user may run the command now (and starts the window), else ms to wait. */
  async take(botId: string, command: string, userId: string, cooldownMs: number): Promise<number> {
    if (cooldownMs <= 0) return 0;
    const result = await this.redis.eval(TAKE, 1, cooldownKey(botId, command, userId), cooldownMs);
    return Number(result);
  }
}
