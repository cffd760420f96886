import { BotConfigModule, botConfigConfig } from '@botdeck/bot-config';
import { BulkOperationsModule } from '@botdeck/bulk-operations';
import { QueueModule, registerProducerQueue } from '@botdeck/core';
import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BulkMessagesController } from './bulk/bulk-messages.controller';
import { BulkMessagesService } from './bulk/bulk-messages.service';
import { DeliveryLedger } from './bulk/delivery-ledger';
import { MessageDeliveriesRepository } from './bulk/message-deliveries.repository';
import { BulkMessageEntity, MessageDeliveryEntity } from './bulk/message-delivery.entity';
import { MessageKindHandler } from './bulk/message-kind.handler';
import { BotMessagesController } from './messages/bot-messages.controller';
import { BotMessagesService } from './messages/bot-messages.service';
import { SCHEDULED_MESSAGES_QUEUE } from './messaging.events';

/**
 * The API side: one message through one bot (sent from here), and bulk message operations
 * (written here, sent by the workers holding the bots), shown through the bulk operations API.
 */
@Module({
  imports: [
    ConfigModule.forFeature(botConfigConfig),
    TypeOrmModule.forFeature([BulkMessageEntity, MessageDeliveryEntity]),
    QueueModule,
    registerProducerQueue(SCHEDULED_MESSAGES_QUEUE),
    BotConfigModule,
    BulkOperationsModule,
  ],
  controllers: [BotMessagesController, BulkMessagesController],
  providers: [
    BotMessagesService,
    BulkMessagesService,
    MessageDeliveriesRepository,
    DeliveryLedger,
    MessageKindHandler,
  ],
})
export class MessagingModule {}
