import type { BotStatus } from '@botdeck/bot-config';
import { bounded, EventBus } from '@botdeck/core';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { botRuntimeConfig, type BotRuntimeConfig } from '../bot-runtime.config';
import { backoffDelay } from '../fleet/backoff';
import { WorkerIdentity } from '../fleet/worker-identity';
import type { ShardSlot } from '../shards/run-unit';
import { BotRuntimeStates, type ShardStats } from '../state/bot-runtime-states.service';

/** A status event is informational; publishing it may never hold a bot's session up longer. */
const PUBLISH_TIMEOUT_MS = 1_000;

/** Statuses that say this worker runs the bot (so readers check its lease). */
const RUNNING: ReadonlySet<BotStatus> = new Set(['starting', 'online', 'reconnecting']);

export interface ReportOptions {
  /** For `error`: the failure may pass by itself, so the reconciler retries it with backoff. */
  retry?: boolean;
  /** With `retry`: try again at once (the bot itself is fine, its connection was not). */
  now?: boolean;
}

/** Persists a bot's status change, then announces it as `bot.status`. */
@Injectable()
export class BotStatusReporter {
  private readonly logger = new Logger(BotStatusReporter.name);

  constructor(
    private readonly states: BotRuntimeStates,
    private readonly events: EventBus,
    private readonly worker: WorkerIdentity,
    @Inject(botRuntimeConfig.KEY) private readonly config: BotRuntimeConfig,
  ) {}

  async report(
    botId: string,
    status: BotStatus,
    reason: string | null,
    options: ReportOptions = {},
  ): Promise<void> {
    const workerId = RUNNING.has(status) ? this.worker.id : null;
    try {
      const retryAt =
        status === 'error' && options.retry
          ? options.now
            ? new Date()
            : await this.retryAt(botId)
          : null;
      const name = await this.states.recordStatus(botId, status, reason, { workerId, retryAt });
      if (name === null) return; // Deleted meanwhile: nothing to show anyone.
      // One line per transition, so an operator reading a worker's log sees its fleet move.
      this.logger.log({ botId, name, status, reason }, `Bot ${name} (${botId}) is ${status}`);
      await bounded(
        this.events.publish('bot.status', { botId, name, status, reason, workerId }),
        PUBLISH_TIMEOUT_MS,
        'Publishing a bot status',
      );
    } catch (error) {
      // The status is informational; a failed write must not take the bot down with it.
      this.logger.warn({ err: error, botId, status }, 'Could not record a bot status');
    }
  }

  /**
   * Persists a shard's status change; when it moves the bot's aggregate status, that is
   * announced as the bot's `bot.status` (readers see shards through the API).
   */
  async reportShard(
    botId: string,
    shard: ShardSlot,
    status: BotStatus,
    reason: string | null,
    options: ReportOptions & { pingMs?: number | null; guilds?: number | null } = {},
  ): Promise<void> {
    const workerId = RUNNING.has(status) ? this.worker.id : null;
    try {
      const retryAt =
        status === 'error' && options.retry
          ? options.now
            ? new Date()
            : await this.retryAt(botId)
          : null;
      const changed = await this.states.recordShardStatus(
        botId,
        {
          shard,
          status,
          reason,
          workerId,
          pingMs: options.pingMs ?? null,
          guilds: options.guilds ?? null,
        },
        retryAt,
      );
      this.logger.log(
        { botId, shardId: shard.id, status, reason },
        `Bot ${botId} shard ${shard.id}/${shard.count} is ${status}`,
      );
      if (!changed) return;
      this.logger.log(
        { botId, name: changed.name, status: changed.status, reason: changed.reason },
        `Bot ${changed.name} (${botId}) is ${changed.status}`,
      );
      await bounded(
        this.events.publish('bot.status', {
          botId,
          name: changed.name,
          status: changed.status,
          reason: changed.reason,
          workerId: RUNNING.has(changed.status) ? this.worker.id : null,
        }),
        PUBLISH_TIMEOUT_MS,
        'Publishing a bot status',
      );
    } catch (error) {
      this.logger.warn(
        { err: error, botId, shardId: shard.id, status },
        'Could not record a shard status',
      );
    }
  }

  /** Ping and guild count of this worker's running shards. */
  refreshShards(stats: readonly ShardStats[]): Promise<void> {
    return this.states.recordShardStats(stats);
  }

  /** Each consecutive give-up waits longer before the reconciler tries the bot again. */
  private async retryAt(botId: string): Promise<Date> {
    const attempt = (await this.states.errorCount(botId)) + 1;
    const delay = backoffDelay(attempt, {
      baseMs: this.config.errorRetryMs,
      maxMs: this.config.errorRetryMaxMs,
    });
    return new Date(Date.now() + delay);
  }
}
