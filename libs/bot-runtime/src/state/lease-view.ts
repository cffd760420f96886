import type { BotRuntimeView, BotStatus } from '@botdeck/bot-config';
import { bounded, noteKeyEvidence, noteUncacheable, REDIS } from '@botdeck/core';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import { leaseKey } from '../leases/bot-lease.service';
import type { BotShardStateEntity } from '../shards/bot-shard-state.entity';
import { unitKey } from '../shards/run-unit';

/** One shard as readers see it. */
export interface ShardView {
  shardId: number;
  status: BotStatus;
  statusReason: string | null;
  statusChangedAt: Date;
  workerId: string | null;
  pingMs: number | null;
  guilds: number | null;
}

/** A bot's shards (one for an unsharded bot), each vouched for by its lease. */
export interface BotShardsView {
  shardCount: number;
  shards: ShardView[];
}

/** What the check needs of a bot's lifecycle row. */
interface LeaseHints {
  workerId: string | null;
  shardCount?: number | null;
}

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

  /**
   * A sharded bot is vouched for by its shards' leases: `online` or `reconnecting` needs every
   * shard held, `starting` at least one (the others may not be claimed yet).
   */
  async vouch(
    views: Map<string, BotRuntimeView>,
    hints: Map<string, LeaseHints>,
  ): Promise<Map<string, BotRuntimeView>> {
    const ids = [...views].filter(([, view]) => RUNNING.has(view.status)).map(([id]) => id);
    if (ids.length === 0) return views;
    const keysOf = (id: string) => {
      const count = hints.get(id)?.shardCount ?? 1;
      if (count <= 1) return [id];
      return Array.from({ length: count }, (_, shardId) => unitKey(id, shardId));
    };
    const keys = ids.map(keysOf);
    const holders = await this.holders(keys.flat());
    if (holders === null) {
      noteUncacheable();
      for (const id of ids) {
        views.set(id, unknown(views.get(id)!, 'Redis unreachable: no worker can vouch for it'));
      }
      return views;
    }
    noteKeyEvidence({
      keys: keys.flat().map(leaseKey),
      present: holders.map((holder) => holder !== null),
    });
    let offset = 0;
    for (const [index, id] of ids.entries()) {
      const held = holders.slice(offset, offset + keys[index].length);
      offset += keys[index].length;
      const view = views.get(id)!;
      const lapsed =
        view.status === 'starting' && held.length > 1
          ? held.every((holder) => holder === null)
          : held.some((holder) => holder === null);
      if (!lapsed) continue;
      const worker = hints.get(id)?.workerId ?? 'unknown';
      views.set(id, unknown(view, `lease lapsed: worker ${worker} not heard from`));
    }
    return views;
  }

  /** Each shard of a bot's layout (stored rows, missing ones stopped), checked like bots are. */
  async vouchShards(
    botId: string,
    count: number,
    state: (LeaseHints & Omit<BotRuntimeView, 'desiredState'>) | null,
    rows: readonly BotShardStateEntity[],
  ): Promise<BotShardsView> {
    if (count <= 1) {
      const view: BotRuntimeView = {
        desiredState: 'stopped',
        status: state?.status ?? 'stopped',
        statusReason: state?.statusReason ?? null,
        statusChangedAt: state?.statusChangedAt ?? new Date(0),
      };
      const vouched = (
        await this.vouch(new Map([[botId, view]]), new Map([[botId, { workerId: null, ...state }]]))
      ).get(botId)!;
      const running = RUNNING.has(vouched.status);
      return {
        shardCount: 1,
        shards: [
          {
            shardId: 0,
            status: vouched.status,
            statusReason: vouched.statusReason,
            statusChangedAt: vouched.statusChangedAt,
            workerId: running ? (state?.workerId ?? null) : null,
            pingMs: null,
            guilds: null,
          },
        ],
      };
    }
    const byId = new Map(rows.map((row) => [row.shardId, row]));
    const shards = Array.from(
      { length: count },
      (_, shardId): ShardView =>
        byId.get(shardId) ?? {
          shardId,
          status: 'stopped',
          statusReason: null,
          statusChangedAt: new Date(0),
          workerId: null,
          pingMs: null,
          guilds: null,
        },
    ).map((row) => ({
      shardId: row.shardId,
      status: row.status,
      statusReason: row.statusReason,
      statusChangedAt: row.statusChangedAt,
      workerId: row.workerId,
      pingMs: row.pingMs,
      guilds: row.guilds,
    }));
    const running = shards.filter((shard) => RUNNING.has(shard.status));
    if (running.length === 0) return { shardCount: count, shards };
    const holders = await this.holders(running.map((shard) => unitKey(botId, shard.shardId)));
    running.forEach((shard, index) => {
      const holder = holders?.[index];
      if (holder === shard.workerId) return;
      // A shard taken over is vouched for once its new worker has reported it.
      const reason =
        holders === null
          ? 'Redis unreachable: no worker can vouch for it'
          : holder === null
            ? `lease lapsed: worker ${shard.workerId ?? 'unknown'} not heard from`
            : `taken over by worker ${holder}, not reported yet`;
      Object.assign(shard, unknown(shard, reason));
    });
    return { shardCount: count, shards };
  }

  /** Lease holders in key order, or null when Redis cannot be asked (logged once per outage). */
  private async holders(keys: readonly string[]): Promise<(string | null)[] | null> {
    try {
      const holders = await bounded(
        this.redis.mget(...keys.map(leaseKey)),
        LEASE_READ_TIMEOUT_MS,
        'Reading bot leases',
      );
      if (this.redisDown) this.logger.log('Bot leases readable again');
      this.redisDown = false;
      return holders;
    } catch (error) {
      // Once per outage, not per request.
      if (!this.redisDown) this.logger.warn({ err: error }, 'Cannot read bot leases');
      this.redisDown = true;
      return null;
    }
  }
}

function unknown<T extends { status: BotStatus; statusReason: string | null }>(
  view: T,
  reason: string,
): T {
  return { ...view, status: 'unknown', statusReason: `${reason} (last reported ${view.status})` };
}
