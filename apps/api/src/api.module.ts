import { AuditModule } from '@botdeck/audit';
import { AuthModule } from '@botdeck/auth';
import { BotConfigModule } from '@botdeck/bot-config';
import { BotLifecycleModule } from '@botdeck/bot-runtime';
import { BulkOperationsModule } from '@botdeck/bulk-operations';
import { CatalogModule } from '@botdeck/catalog';
import { CommandLogsModule } from '@botdeck/commands';
import { CoreModule, DatabaseModule } from '@botdeck/core';
import { MessagingModule } from '@botdeck/messaging';
import { migrations } from '@botdeck/migrations';
import { MonitoringModule } from '@botdeck/monitoring';
import { RealtimeModule } from '@botdeck/realtime';
import { StockDisplayModule } from '@botdeck/stock-display';
import { Module } from '@nestjs/common';

@Module({
  imports: [
    CoreModule,
    DatabaseModule.forRoot({ migrations }),
    AuthModule,
    AuditModule,
    MonitoringModule,
    BotConfigModule,
    BulkOperationsModule,
    BotLifecycleModule,
    CommandLogsModule,
    CatalogModule,
    StockDisplayModule,
    MessagingModule,
    RealtimeModule,
  ],
})
export class ApiModule {}
