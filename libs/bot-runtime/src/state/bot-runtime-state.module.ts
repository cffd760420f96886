import { BOT_RUNTIME_PORT, BotConfigModule } from '@botdeck/bot-config';
import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BotShardStateEntity } from '../shards/bot-shard-state.entity';
import { BotRuntimeStateEntity } from './bot-runtime-state.entity';
import { BotRuntimeStates } from './bot-runtime-states.service';
import { BotStatusCounts } from './bot-status-counts';
import { LeaseView } from './lease-view';

/**
 * Lifecycle state and its one writer. Global so that bot configuration reaches it through
 * `BOT_RUNTIME_PORT` without importing this lib (the dependency stays one-way).
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([BotRuntimeStateEntity, BotShardStateEntity]),
    BotConfigModule,
  ],
  providers: [
    LeaseView,
    BotRuntimeStates,
    BotStatusCounts,
    { provide: BOT_RUNTIME_PORT, useExisting: BotRuntimeStates },
  ],
  exports: [BotRuntimeStates, BotStatusCounts, BOT_RUNTIME_PORT],
})
export class BotRuntimeStateModule {}
