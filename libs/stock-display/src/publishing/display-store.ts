import { UnitOfWork } from '@botdeck/core';
import { Injectable } from '@nestjs/common';
import { StockDisplayEntity, type DisplayStatus } from '../displays/stock-display.entity';

export interface DisplayRef {
  id: string;
  channelId: string;
}

/** The worker's reads and writes of display rows (outside any request: each its own statement). */
@Injectable()
export class DisplayStore {
  constructor(private readonly uow: UnitOfWork) {}

  private get repo() {
    return this.uow.getRepository(StockDisplayEntity);
  }

  /** The display as stored, deleted ones included (their messages still need removing). */
  load(id: string): Promise<StockDisplayEntity | null> {
    return this.repo.findOneBy({ id });
  }

  async forBot(botId: string): Promise<DisplayRef[]> {
    return this.repo.find({ select: { id: true, channelId: true }, where: { botId } });
  }

  /** Stored right after each post, so a crash loses at most the id of one message in flight. */
  async saveMessages(id: string, messageIds: string[], messageHashes: string[]): Promise<void> {
    await this.repo.update({ id }, { messageIds, messageHashes });
  }

  async saveRendered(
    id: string,
    fields: {
      messageIds: string[];
      messageHashes: string[];
      contentHash: string | null;
      status: DisplayStatus;
      statusReason: string | null;
    },
  ): Promise<void> {
    await this.repo.update({ id }, { ...fields, statusCode: null, lastRenderedAt: new Date() });
  }

  async saveStatus(
    id: string,
    status: DisplayStatus,
    code: number | null,
    reason: string | null,
  ): Promise<void> {
    await this.repo.update({ id }, { status, statusCode: code, statusReason: reason });
  }

  /** Clears a refresh request once served, unless a newer one came meanwhile. */
  async clearRefresh(id: string, seen: Date): Promise<void> {
    await this.repo
      .createQueryBuilder()
      .update(StockDisplayEntity)
      .set({ refreshRequestedAt: null })
      .where('id = :id AND refresh_requested_at <= :seen', { id, seen })
      .execute();
  }

  /** Drops a deleted display's row once its messages are gone. */
  async remove(id: string): Promise<void> {
    await this.repo.delete({ id });
  }
}
