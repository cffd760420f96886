import { RateLimitedError } from '@botdeck/core';
import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { authConfig, type AuthConfig } from '../auth.config';
import { setRateLimitHeaders } from '../rate-limits/rate-limit-headers';

/** The Redis-backed throttler storage (shared by every API instance). */
export const LOGIN_THROTTLER_STORAGE = Symbol('LOGIN_THROTTLER_STORAGE');

function emailKey(body: unknown): string | undefined {
  const email = (body as { email?: unknown } | undefined)?.email;
  if (typeof email !== 'string' || email.trim() === '') return undefined;
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
}

/**
 * Limits sign-in attempts per client IP and per email address, so neither one address
 * guessing many accounts nor many addresses guessing one account get far. Every attempt
 * counts, successful or not; a blocked caller gets 429 RATE_LIMITED with Retry-After. This is
 * the `login` tier of the API's rate limits; its RateLimit headers describe the per-IP count.
 */
@Injectable()
export class LoginThrottleGuard implements CanActivate {
  constructor(
    @Inject(LOGIN_THROTTLER_STORAGE) private readonly storage: ThrottlerStorage,
    @Inject(authConfig.KEY) private readonly config: AuthConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const { perIp, perEmail, ttlSeconds } = this.config.loginThrottle;
    const ttlMs = ttlSeconds * 1000;
    const checks = [this.storage.increment(`login:ip:${request.ip}`, ttlMs, perIp, ttlMs, 'ip')];
    const email = emailKey(request.body);
    if (email) {
      checks.push(this.storage.increment(`login:email:${email}`, ttlMs, perEmail, ttlMs, 'email'));
    }
    const records = await Promise.all(checks);
    const byIp = records[0];
    const blocked = records.filter((record) => record.isBlocked);
    setRateLimitHeaders(context.switchToHttp().getResponse<FastifyReply>(), {
      tier: 'login',
      limit: perIp,
      remaining: byIp.isBlocked ? 0 : perIp - byIp.totalHits,
      resetSeconds: byIp.isBlocked ? byIp.timeToBlockExpire : byIp.timeToExpire,
      windowSeconds: ttlSeconds,
    });
    if (blocked.length > 0) {
      const retryAfter = Math.max(...blocked.map((record) => record.timeToBlockExpire));
      throw new RateLimitedError(retryAfter, 'Too many sign-in attempts; try again later');
    }
    return true;
  }
}
