import { BotsService, type BotEntity, type BotRuntimeView } from '@botdeck/bot-config';
import { BulkOperationsService } from '@botdeck/bulk-operations';
import { Inject, Injectable } from '@nestjs/common';
import { realtimeConfig, type RealtimeConfig } from '../realtime.config';
import type { BotStatusSnapshot, TopicSnapshot } from '../realtime.protocol';

const BOTS_PAGE = 100;
/** Subscribers arriving together (a dashboard fleet reconnecting) share one read of the fleet. */
const BOTS_SNAPSHOT_REUSE_MS = 1_000;

/** Reads what the snapshots show, through each domain's public door. */
@Injectable()
export class SnapshotSources {
  private botsRead: { at: number; snapshot: Promise<TopicSnapshot> } | null = null;

  constructor(
    private readonly bots: BotsService,
    private readonly operations: BulkOperationsService,
    @Inject(realtimeConfig.KEY) private readonly config: RealtimeConfig,
  ) {}

  /** Current statuses of the fleet (up to REALTIME_SNAPSHOT_MAX_BOTS bots, oldest first). */
  botsSnapshot(): Promise<TopicSnapshot> {
    const now = Date.now();
    if (!this.botsRead || now - this.botsRead.at > BOTS_SNAPSHOT_REUSE_MS) {
      const snapshot = this.readBots();
      this.botsRead = { at: now, snapshot };
      // A failed read is not reused.
      snapshot.catch(() => (this.botsRead = null));
    }
    return this.botsRead.snapshot;
  }

  /** One bot's current status, or nothing for a bot that does not exist. */
  async bot(id: string): Promise<TopicSnapshot | null> {
    const bot = await this.bots.get(id).catch(() => null);
    if (!bot) return null;
    const view = await this.bots.view(id);
    return { topic: `bot:${id}`, bot: toSnapshot(bot, view) };
  }

  /** An operation's current totals, or nothing for one that does not exist. */
  async operation(id: string): Promise<TopicSnapshot | null> {
    const operation = await this.operations.get(id).catch(() => null);
    if (!operation) return null;
    return {
      topic: `operation:${id}`,
      operation: {
        operationId: operation.id,
        kind: operation.kind,
        status: operation.status,
        totals: {
          total: operation.total,
          pending: operation.pending,
          succeeded: operation.succeeded,
          failed: operation.failed,
        },
      },
    };
  }

  private async readBots(): Promise<TopicSnapshot> {
    const max = this.config.snapshotMaxBots;
    const found: BotEntity[] = [];
    let cursor: string | undefined;
    let more = true;
    while (more && found.length < max) {
      const page = await this.bots.list({ limit: Math.min(BOTS_PAGE, max - found.length), cursor });
      found.push(...page.items);
      cursor = page.nextCursor ?? undefined;
      more = page.nextCursor !== null;
    }
    const views =
      found.length > 0
        ? await this.bots.views(found.map((bot) => bot.id))
        : new Map<string, BotRuntimeView>();
    return {
      topic: 'bots',
      bots: found.map((bot) => toSnapshot(bot, views.get(bot.id)!)),
      truncated: more,
    };
  }
}

function toSnapshot(bot: BotEntity, view: BotRuntimeView): BotStatusSnapshot {
  return {
    botId: bot.id,
    name: bot.name,
    status: view.status,
    reason: view.statusReason,
    changedAt: view.statusChangedAt.toISOString(),
  };
}
