import { UnauthenticatedError } from '@botdeck/core';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { EntityManager, IsNull, LessThan, Repository } from 'typeorm';
import { authConfig, type AuthConfig } from '../auth.config';
import { User } from '../users/user.entity';
import { RefreshToken } from './refresh-token.entity';
import {
  decideRefresh,
  generateRefreshToken,
  hashRefreshToken,
  refreshExpiry,
} from './refresh-tokens';

export interface IssuedRefreshToken {
  id: string;
  refreshToken: string;
  familyId: string;
  expiresAt: Date;
}

type RotateOutcome =
  | { kind: 'rotated'; user: User; issued: IssuedRefreshToken }
  | { kind: 'invalid' | 'expired' | 'reused' | 'disabled'; userId?: string };

/** Refresh-token families: issue on login, rotate on refresh, revoke on logout or reuse. */
@Injectable()
export class SessionsService {
  constructor(
    @InjectRepository(RefreshToken) private readonly tokens: Repository<RefreshToken>,
    @Inject(authConfig.KEY) private readonly config: AuthConfig,
  ) {}

  /** Starts a new family for a fresh login, clearing the user's long-expired tokens. */
  async start(userId: string): Promise<IssuedRefreshToken> {
    await this.tokens.delete({ userId, expiresAt: LessThan(new Date()) });
    return this.issue(this.tokens.manager, userId, randomUUID());
  }

  /**
   * Exchanges a refresh token for its successor. The row is locked, so two concurrent uses of
   * one token are serialised: the second sees it rotated. Within the reuse grace
   * (REFRESH_REUSE_GRACE_SECONDS) and while the successor is live it gets a fresh token of the
   * same family (a client retry); later, it is reuse and kills the family.
   */
  async rotate(presented: string): Promise<{ user: User; issued: IssuedRefreshToken }> {
    const outcome = await this.tokens.manager.transaction(
      async (manager): Promise<RotateOutcome> => {
        const repo = manager.getRepository(RefreshToken);
        const token = await repo
          .createQueryBuilder('t')
          .where('t.tokenHash = :hash', { hash: hashRefreshToken(presented) })
          .setLock('pessimistic_write')
          .getOne();
        if (!token) return { kind: 'invalid' };

        const now = new Date();
        const successor = token.replacedBy
          ? await repo.findOneBy({ id: token.replacedBy, revokedAt: IsNull() })
          : null;
        const decision = decideRefresh(token, now, {
          graceMs: this.config.refreshReuseGraceSeconds * 1000,
          successorLive: successor !== null,
        });
        if (decision === 'reused') {
          await this.revokeFamily(manager, token.familyId, now);
          return { kind: 'reused', userId: token.userId };
        }
        if (decision === 'expired') return { kind: 'expired', userId: token.userId };

        const user = await manager.getRepository(User).findOneBy({ id: token.userId });
        if (!user || user.disabled) {
          await this.revokeFamily(manager, token.familyId, now);
          return { kind: 'disabled', userId: token.userId };
        }
        const issued = await this.issue(manager, user.id, token.familyId);
        // A grace duplicate leaves the presented token as its first rotation left it, so the
        // window stays measured from that rotation.
        if (decision === 'rotate') {
          await repo.update({ id: token.id }, { revokedAt: now, replacedBy: issued.id });
        }
        return { kind: 'rotated', user, issued };
      },
    );

    switch (outcome.kind) {
      case 'rotated':
        return { user: outcome.user, issued: outcome.issued };
      case 'reused':
        throw new UnauthenticatedError(
          'This refresh token was already used; every session from that login is now revoked',
          'REFRESH_TOKEN_REUSED',
        );
      case 'expired':
        throw new UnauthenticatedError('The refresh token has expired', 'REFRESH_TOKEN_EXPIRED');
      case 'disabled':
        throw new UnauthenticatedError('This account is disabled', 'USER_DISABLED');
      case 'invalid':
        throw new UnauthenticatedError('The refresh token is not valid', 'REFRESH_TOKEN_INVALID');
    }
  }

  /** Revokes the family the token belongs to. Returns its user id, or null for an unknown token. */
  async revoke(presented: string): Promise<string | null> {
    const token = await this.tokens.findOneBy({ tokenHash: hashRefreshToken(presented) });
    if (!token) return null;
    await this.revokeFamily(this.tokens.manager, token.familyId, new Date());
    return token.userId;
  }

  /**
   * Whether the login an access token came from is still open: logout, reuse detection and
   * disabling revoke every token of the family, and its access tokens die with it.
   */
  async isLive(familyId: string): Promise<boolean> {
    return this.tokens.existsBy({ familyId, revokedAt: IsNull() });
  }

  /** Ends every session of a user (on disable); their access tokens die at the next request. */
  async revokeAllForUser(userId: string): Promise<void> {
    await this.tokens.update({ userId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  private async issue(
    manager: EntityManager,
    userId: string,
    familyId: string,
  ): Promise<IssuedRefreshToken> {
    const refreshToken = generateRefreshToken();
    const expiresAt = refreshExpiry(new Date(), this.config.refreshTtlDays);
    const result = await manager.getRepository(RefreshToken).insert({
      userId,
      familyId,
      tokenHash: hashRefreshToken(refreshToken),
      expiresAt,
      revokedAt: null,
      replacedBy: null,
    });
    const id = (result.identifiers[0] as { id: string }).id;
    return { id, refreshToken, familyId, expiresAt };
  }

  private async revokeFamily(manager: EntityManager, familyId: string, now: Date): Promise<void> {
    await manager
      .getRepository(RefreshToken)
      .update({ familyId, revokedAt: IsNull() }, { revokedAt: now });
  }
}
