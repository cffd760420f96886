import { CatalogReadModule } from '@botdeck/catalog';
import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RestockAlertEntity } from './alerts/restock-alert.entity';
import { RestockAlertSender } from './alerts/restock-alert-sender';
import { restockAlertsConfig } from './alerts/restock-alerts.config';
import { RestockAlertsPlugin } from './alerts/restock-alerts.plugin';
import { StockCommandsModule } from './commands/stock-commands.module';
import { StockDisplayEntity } from './displays/stock-display.entity';
import { ChannelBuckets } from './publishing/channel-buckets';
import { DisplayStore } from './publishing/display-store';
import { DisplaySync } from './publishing/display-sync';
import { StockDisplayPlugin } from './publishing/stock-display.plugin';
import { stockDisplayConfig } from './stock-display.config';

/**
 * The worker side: every bot this worker runs keeps its displays live. `ChannelBuckets` is
 * exported so that anything else a bot posts into a channel shares its message bucket.
 */
@Module({
  imports: [
    ConfigModule.forFeature(stockDisplayConfig),
    ConfigModule.forFeature(restockAlertsConfig),
    TypeOrmModule.forFeature([StockDisplayEntity, RestockAlertEntity]),
    CatalogReadModule,
    StockCommandsModule,
  ],
  providers: [
    ChannelBuckets,
    DisplayStore,
    DisplaySync,
    StockDisplayPlugin,
    RestockAlertSender,
    RestockAlertsPlugin,
  ],
  exports: [ChannelBuckets],
})
export class StockDisplayWorkerModule {}
