import { type BotStatus, BotsService } from '@botdeck/bot-config';
import { EventBus } from '@botdeck/core';
import { Injectable } from '@nestjs/common';
import { BotStatusTimeoutError } from '../bot-runtime.errors';
import { type BotLifecycleState, lifecycleState } from './bot-lifecycle-state';

/** Status events are at-most-once; the database is re-read this often while waiting. */
const RECHECK_MS = 1_000;

/**
 * Asks for bots to start, stop or restart. Safe in any process (API or worker): it writes the
 * desired state to PostgreSQL and nudges the workers; the worker that holds (or claims) the bot
 * does the work. Every method throws `BotNotFoundError` for an unknown id.
 */
@Injectable()
export class BotLifecycleService {
  constructor(
    private readonly bots: BotsService,
    private readonly events: EventBus,
  ) {}

  async requestStart(botId: string): Promise<BotLifecycleState> {
    return lifecycleState((await this.bots.setDesiredState(botId, 'running')).after);
  }

  async requestStop(botId: string): Promise<BotLifecycleState> {
    return lifecycleState((await this.bots.setDesiredState(botId, 'stopped')).after);
  }

  /** Restarts a running bot, or starts a stopped one. */
  async requestRestart(botId: string): Promise<BotLifecycleState> {
    return lifecycleState(
      (await this.bots.setDesiredState(botId, 'running', { restart: true })).after,
    );
  }

  async getState(botId: string): Promise<BotLifecycleState> {
    return lifecycleState(await this.bots.get(botId));
  }

  /**
   * Resolves once the bot's status is one of `statuses` (immediately if it already is), from
   * `bot.status` events (a status it passed through counts) with a periodic database re-check. Rejects with `BotStatusTimeoutError`
   * after `timeoutMs`, or `BotNotFoundError` if the bot is deleted meanwhile.
   */
  async waitForStatus(
    botId: string,
    statuses: readonly BotStatus[],
    timeoutMs: number,
  ): Promise<BotLifecycleState> {
    let wake: () => void = () => undefined;
    // A status can be passed through quickly (reconnecting → online); the event itself counts.
    const seen: { event: { status: BotStatus; reason: string | null; at: Date } | null } = {
      event: null,
    };
    const unsubscribe = await this.events.subscribe('bot.status', (event) => {
      if (event.payload.botId !== botId || !statuses.includes(event.payload.status)) return;
      seen.event ??= {
        status: event.payload.status,
        reason: event.payload.reason,
        at: new Date(event.at),
      };
      wake();
    });
    const deadline = Date.now() + timeoutMs;
    try {
      for (;;) {
        // Subscribed before reading, so a change between the two is never missed.
        const state = await this.getState(botId);
        const event = seen.event;
        if (event) {
          return {
            ...state,
            status: event.status,
            statusReason: event.reason,
            statusChangedAt: event.at,
          };
        }
        if (statuses.includes(state.status)) return state;
        const left = deadline - Date.now();
        if (left <= 0) {
          throw new BotStatusTimeoutError(botId, statuses, state.status, state.statusReason);
        }
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Math.min(left, RECHECK_MS));
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    } finally {
      unsubscribe();
    }
  }
}
