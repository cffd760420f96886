import { BotEntity } from '@botdeck/bot-config';
import { UnitOfWork } from '@botdeck/core';
import { Injectable } from '@nestjs/common';
import type { SelectQueryBuilder } from 'typeorm';
import { BotRuntimeStateEntity } from '../state/bot-runtime-state.entity';

/** A bot's configuration with its lifecycle row, as the reconciler reads them. */
export type FleetBot = BotEntity & { runtime: BotRuntimeStateEntity };

/** The reconciler's reads of desired state. */
@Injectable()
export class FleetRepository {
  constructor(private readonly uow: UnitOfWork) {}

  findByIds(ids: readonly string[]): Promise<FleetBot[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.query().where('bot.id = ANY(:ids::uuid[])', { ids }).getMany() as Promise<
      FleetBot[]
    >;
  }

  /**
   * Bots that should run and that this worker does not run, longest-waiting first. A bot in
   * `error` stays put until an operator asks again (a restart request newer than the error) or
   * its retry time comes (it gave up while nothing was wrong with its token).
   */
  findRunnable(excludeIds: readonly string[], limit: number): Promise<FleetBot[]> {
    return (
      this.query()
        .where(`rs.desired_state = 'running'`)
        .andWhere(
          `(rs.status <> 'error' OR rs.restart_requested_at > rs.status_changed_at OR rs.retry_at <= now())`,
        )
        .andWhere('NOT (bot.id = ANY(:exclude::uuid[]))', { exclude: excludeIds })
        // Bots that look unheld come first; a live worker's online bots (lease held) last, so in
        // a large fleet the candidate window is not filled with bots nobody can claim.
        .orderBy(`CASE WHEN rs.status IN ('online', 'reconnecting') THEN 1 ELSE 0 END`, 'ASC')
        .addOrderBy('rs.status_changed_at', 'ASC')
        .limit(limit)
        .getMany() as Promise<FleetBot[]>
    );
  }

  /** Bots meant to be stopped whose status still says otherwise (their worker died). */
  findStrandedStopped(excludeIds: readonly string[], limit: number): Promise<FleetBot[]> {
    return this.query()
      .where(`rs.desired_state = 'stopped'`)
      .andWhere(`rs.status NOT IN ('stopped', 'error')`)
      .andWhere('NOT (bot.id = ANY(:exclude::uuid[]))', { exclude: excludeIds })
      .limit(limit)
      .getMany() as Promise<FleetBot[]>;
  }

  private query(): SelectQueryBuilder<BotEntity> {
    return this.uow
      .getRepository(BotEntity)
      .createQueryBuilder('bot')
      .innerJoinAndMapOne('bot.runtime', BotRuntimeStateEntity, 'rs', 'rs.bot_id = bot.id');
  }
}
