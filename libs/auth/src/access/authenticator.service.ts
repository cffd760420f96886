import { EventBus, UnauthenticatedError } from '@botdeck/core';
import { Inject, Injectable, OnModuleDestroy, OnModuleInit, Optional } from '@nestjs/common';
import { authConfig, type AuthConfig } from '../auth.config';
import { AUTH_ERRORS } from '../auth.errors';
import { type AccessClaims, AccessTokensService } from '../sessions/access-tokens.service';
import { SessionsService } from '../sessions/sessions.service';
import type { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { AccessCache } from './access-cache';
import { AccessInvalidations } from './access-invalidations';

/** Who an access token belongs to, as the database says now. */
export interface Authenticated {
  user: User;
  claims: AccessClaims;
}

/**
 * Turns an access token into a signed-in user, for every door that takes one: the HTTP guard
 * and the realtime gateway. The user and the login are read from the database, and kept in
 * this process for at most AUTH_CACHE_TTL_MS (≤ 1 s) counted from that read, so a disabled,
 * deleted or demoted user, and a token whose login was signed out or revoked for refresh-token
 * reuse, lose access within that bound on every instance, even if the bus loses the news. The
 * news (`auth.user.changed`, `auth.session.revoked`) normally ends it sooner: at once in the
 * process that made the change, within a bus hop elsewhere.
 */
@Injectable()
export class Authenticator implements OnModuleInit, OnModuleDestroy {
  private readonly cache: AccessCache;
  private readonly unsubscribe: Array<() => void> = [];

  constructor(
    private readonly accessTokens: AccessTokensService,
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly invalidations: AccessInvalidations,
    @Inject(authConfig.KEY) config: AuthConfig,
    @Optional() private readonly events?: EventBus,
  ) {
    this.cache = new AccessCache(config.accessCacheTtlMs);
  }

  onModuleInit(): void {
    this.unsubscribe.push(this.invalidations.onChange((change) => this.cache.forget(change)));
    if (!this.events) return;
    // Not awaited: start-up must not wait for Redis (the TTL covers what is missed meanwhile).
    const heard = (payload: { userId?: string | null; familyId?: string | null }) =>
      this.invalidations.heard(payload);
    void Promise.all([
      this.events.subscribe('auth.user.changed', ({ payload }) => heard(payload)),
      this.events.subscribe('auth.session.revoked', ({ payload }) => heard(payload)),
    ]).then(
      (stops) => this.unsubscribe.push(...stops),
      () => undefined,
    );
  }

  onModuleDestroy(): void {
    for (const stop of this.unsubscribe.splice(0)) stop();
  }

  /** The signed-in user behind `token`, or a 401 saying why not. */
  async authenticate(token: string): Promise<Authenticated> {
    // Every signed-in request comes here: what is remembered is read without a promise.
    const claims = this.accessTokens.remembered(token) ?? (await this.accessTokens.verify(token));
    const known = this.cache.known(claims.sub, claims.sid);
    const [user, live] = known
      ? [known, true]
      : await Promise.all([
          this.cache.user(claims.sub, () => this.users.findById(claims.sub)),
          this.cache.sessionLive(claims.sid, claims.sub, () => this.sessions.isLive(claims.sid)),
        ]);
    if (!user)
      throw new UnauthenticatedError('This account no longer exists', AUTH_ERRORS.USER_NOT_FOUND);
    if (user.disabled)
      throw new UnauthenticatedError('This account is disabled', AUTH_ERRORS.USER_DISABLED);
    if (!live) {
      throw new UnauthenticatedError(
        'This session has been signed out',
        AUTH_ERRORS.SESSION_REVOKED,
      );
    }
    return { user, claims };
  }
}
