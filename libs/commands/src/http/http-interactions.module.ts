import { BotConfigModule, botConfigConfig } from '@botdeck/bot-config';
import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { CommandHandlingModule } from '../command-handling.module';
import { HttpInteractionBots } from './http-interaction-bots';
import { httpInteractionsConfig } from './http-interactions.config';
import { HttpInteractionsController } from './http-interactions.controller';
import { HttpInteractionsService } from './http-interactions.service';

/**
 * The API side of slash commands for bots in HTTP mode: `POST /interactions/:botId` runs the
 * same handlers, tracking, cooldowns and logs as a worker's gateway connection. Command logs go
 * into the durable queue; the workers write them to PostgreSQL.
 */
@Module({
  imports: [
    ConfigModule.forFeature(httpInteractionsConfig),
    ConfigModule.forFeature(botConfigConfig),
    BotConfigModule,
    CommandHandlingModule,
  ],
  controllers: [HttpInteractionsController],
  providers: [HttpInteractionBots, HttpInteractionsService],
})
export class HttpInteractionsModule {}
