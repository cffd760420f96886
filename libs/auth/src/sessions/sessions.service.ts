import { UnauthenticatedError, UnitOfWork } from '@botdeck/core';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, IsNull, LessThan, MoreThan, Repository } from 'typeorm';
import { AccessInvalidations } from '../access/access-invalidations';
import { authConfig, type AuthConfig } from '../auth.config';
import { User } from '../users/user.entity';
import { RefreshToken } from './refresh-token.entity';
import {
  decideRefresh,
  generateRefreshToken,
  hashRefreshToken,
  refreshExpiry,
} from './refresh-tokens';
import { AUTH_ERRORS } from '../auth.errors';

export interface IssuedRefreshToken {
  id: string;
  refreshToken: string;
  familyId: string;
  expiresAt: Date;
}

/**
 * Refresh-token families: issue on login, rotate on refresh, revoke on logout or reuse.
 *
 * Writes go through the unit of work, so inside a request they commit with its audit entry.
 * The one exception is the revocation that answers a reused token or a disabled user: the
 * request fails (401), which rolls its transaction back, yet the revocation must stand. It is
 * therefore a statement of its own, straight on the data source, made while the request's
 * transaction holds no lock on the family's rows (else it would wait for itself).
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly uow: UnitOfWork,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(authConfig.KEY) private readonly config: AuthConfig,
    private readonly invalidations: AccessInvalidations,
  ) {}

  private get tokens(): Repository<RefreshToken> {
    return this.uow.getRepository(RefreshToken);
  }

  /** Starts a new family for a fresh login, clearing the user's long-expired tokens. */
  async start(userId: string): Promise<IssuedRefreshToken> {
    return this.uow.transaction(async (manager) => {
      await manager.getRepository(RefreshToken).delete({ userId, expiresAt: LessThan(new Date()) });
      return this.issue(manager, userId, randomUUID());
    });
  }

  /**
   * Exchanges a refresh token for its successor. The presented token is claimed by one
   * conditional UPDATE (still unrevoked and unexpired), so of two concurrent uses exactly one
   * rotates it; the other waits for the first to commit and finds it rotated. Within the reuse
   * grace (REFRESH_REUSE_GRACE_SECONDS), while the successor is live, that is a client retry
   * and gets a fresh token of the same family; later, it is reuse and the family is revoked.
   */
  async rotate(presented: string): Promise<{ user: User; issued: IssuedRefreshToken }> {
    const token = await this.tokens.findOneBy({ tokenHash: hashRefreshToken(presented) });
    if (!token) throw invalid();
    const decision = await this.refuseUnlessUsable(token);
    const user = await this.uow.getRepository(User).findOneBy({ id: token.userId });
    if (!user || user.disabled) {
      await this.revokeFamilyNow(token.familyId);
      throw new UnauthenticatedError('This account is disabled', AUTH_ERRORS.USER_DISABLED);
    }
    if (decision === 'grace') return { user, issued: await this.issueInFamily(user, token) };

    const issued = await this.uow.transaction(async (manager) => {
      const now = new Date();
      const repo = manager.getRepository(RefreshToken);
      const claimed = await repo.update(
        { id: token.id, revokedAt: IsNull(), expiresAt: MoreThan(now) },
        { revokedAt: now },
      );
      if (!claimed.affected) return null;
      const next = await this.issue(manager, user.id, token.familyId);
      await repo.update({ id: token.id }, { replacedBy: next.id });
      return next;
    });
    if (issued) return { user, issued };

    // Someone rotated it in between (or it just expired). The UPDATE that matched nothing
    // holds no lock, so the family can be revoked outside the request's transaction.
    const current = await this.dataSource.getRepository(RefreshToken).findOneBy({ id: token.id });
    if (!current) throw invalid();
    await this.refuseUnlessUsable(current);
    return { user, issued: await this.issueInFamily(user, current) };
  }

  /**
   * Throws for an expired token, or a revoked one outside the grace (reuse: the family is
   * revoked for good). Returns whether the token rotates or is a duplicate within the grace.
   */
  private async refuseUnlessUsable(token: RefreshToken): Promise<'rotate' | 'grace'> {
    const successorLive = token.replacedBy
      ? await this.dataSource
          .getRepository(RefreshToken)
          .existsBy({ id: token.replacedBy, revokedAt: IsNull() })
      : false;
    const decision = decideRefresh(token, new Date(), {
      graceMs: this.config.refreshReuseGraceSeconds * 1000,
      successorLive,
    });
    if (decision === 'reused') {
      await this.revokeFamilyNow(token.familyId);
      throw new UnauthenticatedError(
        'This refresh token was already used; every session from that login is now revoked',
        AUTH_ERRORS.REFRESH_TOKEN_REUSED,
      );
    }
    if (decision === 'expired') {
      throw new UnauthenticatedError(
        'The refresh token has expired',
        AUTH_ERRORS.REFRESH_TOKEN_EXPIRED,
      );
    }
    return decision;
  }

  /**
   * A fresh token of the presented one's family for a duplicate within the grace. The
   * presented token stays as its first rotation left it, so the window is measured from then.
   */
  private issueInFamily(user: User, token: RefreshToken): Promise<IssuedRefreshToken> {
    return this.uow.transaction((manager) => this.issue(manager, user.id, token.familyId));
  }

  /** Revokes the family the token belongs to. Returns its user id, or null for an unknown token. */
  async revoke(presented: string): Promise<string | null> {
    const token = await this.tokens.findOneBy({ tokenHash: hashRefreshToken(presented) });
    if (!token) return null;
    await this.uow.transaction((manager) => this.revokeFamily(manager, token.familyId));
    this.invalidations.sessionsRevoked({ familyId: token.familyId, userId: null });
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
    await this.uow.transaction((manager) =>
      manager
        .getRepository(RefreshToken)
        .update({ userId, revokedAt: IsNull() }, { revokedAt: new Date() }),
    );
    this.invalidations.sessionsRevoked({ familyId: null, userId });
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

  /** Commits at once, whatever becomes of the request: someone holds a token they should not. */
  private async revokeFamilyNow(familyId: string): Promise<void> {
    await this.revokeFamily(this.dataSource.manager, familyId);
    await this.invalidations.sessionsRevokedNow({ familyId, userId: null });
  }

  private async revokeFamily(manager: EntityManager, familyId: string): Promise<void> {
    await manager
      .getRepository(RefreshToken)
      .update({ familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }
}

function invalid(): UnauthenticatedError {
  return new UnauthenticatedError(
    'The refresh token is not valid',
    AUTH_ERRORS.REFRESH_TOKEN_INVALID,
  );
}
