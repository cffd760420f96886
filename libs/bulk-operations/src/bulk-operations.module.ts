import { BotEntity } from '@botdeck/bot-config';
import { QueueModule, registerProducerQueue } from '@botdeck/core';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BULK_LIFECYCLE_QUEUE } from './execution/bulk-lifecycle.job';
import { BulkOperationEntity, BulkOperationItemEntity } from './operations/bulk-operation.entity';
import { BulkOperationsController } from './operations/bulk-operations.controller';
import { BulkOperationsRepository } from './operations/bulk-operations.repository';
import { BulkOperationsService } from './operations/bulk-operations.service';

/** The API side: accepts bulk lifecycle requests, enqueues one job per bot, reports results. */
@Module({
  imports: [
    TypeOrmModule.forFeature([BulkOperationEntity, BulkOperationItemEntity, BotEntity]),
    QueueModule,
    // Enqueued while serving a request: fails fast (503) when Redis is away.
    registerProducerQueue(BULK_LIFECYCLE_QUEUE),
  ],
  controllers: [BulkOperationsController],
  providers: [BulkOperationsRepository, BulkOperationsService],
  exports: [BulkOperationsService],
})
export class BulkOperationsModule {}
