import {
  type BotPlugin,
  type ManagedBot,
  registerWithRuntime,
  runsBotWideWork,
} from '@botdeck/bot-runtime';
import { bounded, EventBus } from '@botdeck/core';
import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Events } from 'discord.js';
import type { StockDisplayChangedEvent } from '../displays/stock-display.events';
import { stockDisplayConfig, type StockDisplayConfig } from '../stock-display.config';
import { ChannelBuckets } from './channel-buckets';
import { DisplayScheduler } from './display-scheduler';
import { DisplayStore } from './display-store';
import { DisplaySync, type SyncOutcome } from './display-sync';

const PUBLISH_TIMEOUT_MS = 1_000;

interface OwnedDisplay {
  botId: string;
  /** Last known status; an `error` display is retried on refresh, change or recheck only. */
  status: string | null;
  messageIds: readonly string[];
}

interface GatewayPacket {
  t?: string | null;
  d?: { id?: string; ids?: string[] };
}

/**
 * The worker that holds a bot's lease owns its displays: once the bot is ready this plugin
 * adopts them (editing the messages they already own, never posting twice), follows catalog
 * and display changes from the bus, re-checks every display from the database on an interval
 * (the bus is at-most-once), reposts a message deleted in Discord, and lets go when the bot
 * leaves this worker.
 */
@Injectable()
export class StockDisplayPlugin implements BotPlugin, OnModuleInit, OnApplicationShutdown {
  readonly name = 'stock-display';
  private readonly logger = new Logger(StockDisplayPlugin.name);
  private readonly bots = new Map<string, ManagedBot>();
  private readonly displays = new Map<string, OwnedDisplay>();
  private readonly listeners = new Map<ManagedBot, (packet: GatewayPacket) => void>();
  private readonly scheduler: DisplayScheduler;
  private recheckTimer: NodeJS.Timeout | null = null;
  private unsubscribe: (() => void)[] = [];

  constructor(
    private readonly sync: DisplaySync,
    private readonly store: DisplayStore,
    private readonly buckets: ChannelBuckets,
    private readonly events: EventBus,
    private readonly moduleRef: ModuleRef,
    @Inject(stockDisplayConfig.KEY) private readonly config: StockDisplayConfig,
  ) {
    this.scheduler = new DisplayScheduler((id, force) => this.runSync(id, force), {
      coalesceMs: config.coalesceMs,
      pacingMs: buckets.pacingMs,
    });
  }

  async onModuleInit(): Promise<void> {
    if (!registerWithRuntime(this.moduleRef, this)) return;
    this.unsubscribe = await Promise.all([
      this.events.subscribe('stock-display.changed', ({ payload }) =>
        this.onDisplayChanged(payload),
      ),
      this.events.subscribe('catalog.stock.changed', () => this.onCatalogChanged()),
      this.events.subscribe('catalog.products.changed', () => this.onCatalogChanged()),
    ]);
    this.recheckTimer = setInterval(() => void this.recheck(), this.config.recheckMs);
    this.recheckTimer.unref();
  }

  onApplicationShutdown(): void {
    if (this.recheckTimer) clearInterval(this.recheckTimer);
    for (const unsubscribe of this.unsubscribe) unsubscribe();
    this.scheduler.stop();
  }

  attach(bot: ManagedBot): void {
    // Raw packets: discord.js emits messageDelete only for messages it has cached.
    const listener = (packet: GatewayPacket) => {
      if (packet.t === 'MESSAGE_DELETE' && packet.d?.id) this.onMessagesDeleted([packet.d.id]);
      if (packet.t === 'MESSAGE_DELETE_BULK' && packet.d?.ids) this.onMessagesDeleted(packet.d.ids);
    };
    this.listeners.set(bot, listener);
    bot.client.on(Events.Raw, listener);
  }

