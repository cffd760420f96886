import { ResponseCacheAdmission, requestState, type Role, roleAtLeast } from '@botdeck/core';
import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { tierOf } from '../rate-limits/rate-limit.guard';
import { RateLimiter } from '../rate-limits/rate-limiter';
import { bearerToken } from './access.guard';
import { Authenticator } from './authenticator.service';

/**
 * The response cache's door: the access guard's checks (token, user, login, role) by the same
 * `Authenticator`, then the rate-limit count by the same `RateLimiter`. Anything it would
 * refuse is left to the pipeline, whose guards refuse it with the right error.
 */
@Injectable()
export class SignedInAdmission extends ResponseCacheAdmission {
  constructor(
    private readonly authenticator: Authenticator,
    private readonly limiter: RateLimiter,
  ) {
    super();
  }

  async admit(
    request: FastifyRequest,
    reply: FastifyReply,
    minimumRole: Role,
  ): Promise<string | null> {
    const token = bearerToken(request.headers.authorization);
    if (!token) return null;
    let user;
    try {
      ({ user } = await this.authenticator.authenticate(token));
    } catch {
      return null;
    }
    if (!roleAtLeast(user.role, minimumRole)) return null;
    const tier = tierOf(request.method, request.url);
    if (this.limiter.enabled && tier !== null && tier !== 'login') {
      const refusal = await this.limiter.count(request, reply, tier, `user:${user.id}`);
      if (refusal) return null;
    }
    requestState(request).actor = { id: user.id, email: user.email, role: user.role };
    return user.role;
  }
}
