import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { commandLogsConfig } from '../command-logs.config';
import { CommandLogPartitions } from './command-log-partitions';

/** Partition upkeep and retention of command logs, for the worker's retention job. */
@Module({
  imports: [ConfigModule.forFeature(commandLogsConfig)],
  providers: [CommandLogPartitions],
  exports: [CommandLogPartitions],
})
export class CommandLogRetentionModule {}
