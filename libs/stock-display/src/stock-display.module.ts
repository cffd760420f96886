import { BotConfigModule, botConfigConfig } from '@botdeck/bot-config';
import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RestockAlertEntity } from './alerts/restock-alert.entity';
import { RestockAlertsController } from './alerts/restock-alerts.controller';
import { RestockAlertsService } from './alerts/restock-alerts.service';
import { ChannelCheck } from './displays/channel-check';
import { StockDisplayEntity } from './displays/stock-display.entity';
import { StockDisplaysController } from './displays/stock-displays.controller';
import { StockDisplaysService } from './displays/stock-displays.service';

/** The API side: `/api/v1/stock-displays`. Discord is driven by the worker side. */
@Module({
  imports: [
    ConfigModule.forFeature(botConfigConfig),
    BotConfigModule,
    TypeOrmModule.forFeature([StockDisplayEntity, RestockAlertEntity]),
  ],
  controllers: [StockDisplaysController, RestockAlertsController],
  providers: [StockDisplaysService, ChannelCheck, RestockAlertsService],
  exports: [StockDisplaysService],
})
export class StockDisplayModule {}
