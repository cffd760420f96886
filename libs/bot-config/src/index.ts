import { CreateBots1732500002000 } from './migrations/1732500002000-CreateBots';
import { AddBotRestartRequests1732500004000 } from './migrations/1732500004000-AddBotRestartRequests';

export * from './bot-config.module';
export * from './bot-config.config';
export * from './bot-config.errors';
export { BotsService, type BotChange } from './bots/bots.service';
export { BotStatusStore } from './bots/bot-status.store';
export {
  BotEntity,
  BOT_STATUSES,
  DESIRED_STATES,
  type BotStatus,
  type DesiredState,
} from './bots/bot.entity';
export { BotDto } from './bots/dto/bot.dto';
export { TokenCipher } from './tokens/token-cipher';

/** Schema migrations owned by this lib, in order. */
export const botConfigMigrations = [CreateBots1732500002000, AddBotRestartRequests1732500004000];
export type { BotStatusEvent, BotDesiredEvent } from './bots/bot.events';
