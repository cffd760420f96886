import type { BotStatus, DesiredState } from '@botdeck/bot-config';
import { EventBus } from '@botdeck/core';
import { Injectable } from '@nestjs/common';
import { BotStatusTimeoutError } from '../bot-runtime.errors';
import {
  type BotShards,
  BotRuntimeStates,
  type DesiredChange,
} from '../state/bot-runtime-states.service';
import type { BotLifecycleState } from './bot-lifecycle-state';

const ACTIONS: Record<LifecycleAction, [DesiredState, boolean]> = {
  start: ['running', false],
  stop: ['stopped', false],
  restart: ['running', true],
};

/** Status events are at-most-once; the database is re-read this often while waiting. */
const RECHECK_MS = 1_000;

export type LifecycleAction = 'start' | 'stop' | 'restart';

/**
 * Asks for bots to start, stop or restart. Safe in any process (API or worker): it writes the
 * desired state in the caller's unit of work and nudges the workers once it commits; the
 * worker that holds (or claims) the bot does the work. Every single-bot method throws
 * `BotNotFoundError` for an unknown id.
 */
@Injectable()
export class BotLifecycleService {
  constructor(
    private readonly states: BotRuntimeStates,
    private readonly events: EventBus,
  ) {}

  async requestStart(botId: string): Promise<BotLifecycleState> {
    return this.request('start', botId);
  }

  async requestStop(botId: string): Promise<BotLifecycleState> {
    return this.request('stop', botId);
  }

  /** Restarts a running bot, or starts a stopped one. */
  async requestRestart(botId: string): Promise<BotLifecycleState> {
    return this.request('restart', botId);
  }

  /**
   * The same request for many bots in one statement and one nudge, in the caller's unit of
   * work (a bulk operation writes it with its items). Unknown ids are left out of the answer.
   */
  requestMany(action: LifecycleAction, botIds: readonly string[]): Promise<DesiredChange[]> {
    const [desired, restart] = ACTIONS[action];
    return this.states.setDesiredStates(botIds, desired, { restart });
  }

  /** Where these bots stand (unknown ids read as stopped), leases checked. */
  async views(botIds: readonly string[]) {
    return this.states.views(botIds);
  }

  async getState(botId: string): Promise<BotLifecycleState> {
    return this.states.state(botId);
  }

  /** The bot and each of its gateway shards (one for an unsharded bot), leases checked. */
  async shards(botId: string): Promise<BotShards> {
    return this.states.shards(botId);
  }

  private async request(action: LifecycleAction, botId: string): Promise<BotLifecycleState> {
    const [desired, restart] = ACTIONS[action];
    await this.states.setDesiredState(botId, desired, { restart });
    return this.states.state(botId);
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
