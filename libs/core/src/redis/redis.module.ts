import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { redisConfig, RedisConfig } from '../config/redis.config';
import { logRedisOutages } from './redis-outage-log';

/** Injection token for the shared ioredis client (keys are prefixed with REDIS_KEY_PREFIX). */
export const REDIS = Symbol('REDIS');

/**
 * For a connection that hands records to Redis for safe keeping (an outbox, a spool): while
 * Redis is away a command fails at once instead of waiting in ioredis's queues, so the caller
 * keeps the record elsewhere and it is never also sent late, on reconnect, as a duplicate.
 */
export const FAIL_FAST_REDIS_OPTIONS = {
  enableOfflineQueue: false,
  maxRetriesPerRequest: 0,
} as const;

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
  // Copies (a subscriber, a blocking reader) need the same outage logging as the original;
  // ioredis copies options but not listeners.
  const duplicate = client.duplicate.bind(client);
  let copies = 0;
  client.duplicate = (override) => {
    copies += 1;
    return logRedisOutages(duplicate(override), `${name} #${copies + 1}`);
  };
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
