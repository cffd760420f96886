import { BotLifecycleService } from '@botdeck/bot-runtime';
import { EventBus } from '@botdeck/core';
import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { DeliveryLedger } from '../bulk/delivery-ledger';
import { MessageDeliveriesRepository } from '../bulk/message-deliveries.repository';
import { messagingConfig, type MessagingConfig } from '../messaging.config';
import { DELIVERY_ERRORS } from '../messaging.errors';

/** A scheduled send's job gets this long past its time before a sweep releases it instead. */
const RELEASE_GRACE_MS = 5_000;
const RUNNING = new Set(['online', 'starting', 'reconnecting']);

/**
 * What no event or job guarantees, caught up from the database every
 * MESSAGING_SWEEP_INTERVAL_MS: scheduled sends whose job was lost are released, deliveries of
 * a cancelled operation put back by a takeover are cancelled, and deliveries of a bot that no
 * worker has run for MESSAGING_BOT_WAIT_MS fail with MESSAGE_BOT_NOT_RUNNING.
 */
@Injectable()
export class DeliverySweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DeliverySweeper.name);
  /** Since when each waiting bot has been seen not running, by this worker. */
  private readonly idleSince = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private sweeping: Promise<unknown> | null = null;

  constructor(
    private readonly deliveries: MessageDeliveriesRepository,
    private readonly ledger: DeliveryLedger,
    private readonly lifecycle: BotLifecycleService,
    private readonly events: EventBus,
    @Inject(messagingConfig.KEY) private readonly config: MessagingConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.tick(), this.config.sweepIntervalMs);
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.sweeping;
  }

  /** One sweep at a time; a tick that finds one running is skipped. */
  private tick(): void {
    if (this.sweeping) return;
    this.sweeping = this.sweep()
      .catch((error: unknown) => this.logger.warn({ err: error }, 'Messaging sweep failed'))
      .finally(() => (this.sweeping = null));
  }

  async sweep(): Promise<void> {
    for (const operationId of await this.deliveries.overdue(RELEASE_GRACE_MS)) {
      if (await this.deliveries.release(operationId)) {
        await this.events.publish('messaging.released', { operationId });
      }
    }
    for (const operationId of await this.deliveries.cancelledWithPending()) {
      await this.ledger.cancel(operationId);
    }
    await this.failIdleBots();
  }

  private async failIdleBots(): Promise<void> {
    const waiting = await this.deliveries.botsWaitingSince(this.config.botWaitMs);
    const views = await this.lifecycle.views(waiting);
    const now = Date.now();
    for (const id of [...this.idleSince.keys()])
      if (!waiting.includes(id)) this.idleSince.delete(id);
    for (const botId of waiting) {
      const status = views.get(botId)?.status ?? 'stopped';
      if (RUNNING.has(status)) {
        this.idleSince.delete(botId);
        continue;
      }
      const since = this.idleSince.get(botId) ?? now;
      this.idleSince.set(botId, since);
      if (now - since < this.config.botWaitMs) continue;
      const failed = await this.ledger.failBot(
        botId,
        DELIVERY_ERRORS.MESSAGE_BOT_NOT_RUNNING,
        `No worker has run bot ${botId} for ${Math.round(this.config.botWaitMs / 1000)} s (it is ${status})`,
      );
      this.idleSince.delete(botId);
      this.logger.warn({ botId, failed, status }, 'Failed deliveries of a bot nobody runs');
    }
  }
}
