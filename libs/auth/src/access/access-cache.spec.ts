import type { User } from '../users/user.entity';
import { AccessCache } from './access-cache';

const user = (disabled: boolean) => ({ id: 'u1', disabled }) as User;

describe('AccessCache', () => {
  it('answers from memory within the TTL and asks again after it', async () => {
    const cache = new AccessCache(50);
    const load = jest.fn(() => Promise.resolve(user(false)));
    await cache.user('u1', load);
    await cache.user('u1', load);
    expect(load).toHaveBeenCalledTimes(1);
    await new Promise((resolve) => setTimeout(resolve, 60));
    await cache.user('u1', load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('keeps nothing a lookup read before an invalidation it overlapped', async () => {
    const cache = new AccessCache(10_000);
    let finish!: (value: User) => void;
    const slow = cache.user('u1', () => new Promise<User>((resolve) => (finish = resolve)));
    cache.forget({ userId: 'u1' });
    finish(user(false));
    await slow;
    const load = jest.fn(() => Promise.resolve(user(true)));
    expect((await cache.user('u1', load))?.disabled).toBe(true);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("forgets a user's open logins with the user, and never remembers a closed one", async () => {
    const cache = new AccessCache(10_000);
    await cache.sessionLive('f1', 'u1', () => Promise.resolve(true));
    cache.forget({ userId: 'u1' });
    const load = jest.fn(() => Promise.resolve(false));
    expect(await cache.sessionLive('f1', 'u1', load)).toBe(false);
    expect(await cache.sessionLive('f1', 'u1', load)).toBe(false);
    expect(load).toHaveBeenCalledTimes(2);
  });
});
