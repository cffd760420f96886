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
      expect(decideRefresh({ revokedAt: null, expiresAt: later }, now)).toBe('rotate');
    });

    it('treats a revoked (rotated or logged-out) token as reuse, even when expired', () => {
      expect(decideRefresh({ revokedAt: earlier, expiresAt: later }, now)).toBe('reused');
      expect(decideRefresh({ revokedAt: earlier, expiresAt: earlier }, now)).toBe('reused');
    });

    it('refuses an expired token, at the exact expiry instant too', () => {
      expect(decideRefresh({ revokedAt: null, expiresAt: earlier }, now)).toBe('expired');
      expect(decideRefresh({ revokedAt: null, expiresAt: now }, now)).toBe('expired');
    });
  });

  it('expire the configured number of days after issue', () => {
    const now = new Date('2026-01-01T00:00:00.000Z');
    expect(refreshExpiry(now, 30).toISOString()).toBe('2026-01-31T00:00:00.000Z');
  });
});
