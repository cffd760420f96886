import { BotConfigModule } from '@botdeck/bot-config';
import { BotLifecycleModule } from '@botdeck/bot-runtime';
import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { bulkOperationsConfig } from './bulk-operations.config';
import { BulkItemSettler } from './execution/bulk-item.settler';
import { BulkProgress } from './execution/bulk-progress';
import { BulkKindRegistry } from './kinds/bulk-kind.registry';
import { BulkOperationEntity, BulkOperationItemEntity } from './operations/bulk-operation.entity';
import { BulkOperationsController } from './operations/bulk-operations.controller';
import { BulkOperationsRepository } from './operations/bulk-operations.repository';
import { BulkOperationsService } from './operations/bulk-operations.service';

/**
 * The API side: accepts bulk lifecycle requests, writing the operation and the desired state
 * of every selected bot in one transaction, and reports results.
 */
@Module({
  imports: [
    ConfigModule.forFeature(bulkOperationsConfig),
    TypeOrmModule.forFeature([BulkOperationEntity, BulkOperationItemEntity]),
    BotConfigModule,
    BotLifecycleModule,
  ],
  controllers: [BulkOperationsController],
  providers: [
    BulkOperationsRepository,
    BulkOperationsService,
    BulkItemSettler,
    BulkProgress,
    BulkKindRegistry,
  ],
  exports: [BulkOperationsService, BulkOperationsRepository, BulkProgress, BulkKindRegistry],
})
export class BulkOperationsModule {}
