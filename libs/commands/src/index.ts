import { CreateCommandLogs1732500005000 } from './migrations/1732500005000-CreateCommandLogs';
import { PartitionCommandLogs1732500012000 } from './migrations/1732500012000-PartitionCommandLogs';

export * from './commands.config';
export * from './commands.errors';
export * from './commands-worker.module';
export { CommandHandlingModule } from './command-handling.module';
export { HttpInteractionsModule } from './http/http-interactions.module';
export {
  httpInteractionsConfig,
  type HttpInteractionsConfig,
} from './http/http-interactions.config';
export { HTTP_INTERACTIONS_ERRORS } from './http/http-interactions.errors';
export { checkSignature, ed25519PublicKey } from './http/interaction-signature';
export * from './logs/command-logs.module';
export { CommandLogsService } from './logs/command-logs.service';
export { commandLogsConfig, type CommandLogsConfig } from './logs/command-logs.config';
export { CommandLogPartitions, type PartitionRun } from './logs/retention/command-log-partitions';
export { CommandLogRetentionModule } from './logs/retention/command-log-retention.module';
/** The search statements and cursors, for benches that run them bare beside the API. */
export {
  pageQuery,
  facetQuery,
  searchPage,
  textFirstQuery,
  textWindows,
  type LogSearchCriteria,
} from './logs/search/log-search.sql';
export { encodeLogCursor } from './logs/search/log-search.cursor';
export { toCopyText, COMMAND_LOG_COLUMNS } from './tracking/command-log.store';
export {
  CommandLogSearchService,
  type CommandLogHit,
} from './logs/search/command-log-search.service';
export {
  LogSearchQuery,
  LogSearchPageDto,
  LOG_SORTS,
  LOG_FACETS,
  type LogSort,
  type LogFacet,
} from './logs/dto/log-search.dto';
export {
  CommandLogEntity,
  COMMAND_OUTCOMES,
  FAILED_OUTCOMES,
  type CommandOutcome,
  type CommandStatus,
} from './logs/command-log.entity';
export { CommandLogDto } from './logs/dto/command-log.dto';
export { CommandStatsDto } from './logs/dto/command-stats.dto';
export type { CommandLoggedEvent } from './logs/command-log.events';
export { CommandCooldown } from './registry/command-cooldown.decorator';
export { EphemeralReply } from './registry/ephemeral-reply.decorator';
export { CommandRegistry, type RegisteredCommand } from './registry/command-registry';
export { CommandsPlugin } from './plugin/commands.plugin';
export { CommandTracker } from './tracking/command-tracker';
export { CommandMetrics } from './tracking/command-metrics';
export { CommandActivityModule } from './activity/command-activity.module';
export {
  CommandActivity,
  ACTIVITY_WINDOWS,
  type ActivityWindow,
  type BotCommandFigures,
  type CommandWindowFigures,
} from './activity/command-activity';
export {
  CommandLogQueue,
  COMMAND_LOG_STREAM,
  COMMAND_LOG_GROUP,
} from './tracking/command-log-queue';
export type { CommandLogRecord } from './tracking/command-log-record';
export { CommandLogOutbox } from './tracking/command-log-outbox';
export {
  CommandLogOutboxStats,
  type CommandLogOutboxSnapshot,
} from './tracking/command-log-outbox.stats';
export { CommandLogWriterModule } from './tracking/command-log-writer.module';
export { CommandLogWriter } from './tracking/command-log.writer';
export { CommandLogStore } from './tracking/command-log.store';
export { CommandSweeper } from './tracking/command-sweeper';

/** Schema migrations owned by this lib, in order. */
export const commandsMigrations = [
  CreateCommandLogs1732500005000,
  PartitionCommandLogs1732500012000,
];
