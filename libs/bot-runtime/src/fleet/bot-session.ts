import type { BotEntity, BotStatus } from '@botdeck/bot-config';
import type { Logger } from '@nestjs/common';
import { type Client, Events } from 'discord.js';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BotRuntimeConfig } from '../bot-runtime.config';
import type { BotPlugin, ManagedBot } from '../plugins/bot-plugin';
import type { ReportOptions } from '../status/bot-status.reporter';
import { BotStatusMachine } from '../status/bot-status-machine';
import { backoffDelay } from './backoff';
import { waitForReady } from './wait-for-ready';
import { IDENTIFY_WINDOW_MS, type LoginGate } from './login-gate';
import type { FleetBot } from './fleet.repository';
import { classifyStartFailure } from './start-failure';
import { type ShardSlot, unitKey } from '../shards/run-unit';

/** What a session needs from the worker around it. */
export interface SessionContext {
  config: BotRuntimeConfig;
  gate: LoginGate;
  logger: Logger;
  plugins(): readonly BotPlugin[];
  /** With `shard`, a client for that one shard of the bot (`shards: [id]`, `shardCount`). */
  createClient(bot: BotEntity, shard: ShardSlot | null): Client;
  revealToken(bot: BotEntity): string;
  report(
    botId: string,
    status: BotStatus,
    reason: string | null,
    options?: ReportOptions,
  ): Promise<void>;
  reportShard(
    botId: string,
    shard: ShardSlot,
    status: BotStatus,
    reason: string | null,
    options: ReportOptions & { pingMs: number | null; guilds: number | null },
  ): Promise<void>;
  recordIdentity(bot: ManagedBot): Promise<void>;
  /** The session reached `error` and stopped itself; the worker lets the bot go. */
  gaveUp(session: BotSession): void;
}

/**
 * One bot (or one shard of a sharded bot) running in this worker: its discord.js client,
 * plugins, status and retries. Status changes go through the state machine and are persisted
 * in order, one after the other: a bot's to its row, a shard's to its shard row (which moves
 * the bot's aggregate status).
 */
export class BotSession {
  private readonly machine = new BotStatusMachine();
  private client: Client | null = null;
  private managed: ManagedBot | null = null;
  private running: Promise<void> = Promise.resolve();
  private abort = new AbortController();
  private reporting: Promise<void> = Promise.resolve();
  private closeCode: number | undefined;
  private reconnectTimer: NodeJS.Timeout | null = null;
  /** Last restart request acted on (epoch ms). */
  restartSeen: number;
  /** Until when the lease is known to be ours; renewal moves it on. */
  leaseValidUntil: number;

  constructor(
    public bot: FleetBot,
    private readonly ctx: SessionContext,
    readonly shard: ShardSlot | null = null,
  ) {
    this.restartSeen = bot.runtime.restartRequestedAt?.getTime() ?? 0;
    this.leaseValidUntil = Date.now() + ctx.config.leaseTtlMs;
  }

  /** The bot's id (every shard of a bot shares it). */
  get id(): string {
    return this.bot.id;
  }

  /** What this session is leased and known by in the worker: the bot, or one of its shards. */
  get key(): string {
    return unitKey(this.bot.id, this.shard?.id ?? null);
  }

  /** Heartbeat round trip and guilds of the running client (null while not logged in). */
  gatewayStats(): { pingMs: number | null; guilds: number | null } {
    const client = this.client;
    if (!client?.isReady()) return { pingMs: null, guilds: null };
    const ping = client.ws.ping;
    return { pingMs: ping >= 0 ? Math.round(ping) : null, guilds: client.guilds.cache.size };
  }

  get status(): BotStatus {
    return this.machine.status;
  }

  /** The live client's gateway figures, or null while no client runs. */
  gateway(): { pingMs: number | null; guilds: number } | null {
    const client = this.client;
    if (!client) return null;
    const pings = [...client.ws.shards.values()].map((shard) => shard.ping).filter((p) => p >= 0);
    const pingMs =
      pings.length > 0 ? Math.round(pings.reduce((sum, p) => sum + p, 0) / pings.length) : null;
    return { pingMs, guilds: client.guilds.cache.size };
  }

  start(): void {
    this.abort = new AbortController();
    this.running = this.startLoop(this.abort.signal);
  }

  /** Logs the bot out. With `persist: false` (lease lost, bot deleted) no status is written. */
  async stop(reason: string, options: { persist: boolean }): Promise<void> {
    this.abort.abort();
    await this.running;
    await this.teardown();
    if (options.persist) this.setStatus('stopped', reason);
    await this.reporting;
  }

  async restart(bot: FleetBot): Promise<void> {
    await this.stop('restart requested', { persist: true });
    this.bot = bot;
    this.restartSeen = bot.runtime.restartRequestedAt?.getTime() ?? this.restartSeen;
    this.start();
  }

  private async startLoop(signal: AbortSignal): Promise<void> {
    const { startMaxAttempts: maxAttempts } = this.ctx.config;
    for (let attempt = 1; !signal.aborted; attempt++) {
      this.setStatus('starting', attempt === 1 ? 'logging in' : `login attempt ${attempt}`);
      try {
        // A shard's IDENTIFY is paced across workers by its client's throttler (Redis); a
        // whole bot's by the gate, as before sharding.
        await this.ctx.gate.run(
          () => this.connect(signal),
          this.shard ? undefined : { key: this.id, signal },
        );
        this.setStatus('online', null);
        return;
      } catch (error) {
        await this.teardown();
        if (signal.aborted) return;
        const failure = classifyStartFailure(error, this.closeCode);
        if (failure.fatal || attempt >= maxAttempts) {
          const reason = failure.fatal
            ? failure.reason
            : `gave up after ${attempt} attempts: ${failure.reason}`;
          this.ctx.logger.warn({ botId: this.id, reason }, 'Bot could not start');
          // A refused token stays in `error` until someone asks; anything else is retried later.
          this.setStatus('error', reason, { retry: !failure.fatal });
          await this.reporting;
          this.ctx.gaveUp(this);
          return;
        }
        const delay = backoffDelay(attempt, {
          baseMs: this.ctx.config.backoffBaseMs,
          maxMs: this.ctx.config.backoffMaxMs,
        });
        this.setStatus(
          'starting',
          `attempt ${attempt} failed: ${failure.reason}; retrying in ${(delay / 1000).toFixed(1)} s`,
        );
        await sleep(delay, undefined, { signal }).catch(() => undefined);
      }
    }
  }

