import { RateLimitedError } from '@botdeck/core';
import type { ExecutionContext } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { AuthConfig } from '../auth.config';
import { LoginThrottleGuard } from './login-throttle.guard';

/** An in-memory stand-in for the Redis storage: counts hits per key, blocks above the limit. */
function memoryStorage(): ThrottlerStorage & { keys: string[] } {
  const hits = new Map<string, number>();
  return {
    keys: [],
    increment(key, _ttl, limit, blockDuration) {
      this.keys.push(key);
      const total = (hits.get(key) ?? 0) + 1;
      hits.set(key, total);
      return Promise.resolve({
        totalHits: total,
        timeToExpire: 60,
        isBlocked: total > limit,
        timeToBlockExpire: total > limit ? Math.ceil(blockDuration / 1000) : 0,
      });
    },
  };
}

const config = { loginThrottle: { perEmail: 2, perIp: 3, ttlSeconds: 45 } } as AuthConfig;

function attempt(guard: LoginThrottleGuard, ip: string, body: unknown): Promise<boolean> {
  const reply = { header: () => reply };
  const context = {
    switchToHttp: () => ({ getRequest: () => ({ ip, body }), getResponse: () => reply }),
  } as unknown as ExecutionContext;
  return guard.canActivate(context);
}

describe('LoginThrottleGuard', () => {
  it('blocks an email past its limit whatever the address or letter case', async () => {
    const guard = new LoginThrottleGuard(memoryStorage(), config);
    await attempt(guard, '10.0.0.1', { email: 'ada@example.com' });
    await attempt(guard, '10.0.0.2', { email: 'ADA@example.com ' });
    const blocked = attempt(guard, '10.0.0.3', { email: 'Ada@Example.com' });
    await expect(blocked).rejects.toBeInstanceOf(RateLimitedError);
    await expect(blocked).rejects.toMatchObject({ statusCode: 429, retryAfterSeconds: 45 });
  });

  it('blocks an address past its limit whatever the email', async () => {
    const guard = new LoginThrottleGuard(memoryStorage(), config);
    for (let i = 0; i < 3; i += 1) {
      await expect(attempt(guard, '10.0.0.9', { email: `u${i}@example.com` })).resolves.toBe(true);
    }
    await expect(attempt(guard, '10.0.0.9', { email: 'new@example.com' })).rejects.toBeInstanceOf(
      RateLimitedError,
    );
    await expect(attempt(guard, '10.0.0.10', { email: 'new2@example.com' })).resolves.toBe(true);
  });

  it('keys emails by hash, so no address lands in Redis in clear', async () => {
    const storage = memoryStorage();
    const guard = new LoginThrottleGuard(storage, config);
    await attempt(guard, '10.0.0.1', { email: 'ada@example.com' });
    expect(storage.keys).toHaveLength(2);
    expect(storage.keys.join(' ')).not.toContain('ada@');
    expect(storage.keys).toContain('login:ip:10.0.0.1');
  });

  it('still counts the address when the body has no usable email', async () => {
    const storage = memoryStorage();
    const guard = new LoginThrottleGuard(storage, config);
    await attempt(guard, '10.0.0.1', undefined);
    await attempt(guard, '10.0.0.1', { email: 42 });
    expect(storage.keys).toEqual(['login:ip:10.0.0.1', 'login:ip:10.0.0.1']);
  });
});
