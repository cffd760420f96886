import type { BotStatus, DesiredState } from './bot-runtime.port';

/** Published whenever a bot's lifecycle status changes (persisted first, then announced). */
export interface BotStatusEvent {
  botId: string;
  name: string;
  status: BotStatus;
  reason: string | null;
  /** Worker that holds the bot, when one does. */
  workerId: string | null;
}

/**
 * A nudge to the workers: a bot's desired state changed (or a restart was asked for), so
 * reconcile now instead of at the next interval. The database stays the source of truth.
 */
export interface BotDesiredEvent {
  botId: string;
  desiredState: DesiredState;
  restart: boolean;
}

/** A bot's configuration was created, edited, validated, given a new token or deleted. */
export interface BotChangedEvent {
  botId: string;
  change: 'created' | 'updated' | 'deleted';
}

declare module '@botdeck/core' {
  interface BotdeckEvents {
    'bot.status': BotStatusEvent;
    'bot.desired': BotDesiredEvent;
    'bot.changed': BotChangedEvent;
  }
}
