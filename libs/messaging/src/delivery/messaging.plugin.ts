import {
  type BotPlugin,
  BotPluginRegistry,
  type ManagedBot,
  runsBotWideWork,
  WorkerIdentity,
} from '@botdeck/bot-runtime';
import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleInit,
} from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { bounded, EventBus } from '@botdeck/core';
import { messagingConfig, type MessagingConfig } from '../messaging.config';
import { MessageSender } from './message-sender';

/** Sends under way get this long to finish when the worker shuts down. */
const STOP_TIMEOUT_MS = 5_000;

/**
 * Hands each bot this worker brings online to the sender, and takes it away when the bot
 * leaves. The sender looks for work when an operation is released (an event, at most once) and
 * every MESSAGING_POLL_INTERVAL_MS (the catch-up path).
 */
@Injectable()
export class MessagingPlugin
  implements BotPlugin, OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown
{
  readonly name = 'messaging';
  private readonly logger = new Logger(MessagingPlugin.name);
  private workerId = '';
  private timer: NodeJS.Timeout | null = null;
  private unsubscribe: () => void = () => undefined;

  constructor(
    private readonly sender: MessageSender,
    private readonly events: EventBus,
    private readonly moduleRef: ModuleRef,
    @Inject(messagingConfig.KEY) private readonly config: MessagingConfig,
  ) {}

  onModuleInit(): void {
    // The runtime owns the plugin registry and the worker's identity.
    this.moduleRef.get(BotPluginRegistry, { strict: false }).register(this);
    this.workerId = this.moduleRef.get(WorkerIdentity, { strict: false }).id;
  }

  async onApplicationBootstrap(): Promise<void> {
    this.unsubscribe = await this.events.subscribe('messaging.released', () =>
      this.sender.pumpAll(this.workerId),
    );
    this.timer = setInterval(() => this.sender.pumpAll(this.workerId), this.config.pollIntervalMs);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.unsubscribe();
    if (this.timer) clearInterval(this.timer);
    await bounded(this.sender.stop(), STOP_TIMEOUT_MS, 'Finishing sends').catch((error: unknown) =>
      this.logger.warn({ err: error }, 'Sends still under way at shutdown'),
    );
  }

  attach(): void {
    // Nothing to listen to: deliveries come from the database, not from the gateway.
  }

  async onReady(bot: ManagedBot): Promise<void> {
    // One sender per bot, however many shards it runs as (REST reaches every channel).
    if (!runsBotWideWork(bot)) return;
    // Never fail the bot's start over messaging: the poll retries what this misses.
    await this.sender
      .add(bot, this.workerId)
      .catch((error: unknown) =>
        this.logger.warn({ err: error, botId: bot.id }, 'Could not resume deliveries'),
      );
  }

  detach(bot: ManagedBot): void {
    if (!runsBotWideWork(bot)) return;
    this.sender.remove(bot.id);
  }
}
