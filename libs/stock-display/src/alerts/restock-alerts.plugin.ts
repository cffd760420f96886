import { type StockChangedEvent } from '@botdeck/catalog';
import { registerWithRuntime, type BotPlugin, type ManagedBot } from '@botdeck/bot-runtime';
import { EventBus, UnitOfWork } from '@botdeck/core';
import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { RestockAlertSender } from './restock-alert-sender';
import { restockAlertsConfig, type RestockAlertsConfig } from './restock-alerts.config';
import { isRestock } from './restock-rule';

/**
 * Drives restock alerts on the bots this worker runs: from `catalog.stock.changed` at once,
 * and — because the bus is at-most-once — from the stock ledger on an interval, for restocks
 * of the last two windows that have no alert recorded since the window before them.
 */
@Injectable()
export class RestockAlertsPlugin implements BotPlugin, OnModuleInit, OnApplicationShutdown {
  readonly name = 'restock-alerts';
  private readonly logger = new Logger(RestockAlertsPlugin.name);
  private readonly bots = new Map<string, ManagedBot>();
  /** Products being alerted right now, so the event and the catch-up never race in here. */
  private readonly inFlight = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly sender: RestockAlertSender,
    private readonly uow: UnitOfWork,
    private readonly events: EventBus,
    private readonly moduleRef: ModuleRef,
    @Inject(restockAlertsConfig.KEY) private readonly config: RestockAlertsConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!registerWithRuntime(this.moduleRef, this)) return;
    this.unsubscribe = await this.events.subscribe('catalog.stock.changed', ({ payload }) =>
      this.onStockChanged(payload),
    );
    this.timer = setInterval(() => void this.catchUp(), this.config.catchUpMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    this.unsubscribe?.();
  }

  attach(): void {
    // Nothing to listen to on the client: alerts start from stock changes.
  }

  onReady(bot: ManagedBot): Promise<void> {
    this.bots.set(bot.id, bot);
    return Promise.resolve();
  }

  detach(bot: ManagedBot): void {
    if (this.bots.get(bot.id) === bot) this.bots.delete(bot.id);
  }

  private onStockChanged(event: StockChangedEvent): void {
    if (this.bots.size === 0) return;
    for (const change of event.changes) {
      if (isRestock(change)) this.alert(change.productId);
    }
  }

  /** Restocks in the ledger that no alert followed (or was coalesced with). */
  async catchUp(): Promise<void> {
    if (this.bots.size === 0) return;
    try {
      const rows = await this.uow.manager.query<{ productId: string }[]>(
        `SELECT m.product_id AS "productId"
           FROM stock_movements m
           JOIN products p ON p.id = m.product_id
          WHERE m.created_at > now() - make_interval(secs => $1::float / 1000 * 2)
            AND m.delta IS NOT NULL AND m.quantity IS NOT NULL
            AND ((m.quantity - m.delta = 0 AND m.quantity > 0)
              OR (m.quantity - m.delta <= p.low_stock_threshold AND m.quantity > p.low_stock_threshold))
          GROUP BY m.product_id
         HAVING NOT EXISTS (
           SELECT 1 FROM restock_alerts a
            WHERE a.product_id = m.product_id
              AND a.created_at >= max(m.created_at) - make_interval(secs => $1::float / 1000))`,
        [this.config.windowMs],
      );
      for (const row of rows) this.alert(row.productId);
    } catch (error) {
      this.logger.warn({ err: error }, 'Restock catch-up failed; will retry');
    }
  }

  private alert(productId: string): void {
    if (this.inFlight.has(productId)) return;
    this.inFlight.add(productId);
    this.sender
      .alert(productId, this.bots)
      .catch((error: unknown) =>
        this.logger.warn({ err: error, productId }, 'Restock alert failed; catch-up will retry'),
      )
      .finally(() => this.inFlight.delete(productId));
  }
}
