import { BotRuntimeModule, FleetStats } from '@botdeck/bot-runtime';
import { BulkOperationsWorkerModule } from '@botdeck/bulk-operations';
import { CommandMetrics, CommandsWorkerModule } from '@botdeck/commands';
import { CoreModule, DatabaseModule, QueueModule } from '@botdeck/core';
import { MessagingWorkerModule } from '@botdeck/messaging';
import { WorkerHeartbeatModule } from '@botdeck/monitoring';
import { StockDisplayWorkerModule } from '@botdeck/stock-display';
import { Module } from '@nestjs/common';
import { RetentionModule } from './retention/retention.module';

/** The worker process: no HTTP; runs background jobs (and, later, the bots). */
@Module({
  imports: [
    CoreModule,
    DatabaseModule.forRoot(),
    QueueModule,
    // The heartbeat reports what the bots and their commands do, through these two sources.
    WorkerHeartbeatModule.register({
      imports: [BotRuntimeModule, CommandsWorkerModule],
      fleet: FleetStats,
      commands: CommandMetrics,
    }),
    BotRuntimeModule,
    BulkOperationsWorkerModule,
    CommandsWorkerModule,
    StockDisplayWorkerModule,
    MessagingWorkerModule,
    RetentionModule,
  ],
})
export class WorkerModule {}
