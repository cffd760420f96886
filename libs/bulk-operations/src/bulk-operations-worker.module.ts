import { BotLifecycleModule, BotLifecycleService } from '@botdeck/bot-runtime';
import { QueueModule } from '@botdeck/core';
import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { bulkOperationsConfig } from './bulk-operations.config';
import { BulkItemRunner } from './execution/bulk-item.runner';
import { BULK_LIFECYCLE_QUEUE } from './execution/bulk-lifecycle.job';
import { BULK_LIFECYCLE, type BulkLifecycle } from './execution/bulk-lifecycle.port';
import { BulkLifecycleProcessor } from './execution/bulk-lifecycle.processor';
import { BulkOperationEntity, BulkOperationItemEntity } from './operations/bulk-operation.entity';
import { BulkOperationsRepository } from './operations/bulk-operations.repository';

/**
 * The worker side: consumes `bulk-bot-lifecycle`, asks the bot runtime for each change and
 * records every bot's result and the operation's progress.
 */
@Module({
  imports: [
    ConfigModule.forFeature(bulkOperationsConfig),
    TypeOrmModule.forFeature([BulkOperationEntity, BulkOperationItemEntity]),
    QueueModule,
    BullModule.registerQueue({ name: BULK_LIFECYCLE_QUEUE }),
    BotLifecycleModule,
  ],
  providers: [
    BulkOperationsRepository,
    BulkItemRunner,
    BulkLifecycleProcessor,
    {
      provide: BULK_LIFECYCLE,
      inject: [BotLifecycleService],
      // Typed, so a change to the runtime's API that breaks the port fails to compile.
      useFactory: (lifecycle: BotLifecycleService): BulkLifecycle => lifecycle,
    },
  ],
})
export class BulkOperationsWorkerModule {}
