import { REDIS } from '@botdeck/core';
import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';

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
}

/** Ids of workers that have registered; an id whose key has expired is a dead worker. */
export const WORKER_INDEX_KEY = 'workers';

export function workerKey(id: string): string {
  return `workers:${id}`;
}

/**
 * Worker heartbeats in Redis: each live worker owns `workers:<id>` with a TTL it keeps
 * refreshing, so a worker that dies without saying goodbye disappears when the TTL runs out.
 * An index set lets readers find them without SCANning the keyspace.
 */
@Injectable()
export class WorkerRegistry {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async beat(info: WorkerInfo, ttlMs: number): Promise<void> {
    const stored: StoredWorker = { ...info, ttlMs };
    await this.redis
      .multi()
      .set(workerKey(info.id), JSON.stringify(stored), 'PX', ttlMs)
      .sadd(WORKER_INDEX_KEY, info.id)
      .exec();
  }

  async remove(id: string): Promise<void> {
    await this.redis.multi().del(workerKey(id)).srem(WORKER_INDEX_KEY, id).exec();
  }

  async list(): Promise<LiveWorker[]> {
    const ids = await this.redis.smembers(WORKER_INDEX_KEY);
    if (ids.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const id of ids) pipeline.get(workerKey(id)).pttl(workerKey(id));
    const replies = (await pipeline.exec()) ?? [];
    const live: LiveWorker[] = [];
    const dead: string[] = [];
    ids.forEach((id, index) => {
      const [, raw] = replies[index * 2] ?? [];
      const [, pttl] = replies[index * 2 + 1] ?? [];
      const stored = parse(raw);
      if (!stored || typeof pttl !== 'number' || pttl < 0) {
        dead.push(id);
        return;
      }
      const { ttlMs, ...info } = stored;
      live.push({ ...info, lastBeatAgeMs: Math.max(0, ttlMs - pttl) });
    });
    if (dead.length > 0) await this.redis.srem(WORKER_INDEX_KEY, ...dead);
    return live.sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.id.localeCompare(b.id));
  }
}

function parse(raw: unknown): StoredWorker | null {
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
