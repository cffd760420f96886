import { EventBus } from '@botdeck/core';
import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { bulkOperationsConfig, type BulkOperationsConfig } from '../bulk-operations.config';
import { BulkItemSettler } from './bulk-item.settler';

/**
 * The worker side of bulk lifecycle operations. Nothing waits per bot: items are settled from
 * `bot.status` events as they arrive, and a sweep every `BULK_SWEEP_INTERVAL_MS` settles what
 * events missed (pub/sub is at-most-once; Redis may have been away) and times out the rest.
 */
@Injectable()
export class BulkLifecycleTracker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(BulkLifecycleTracker.name);
  private unsubscribe: () => void = () => undefined;
  private timer: NodeJS.Timeout | null = null;
  private sweeping: Promise<unknown> | null = null;

  constructor(
    private readonly settler: BulkItemSettler,
    private readonly events: EventBus,
    @Inject(bulkOperationsConfig.KEY) private readonly config: BulkOperationsConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.unsubscribe = await this.events.subscribe('bot.status', ({ payload, at }) =>
      this.settler
        .onStatus(payload.botId, payload.status, payload.reason, new Date(at))
        .catch((error: unknown) =>
          this.logger.warn({ err: error, botId: payload.botId }, 'Could not settle bulk items'),
        ),
    );
    this.timer = setInterval(() => this.sweep(), this.config.sweepIntervalMs);
    this.sweep();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.unsubscribe();
    if (this.timer) clearInterval(this.timer);
    await this.sweeping;
  }

  /** One sweep at a time; a tick that finds one running is skipped. */
  private sweep(): void {
    if (this.sweeping) return;
    this.sweeping = this.settler
      .sweep()
      .catch((error: unknown) => this.logger.warn({ err: error }, 'Bulk sweep failed'))
      .finally(() => (this.sweeping = null));
  }
}
