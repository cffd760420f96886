import { AuditModule } from '@botdeck/audit';
import { AuthModule } from '@botdeck/auth';
import { BotConfigModule } from '@botdeck/bot-config';
import { BotLifecycleModule } from '@botdeck/bot-runtime';
import { BulkOperationsModule } from '@botdeck/bulk-operations';
import { CatalogModule } from '@botdeck/catalog';
import { CommandLogsModule, HttpInteractionsModule } from '@botdeck/commands';
import { CoreModule, DatabaseModule } from '@botdeck/core';
import { MessagingModule } from '@botdeck/messaging';
import { migrations } from '@botdeck/migrations';
import { MonitoringModule } from '@botdeck/monitoring';
import { RealtimeModule } from '@botdeck/realtime';
import { SearchModule } from '@botdeck/search';
import { StockCommandsModule, StockDisplayModule } from '@botdeck/stock-display';
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
    // Slash commands of bots in HTTP mode, with the handlers of every domain that has some.
    HttpInteractionsModule,
    StockCommandsModule,
    CatalogModule,
    StockDisplayModule,
    MessagingModule,
    SearchModule,
    RealtimeModule,
  ],
})
export class ApiModule {}
