import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { redisConfig, RedisConfig } from '../config/redis.config';
import { QueueOutageLog } from './queue-outage-log';

/** BullMQ's shared connection; domains register their queues with `BullModule.registerQueue`. */
@Module({
  imports: [
    DiscoveryModule,
    BullModule.forRootAsync({
      inject: [redisConfig.KEY],
      useFactory: (config: RedisConfig) => ({
        connection: { url: config.url, maxRetriesPerRequest: null },
        prefix: `${config.keyPrefix}bull`,
        defaultJobOptions: { removeOnComplete: 1_000, removeOnFail: 5_000 },
      }),
    }),
  ],
  providers: [QueueOutageLog],
  exports: [BullModule],
})
export class QueueModule {}
