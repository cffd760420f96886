import { CreateBots1732500002000 } from './migrations/1732500002000-CreateBots';
import { AddBotRestartRequests1732500004000 } from './migrations/1732500004000-AddBotRestartRequests';
import { AddBotInteractionsEndpoint1732500015500 } from './migrations/1732500015500-AddBotInteractionsEndpoint';
import { AddBotShardCount1732500015000 } from './migrations/1732500015000-AddBotShardCount';

export * from './bot-config.module';
export * from './bot-config.config';
export * from './bot-config.errors';
export { BotsService, type BotChange } from './bots/bots.service';
export { BotRecordStore } from './bots/bot-record.store';
export { BotEntity, INTERACTIONS_MODES, type InteractionsMode } from './bots/bot.entity';
export { BotInteractionsService } from './interactions/bot-interactions.service';
export {
  interactionsEndpointConfig,
  type InteractionsEndpointConfig,
} from './interactions/interactions-endpoint.config';
export {
  BOT_RUNTIME_PORT,
  BOT_STATUSES,
  DESIRED_STATES,
  type BotRuntimePort,
  type BotRuntimeView,
  type BotStatus,
  type DesiredState,
  type StoredRuntimeView,
} from './bots/bot-runtime.port';
export { BotDto } from './bots/dto/bot.dto';
export { SNOWFLAKE } from './bots/dto/bot-fields';
export { MAX_SHARDS, type ShardCountSetting, shardSetting } from './bots/dto/shard-count';
export { TokenCipher } from './tokens/token-cipher';

/** Schema migrations owned by this lib, in order. */
export const botConfigMigrations = [
  CreateBots1732500002000,
  AddBotRestartRequests1732500004000,
  AddBotShardCount1732500015000,
  AddBotInteractionsEndpoint1732500015500,
];
export { BotSearch, type BotHit } from './bots/bot-search';
export type { BotStatusEvent, BotDesiredEvent, BotChangedEvent } from './bots/bot.events';
export { BOT_LIST_DEPENDS_ON } from './bots/bots.service';
