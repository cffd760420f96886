import { RateLimitedError } from '@botdeck/core';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectThrottlerStorage, type ThrottlerStorage } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { bearerToken } from '../access/access.guard';
import { AccessTokensService } from '../sessions/access-tokens.service';
import { rateLimitConfig, type RateLimitConfig, type RateLimitTier } from './rate-limit.config';
import { setRateLimitHeaders } from './rate-limit-headers';

export type CountedTier = Exclude<RateLimitTier, 'login'>;

/**
 * Counts requests against their tier in the throttler's Redis storage, per signed-in user, or
 * per client IP (as TRUST_PROXY_HOPS lets Fastify read it) for anonymous callers and tokens
 * that do not verify, so the limits hold in total across every API instance. Sets the limit
 * headers. Redis away or slow: the request goes through uncounted (a limiter must not take the
 * API down with Redis), logged once per outage.
 *
 * A request is counted once, by whichever door sees it first (the response cache's, or the
 * guard): the outcome is remembered on the request for the other.
 */
@Injectable()
export class RateLimiter {
  private readonly log = new Logger(RateLimiter.name);
  private storageDown = false;
  private readonly outcomes = new WeakMap<FastifyRequest, RateLimitedError | null>();

  constructor(
    @InjectThrottlerStorage() private readonly storage: ThrottlerStorage,
    private readonly accessTokens: AccessTokensService,
    @Inject(rateLimitConfig.KEY) private readonly config: RateLimitConfig,
  ) {}

  get enabled(): boolean {
    return this.config.enabled;
  }

  /** Who `request` counts as: `user:<id>` for a token Botdeck signed, else `ip:<address>`. */
  async tracker(request: FastifyRequest): Promise<string> {
    const token = bearerToken(request.headers.authorization);
    if (token) {
      try {
        return `user:${(await this.accessTokens.verify(token)).sub}`;
      } catch {
        // Not a token Botdeck signed (or expired): the caller is anonymous here.
      }
    }
    return `ip:${request.ip}`;
  }

  /**
   * Counts `request` against `tier` (once: a second call answers the first's outcome) and sets
   * the limit headers; the refusal to throw when the caller is over the limit, else null.
   */
  async count(
    request: FastifyRequest,
    reply: FastifyReply,
    tier: CountedTier,
    tracker: string,
  ): Promise<RateLimitedError | null> {
    const known = this.outcomes.get(request);
    if (known !== undefined) return known;
    const outcome = await this.countOnce(reply, tier, tracker);
    this.outcomes.set(request, outcome);
    return outcome;
  }

  private async countOnce(
    reply: FastifyReply,
    tier: CountedTier,
    tracker: string,
  ): Promise<RateLimitedError | null> {
    const limit = this.config.tiers[tier];
    const ttl = this.config.windowSeconds * 1000;
    let record;
    try {
      // Bounded by the storage: each round trip gives up after RATE_LIMIT_TIMEOUT_MS.
      record = await this.storage.increment(`ratelimit:${tier}:${tracker}`, ttl, limit, ttl, tier);
      if (this.storageDown) this.log.log('Rate limits are counted again');
      this.storageDown = false;
    } catch (error) {
      if (!this.storageDown) {
        this.log.warn({ err: error }, 'Cannot count rate limits (Redis); letting requests through');
      }
      this.storageDown = true;
      return null;
    }
    const windowSeconds = this.config.windowSeconds;
    if (record.isBlocked) {
      setRateLimitHeaders(reply, {
        tier,
        limit,
        remaining: 0,
        resetSeconds: record.timeToBlockExpire,
        windowSeconds,
      });
      return new RateLimitedError(
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
    return null;
  }
}
