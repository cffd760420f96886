import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, URL-safe: what the client holds. Only its hash is ever stored. */
export function generateRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256 hex. A fast hash is right here: the token is random, so there is nothing to guess. */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export type RefreshDecision = 'rotate' | 'reused' | 'expired';

/**
 * What to do with a presented refresh token. A revoked token was either rotated already or
 * logged out; either way someone holds a copy they should not, so the family is revoked.
 */
export function decideRefresh(
  token: { revokedAt: Date | null; expiresAt: Date },
  now: Date,
): RefreshDecision {
  if (token.revokedAt !== null) return 'reused';
  if (token.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'rotate';
}

export function refreshExpiry(now: Date, ttlDays: number): Date {
  return new Date(now.getTime() + ttlDays * 24 * 60 * 60 * 1000);
}
