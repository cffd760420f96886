import { BotEntity } from '@botdeck/bot-config';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';

/** The reconciler's reads of desired state. */
@Injectable()
export class FleetRepository {
  constructor(@InjectRepository(BotEntity) private readonly bots: Repository<BotEntity>) {}

  findByIds(ids: readonly string[]): Promise<BotEntity[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.bots.findBy({ id: In([...ids]) });
  }

  /**
   * Bots that should run and that this worker does not run, longest-waiting first. A bot in
   * `error` stays put until an operator asks again (a restart request newer than the error).
   */
  findRunnable(excludeIds: readonly string[], limit: number): Promise<BotEntity[]> {
    return (
      this.bots
        .createQueryBuilder('bot')
        .where(`bot.desired_state = 'running'`)
        .andWhere(`(bot.status <> 'error' OR bot.restart_requested_at > bot.status_changed_at)`)
        .andWhere('NOT (bot.id = ANY(:exclude::uuid[]))', { exclude: excludeIds })
        // Bots that look unheld come first; a live worker's online bots (lease held) last, so in
        // a large fleet the candidate window is not filled with bots nobody can claim.
        .orderBy(`CASE WHEN bot.status IN ('online', 'reconnecting') THEN 1 ELSE 0 END`, 'ASC')
        .addOrderBy('bot.status_changed_at', 'ASC')
        .limit(limit)
        .getMany()
    );
  }

  /** Bots meant to be stopped whose status still says otherwise (their worker died). */
  findStrandedStopped(excludeIds: readonly string[], limit: number): Promise<BotEntity[]> {
    return this.bots
      .createQueryBuilder('bot')
      .where(`bot.desired_state = 'stopped'`)
      .andWhere(`bot.status NOT IN ('stopped', 'error')`)
      .andWhere('NOT (bot.id = ANY(:exclude::uuid[]))', { exclude: excludeIds })
      .limit(limit)
      .getMany();
  }
}