  private async connect(signal: AbortSignal): Promise<void> {
    if (signal.aborted) throw new Error('start cancelled');
    this.closeCode = undefined;
    const client = this.ctx.createClient(this.bot, this.shard);
    this.client = client;
    this.listen(client);
    const bot = this.bot;
    const managed: ManagedBot = {
      id: bot.id,
      name: bot.name,
      // An unvalidated bot learns its application from READY.
      get applicationId() {
        return bot.applicationId ?? client.application?.id ?? null;
      },
      devGuildIds: bot.devGuildIds,
      client,
      startedAt: new Date(),
      shard: this.shard ? { id: this.shard.id, count: this.shard.count } : null,
    };
    this.managed = managed;
    for (const plugin of this.ctx.plugins()) plugin.attach(managed);
    // A shard may first wait its turn to IDENTIFY: at worst one 5 s window per shard before it.
    const identifyWaitMs = this.shard ? this.shard.count * IDENTIFY_WINDOW_MS : 0;
    const ready = waitForReady(client, this.ctx.config.readyTimeoutMs + identifyWaitMs, signal);
    try {
      await Promise.race([client.login(this.ctx.revealToken(bot)), ready.promise]);
      await ready.promise;
    } finally {
      ready.cancel();
    }
    await this.ctx.recordIdentity(managed);
    for (const plugin of this.ctx.plugins()) {
      if (signal.aborted) throw new Error('start cancelled');
      await plugin.onReady?.(managed);
    }
  }

  /** Gateway health after login: discord.js reconnects by itself; we report what it does. */
  private listen(client: Client): void {
    client.on(Events.Error, (error) =>
      this.ctx.logger.warn({ err: error, botId: this.id }, 'Discord client error'),
    );
    client.on(Events.ShardError, (error) =>
      this.ctx.logger.debug?.({ err: error, botId: this.id }, 'Gateway connection error'),
    );
    client.on(Events.ShardReconnecting, () => {
      if (this.status !== 'online') return;
      this.setStatus('reconnecting', 'gateway connection lost');
      this.reconnectTimer ??= setTimeout(() => this.giveUpReconnecting(), this.reconnectGiveUpMs);
    });
    const back = () => {
      this.clearReconnectTimer();
      if (this.status === 'reconnecting') this.setStatus('online', null);
    };
    client.on(Events.ShardResume, back);
    client.on(Events.ShardReady, back);
    // Emitted only for close codes discord.js will not recover from (e.g. 4004).
    client.on(Events.ShardDisconnect, (event) => {
      this.closeCode = event.code;
      if (this.status !== 'online' && this.status !== 'reconnecting') return;
      this.clearReconnectTimer();
      this.setStatus('error', classifyStartFailure(null, event.code).reason);
      void this.teardown()
        .then(() => this.reporting)
        .then(() => this.ctx.gaveUp(this));
    });
  }

  private get reconnectGiveUpMs(): number {
    return this.ctx.config.reconnectGiveUpMs;
  }

  /**
   * discord.js keeps trying to resume for as long as it likes; a bot stuck there serves
   * nobody. After `BOT_RECONNECT_GIVE_UP_MS` it is logged out and handed back: `error` with a
   * retry time of now, so this worker or another claims it again at once.
   */
  private giveUpReconnecting(): void {
    this.reconnectTimer = null;
    if (this.status !== 'reconnecting') return;
    this.abort.abort();
    this.setStatus('error', `gave up reconnecting after ${this.reconnectGiveUpMs / 1000} s`, {
      retry: true,
      now: true,
    });
    void this.teardown()
      .then(() => this.reporting)
      .then(() => this.ctx.gaveUp(this));
  }

  private clearReconnectTimer(): void {
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
  }

  private async teardown(): Promise<void> {
    this.clearReconnectTimer();
    const client = this.client;
    const managed = this.managed;
    this.client = null;
    this.managed = null;
    if (!client) return;
    if (managed) {
      for (const plugin of this.ctx.plugins()) {
        try {
          plugin.detach?.(managed);
        } catch (error) {
          this.ctx.logger.warn({ err: error, plugin: plugin.name }, 'Plugin detach failed');
        }
      }
    }
    // Our listeners go first: a deliberate close must not read as "reconnecting".
    client.removeAllListeners();
    client.on(Events.Error, () => undefined);
    await client
      .destroy()
      .catch((error: unknown) =>
        this.ctx.logger.warn({ err: error, botId: this.id }, 'Client destroy failed'),
      );
  }

  private setStatus(status: BotStatus, reason: string | null, options?: ReportOptions): void {
    if (!this.machine.transition(status, reason)) return;
    const shard = this.shard;
    if (shard) {
      const stats = this.gatewayStats();
      this.reporting = this.reporting.then(() =>
        this.ctx.reportShard(this.id, shard, status, reason, { ...options, ...stats }),
      );
      return;
    }
    this.reporting = this.reporting.then(() => this.ctx.report(this.id, status, reason, options));
  }
}
