import { UnauthenticatedError } from '@botdeck/core';
import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { JsonWebTokenError, JwtService, NotBeforeError, TokenExpiredError } from '@nestjs/jwt';
import { AUTH_ERRORS } from '../auth.errors';

export const JWT_ISSUER = 'botdeck';
export const JWT_AUDIENCE = 'botdeck-api';

/** What an access token says. The role is a hint for clients; the guard reads the database. */
export interface AccessClaims {
  sub: string;
  email: string;
  role: string;
  /** The refresh-token family (the login) this access token was issued from. */
  sid: string;
}

/** Short-lived HS256 access tokens, signed with JWT_SECRET (see auth.config.ts). */
@Injectable()
export class AccessTokensService {
  constructor(private readonly jwt: JwtService) {}

  sign(claims: AccessClaims): Promise<string> {
    return this.jwt.signAsync({ ...claims });
  }

  async verify(token: string): Promise<AccessClaims> {
    let payload: Partial<AccessClaims> & { exp?: unknown };
    try {
      payload = await this.jwt.verifyAsync<Partial<AccessClaims> & { exp?: unknown }>(token);
    } catch (error) {
      if (error instanceof TokenExpiredError) {
        throw new UnauthenticatedError('The access token has expired', AUTH_ERRORS.TOKEN_EXPIRED);
      }
      if (error instanceof JsonWebTokenError || error instanceof NotBeforeError) {
        throw new UnauthenticatedError('The access token is not valid', AUTH_ERRORS.TOKEN_INVALID);
      }
      throw error;
    }
    // A token without `exp` would be valid forever; `sid` must be a UUID before it reaches
    // a query (a NUL in it would be a database error, not a refusal).
    if (
      typeof payload.exp !== 'number' ||
      typeof payload.sub !== 'string' ||
      !isUUID(payload.sub) ||
      typeof payload.sid !== 'string' ||
      !isUUID(payload.sid)
    ) {
      throw new UnauthenticatedError('The access token is not valid', AUTH_ERRORS.TOKEN_INVALID);
    }
    return {
      sub: payload.sub,
      sid: payload.sid,
      email: String(payload.email ?? ''),
      role: String(payload.role ?? ''),
    };
  }
}
