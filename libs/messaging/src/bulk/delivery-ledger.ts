import {
  BULK_ITEM_ERRORS,
  BulkOperationsRepository,
  BulkProgress,
  type RecordedResult,
} from '@botdeck/bulk-operations';
import { UnitOfWork } from '@botdeck/core';
import { Injectable } from '@nestjs/common';
import { type DeliveryResult, MessageDeliveriesRepository } from './message-deliveries.repository';

/** Per operation, at most one progress event per this long from one process (the last always). */
const ANNOUNCE_EVERY_MS = 250;

/**
 * Moves deliveries and their operation's counters together: each change of deliveries and the
 * matching `bulk_operations` update commit in one transaction, and progress is announced after
 * — coalesced, since an operation of 10 000 messages would otherwise send 10 000 events: each
 * event carries the totals, so skipping one loses nothing but its `item`, and an operation's
 * final totals (nothing pending) are always announced.
 */
@Injectable()
export class DeliveryLedger {
  private readonly lastAnnounced = new Map<string, number>();

  constructor(
    private readonly uow: UnitOfWork,
    private readonly deliveries: MessageDeliveriesRepository,
    private readonly operations: BulkOperationsRepository,
    private readonly progress: BulkProgress,
  ) {}

  /** Records how a claimed delivery ended; false when it had ended already. */
  async finish(id: string, result: DeliveryResult): Promise<boolean> {
    const done = await this.uow.transaction(async (manager) => {
      const finished = await this.deliveries.finish(manager, id, result);
      if (!finished) return null;
      const change = result.status === 'succeeded' ? { succeeded: 1 } : { failed: 1 };
      const recorded = await this.operations.count(manager, finished.operationId, change);
      return recorded && { finished, recorded };
    });
    if (!done) return false;
    await this.announce(done.finished.operationId, done.recorded, {
      botId: done.finished.botId,
      ...(done.finished.channelId ? { channelId: done.finished.channelId } : {}),
      status: result.status,
      errorCode: result.status === 'failed' ? result.errorCode : null,
    });
    return true;
  }

  /** Replaces an "every text channel" target by one delivery per channel. */
  async expand(id: string, operationId: string, channelIds: string[]): Promise<void> {
    const recorded = await this.uow.transaction(async (manager) => {
      const added = await this.deliveries.expand(manager, id, channelIds);
      return added > 0 ? this.operations.count(manager, operationId, { added: added - 1 }) : null;
    });
    if (recorded) await this.announce(operationId, recorded);
  }

  /** Fails everything not yet claimed and marks the operation cancelled. */
  async cancel(operationId: string): Promise<void> {
    const recorded = await this.uow.transaction(async (manager) => {
      const failed = await this.deliveries.failPending(
        manager,
        operationId,
        BULK_ITEM_ERRORS.BULK_OPERATION_CANCELLED,
        'The operation was cancelled before this message was sent',
      );
      return this.operations.count(manager, operationId, { failed, cancel: true });
    });
    if (recorded) await this.announce(operationId, recorded);
  }

  /** Fails a bot's unfinished deliveries (nobody runs it), on each of their operations. */
  async failBot(botId: string, errorCode: string, errorMessage: string): Promise<number> {
    const results = await this.uow.transaction(async (manager) => {
      const counts = await this.deliveries.failOpenOfBot(manager, botId, errorCode, errorMessage);
      const recorded: Array<[string, RecordedResult]> = [];
      for (const [operationId, failed] of counts) {
        const result = await this.operations.count(manager, operationId, { failed });
        if (result) recorded.push([operationId, result]);
      }
      return { recorded, total: [...counts.values()].reduce((sum, n) => sum + n, 0) };
    });
    for (const [operationId, recorded] of results.recorded)
      await this.announce(operationId, recorded);
    return results.total;
  }

  private async announce(
    operationId: string,
    recorded: RecordedResult,
    item?: {
      botId: string;
      channelId?: string;
      status: 'succeeded' | 'failed';
      errorCode: string | null;
    },
  ): Promise<void> {
    const now = Date.now();
    const done = recorded.totals.pending === 0;
    if (!done && now - (this.lastAnnounced.get(operationId) ?? 0) < ANNOUNCE_EVERY_MS) return;
    if (done) this.lastAnnounced.delete(operationId);
    else {
      // Operations finished by another process leave an entry here; forget them in bulk.
      if (this.lastAnnounced.size >= 1_000) this.lastAnnounced.clear();
      this.lastAnnounced.set(operationId, now);
    }
    await this.progress.announce({
      operationId,
      kind: recorded.kind,
      status: recorded.status,
      totals: recorded.totals,
      ...(item ? { item } : {}),
    });
  }
}
