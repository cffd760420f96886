import { REDIS } from '@botdeck/core';
import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import type { RunningBotFigures, WorkerStats } from './worker-stats';

/** What a worker says about itself when it registers. */
export interface WorkerInfo {
  id: string;
  host: string;
  pid: number;
  /** ISO-8601. */
  startedAt: string;
}

export interface LiveWorker extends WorkerInfo {
  /** Milliseconds since the worker's last heartbeat, measured on Redis's clock. */
  lastBeatAgeMs: number;
}

interface StoredWorker extends WorkerInfo {
  ttlMs: number;
  stats?: WorkerStats;
}

/** One bot as the worker running it last described it (kept as long as that heartbeat). */
export interface BotLiveFigures extends RunningBotFigures {
  workerId: string;
  /** ISO-8601 time of the heartbeat that wrote it. */
  at: string;
}

/**
 * Registered workers: id → their `WorkerInfo`, kept after the heartbeat key expires so that
 * whoever notices the expiry can say which worker left.
 */
export const WORKER_INDEX_KEY = 'worker-index';

export function workerKey(id: string): string {
  return `workers:${id}`;
}

export function botLiveKey(botId: string): string {
  return `bot-live:${botId}`;
}

/**
 * Removes the index entries whose heartbeat key is gone and answers their infos. Atomic, so
 * across API instances each expired worker is reaped (and announced) exactly once, and a worker
 * beating at that moment is never mistaken for a dead one.
 */
const REAP_SCRIPT = `
local gone = {}
local entries = redis.call('HGETALL', KEYS[1])
for i = 1, #entries, 2 do
  if redis.call('EXISTS', KEYS[2] .. entries[i]) == 0 then
    redis.call('HDEL', KEYS[1], entries[i])
    table.insert(gone, entries[i + 1])
  end
end
return gone`;

/**
 * Worker heartbeats in Redis: each live worker owns `workers:<id>` with a TTL it keeps
 * refreshing (its figures inside), so a worker that dies without saying goodbye disappears when
 * the TTL runs out. The index hash lets readers find them without SCANning the keyspace.
 */
@Injectable()
export class WorkerRegistry {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  /**
   * Refreshes the worker's entry (and its bots' live figures, with the same TTL). Answers
   * whether the worker was not registered before: its first beat, or its first since it was
   * reaped as expired.
   */
  async beat(
    info: WorkerInfo,
    ttlMs: number,
    stats?: WorkerStats,
    bots: readonly RunningBotFigures[] = [],
  ): Promise<{ joined: boolean }> {
    const stored: StoredWorker = { ...info, ttlMs, ...(stats ? { stats } : {}) };
    const at = new Date().toISOString();
    const multi = this.redis
      .multi()
      .set(workerKey(info.id), JSON.stringify(stored), 'PX', ttlMs)
      .hset(WORKER_INDEX_KEY, info.id, JSON.stringify(info));
    for (const bot of bots) {
      const live: BotLiveFigures = { ...bot, workerId: info.id, at };
      multi.set(botLiveKey(bot.id), JSON.stringify(live), 'PX', ttlMs);
    }
    const replies = (await multi.exec()) ?? [];
    const [error, added] = replies[1] ?? [];
    if (error) throw error;
    return { joined: added === 1 };
  }

  /** Deregisters the worker; true when this call removed it (it was still listed). */
  async remove(id: string): Promise<boolean> {
    const replies = (await this.redis
      .multi()
      .del(workerKey(id))
      .hdel(WORKER_INDEX_KEY, id)
      .exec()) ?? [[null, 0]];
    return replies[1]?.[1] === 1;
  }

  /** Workers whose heartbeat expired, removed from the index by this very call. */
  async reapExpired(): Promise<WorkerInfo[]> {
    const gone = (await this.redis.eval(REAP_SCRIPT, 2, WORKER_INDEX_KEY, workerKey(''))) as
      string[] | null;
    return (gone ?? []).map((raw) => parseInfo(raw)).filter((info) => info !== null);
  }

  async list(): Promise<LiveWorker[]> {
    return (await this.listWithStats()).map(({ worker }) => worker);
  }

  /** Live workers with the figures of their last heartbeat (null from a worker that sent none). */
  async listWithStats(): Promise<Array<{ worker: LiveWorker; stats: WorkerStats | null }>> {
    const ids = await this.redis.hkeys(WORKER_INDEX_KEY);
    if (ids.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const id of ids) pipeline.get(workerKey(id)).pttl(workerKey(id));
    const replies = (await pipeline.exec()) ?? [];
    const live: Array<{ worker: LiveWorker; stats: WorkerStats | null }> = [];
    ids.forEach((_, index) => {
      const [, raw] = replies[index * 2] ?? [];
      const [, pttl] = replies[index * 2 + 1] ?? [];
      const stored = parseStored(raw);
      // Expired ones are left to the reaper, which announces them.
      if (!stored || typeof pttl !== 'number' || pttl < 0) return;
      const { ttlMs, stats, ...info } = stored;
      live.push({
        worker: { ...info, lastBeatAgeMs: Math.max(0, ttlMs - pttl) },
        stats: stats ?? null,
      });
    });
    return live.sort(
      (a, b) =>
        a.worker.startedAt.localeCompare(b.worker.startedAt) ||
        a.worker.id.localeCompare(b.worker.id),
    );
  }

  /** The bot's figures from the last heartbeat of the worker running it, if any is recent. */
  async botLive(botId: string): Promise<BotLiveFigures | null> {
    const raw = await this.redis.get(botLiveKey(botId));
    if (raw === null) return null;
    try {
      return JSON.parse(raw) as BotLiveFigures;
    } catch {
      return null;
    }
  }
}

function parseStored(raw: unknown): StoredWorker | null {
  if (typeof raw !== 'string') return null;
  try {
    const value = JSON.parse(raw) as Partial<StoredWorker>;
    return typeof value.id === 'string' && typeof value.ttlMs === 'number'
      ? (value as StoredWorker)
      : null;
  } catch {
    return null;
  }
}

function parseInfo(raw: string): WorkerInfo | null {
  try {
    const value = JSON.parse(raw) as Partial<WorkerInfo>;
    return typeof value.id === 'string' ? (value as WorkerInfo) : null;
  } catch {
    return null;
  }
}
