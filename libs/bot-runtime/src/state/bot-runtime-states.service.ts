import {
  BotEntity,
  BotNotFoundError,
  BotRecordStore,
  type BotRuntimePort,
  type BotRuntimeView,
  type BotStatus,
  type DesiredState,
  type StoredRuntimeView,
  type ShardCountSetting,
  shardSetting,
} from '@botdeck/bot-config';
import { bounded, EventBus, UnitOfWork } from '@botdeck/core';
import { Injectable, Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { BotLifecycleState } from '../lifecycle/bot-lifecycle-state';
import { BotRuntimeStateEntity } from './bot-runtime-state.entity';
import type { ShardSlot } from '../shards/run-unit';
import { BotShardStateEntity } from '../shards/bot-shard-state.entity';
import { aggregateShards } from '../shards/shard-status';
import { type BotShardsView, LeaseView } from './lease-view';

/** A nudge is a courtesy (the reconcilers poll anyway); it may never hold a request up longer. */
const NUDGE_TIMEOUT_MS = 1_000;

/** A bot's shards as the API shows them. */
export interface BotShards extends BotShardsView {
  lifecycle: BotLifecycleState;
  setting: ShardCountSetting;
}

export interface DesiredChange {
  botId: string;
  /** Status when the change was written, and since when: a bulk item waits for a newer one. */
  status: BotStatus;
  statusChangedAt: Date;
  changed: boolean;
}

interface StatusOptions {
  workerId: string | null;
  /** For `error`: when the reconciler may try the bot again by itself (null: only when asked). */
  retryAt?: Date | null;
  /** The shard count the bot runs with (null: unsharded). */
  shardCount?: number | null;
}

/** One shard's report, as its worker makes it. */
export interface ShardStatusReport {
  shard: ShardSlot;
  status: BotStatus;
  reason: string | null;
  workerId: string | null;
  pingMs: number | null;
  guilds: number | null;
}

/** A refreshed heartbeat round trip and guild count of a running shard. */
export interface ShardStats {
  botId: string;
  shardId: number;
  pingMs: number | null;
  guilds: number | null;
}

/**
 * The one writer of bot lifecycle state (`bot_runtime_states`): desired states and restart
 * requests from operators, statuses from workers. Writes join the caller's unit of work (a
 * request, a job) or make one of their own; workers are nudged only after the change commits,
 * and a nudge that fails is logged, never thrown: the reconcilers' interval catches up.
 */
@Injectable()
export class BotRuntimeStates implements BotRuntimePort {
  private readonly logger = new Logger(BotRuntimeStates.name);

  constructor(
    private readonly uow: UnitOfWork,
    private readonly events: EventBus,
    private readonly records: BotRecordStore,
    private readonly leases: LeaseView,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async initialise(manager: EntityManager, botId: string, desiredState: DesiredState) {
    await manager.insert(BotRuntimeStateEntity, {
      botId,
      desiredState,
      status: 'stopped',
      statusReason: null,
      statusChangedAt: new Date(),
    });
    if (desiredState === 'running') this.nudgeAfterCommit([botId], desiredState, false);
  }

  async setDesiredState(
    botId: string,
    desiredState: DesiredState,
    options: { restart?: boolean; bumpVersion?: boolean } = {},
  ): Promise<boolean> {
    const [change] = await this.setDesiredStates([botId], desiredState, options);
    if (!change) throw new BotNotFoundError(botId);
    return change.changed;
  }

  /**
   * Sets the desired state of many bots in one statement (ids of missing bots are skipped),
   * moves the version of those that changed, and nudges the workers once after commit. With
   * `restart` (or when starting a bot in `error`), a restart is requested: workers leave
   * errored bots alone until someone asks again.
   */
  async setDesiredStates(
    botIds: readonly string[],
    desiredState: DesiredState,
    options: { restart?: boolean; bumpVersion?: boolean } = {},
  ): Promise<DesiredChange[]> {
    if (botIds.length === 0) return [];
    const changes = await this.uow.transaction(async (manager) => {
      const written = await writeDesired(manager, botIds, desiredState, options.restart === true);
      const changed = written.filter((change) => change.changed).map((change) => change.botId);
      if (options.bumpVersion !== false) await this.records.bumpVersions(changed);
      return written;
    });
    if (changes.length > 0) {
      this.nudgeAfterCommit(
        changes.map((change) => change.botId),
        desiredState,
        options.restart === true,
      );
    }
    return changes;
  }

  async restartIfRunning(botId: string): Promise<void> {
    const result = await this.uow.transaction((manager) =>
      manager.query<[unknown[], number]>(
        `UPDATE bot_runtime_states SET restart_requested_at = now()
          WHERE bot_id = $1 AND desired_state = 'running' RETURNING bot_id`,
        [botId],
      ),
    );
    if (result[1] > 0) this.nudgeAfterCommit([botId], 'running', true);
  }

  /**
   * Asks for a stop and waits, bounded, for the bot to settle (stopped, error or gone). The
   * stop commits on its own, ahead of the caller's transaction (a delete): a worker can only
   * act on what it can read, and the bot goes either way.
   */
  async stopAndWait(botId: string, waitMs: number): Promise<void> {
    const [view] = (await this.views([botId])).values();
    if (view.desiredState === 'stopped' && isSettled(view.status)) return;
    await this.dataSource.transaction((manager) =>
      writeDesired(manager, [botId], 'stopped', false),
    );
    await this.nudge([botId], 'stopped', false);
    const deadline = Date.now() + waitMs;
    while (Date.now() < deadline) {
      const row = await this.uow
        .getRepository(BotRuntimeStateEntity)
        .findOne({ where: { botId }, select: { botId: true, status: true } });
      if (!row || isSettled(row.status)) return;
      await sleep(100);
    }
  }

  /**
   * Persists a status reported by a worker. Returns the bot's name for the event, or null when
   * the bot no longer exists. `online` clears the error streak; `error` sets when to retry.
   */
  async recordStatus(
    botId: string,
    status: BotStatus,
    reason: string | null,
    options: StatusOptions,
    manager: EntityManager = this.uow.manager,
  ): Promise<string | null> {
    const rows = await manager.query<[Array<{ name: string }>, number]>(
      `UPDATE bot_runtime_states s
          SET status = $2, status_reason = $3, status_changed_at = now(), worker_id = $4,
              shard_count = $6,
              error_count = CASE WHEN $2 = 'online' THEN 0
                                 WHEN $2 = 'error' THEN s.error_count + 1
                                 ELSE s.error_count END,
              retry_at = CASE WHEN $2 = 'error' THEN $5::timestamptz ELSE NULL END
         FROM bots b
        WHERE s.bot_id = $1 AND b.id = s.bot_id
        RETURNING b.name`,
      [
        botId,
        status,
        reason,
        options.workerId,
        options.retryAt ?? null,
        options.shardCount ?? null,
      ],
    );
    return rows[0][0]?.name ?? null;
  }

  /**
   * Persists one shard's report and, when it moves the bot's aggregate status (see
   * `aggregateShards`), the bot's too, under a lock on the bot's row so that shards reporting
   * from several workers at once never leave a stale aggregate behind. Returns the bot's new
   * status for the event, or null when it did not change (or the bot is gone).
   */
  async recordShardStatus(
    botId: string,
    report: ShardStatusReport,
    retryAt: Date | null,
  ): Promise<{ name: string; status: BotStatus; reason: string | null } | null> {
    const { shard } = report;
    return this.uow.transaction(async (manager) => {
      const [bot] = await manager.query<Array<{ status: BotStatus; status_reason: string | null }>>(
        `SELECT status, status_reason FROM bot_runtime_states WHERE bot_id = $1 FOR UPDATE`,
        [botId],
      );
      if (!bot) return null;
      await manager.query(
        `INSERT INTO bot_shard_states AS s
           (bot_id, shard_id, shard_count, status, status_reason, status_changed_at, worker_id,
            ping_ms, guilds)
         VALUES ($1, $2, $3, $4, $5, now(), $6, $7, $8)
         ON CONFLICT (bot_id, shard_id) DO UPDATE
           SET shard_count = EXCLUDED.shard_count, status = EXCLUDED.status,
               status_reason = EXCLUDED.status_reason, status_changed_at = now(),
               worker_id = EXCLUDED.worker_id,
               ping_ms = COALESCE(EXCLUDED.ping_ms, s.ping_ms),
               guilds = COALESCE(EXCLUDED.guilds, s.guilds)`,
        [
          botId,
          shard.id,
          shard.count,
          report.status,
          report.reason,
          report.workerId,
          report.pingMs,
          report.guilds,
        ],
      );
      // Shards beyond the current count belong to a layout that is gone.
      await manager.query(`DELETE FROM bot_shard_states WHERE bot_id = $1 AND shard_id >= $2`, [
        botId,
        shard.count,
      ]);
      const shards = await manager.query<
        Array<{ shard_id: number; status: BotStatus; status_reason: string | null }>
      >(
        `SELECT shard_id, status, status_reason FROM bot_shard_states
          WHERE bot_id = $1 AND shard_count = $2`,
        [botId, shard.count],
      );
      const next = aggregateShards(
        shard.count,
        shards.map((row) => ({
          shardId: row.shard_id,
          status: row.status,
          statusReason: row.status_reason,
        })),
      );
      if (next.status === bot.status && next.reason === bot.status_reason) return null;
      const running = next.status === 'starting' || next.status === 'online';
      const name = await this.recordStatus(
        botId,
        next.status,
        next.reason,
        {
          workerId: running || next.status === 'reconnecting' ? report.workerId : null,
          retryAt: next.status === 'error' ? retryAt : null,
          shardCount: shard.count,
        },
        manager,
      );
      return name === null ? null : { name, ...next };
    });
  }

  /** Refreshes the ping and guild count of running shards, in one statement. */
  async recordShardStats(stats: readonly ShardStats[]): Promise<void> {
    if (stats.length === 0) return;
    await this.uow.manager.query(
      `UPDATE bot_shard_states s SET ping_ms = v.ping_ms, guilds = v.guilds
         FROM unnest($1::uuid[], $2::int[], $3::int[], $4::int[])
           AS v(bot_id, shard_id, ping_ms, guilds)
        WHERE s.bot_id = v.bot_id AND s.shard_id = v.shard_id`,
      [
        stats.map((row) => row.botId),
        stats.map((row) => row.shardId),
        stats.map((row) => row.pingMs),
        stats.map((row) => row.guilds),
      ],
    );
  }

  /**
   * Stores Discord's recommended shard count for an `auto` bot, unless another worker stored
   * one since the last restart request (then that one wins, so every worker runs one layout).
   */
  async recordRecommendedShards(botId: string, recommended: number): Promise<number> {
    const [rows] = await this.uow.manager.query<[Array<{ auto_shard_count: number }>, number]>(
      `UPDATE bot_runtime_states
          SET auto_shard_count = $2, shards_resolved_at = now()
        WHERE bot_id = $1
          AND (shards_resolved_at IS NULL OR shards_resolved_at < restart_requested_at)
        RETURNING auto_shard_count`,
      [botId, recommended],
    );
    if (rows.length > 0) return rows[0].auto_shard_count;
    const row = await this.uow
      .getRepository(BotRuntimeStateEntity)
      .findOne({ where: { botId }, select: { botId: true, autoShardCount: true } });
    return row?.autoShardCount ?? recommended;
  }

  /**
   * A bot's shards: its setting, its lifecycle answer (status aggregated over its shards) and
   * each shard of the layout it runs with, checked against its lease.
   */
  async shards(botId: string): Promise<BotShards> {
    const bot = await this.uow
      .getRepository(BotEntity)
      .findOne({ where: { id: botId }, select: { id: true, shardCount: true } });
    if (!bot) throw new BotNotFoundError(botId);
    const [lifecycle, view] = await Promise.all([this.state(botId), this.shardViews(botId)]);
    return { lifecycle, setting: shardSetting(bot.shardCount), ...view };
  }

  /** The stored shard rows of a bot's current layout, each checked against its lease. */
  private async shardViews(botId: string): Promise<BotShardsView> {
    const state = await this.uow.getRepository(BotRuntimeStateEntity).findOneBy({ botId });
    const count = state?.shardCount ?? 1;
    const rows =
      count > 1
        ? await this.uow
            .getRepository(BotShardStateEntity)
            .find({ where: { botId, shardCount: count }, order: { shardId: 'ASC' } })
        : [];
    return this.leases.vouchShards(botId, count, state, rows);
  }

  /** How many times in a row the bot ended in `error` (for the retry backoff). */
  async errorCount(botId: string): Promise<number> {
    const row = await this.uow
      .getRepository(BotRuntimeStateEntity)
      .findOne({ where: { botId }, select: { botId: true, errorCount: true } });
    return row?.errorCount ?? 0;
  }

  async views(botIds: readonly string[]): Promise<Map<string, BotRuntimeView>> {
    return this.vouch(await this.storedViews(botIds));
  }

  async storedViews(botIds: readonly string[]): Promise<Map<string, StoredRuntimeView>> {
    const rows =
      botIds.length === 0
        ? []
        : await this.uow
            .getRepository(BotRuntimeStateEntity)
            .createQueryBuilder('s')
            .where('s.bot_id = ANY(:ids::uuid[])', { ids: botIds })
            .getMany();
    const byId = new Map(rows.map((row) => [row.botId, row]));
    const views = new Map<string, StoredRuntimeView>();
    for (const id of botIds) {
      const row = byId.get(id);
      views.set(id, {
        desiredState: row?.desiredState ?? 'stopped',
        status: row?.status ?? 'stopped',
        statusReason: row?.statusReason ?? null,
        statusChangedAt: row?.statusChangedAt ?? new Date(0),
        workerId: row?.workerId ?? null,
        shardCount: row?.shardCount ?? null,
      });
    }
    return views;
  }

  async vouch(stored: Map<string, StoredRuntimeView>): Promise<Map<string, BotRuntimeView>> {
    const views = new Map<string, BotRuntimeView>();
    for (const [id, view] of stored) {
      const { desiredState, status, statusReason, statusChangedAt } = view;
      views.set(id, { desiredState, status, statusReason, statusChangedAt });
    }
    return this.leases.vouch(views, stored);
  }

  statusCondition(alias: string, status: BotStatus) {
    const sql =
      status === 'stopped'
        ? `NOT EXISTS (SELECT 1 FROM bot_runtime_states rs WHERE rs.bot_id = ${alias}.id AND rs.status <> :runtimeStatus)`
        : `EXISTS (SELECT 1 FROM bot_runtime_states rs WHERE rs.bot_id = ${alias}.id AND rs.status = :runtimeStatus)`;
    return { sql, params: { runtimeStatus: status } };
  }

  /** The lifecycle answer for one bot: its name and version beside the runtime's view. */
  async state(botId: string): Promise<BotLifecycleState> {
    const bot = await this.records.find(botId);
    if (!bot) throw new BotNotFoundError(botId);
    const view = (await this.views([botId])).get(botId)!;
    return { botId, name: bot.name, version: bot.version, ...view };
  }

  private nudgeAfterCommit(botIds: string[], desiredState: DesiredState, restart: boolean): void {
    this.uow.afterCommit(() => this.nudge(botIds, desiredState, restart));
  }

  /** One event for the whole change: any bot id wakes every reconciler for a full pass. */
  private nudge(botIds: string[], desiredState: DesiredState, restart: boolean): Promise<void> {
    return bounded(
      this.events.publish('bot.desired', { botId: botIds[0], desiredState, restart }),
      NUDGE_TIMEOUT_MS,
      'Nudging the workers',
    ).then(
      // An unsent event (Redis away) is counted and logged by the bus itself.
      () => undefined,
      (error: unknown) => {
        this.logger.warn(
          { err: error, bots: botIds.length },
          'Could not nudge the workers; their next reconcile picks the change up',
        );
      },
    );
  }
}

function isSettled(status: BotStatus): boolean {
  return status === 'stopped' || status === 'error';
}

/**
 * Sets the desired state of many bots in one statement (rows created lazily for bots that
 * predate theirs); with `restart`, or when starting a bot in `error`, a restart is requested.
 */
async function writeDesired(
  manager: EntityManager,
  botIds: readonly string[],
  desiredState: DesiredState,
  restart: boolean,
): Promise<DesiredChange[]> {
  // Lazily created for bots that predate their lifecycle row (or were inserted by hand).
  await manager.query(
    `INSERT INTO bot_runtime_states (bot_id)
     SELECT id FROM bots WHERE id = ANY($1::uuid[])
     ON CONFLICT (bot_id) DO NOTHING`,
    [botIds],
  );
  // An UPDATE answers [rows, affected] through TypeORM's driver.
  const [rows] = await manager.query<
    [
      Array<{ bot_id: string; status: BotStatus; status_changed_at: Date; changed: boolean }>,
      number,
    ]
  >(
    `WITH before AS (
       SELECT bot_id, desired_state FROM bot_runtime_states
        WHERE bot_id = ANY($1::uuid[]) FOR UPDATE
     )
     UPDATE bot_runtime_states s
        SET desired_state = $2,
            restart_requested_at = CASE
              WHEN $2 = 'running' AND ($3 OR s.status = 'error') THEN now()
              ELSE s.restart_requested_at END,
            error_count = CASE WHEN $2 = 'running' THEN 0 ELSE s.error_count END
       FROM before b
      WHERE s.bot_id = b.bot_id
      RETURNING s.bot_id, s.status, s.status_changed_at, b.desired_state <> $2 AS changed`,
    [botIds, desiredState, restart],
  );
  return rows.map((row): DesiredChange => ({
    botId: row.bot_id,
    status: row.status,
    statusChangedAt: row.status_changed_at,
    changed: row.changed,
  }));
}
