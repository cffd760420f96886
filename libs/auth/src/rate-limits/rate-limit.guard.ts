import { bounded, RateLimitedError } from '@botdeck/core';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import {
  ExecutionContext,
  Inject,
  Injectable,
  Logger,
  OnApplicationShutdown,
} from '@nestjs/common';
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
import { bearerToken } from '../access/access.guard';
import { AccessTokensService } from '../sessions/access-tokens.service';
import { rateLimitConfig, type RateLimitConfig, type RateLimitTier } from './rate-limit.config';
import { setRateLimitHeaders } from './rate-limit-headers';

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
 * The API's rate limits: every request counts against one tier (reads, writes or bulk), per
 * signed-in user, or per client IP (as TRUST_PROXY_HOPS lets Fastify read it) for anonymous
 * callers and tokens that do not verify. Counters live in Redis, so the limits hold in total
 * across every API instance. It runs before the access guard, so refused tokens count too.
 * Redis away or slow: the request goes through uncounted (a limiter must not take the API
 * down with Redis), logged once per outage.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard implements OnApplicationShutdown {
  private readonly log = new Logger(RateLimitGuard.name);
  private storageDown = false;

  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    private readonly accessTokens: AccessTokensService,
    @Inject(rateLimitConfig.KEY) private readonly config: RateLimitConfig,
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
    if (context.getType() !== 'http' || !this.config.enabled) return Promise.resolve(true);
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const tier = tierOf(request.method, request.url);
    return Promise.resolve(tier === null || tier === 'login');
  }

  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const req = request as unknown as FastifyRequest;
    const token = bearerToken(req.headers.authorization);
    if (token) {
      try {
        return `user:${(await this.accessTokens.verify(token)).sub}`;
      } catch {
        // Not a token Botdeck signed (or expired): the caller is anonymous here.
      }
    }
    return `ip:${req.ip}`;
  }

  protected override generateKey(_context: ExecutionContext, tracker: string, tier: string) {
    return `ratelimit:${tier}:${tracker}`;
  }

  protected override async handleRequest(props: ThrottlerRequest): Promise<boolean> {
    const { context, limit, ttl, throttler, getTracker, generateKey } = props;
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    if (tierOf(request.method, request.url) !== throttler.name) return true;
    const tier = throttler.name;
    const key = generateKey(context, await getTracker(request, context), tier);
    let record;
    try {
      record = await bounded(
        this.storageService.increment(key, ttl, limit, ttl, tier),
        this.config.timeoutMs,
        'The rate limiter',
      );
      if (this.storageDown) this.log.log('Rate limits are counted again');
      this.storageDown = false;
    } catch (error) {
      if (!this.storageDown) {
        this.log.warn({ err: error }, 'Cannot count rate limits (Redis); letting requests through');
      }
      this.storageDown = true;
      return true;
    }
    const reply = http.getResponse<FastifyReply>();
    const windowSeconds = Math.ceil(ttl / 1000);
    if (record.isBlocked) {
      setRateLimitHeaders(reply, {
        tier,
        limit,
        remaining: 0,
        resetSeconds: record.timeToBlockExpire,
        windowSeconds,
      });
      throw new RateLimitedError(
        record.timeToBlockExpire,
        `Too many ${tier} requests; at most ${limit} per ${windowSeconds} s`,
      );
    }
    setRateLimitHeaders(reply, {
      tier,
      limit,
      remaining: limit - record.totalHits,
      resetSeconds: record.timeToExpire,
      windowSeconds,
    });
    return true;
  }
}
