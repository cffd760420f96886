import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { redisConfig, RedisConfig } from '../config/redis.config';
import { logRedisOutages } from './redis-outage-log';

/** Injection token for the shared ioredis client (keys are prefixed with REDIS_KEY_PREFIX). */
export const REDIS = Symbol('REDIS');

export function createRedisClient(config: RedisConfig, name: string): Redis {
  const client = new Redis(config.url, {
    keyPrefix: config.keyPrefix,
    connectionName: name,
    // Fail commands fast while Redis is away instead of queueing them for ever: after two
    // failed reconnects, or after commandTimeout at the latest (a link that drops packets
    // fails no reconnect). Blocking reads must block for less than commandTimeout.
    maxRetriesPerRequest: 2,
    commandTimeout: config.commandTimeoutMs,
    connectTimeout: config.connectTimeoutMs,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    lazyConnect: false,
  });
  return logRedisOutages(client, name);
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
