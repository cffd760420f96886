import type { BotRuntimeView } from '@botdeck/bot-config';
import { bounded, REDIS } from '@botdeck/core';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import { leaseKey } from '../leases/bot-lease.service';

/** How long a read waits for Redis before saying it cannot tell. */
const LEASE_READ_TIMEOUT_MS = 500;

/** Statuses that claim a worker runs the bot, so its lease must back them. */
const RUNNING = new Set(['starting', 'online', 'reconnecting']);

/**
 * The read side's check that a status is still true: a bot said to run is only shown so while
 * a worker holds its lease. A lapsed lease (the worker died or lost Redis) reads as `unknown`,
 * and so does every running status while Redis cannot be asked: never a stale `online`.
 */
@Injectable()
export class LeaseView {
  private readonly logger = new Logger(LeaseView.name);
  private redisDown = false;

  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async vouch(
    views: Map<string, BotRuntimeView>,
    workers: Map<string, { workerId: string | null }>,
  ): Promise<Map<string, BotRuntimeView>> {
    const ids = [...views].filter(([, view]) => RUNNING.has(view.status)).map(([id]) => id);
    if (ids.length === 0) return views;
    let holders: (string | null)[];
    try {
      holders = await bounded(
        this.redis.mget(...ids.map(leaseKey)),
        LEASE_READ_TIMEOUT_MS,
        'Reading bot leases',
      );
      if (this.redisDown) this.logger.log('Bot leases readable again');
      this.redisDown = false;
    } catch (error) {
      // Once per outage, not per request.
      if (!this.redisDown) this.logger.warn({ err: error }, 'Cannot read bot leases');
      this.redisDown = true;
      for (const id of ids) {
        views.set(id, unknown(views.get(id)!, 'Redis unreachable: no worker can vouch for it'));
      }
      return views;
    }
    ids.forEach((id, index) => {
      if (holders[index] !== null) return;
      const worker = workers.get(id)?.workerId ?? 'unknown';
      views.set(id, unknown(views.get(id)!, `lease lapsed: worker ${worker} not heard from`));
    });
    return views;
  }
}

function unknown(view: BotRuntimeView, reason: string): BotRuntimeView {
  return { ...view, status: 'unknown', statusReason: `${reason} (last reported ${view.status})` };
}
