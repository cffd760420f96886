import type Redis from 'ioredis';
import { RedisIdentifyThrottler } from './redis-identify-throttler';

/** The three commands the throttler uses, on a map with expiry times: one Redis for all. */
class FakeRedis {
  private readonly keys = new Map<string, { value: string; expiresAt: number }>();

  private live(key: string) {
    const entry = this.keys.get(key);
    if (entry && entry.expiresAt <= Date.now()) this.keys.delete(key);
    return this.keys.get(key);
  }

  set(key: string, value: string, _px: 'PX', ttl: number, nx?: 'NX') {
    if (nx && this.live(key)) return Promise.resolve(null);
    this.keys.set(key, { value, expiresAt: Date.now() + ttl });
    return Promise.resolve('OK');
  }

  pttl(key: string) {
    const entry = this.live(key);
    return Promise.resolve(entry ? entry.expiresAt - Date.now() : -2);
  }
}

const WINDOW_MS = 300;

describe('RedisIdentifyThrottler', () => {
  const redis = new FakeRedis() as unknown as Redis;
  // Two workers running shards of one bot with max_concurrency 2.
  const workerA = new RedisIdentifyThrottler(redis, 'bot', 2, 'a', WINDOW_MS);
  const workerB = new RedisIdentifyThrottler(redis, 'bot', 2, 'b', WINDOW_MS);

  it('lets each bucket identify once per window across workers, buckets side by side', async () => {
    const started = Date.now();
    const at: Record<number, number> = {};
    const wait = (throttler: RedisIdentifyThrottler, shard: number) =>
      throttler
        .waitForIdentify(shard, new AbortController().signal)
        .then(() => (at[shard] = Date.now() - started));
    await Promise.all([wait(workerA, 0), wait(workerB, 1), wait(workerB, 2), wait(workerA, 3)]);
    // Shards 0 and 1 (buckets 0 and 1) go at once; 2 and 3 wait a window for their bucket.
    expect(at[0]).toBeLessThan(WINDOW_MS / 2);
    expect(at[1]).toBeLessThan(WINDOW_MS / 2);
    expect(at[2]).toBeGreaterThanOrEqual(WINDOW_MS - 5);
    expect(at[3]).toBeGreaterThanOrEqual(WINDOW_MS - 5);
  });

  it('starts the window again when the IDENTIFY goes out, and gives up when aborted', async () => {
    await workerA.waitForIdentify(4, new AbortController().signal).catch(() => undefined);
    workerA.identifying(4);
    const controller = new AbortController();
    const waiting = workerB.waitForIdentify(6, controller.signal);
    setTimeout(() => controller.abort(new Error('shard closed')), 50);
    await expect(waiting).rejects.toThrow('shard closed');
  });
});
