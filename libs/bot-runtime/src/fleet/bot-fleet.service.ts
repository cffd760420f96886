import { BotRecordStore, BotsService } from '@botdeck/bot-config';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { botRuntimeConfig, type BotRuntimeConfig } from '../bot-runtime.config';
import { BotPluginRegistry } from '../plugins/bot-plugin';
import { BotStatusReporter } from '../status/bot-status.reporter';
import type { FleetBot } from './fleet.repository';
import { BotClientFactory } from './bot-client.factory';
import { BotSession, type SessionContext } from './bot-session';
import { LoginGate } from './login-gate';
import type { RunUnit } from '../shards/run-unit';

/**
 * The bots (and shards of sharded bots) this worker runs right now, one session each, keyed by
 * their run unit (`RunUnit.key`: the bot id, or `<botId>:shard:<n>`). Knows nothing of leases.
 */
@Injectable()
export class BotFleet {
  private readonly logger = new Logger(BotFleet.name);
  private readonly byKey = new Map<string, BotSession>();
  private readonly context: SessionContext;
  /** Called when a session gave up on its own (status `error`). */
  onGaveUp: (botId: string) => void = () => undefined;

  constructor(
    @Inject(botRuntimeConfig.KEY) config: BotRuntimeConfig,
    plugins: BotPluginRegistry,
    factory: BotClientFactory,
    reporter: BotStatusReporter,
    bots: BotsService,
    store: BotRecordStore,
  ) {
    this.context = {
      config,
      gate: new LoginGate(config.loginConcurrency),
      logger: this.logger,
      plugins: () => plugins.list(),
      createClient: (bot, shard) => factory.create(bot, shard),
      revealToken: (bot) => bots.revealToken(bot),
      report: (botId, status, reason, options) => reporter.report(botId, status, reason, options),
      reportShard: (botId, shard, status, reason, options) =>
        reporter.reportShard(botId, shard, status, reason, options),
      recordIdentity: async (managed) => {
        const { user, application } = managed.client;
        if (!user || !application) return;
        await store
          .recordIdentity(managed.id, {
            applicationId: application.id,
            botUserId: user.id,
            botUsername: user.username,
          })
          .catch((error: unknown) =>
            this.logger.warn({ err: error, botId: managed.id }, 'Could not record bot identity'),
          );
      },
      gaveUp: (session) => {
        if (this.byKey.get(session.key) !== session) return;
        this.byKey.delete(session.key);
        this.onGaveUp(session.key);
      },
    };
  }

  get size(): number {
    return this.byKey.size;
  }

  /** Unit keys of every session. */
  ids(): string[] {
    return [...this.byKey.keys()];
  }

  get(key: string): BotSession | undefined {
    return this.byKey.get(key);
  }

  sessions(): BotSession[] {
    return [...this.byKey.values()];
  }

  /** Every running shard of a sharded bot, for the periodic ping and guild refresh. */
  shardSessions(): BotSession[] {
    return this.sessions().filter((session) => session.shard !== null);
  }

  launch(bot: FleetBot, unit: RunUnit = { key: bot.id, botId: bot.id, shard: null }): BotSession {
    const existing = this.byKey.get(unit.key);
    if (existing) return existing;
    const session = new BotSession(bot, this.context, unit.shard);
    this.byKey.set(unit.key, session);
    session.start();
    return session;
  }

  async stop(key: string, reason: string, options: { persist: boolean }): Promise<void> {
    const session = this.byKey.get(key);
    if (!session) return;
    this.byKey.delete(key);
    await session.stop(reason, options);
  }

  async stopAll(reason: string): Promise<string[]> {
    const ids = this.ids();
    await Promise.all(ids.map((id) => this.stop(id, reason, { persist: true })));
    return ids;
  }
}
