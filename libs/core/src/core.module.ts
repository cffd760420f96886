import { Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ReadCacheModule } from './cache/read-cache.module';
import { CoreConfigModule } from './config/config.module';
import { EventBus } from './events/event-bus';
import { AllExceptionsFilter } from './http/all-exceptions.filter';
import { RouteIndex } from './http/fastify-adapter';
import { RequestOutcomeBus } from './http/request-outcome.bus';
import { createValidationPipe } from './http/validation';
import { LoggingModule } from './logging/logging.module';
import { MetricsRegistry } from './metrics/metrics-registry';
import { RedisModule } from './redis/redis.module';

/**
 * What every Botdeck process needs: configuration, logging, Redis, the read cache (every
 * process that publishes events invalidates it) and the HTTP conventions.
 */
@Global()
@Module({
  imports: [CoreConfigModule, LoggingModule, RedisModule, ReadCacheModule],
  providers: [
    RequestOutcomeBus,
    RouteIndex,
    EventBus,
    MetricsRegistry,
    { provide: APP_FILTER, useClass: AllExceptionsFilter },
    { provide: APP_PIPE, useFactory: createValidationPipe },
  ],
  exports: [RequestOutcomeBus, RouteIndex, EventBus, MetricsRegistry],
})
export class CoreModule {}
