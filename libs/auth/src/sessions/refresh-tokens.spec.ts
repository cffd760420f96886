import { createHash } from 'node:crypto';
import {
  decideRefresh,
  generateRefreshToken,
  hashRefreshToken,
  refreshExpiry,
} from './refresh-tokens';

describe('refresh tokens', () => {
  it('are long, URL-safe and never repeat', () => {
    const tokens = Array.from({ length: 200 }, () => generateRefreshToken());
    expect(new Set(tokens).size).toBe(200);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('are stored as their SHA-256 in hex, which does not reveal the token', () => {
    const token = generateRefreshToken();
    const hash = hashRefreshToken(token);
    expect(hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(token);
    expect(hashRefreshToken(`${token}x`)).not.toBe(hash);
  });

  describe('decideRefresh', () => {
    const now = new Date('2026-01-01T12:00:00Z');
    const later = new Date('2026-01-02T12:00:00Z');
    const earlier = new Date('2025-12-31T12:00:00Z');

    it('rotates a live token', () => {
      expect(decideRefresh({ revokedAt: null, expiresAt: later, replacedBy: null }, now)).toBe(
        'rotate',
      );
    });

    it('treats a revoked (rotated or logged-out) token as reuse, even when expired', () => {
      expect(decideRefresh({ revokedAt: earlier, expiresAt: later, replacedBy: null }, now)).toBe(
        'reused',
      );
      expect(decideRefresh({ revokedAt: earlier, expiresAt: earlier, replacedBy: null }, now)).toBe(
        'reused',
      );
    });

    it('gives an immediate duplicate of a rotation a grace, and nothing else', () => {
      const rotated = {
        revokedAt: new Date(now.getTime() - 2_000),
        expiresAt: later,
        replacedBy: 'n',
      };
      const live = { graceMs: 5_000, successorLive: true };
      expect(decideRefresh(rotated, now, live)).toBe('grace');
      // Too late, successor already revoked, or revoked by a logout: reuse.
      expect(decideRefresh(rotated, now, { ...live, graceMs: 1_000 })).toBe('reused');
      expect(decideRefresh(rotated, now, { ...live, successorLive: false })).toBe('reused');
      expect(decideRefresh({ ...rotated, replacedBy: null }, now, live)).toBe('reused');
    });

    it('refuses an expired token, at the exact expiry instant too', () => {
      expect(decideRefresh({ revokedAt: null, expiresAt: earlier, replacedBy: null }, now)).toBe(
        'expired',
      );
      expect(decideRefresh({ revokedAt: null, expiresAt: now, replacedBy: null }, now)).toBe(
        'expired',
      );
    });
  });

  it('expire the configured number of days after issue', () => {
    const now = new Date('2026-01-01T00:00:00.000Z');
    expect(refreshExpiry(now, 30).toISOString()).toBe('2026-01-31T00:00:00.000Z');
  });
});
