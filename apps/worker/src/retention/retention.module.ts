import { AuditRetentionModule } from '@botdeck/audit';
import { CommandLogRetentionModule } from '@botdeck/commands';
import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { retentionConfig } from './retention.config';
import { RETENTION_QUEUE, RetentionProcessor } from './retention.processor';
import { RetentionRunner } from './retention.runner';

/** Command-log partitions and retention, audit retention: one scheduled job for the fleet. */
@Module({
  imports: [
    ConfigModule.forFeature(retentionConfig),
    BullModule.registerQueue({ name: RETENTION_QUEUE }),
    CommandLogRetentionModule,
    AuditRetentionModule,
  ],
  providers: [RetentionRunner, RetentionProcessor],
  exports: [RetentionRunner],
})
export class RetentionModule {}
