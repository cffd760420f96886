import KeyvRedis, { createKeyv } from '@keyv/redis';
import { CacheModule } from '@nestjs/cache-manager';
import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { redisConfig, type RedisConfig } from '../config/redis.config';
import { cacheConfig, type CacheConfig } from './cache.config';
import { ReadCache } from './read-cache';
import { ResponseCache } from './response-cache';

/**
 * The read cache: cache-manager over @keyv/redis (cache-manager 7's maintained Redis store),
 * behind `ReadCache`, which adds generations, a memory tier and outage handling.
 */
@Global()
@Module({
  imports: [
    ConfigModule.forFeature(cacheConfig),
    CacheModule.registerAsync({
      imports: [ConfigModule.forFeature(cacheConfig)],
      inject: [cacheConfig.KEY, redisConfig.KEY],
      useFactory: (config: CacheConfig, redis: RedisConfig) => {
        const store = createKeyv(
          {
            url: config.url,
            // Fail at once while Redis is away instead of queueing: the read goes to PostgreSQL.
            disableOfflineQueue: true,
            socket: {
              connectTimeout: Math.max(config.timeoutMs, 500),
              reconnectStrategy: (attempt: number) => Math.min(attempt * 200, 2_000),
            },
          },
          {
            namespace: `${redis.keyPrefix}cache`,
            throwOnErrors: true,
            throwOnConnectError: false,
            connectionTimeout: Math.max(config.timeoutMs, 500),
          },
        );
        // Failures reach ReadCache through cache-manager's events; this only keeps them quiet.
        store.on('error', () => undefined);
        // Connect now rather than on the first read (which would fail and bypass the cache);
        // a Redis that is away is retried by the client on its own.
        if (config.enabled)
          void (store.store as KeyvRedis<unknown>).getClient().catch(() => undefined);
        return { stores: [store], ttl: config.ttlSeconds * 1000 };
      },
    }),
  ],
  providers: [ReadCache, ResponseCache],
  exports: [ReadCache, ResponseCache],
})
export class ReadCacheModule {}
