import type { BotStatus } from '@botdeck/bot-config';
import { BOT_RUNTIME_ERRORS } from '@botdeck/bot-runtime';
import { AppError } from '@botdeck/core';
import { Inject, Injectable } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { bulkOperationsConfig, type BulkOperationsConfig } from '../bulk-operations.config';
import { BULK_ITEM_ERRORS } from '../bulk-operations.errors';
import type { BulkKind } from '../operations/bulk-operation.entity';
import type { ItemResult } from '../operations/bulk-operations.repository';
import { BULK_LIFECYCLE, type BulkLifecycle, type LifecycleSnapshot } from './bulk-lifecycle.port';

/** A status seen again before the runtime acted on the request is re-read this often. */
const STALE_RECHECK_MS = 200;

const upper = (kind: BulkKind) => kind.toUpperCase() as Uppercase<BulkKind>;

const GOAL: Record<BulkKind, BotStatus> = { start: 'online', stop: 'stopped', restart: 'online' };

/**
 * Statuses that end the wait. A bot in `error` is not running, so it counts as stopped; the
 * runtime leaves errored bots as they are when asked to stop them.
 */
const ENDS: Record<BulkKind, BotStatus[]> = {
  start: ['online', 'error'],
  stop: ['stopped', 'error'],
  restart: ['online', 'error'],
};

/**
 * Carries out one bot's part of a bulk operation: asks the runtime for the change, then waits
 * until the bot got there (or failed, or ran out of time) and says how it went. Expected
 * failures become a failed item; anything else is thrown so the job is retried.
 */
@Injectable()
export class BulkItemRunner {
  constructor(
    @Inject(BULK_LIFECYCLE) private readonly lifecycle: BulkLifecycle,
    @Inject(bulkOperationsConfig.KEY) private readonly config: BulkOperationsConfig,
  ) {}

  async run(kind: BulkKind, botId: string): Promise<ItemResult> {
    try {
      const requested = await this.request(kind, botId);
      const reached = await this.waitForOutcome(kind, botId, requested);
      const stoppedEnough = kind === 'stop' && reached.status === 'error';
      if (reached.status === GOAL[kind] || stoppedEnough) return { status: 'succeeded' };
      return {
        status: 'failed',
        errorCode: BULK_ITEM_ERRORS[`BOT_${upper(kind)}_FAILED`],
        errorMessage: reached.statusReason ?? `The bot ended in ${reached.status}`,
      };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const errorCode =
        error.code === BOT_RUNTIME_ERRORS.BOT_STATUS_TIMEOUT
          ? BULK_ITEM_ERRORS[`BOT_${upper(kind)}_TIMEOUT`]
          : error.code;
      return { status: 'failed', errorCode, errorMessage: error.message };
    }
  }

  private request(kind: BulkKind, botId: string): Promise<LifecycleSnapshot> {
    switch (kind) {
      case 'start':
        return this.lifecycle.requestStart(botId);
      case 'stop':
        return this.lifecycle.requestStop(botId);
      case 'restart':
        return this.lifecycle.requestRestart(botId);
    }
  }

  /**
   * Waits for the goal status, or `error` for a start. A status that has not changed since the
   * request does not count where the request must change it: a restarting bot is still
   * `online` until its worker acts, and a bot in `error` is retried by a start.
   */
  private async waitForOutcome(
    kind: BulkKind,
    botId: string,
    requested: LifecycleSnapshot,
  ): Promise<LifecycleSnapshot> {
    const goal = GOAL[kind];
    const deadline = Date.now() + this.config.itemTimeoutMs;
    for (;;) {
      const state = await this.lifecycle.waitForStatus(
        botId,
        ENDS[kind],
        Math.max(1, deadline - Date.now()),
      );
      const changed = state.statusChangedAt.getTime() > requested.statusChangedAt.getTime();
      const mustChange = kind === 'restart' || (kind === 'start' && state.status === 'error');
      if (changed || !mustChange) return state;
      if (Date.now() >= deadline) {
        throw new AppError(
          BOT_RUNTIME_ERRORS.BOT_STATUS_TIMEOUT,
          504,
          `Bot ${botId} did not reach ${goal} in time (it is ${state.status})`,
        );
      }
      await sleep(STALE_RECHECK_MS);
    }
  }
}
