import { BotEntity } from '@botdeck/bot-config';
import { QueueModule } from '@botdeck/core';
import { BullModule } from '@nestjs/bullmq';
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
    BullModule.registerQueue({ name: BULK_LIFECYCLE_QUEUE }),
  ],
  controllers: [BulkOperationsController],
  providers: [BulkOperationsRepository, BulkOperationsService],
  exports: [BulkOperationsService],
})
export class BulkOperationsModule {}
