import { BotConfigModule } from '@botdeck/bot-config';
import { BotLifecycleModule } from '@botdeck/bot-runtime';
import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { bulkOperationsConfig } from './bulk-operations.config';
import { BulkItemSettler } from './execution/bulk-item.settler';
import { BulkProgress } from './execution/bulk-progress';
import { BulkLifecycleTracker } from './execution/bulk-lifecycle.tracker';
import { BulkOperationEntity, BulkOperationItemEntity } from './operations/bulk-operation.entity';
import { BulkOperationsRepository } from './operations/bulk-operations.repository';

/**
 * The worker side: settles every bot's item from `bot.status` events, with a periodic sweep
 * as fallback, and records the operation's progress.
 */
@Module({
  imports: [
    ConfigModule.forFeature(bulkOperationsConfig),
    TypeOrmModule.forFeature([BulkOperationEntity, BulkOperationItemEntity]),
    BotConfigModule,
    BotLifecycleModule,
  ],
  providers: [BulkOperationsRepository, BulkProgress, BulkItemSettler, BulkLifecycleTracker],
  exports: [BulkOperationsRepository, BulkProgress],
})
export class BulkOperationsWorkerModule {}
