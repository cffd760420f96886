import { BOT_STATUSES, type BotStatus } from '@botdeck/bot-config';
import { bounded, REDIS, UnitOfWork } from '@botdeck/core';
import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { leaseKey } from '../leases/bot-lease.service';

/** How long the lease check may take before the running bots read as `unknown`. */
const LEASE_READ_TIMEOUT_MS = 500;
/** Keys per MGET, so one huge fleet does not make one huge Redis command. */
const LEASE_CHUNK = 1_000;

/**
 * The fleet by status, as the read side tells it: stored statuses, with a running one counted
 * only while a worker holds the bot's lease (otherwise, or while Redis cannot be asked, it is
 * `unknown`), exactly as a single bot's status reads. Bots without a lifecycle row are stopped.
 */
@Injectable()
export class BotStatusCounts {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  async count(): Promise<Record<BotStatus, number>> {
    const counts = Object.fromEntries(BOT_STATUSES.map((status) => [status, 0])) as Record<
      BotStatus,
      number
    >;
    const rows = await this.uow.manager.query<
      Array<{ status: BotStatus; count: number; running_ids: string[] | null }>
    >(
      `SELECT coalesce(s.status, 'stopped') AS status, count(*)::int AS count,
              array_agg(b.id) FILTER (WHERE s.status IN ('starting', 'online', 'reconnecting'))
                AS running_ids
         FROM bots b LEFT JOIN bot_runtime_states s ON s.bot_id = b.id
        GROUP BY 1`,
    );
    const running: Array<{ id: string; status: BotStatus }> = [];
    for (const row of rows) {
      if (row.running_ids) {
        for (const id of row.running_ids) running.push({ id, status: row.status });
      } else {
        counts[row.status] = (counts[row.status] ?? 0) + Number(row.count);
      }
    }
    const held = await this.heldLeases(running.map((bot) => bot.id));
    running.forEach((bot, index) => {
      const status = held?.[index] ? bot.status : 'unknown';
      counts[status] += 1;
    });
    return counts;
  }

  /** Which of these bots a worker holds the lease of; null when Redis cannot say. */
  private async heldLeases(ids: string[]): Promise<boolean[] | null> {
    if (ids.length === 0) return [];
    try {
      const held: boolean[] = [];
      for (let start = 0; start < ids.length; start += LEASE_CHUNK) {
        const chunk = ids.slice(start, start + LEASE_CHUNK);
        const holders = await bounded(
          this.redis.mget(...chunk.map(leaseKey)),
          LEASE_READ_TIMEOUT_MS,
          'Reading bot leases',
        );
        held.push(...holders.map((holder) => holder !== null));
      }
      return held;
    } catch {
      return null;
    }
  }
}
