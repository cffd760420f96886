import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, URL-safe: what the client holds. Only its hash is ever stored. */
export function generateRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256 hex. A fast hash is right here: the token is random, so there is nothing to guess. */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export type RefreshDecision = 'rotate' | 'grace' | 'reused' | 'expired';

export interface PresentedToken {
  revokedAt: Date | null;
  expiresAt: Date;
  /** The token this one was rotated into; null when it was revoked otherwise (logout, reuse). */
  replacedBy: string | null;
}

/**
 * What to do with a presented refresh token. A revoked token was either rotated already or
 * logged out; either way someone holds a copy they should not, so the family is revoked.
 * One exception, the grace window: a token rotated less than `graceMs` ago whose successor is
 * still live is a client retrying a refresh whose answer it lost (or two tabs refreshing at
 * once), not a thief; it gets a fresh token of the same family (`grace`).
 */
export function decideRefresh(
  token: PresentedToken,
  now: Date,
  grace: { graceMs: number; successorLive: boolean } = { graceMs: 0, successorLive: false },
): RefreshDecision {
  if (token.revokedAt !== null) {
    const withinGrace = now.getTime() - token.revokedAt.getTime() < grace.graceMs;
    return token.replacedBy !== null && grace.successorLive && withinGrace ? 'grace' : 'reused';
  }
  if (token.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'rotate';
}

export function refreshExpiry(now: Date, ttlDays: number): Date {
  return new Date(now.getTime() + ttlDays * 24 * 60 * 60 * 1000);
}