  /** Adopts the bot's displays. Never fails the bot's start: the recheck adopts them later. */
  async onReady(bot: ManagedBot): Promise<void> {
    // One keeper of a bot's displays, however many shards it runs as (all through REST).
    if (!runsBotWideWork(bot)) return;
    this.bots.set(bot.id, bot);
    await this.adopt(bot.id).catch((error: unknown) =>
      this.logger.warn({ err: error, botId: bot.id }, 'Could not adopt displays yet; will retry'),
    );
  }

  detach(bot: ManagedBot): void {
    const listener = this.listeners.get(bot);
    if (listener) bot.client.off(Events.Raw, listener);
    this.listeners.delete(bot);
    if (this.bots.get(bot.id) !== bot) return;
    this.bots.delete(bot.id);
    for (const [id, display] of this.displays) {
      if (display.botId !== bot.id) continue;
      this.scheduler.cancel(id);
      this.displays.delete(id);
    }
    this.buckets.forgetBot(bot.id);
  }

  private async adopt(botId: string): Promise<void> {
    const refs = await this.store.forBot(botId);
    if (!this.bots.has(botId)) return;
    const current = new Set(refs.map((ref) => ref.id));
    for (const [id, display] of this.displays) {
      if (display.botId === botId && !current.has(id)) {
        this.scheduler.cancel(id);
        this.displays.delete(id);
      }
    }
    for (const ref of refs) {
      if (!this.displays.has(ref.id)) {
        this.displays.set(ref.id, { botId, status: null, messageIds: [] });
        this.scheduler.mark(ref.id, { now: true });
      } else {
        this.scheduler.mark(ref.id);
      }
    }
  }

  private onDisplayChanged(event: StockDisplayChangedEvent): void {
    if (!this.bots.has(event.botId)) return;
    if (!this.displays.has(event.displayId)) {
      this.displays.set(event.displayId, { botId: event.botId, status: null, messageIds: [] });
    }
    this.scheduler.mark(event.displayId, { now: true, force: event.change === 'refresh' });
  }

  private onCatalogChanged(): void {
    for (const [id, display] of this.displays) {
      if (display.status !== 'error') this.scheduler.mark(id);
    }
  }

  private onMessagesDeleted(messageIds: readonly string[]): void {
    const gone = new Set(messageIds);
    for (const [id, display] of this.displays) {
      if (display.messageIds.some((messageId) => gone.has(messageId))) {
        this.scheduler.mark(id, { now: true, force: true });
      }
    }
  }

  /** The catch-up path: every owned bot's displays re-read and re-rendered (unchanged = no write). */
  private async recheck(): Promise<void> {
    for (const botId of [...this.bots.keys()]) {
      await this.adopt(botId).catch((error: unknown) =>
        this.logger.warn({ err: error, botId }, 'Display recheck failed'),
      );
    }
  }

  private async runSync(displayId: string, force: boolean): Promise<void> {
    const owned = this.displays.get(displayId);
    const bot = owned && this.bots.get(owned.botId);
    if (!owned || !bot) return;
    let outcome: SyncOutcome | null;
    try {
      outcome = await this.sync.sync(bot, displayId, force);
    } catch (error) {
      this.logger.warn({ err: error, displayId }, 'Display sync failed; retrying');
      setTimeout(
        () => this.scheduler.mark(displayId, { force }),
        this.config.bucketWindowMs,
      ).unref();
      return;
    }
    if (!outcome || outcome.status === null) {
      this.scheduler.cancel(displayId);
      this.displays.delete(displayId);
      return;
    }
    if (this.displays.get(displayId) !== owned) return;
    const changed = owned.status !== outcome.status || outcome.changed;
    owned.status = outcome.status;
    owned.messageIds = outcome.messageIds;
    if (!changed) return;
    await bounded(
      this.events.publish('stock-display.status', {
        displayId,
        botId: bot.id,
        status: outcome.status,
        code: outcome.code,
        reason: outcome.reason,
        messageIds: outcome.messageIds,
      }),
      PUBLISH_TIMEOUT_MS,
      'Publishing a display status',
    ).catch(() => undefined);
  }
}
