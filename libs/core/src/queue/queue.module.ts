import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
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
        // Workers wait out an outage (BullMQ requires maxRetriesPerRequest null for them).
        connection: {
          url: config.url,
          maxRetriesPerRequest: null,
          connectTimeout: config.connectTimeoutMs,
        },
        prefix: `${config.keyPrefix}bull`,
        defaultJobOptions: { removeOnComplete: 1_000, removeOnFail: 5_000 },
      }),
    }),
  ],
  providers: [QueueOutageLog],
  exports: [BullModule],
})
export class QueueModule {}

/**
 * Registers a queue that a request adds jobs to. Unlike a worker's, its connection fails a
 * command after one failed reconnect or REDIS_COMMAND_TIMEOUT_MS, so a request that enqueues
 * while Redis is away answers 503 instead of waiting for Redis to come back.
 */
export function registerProducerQueue(name: string): DynamicModule {
  return BullModule.registerQueueAsync({
    name,
    inject: [redisConfig.KEY],
    useFactory: (config: RedisConfig) => ({
      connection: {
        url: config.url,
        maxRetriesPerRequest: 1,
        commandTimeout: config.commandTimeoutMs,
        connectTimeout: config.connectTimeoutMs,
      },
    }),
  });
}
