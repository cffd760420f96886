import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { EventBus } from '@botdeck/core';
import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  Optional,
} from '@nestjs/common';
import { withTimeout } from '../health/with-timeout';
import { ProcessSampler } from '../metrics/process-sampler';
import { monitoringConfig, MonitoringConfig } from '../monitoring.config';
import { WorkerInfo, WorkerRegistry } from './worker-registry';
import {
  RateOverMinute,
  WORKER_COMMAND_SOURCE,
  WORKER_FLEET_SOURCE,
  type RunningBotFigures,
  type WorkerCommandSource,
  type WorkerFleetSource,
  type WorkerStats,
} from './worker-stats';

/**
 * Keeps this worker listed among live workers, with its figures: registers on start (and says
 * so on the bus), refreshes the entry before its TTL runs out, and removes it on graceful
 * shutdown (before the Redis client closes, hence `beforeApplicationShutdown`).
 */
@Injectable()
export class WorkerHeartbeatService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WorkerHeartbeatService.name);
  readonly info: WorkerInfo;
  private readonly commandRate = new RateOverMinute();
  private timer: NodeJS.Timeout | null = null;
  private beating: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly registry: WorkerRegistry,
    @Inject(monitoringConfig.KEY) private readonly config: MonitoringConfig,
    private readonly events: EventBus,
    private readonly process: ProcessSampler,
    @Optional() @Inject(WORKER_FLEET_SOURCE) private readonly fleet?: WorkerFleetSource,
    @Optional() @Inject(WORKER_COMMAND_SOURCE) private readonly commands?: WorkerCommandSource,
  ) {
    const host = hostname();
    this.info = {
      id: `${host}-${globalThis.process.pid}-${randomBytes(3).toString('hex')}`,
      host,
      pid: globalThis.process.pid,
      startedAt: new Date().toISOString(),
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.beat();
    this.schedule();
    this.logger.log(`Worker ${this.info.id} registered`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.beating;
    try {
      const removed = await withTimeout(this.registry.remove(this.info.id), 1_000, 'Redis');
      if (removed) await this.announce('left', 'stopped');
      this.logger.log(`Worker ${this.info.id} deregistered`);
    } catch (error) {
      // The entry then expires on its own within the TTL, and an API instance announces it.
      this.logger.warn({ err: error }, `Could not deregister worker ${this.info.id}`);
    }
  }

  /** The figures the next heartbeat carries. */
  stats(): { stats: WorkerStats; bots: RunningBotFigures[] } {
    const own = this.process.sample();
    const fleet = this.fleet?.sample();
    const botsByStatus: Record<string, number> = {};
    for (const [status, count] of Object.entries(fleet?.botsByStatus ?? {})) {
      if (count) botsByStatus[status] = count;
    }
    return {
      stats: {
        uptimeSeconds: own.uptimeSeconds,
        rssBytes: own.rssBytes,
        heapUsedBytes: own.heapUsedBytes,
        cpuPercent: own.cpuPercent,
        botsByStatus,
        gatewayPingMs: fleet?.gatewayPingMs ?? { avg: null, max: null },
        commandsPerMinute: this.commandRate.add(this.commands?.finished ?? 0),
        discord: fleet?.discord ?? {
          requests: 0,
          rateLimited: 0,
          rateLimitWaits: 0,
          gatewayReconnects: 0,
        },
      },
      bots: fleet?.bots ?? [],
    };
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.beat().then(() => this.schedule());
    }, this.config.heartbeatIntervalMs);
  }

  private beat(): Promise<void> {
    const { stats, bots } = this.stats();
    this.beating = withTimeout(
      this.registry.beat(this.info, this.config.heartbeatTtlMs, stats, bots),
      Math.min(this.config.heartbeatIntervalMs, 2_000),
      'Redis',
    )
      .then(async ({ joined }) => {
        if (joined) await this.announce('joined', null);
        await this.touchAliveFile();
      })
      .catch((error: unknown) => {
        this.logger.warn({ err: error }, 'Worker heartbeat failed; retrying at the next beat');
      });
    return this.beating;
  }

  private async announce(change: 'joined' | 'left', reason: 'stopped' | null): Promise<void> {
    await this.events.publish('monitoring.worker', { change, worker: this.info, reason });
  }

  private async touchAliveFile(): Promise<void> {
    if (this.config.aliveFile) await writeFile(this.config.aliveFile, `${this.info.id}\n`);
  }
}
