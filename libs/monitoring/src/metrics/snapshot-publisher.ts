import { EventBus, REDIS } from '@botdeck/core';
import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import type Redis from 'ioredis';
import { metricsConfig, type MetricsConfig } from '../metrics.config';
import { MetricsService } from './metrics.service';

/**
 * Claims the current interval for this instance, on Redis's clock (so instances whose clocks
 * differ still agree on which interval it is): answers the interval's number when this call
 * claimed it, -1 when another instance already had.
 */
const CLAIM_SCRIPT = `
local now = redis.call('TIME')
local ms = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
local slot = math.floor(ms / tonumber(ARGV[1]))
if redis.call('SET', KEYS[1] .. slot, ARGV[2], 'NX', 'PX', tonumber(ARGV[1]) * 2) then
  return slot
end
return -1`;

export const SNAPSHOT_CLAIM_KEY = 'monitoring:snapshot:';

/**
 * Publishes `monitoring.snapshot` once per `METRICS_SNAPSHOT_INTERVAL_MS` for the whole
 * deployment: every API instance tries twice per interval (so timer drift never skips one), and
 * the first to claim the interval in Redis builds and publishes the snapshot.
 */
@Injectable()
export class SnapshotPublisher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(SnapshotPublisher.name);
  private readonly instanceId = `${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();
  private failing = false;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly events: EventBus,
    private readonly metrics: MetricsService,
    @Inject(metricsConfig.KEY) private readonly config: MetricsConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running = this.running.then(async () => {
        await this.tick();
      });
    }, this.config.snapshotIntervalMs / 2);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One attempt: true when this instance published the snapshot of the current interval. */
  async tick(): Promise<boolean> {
    try {
      const slot = (await this.redis.eval(
        CLAIM_SCRIPT,
        1,
        SNAPSHOT_CLAIM_KEY,
        this.config.snapshotIntervalMs,
        this.instanceId,
      )) as number;
      if (slot < 0) return false;
      const snapshot = await this.metrics.snapshot();
      await this.events.publish('monitoring.snapshot', snapshot);
      if (this.failing) this.logger.log('Metrics snapshots published again');
      this.failing = false;
      return true;
    } catch (error) {
      // Once per outage: the next interval tries again.
      if (!this.failing) this.logger.warn({ err: error }, 'Could not publish a metrics snapshot');
      this.failing = true;
      return false;
    }
  }
}
