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

/** Verified tokens kept, so a client's next requests skip the signature check. */
const VERIFIED_CAPACITY = 10_000;

/**
 * Short-lived HS256 access tokens, signed with JWT_SECRET (see auth.config.ts). A token that
 * verified is remembered until its `exp` (the same string always verifies the same way; only
 * time changes the answer), since every signed-in request checks it twice: once to count it
 * against its user's rate limit, once to let it in. Revocation is the session check's job.
 */
@Injectable()
export class AccessTokensService {
  private readonly verified = new Map<string, { claims: AccessClaims; expiresAt: number }>();

  constructor(private readonly jwt: JwtService) {}

  sign(claims: AccessClaims): Promise<string> {
    return this.jwt.signAsync({ ...claims });
  }

  async verify(token: string): Promise<AccessClaims> {
    const known = this.remembered(token);
    if (known) return known;
    this.verified.delete(token);
    const checked = await this.check(token);
    if (this.verified.size >= VERIFIED_CAPACITY) {
      // The oldest first: Map keeps insertion order.
      this.verified.delete(this.verified.keys().next().value as string);
    }
    this.verified.set(token, checked);
    return checked.claims;
  }

  /** The claims of `token` if it verified before and has not expired since; else undefined. */
  remembered(token: string): AccessClaims | undefined {
    const known = this.verified.get(token);
    return known && known.expiresAt > Date.now() ? known.claims : undefined;
  }

  /** The signature, the claims and the lifetime, as jsonwebtoken checks them. */
  private async check(token: string): Promise<{ claims: AccessClaims; expiresAt: number }> {
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
    const claims = {
      sub: payload.sub,
      sid: payload.sid,
      email: String(payload.email ?? ''),
      role: String(payload.role ?? ''),
    };
    return { claims, expiresAt: payload.exp * 1000 };
  }
}
