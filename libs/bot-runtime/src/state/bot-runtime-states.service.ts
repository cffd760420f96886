import {
  BotNotFoundError,
  BotRecordStore,
  type BotRuntimePort,
  type BotRuntimeView,
  type BotStatus,
  type DesiredState,
  type StoredRuntimeView,
} from '@botdeck/bot-config';
import { bounded, EventBus, UnitOfWork } from '@botdeck/core';
import { Injectable, Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { BotLifecycleState } from '../lifecycle/bot-lifecycle-state';
import { BotRuntimeStateEntity } from './bot-runtime-state.entity';
import { LeaseView } from './lease-view';

/** A nudge is a courtesy (the reconcilers poll anyway); it may never hold a request up longer. */
const NUDGE_TIMEOUT_MS = 1_000;

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
  ): Promise<string | null> {
    const rows = await this.uow.manager.query<[Array<{ name: string }>, number]>(
      `UPDATE bot_runtime_states s
          SET status = $2, status_reason = $3, status_changed_at = now(), worker_id = $4,
              error_count = CASE WHEN $2 = 'online' THEN 0
                                 WHEN $2 = 'error' THEN s.error_count + 1
                                 ELSE s.error_count END,
              retry_at = CASE WHEN $2 = 'error' THEN $5::timestamptz ELSE NULL END
         FROM bots b
        WHERE s.bot_id = $1 AND b.id = s.bot_id
        RETURNING b.name`,
      [botId, status, reason, options.workerId, options.retryAt ?? null],
    );
    return rows[0][0]?.name ?? null;
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
