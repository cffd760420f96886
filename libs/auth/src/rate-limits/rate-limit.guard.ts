import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { ExecutionContext, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerGuard,
  type ThrottlerModuleOptions,
  type ThrottlerRequest,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RateLimitTier } from './rate-limit.config';
import { RateLimiter } from './rate-limiter';

/**
 * Routes never limited: probes and scrapes must answer however busy a caller is, and Discord
 * delivering interactions is every user of a bot behind one caller (its signature is the check).
 */
const EXEMPT = [
  /^\/api\/v1\/monitoring\/health(\/|$)/,
  /^\/metrics(\/|$)/,
  /^\/docs(\/|-json|$)/,
  /^\/interactions\//,
];
/** Limited by the sign-in throttle (per IP and per email) instead. */
const LOGIN = /^\/api\/v1\/auth\/login\/?$/;
const BULK = /^\/api\/v1\/bulk\//;

/** The tier a request counts against; null when it is not limited here. */
export function tierOf(method: string, url: string): RateLimitTier | null {
  const path = url.split('?')[0] ?? url;
  if (EXEMPT.some((pattern) => pattern.test(path))) return null;
  if (LOGIN.test(path)) return 'login';
  if (BULK.test(path)) return 'bulk';
  return method === 'GET' || method === 'HEAD' ? 'reads' : 'writes';
}

/**
 * The API's rate limits, as a @nestjs/throttler guard: every request counts against one tier
 * (reads, writes or bulk) through the `RateLimiter`, unless the response cache's door counted
 * it already. It runs before the access guard, so refused tokens count too.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard implements OnApplicationShutdown {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    private readonly limiter: RateLimiter,
  ) {
    super(options, storage, reflector);
  }

  /** The storage's connection is the module's own (see AuthModule); it closes with the app. */
  async onApplicationShutdown(): Promise<void> {
    if (this.storageService instanceof ThrottlerStorageRedisService) {
      const redis = this.storageService.redis;
      await redis.quit().catch(() => redis.disconnect());
    }
  }

  protected override shouldSkip(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http' || !this.limiter.enabled) return Promise.resolve(true);
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const tier = tierOf(request.method, request.url);
    return Promise.resolve(tier === null || tier === 'login');
  }

  protected override getTracker(request: Record<string, unknown>): Promise<string> {
    return this.limiter.tracker(request as unknown as FastifyRequest);
  }

  protected override async handleRequest(props: ThrottlerRequest): Promise<boolean> {
    const { context, throttler, getTracker } = props;
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const tier = tierOf(request.method, request.url);
    if (tier !== throttler.name || tier === null || tier === 'login') return true;
    const refusal = await this.limiter.count(
      request,
      http.getResponse<FastifyReply>(),
      tier,
      await getTracker(request, context),
    );
    if (refusal) throw refusal;
    return true;
  }
}
