import { BotStatusCounts } from '@botdeck/bot-runtime';
import { CommandActivity } from '@botdeck/commands';
import { bounded, DependencyUnavailableError } from '@botdeck/core';
import { Injectable } from '@nestjs/common';
import { WorkerRegistry } from '../workers/worker-registry';
import type { WorkerDiscordTotals } from '../workers/worker-stats';
import type { MetricsSnapshot, WorkerMetrics } from './metrics-snapshot';
import { ProcessSampler } from './process-sampler';
import { QueueFigures } from './queue-figures';

/** Redis answers in milliseconds; this long means it is away, and the answer says so. */
const REDIS_READ_TIMEOUT_MS = 1_500;

/** Builds a fleet-wide metrics snapshot from this process, Redis and PostgreSQL. */
@Injectable()
export class MetricsService {
  constructor(
    private readonly process: ProcessSampler,
    private readonly workers: WorkerRegistry,
    private readonly statuses: BotStatusCounts,
    private readonly commands: CommandActivity,
    private readonly queues: QueueFigures,
  ) {}

  async snapshot(): Promise<MetricsSnapshot> {
    const fromRedis = <T>(work: Promise<T>) =>
      bounded(work, REDIS_READ_TIMEOUT_MS, 'Redis', () => new DependencyUnavailableError('redis'));
    const [workers, botsByStatus, commands, queues] = await Promise.all([
      fromRedis(this.workers.listWithStats()),
      this.statuses.count(),
      this.commands.recentWindows(),
      fromRedis(this.queues.read()),
    ]);
    const live = workers.map(({ worker, stats }): WorkerMetrics => ({
      ...worker,
      uptimeSeconds: stats?.uptimeSeconds ?? 0,
      rssBytes: stats?.rssBytes ?? 0,
      cpuPercent: stats?.cpuPercent ?? 0,
      botsByStatus: stats?.botsByStatus ?? {},
      gatewayPingMs: stats?.gatewayPingMs ?? { avg: null, max: null },
      commandsPerMinute: stats?.commandsPerMinute ?? 0,
      discord: stats?.discord ?? emptyTotals(),
    }));
    return {
      at: new Date().toISOString(),
      api: this.process.sample(),
      workers: live,
      fleet: { botsByStatus },
      commands,
      queues,
      discord: live.reduce((sum, worker) => addTotals(sum, worker.discord), emptyTotals()),
    };
  }
}

function emptyTotals(): WorkerDiscordTotals {
  return { requests: 0, rateLimited: 0, rateLimitWaits: 0, gatewayReconnects: 0 };
}

function addTotals(a: WorkerDiscordTotals, b: WorkerDiscordTotals): WorkerDiscordTotals {
  return {
    requests: a.requests + b.requests,
    rateLimited: a.rateLimited + b.rateLimited,
    rateLimitWaits: a.rateLimitWaits + b.rateLimitWaits,
    gatewayReconnects: a.gatewayReconnects + b.gatewayReconnects,
  };
}
