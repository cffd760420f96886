import { BotStatusStore, type BotStatus } from '@botdeck/bot-config';
import { EventBus } from '@botdeck/core';
import { Injectable, Logger } from '@nestjs/common';
import { WorkerIdentity } from '../fleet/worker-identity';

/** Persists a bot's status change, then announces it as `bot.status`. */
@Injectable()
export class BotStatusReporter {
  private readonly logger = new Logger(BotStatusReporter.name);

  constructor(
    private readonly store: BotStatusStore,
    private readonly events: EventBus,
    private readonly worker: WorkerIdentity,
  ) {}

  async report(botId: string, status: BotStatus, reason: string | null): Promise<void> {
    try {
      const name = await this.store.recordStatus(botId, status, reason);
      if (name === null) return; // Deleted meanwhile: nothing to show anyone.
      // One line per transition, so an operator reading a worker's log sees its fleet move.
      this.logger.log({ botId, name, status, reason }, `Bot ${name} (${botId}) is ${status}`);
      await this.events.publish('bot.status', {
        botId,
        name,
        status,
        reason,
        workerId: status === 'stopped' || status === 'error' ? null : this.worker.id,
      });
    } catch (error) {
      // The status is informational; a failed write must not take the bot down with it.
      this.logger.warn({ err: error, botId, status }, 'Could not record a bot status');
    }
  }
}
