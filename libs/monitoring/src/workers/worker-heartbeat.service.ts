import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { withTimeout } from '../health/with-timeout';
import { monitoringConfig, MonitoringConfig } from '../monitoring.config';
import { WorkerInfo, WorkerRegistry } from './worker-registry';

/**
 * Keeps this worker listed in the health report: registers on start, refreshes the entry
 * before its TTL runs out, and removes it on graceful shutdown (before the Redis client
 * closes, hence `beforeApplicationShutdown`).
 */
@Injectable()
export class WorkerHeartbeatService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WorkerHeartbeatService.name);
  readonly info: WorkerInfo;
  private timer: NodeJS.Timeout | null = null;
  private beating: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly registry: WorkerRegistry,
    @Inject(monitoringConfig.KEY) private readonly config: MonitoringConfig,
  ) {
    const host = hostname();
    this.info = {
      id: `${host}-${process.pid}-${randomBytes(3).toString('hex')}`,
      host,
      pid: process.pid,
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
      await withTimeout(this.registry.remove(this.info.id), 1_000, 'Redis');
      this.logger.log(`Worker ${this.info.id} deregistered`);
    } catch (error) {
      // The entry then expires on its own within the TTL.
      this.logger.warn({ err: error }, `Could not deregister worker ${this.info.id}`);
    }
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.beat().then(() => this.schedule());
    }, this.config.heartbeatIntervalMs);
  }

  private beat(): Promise<void> {
    this.beating = withTimeout(
      this.registry.beat(this.info, this.config.heartbeatTtlMs),
      Math.min(this.config.heartbeatIntervalMs, 2_000),
      'Redis',
    )
      .then(() => this.touchAliveFile())
      .catch((error: unknown) => {
        this.logger.warn({ err: error }, 'Worker heartbeat failed; retrying at the next beat');
      });
    return this.beating;
  }

  private async touchAliveFile(): Promise<void> {
    if (this.config.aliveFile) await writeFile(this.config.aliveFile, `${this.info.id}\n`);
  }
}
