import { BotsService, type BotStatus } from '@botdeck/bot-config';
import { BotLifecycleService } from '@botdeck/bot-runtime';
import { Inject, Injectable } from '@nestjs/common';
import { bulkOperationsConfig, type BulkOperationsConfig } from '../bulk-operations.config';
import {
  BulkOperationsRepository,
  type ItemResult,
  type PendingItem,
} from '../operations/bulk-operations.repository';
import { itemOutcome, timedOut } from './bulk-item-outcome';
import { BulkProgress } from './bulk-progress';

/** Items one sweep looks at; the next sweep takes the rest. */
const SWEEP_BATCH = 2_000;

/**
 * Decides bulk items from what the runtime reports: at once from a `bot.status` event, or by
 * a sweep that reads the statuses (leases checked) of the items still pending and fails those
 * past `BULK_ITEM_TIMEOUT_MS`. Recording a result is idempotent (only a pending item moves), so
 * every worker may settle, and an event and a sweep may race, without counting twice.
 */
@Injectable()
export class BulkItemSettler {
  constructor(
    private readonly operations: BulkOperationsRepository,
    private readonly lifecycle: BotLifecycleService,
    private readonly bots: BotsService,
    private readonly progress: BulkProgress,
    @Inject(bulkOperationsConfig.KEY) private readonly config: BulkOperationsConfig,
  ) {}

  /** A bot reported a status at `at`: its pending items that this settles are recorded. */
  async onStatus(botId: string, status: BotStatus, reason: string | null, at: Date) {
    if (status !== 'online' && status !== 'stopped' && status !== 'error') return;
    const items = await this.operations.pendingItems({ botId, limit: SWEEP_BATCH });
    for (const item of items) {
      const result = itemOutcome(item.kind, {
        status,
        reason,
        sinceRequest: at.getTime() > item.requestedAt.getTime(),
      });
      if (result) await this.finish(item, result);
    }
  }

  /** Settles pending items from stored statuses; of one operation, or of all. */
  async sweep(operationId?: string): Promise<number> {
    const items = await this.operations.pendingItems({ operationId, limit: SWEEP_BATCH });
    if (items.length === 0) return 0;
    const ids = [...new Set(items.map((item) => item.botId))];
    const [views, existing] = await Promise.all([
      this.lifecycle.views(ids),
      this.bots.select({ botIds: ids }, ids.length),
    ]);
    const exists = new Set(existing.ids);
    let settled = 0;
    for (const item of items) {
      const result = this.decide(item, exists.has(item.botId), views.get(item.botId)!);
      if (result && (await this.finish(item, result))) settled++;
    }
    return settled;
  }

  private decide(
    item: PendingItem,
    exists: boolean,
    view: { status: BotStatus; statusReason: string | null; statusChangedAt: Date },
  ): ItemResult | null {
    if (!exists) {
      return {
        status: 'failed',
        errorCode: 'BOT_NOT_FOUND',
        errorMessage: `Bot ${item.botId} was deleted`,
      };
    }
    const seen = {
      status: view.status,
      reason: view.statusReason,
      sinceRequest: view.statusChangedAt.getTime() > item.requestedAt.getTime(),
    };
    const result = itemOutcome(item.kind, seen);
    if (result) return result;
    const late = Date.now() - item.requestedAt.getTime() > this.config.itemTimeoutMs;
    return late ? timedOut(item.kind, item.botId, seen) : null;
  }

  private async finish(item: PendingItem, result: ItemResult): Promise<boolean> {
    const recorded = await this.operations.recordResult(item.operationId, item.botId, result);
    if (!recorded) return false;
    await this.progress.announce({
      operationId: item.operationId,
      kind: recorded.kind,
      status: recorded.status,
      totals: recorded.totals,
      item: { botId: item.botId, status: result.status, errorCode: result.errorCode ?? null },
    });
    return true;
  }
}
