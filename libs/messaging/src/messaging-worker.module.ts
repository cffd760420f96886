import { BotLifecycleModule } from '@botdeck/bot-runtime';
import { BulkOperationsWorkerModule } from '@botdeck/bulk-operations';
import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DeliveryLedger } from './bulk/delivery-ledger';
import { MessageDeliveriesRepository } from './bulk/message-deliveries.repository';
import { BulkMessageEntity, MessageDeliveryEntity } from './bulk/message-delivery.entity';
import { DeliverySweeper } from './delivery/delivery.sweeper';
import { MessageSender } from './delivery/message-sender';
import { MessagingPlugin } from './delivery/messaging.plugin';
import { ScheduledReleaseProcessor } from './delivery/scheduled-release.processor';
import { messagingConfig } from './messaging.config';
import { SCHEDULED_MESSAGES_QUEUE } from './messaging.events';

/**
 * The worker side: sends the deliveries of the bots this worker holds, through their own
 * clients (see `MessageSender`), releases scheduled sends when their delayed job fires, and
 * sweeps what events and jobs may have missed. Needs the bot runtime in the same process.
 */
@Module({
  imports: [
    ConfigModule.forFeature(messagingConfig),
    TypeOrmModule.forFeature([BulkMessageEntity, MessageDeliveryEntity]),
    BullModule.registerQueue({ name: SCHEDULED_MESSAGES_QUEUE }),
    BulkOperationsWorkerModule,
    BotLifecycleModule,
  ],
  providers: [
    MessageDeliveriesRepository,
    DeliveryLedger,
    MessageSender,
    MessagingPlugin,
    DeliverySweeper,
    ScheduledReleaseProcessor,
  ],
})
export class MessagingWorkerModule {}
