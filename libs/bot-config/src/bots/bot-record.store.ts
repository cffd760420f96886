import { UnitOfWork } from '@botdeck/core';
import { Injectable } from '@nestjs/common';
import { BotEntity } from './bot.entity';

/**
 * What the runtime may change on a bot's configuration record: the identity READY reported,
 * and the version, which moves when the bot's desired state changes so a client holding an
 * older read learns that the bot changed.
 */
@Injectable()
export class BotRecordStore {
  constructor(private readonly uow: UnitOfWork) {}

  /** The name and version of a bot, or null when it does not exist. */
  find(id: string): Promise<Pick<BotEntity, 'id' | 'name' | 'version'> | null> {
    return this.uow
      .getRepository(BotEntity)
      .findOne({ where: { id }, select: { id: true, name: true, version: true } });
  }

  /** Moves the version of these bots on (their desired state changed). */
  async bumpVersions(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.uow
      .getRepository(BotEntity)
      .createQueryBuilder()
      .update(BotEntity)
      .set({ version: () => 'version + 1' })
      .where('id = ANY(:ids::uuid[])', { ids })
      .execute();
  }

  /** Fills the identity Discord reported at login (an unvalidated bot learns who it is). */
  async recordIdentity(
    id: string,
    identity: { applicationId: string; botUserId: string; botUsername: string },
  ): Promise<void> {
    await this.uow
      .getRepository(BotEntity)
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
