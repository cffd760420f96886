import type { BotStatus } from './bot.entity';

/** Published whenever a bot's lifecycle status changes (persisted first, then announced). */
export interface BotStatusEvent {
  botId: string;
  name: string;
  status: BotStatus;
  reason: string | null;
  /** Worker that holds the bot, when one does. */
  workerId: string | null;
}

declare module '@botdeck/core' {
  interface BotdeckEvents {
    'bot.status': BotStatusEvent;
  }
}
