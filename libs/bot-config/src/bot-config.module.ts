import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { botConfigConfig, type BotConfigConfig } from './bot-config.config';
import { BotEntity } from './bots/bot.entity';
import { BotsController } from './bots/bots.controller';
import { BotRecordStore } from './bots/bot-record.store';
import { BotsService } from './bots/bots.service';
import { DiscordIdentityClient } from './discord/discord-identity.client';
import { TokenCipher } from './tokens/token-cipher';
import { BotInteractionsController } from './interactions/bot-interactions.controller';
import { BotInteractionsService } from './interactions/bot-interactions.service';
import { interactionsEndpointConfig } from './interactions/interactions-endpoint.config';

@Module({
  imports: [
    ConfigModule.forFeature(botConfigConfig),
    ConfigModule.forFeature(interactionsEndpointConfig),
    TypeOrmModule.forFeature([BotEntity]),
  ],
  controllers: [BotsController, BotInteractionsController],
  providers: [
    BotsService,
    BotInteractionsService,
    BotRecordStore,
    DiscordIdentityClient,
    {
      provide: TokenCipher,
      inject: [botConfigConfig.KEY],
      useFactory: (config: BotConfigConfig) => new TokenCipher(config.tokenKeys),
    },
  ],
  exports: [BotsService, BotRecordStore, TokenCipher],
})
export class BotConfigModule {}
