import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { BotEntity, type BotStatus } from './bot.entity';

/** What the runtime writes about a bot: its lifecycle status and the identity READY reported. */
@Injectable()
export class BotStatusStore {
  constructor(@InjectRepository(BotEntity) private readonly bots: Repository<BotEntity>) {}

  /**
   * Persists a lifecycle status from the runtime. Leaves the version alone (status is not
   * something clients edit). Returns the bot's name, or null when the bot no longer exists.
   */
  async recordStatus(id: string, status: BotStatus, reason: string | null): Promise<string | null> {
    const result = await this.bots
      .createQueryBuilder()
      .update(BotEntity)
      .set({
        status,
        statusReason: reason,
        statusChangedAt: () => 'now()',
        // Named so TypeORM does not bump it: status is not something clients edit.
        version: () => 'version',
      })
      .where('id = :id', { id })
      .returning(['name'])
      .updateEntity(false)
      .execute();
    const rows = result.raw as Array<{ name: string }>;
    return rows[0]?.name ?? null;
  }

  /** Fills the identity Discord reported at login (an unvalidated bot learns who it is). */
  async recordIdentity(
    id: string,
    identity: { applicationId: string; botUserId: string; botUsername: string },
  ): Promise<void> {
    await this.bots
      .createQueryBuilder()
      .update(BotEntity)
      .set({ ...identity, version: () => 'version' })
      .where(
        'id = :id AND (application_id IS DISTINCT FROM :applicationId OR bot_user_id IS DISTINCT FROM :botUserId OR bot_username IS DISTINCT FROM :botUsername)',
        { id, ...identity },
      )
      .execute();
  }
}
