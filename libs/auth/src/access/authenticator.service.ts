import { UnauthenticatedError } from '@botdeck/core';
import { Injectable } from '@nestjs/common';
import { AUTH_ERRORS } from '../auth.errors';
import { type AccessClaims, AccessTokensService } from '../sessions/access-tokens.service';
import { SessionsService } from '../sessions/sessions.service';
import type { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';

/** Who an access token belongs to, as the database says now. */
export interface Authenticated {
  user: User;
  claims: AccessClaims;
}

/**
 * Turns an access token into a signed-in user, for every door that takes one: the HTTP guard
 * and the realtime gateway. The user and the login are read on every call, so a disabled,
 * deleted or demoted user loses access at once, whatever their token says, and so does a token
 * whose login was signed out or revoked for refresh-token reuse.
 */
@Injectable()
export class Authenticator {
  constructor(
    private readonly accessTokens: AccessTokensService,
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
  ) {}

  /** The signed-in user behind `token`, or a 401 saying why not. */
  async authenticate(token: string): Promise<Authenticated> {
    const claims = await this.accessTokens.verify(token);
    const [user, live] = await Promise.all([
      this.users.findById(claims.sub),
      this.sessions.isLive(claims.sid),
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
