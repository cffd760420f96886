import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { redisConfig, RedisConfig } from '../config/redis.config';

/** Injection token for the shared ioredis client (keys are prefixed with REDIS_KEY_PREFIX). */
export const REDIS = Symbol('REDIS');

export function createRedisClient(config: RedisConfig, name: string): Redis {
  return new Redis(config.url, {
    keyPrefix: config.keyPrefix,
    connectionName: name,
    // Fail commands fast while Redis is away instead of queueing them for ever.
    maxRetriesPerRequest: 2,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    lazyConnect: false,
  });
}

@Injectable()
class RedisLifecycle implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [redisConfig.KEY],
      useFactory: (config: RedisConfig) => createRedisClient(config, 'botdeck'),
    },
    RedisLifecycle,
  ],
  exports: [REDIS],
})
export class RedisModule {}
