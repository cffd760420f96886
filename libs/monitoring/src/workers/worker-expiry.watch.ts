import { EventBus } from '@botdeck/core';
import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { monitoringConfig, type MonitoringConfig } from '../monitoring.config';
import { WorkerRegistry } from './worker-registry';

/**
 * The API side notices workers that died without saying goodbye: every heartbeat interval it
 * reaps the registrations whose heartbeat expired and announces each as `left` (`expired`).
 * Reaping is atomic in Redis, so with any number of API instances each is announced once.
 */
@Injectable()
export class WorkerExpiryWatch implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WorkerExpiryWatch.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();
  private failing = false;

  constructor(
    private readonly registry: WorkerRegistry,
    private readonly events: EventBus,
    @Inject(monitoringConfig.KEY) private readonly config: MonitoringConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running = this.running.then(() => this.sweep());
    }, this.config.heartbeatIntervalMs);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  async sweep(): Promise<void> {
    try {
      for (const worker of await this.registry.reapExpired()) {
        this.logger.warn(`Worker ${worker.id} stopped beating; its heartbeat expired`);
        await this.events.publish('monitoring.worker', {
          change: 'left',
          worker,
          reason: 'expired',
        });
      }
      this.failing = false;
    } catch (error) {
      if (!this.failing) this.logger.warn({ err: error }, 'Could not look for expired workers');
      this.failing = true;
    }
  }
}
