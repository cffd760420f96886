import { BotLeaseService, leaseKey } from '@botdeck/bot-runtime';
import Redis from 'ioredis';
import { randomBytes, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

/** The lease scripts against real Redis: compare-and-renew, compare-and-release, NX claims. */
describe('BotLeaseService', () => {
  let redis: Redis;
  let leases: BotLeaseService;

  beforeAll(() => {
    redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', {
      keyPrefix: `${process.env.REDIS_KEY_PREFIX}lease-${randomBytes(3).toString('hex')}:`,
    });
    leases = new BotLeaseService(redis);
  });
  afterAll(() => redis.quit());

  it('lets exactly one worker claim a free bot, under the prefixed key', async () => {
    const bot = randomUUID();
    const results = await Promise.all(
      ['w1', 'w2', 'w3'].map((worker) => leases.acquire(bot, worker, 5_000)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    const holder = await redis.get(leaseKey(bot));
    expect(['w1', 'w2', 'w3']).toContain(holder);
    expect(await redis.pttl(leaseKey(bot))).toBeGreaterThan(4_000);
    expect(await leases.holders([bot, randomUUID()])).toEqual([holder, null]);
  });

  it('renews only the leases still held, and reports the lost ones', async () => {
    const mine = randomUUID();
    const theirs = randomUUID();
    const expired = randomUUID();
    await leases.acquire(mine, 'w1', 300);
    await leases.acquire(theirs, 'w2', 5_000);
    await leases.acquire(expired, 'w1', 50);
    await sleep(120);

    const lost = await leases.renew([mine, theirs, expired], 'w1', 10_000);
    expect(lost).toEqual([theirs, expired]);
    expect(await redis.pttl(leaseKey(mine))).toBeGreaterThan(9_000);
    // Another worker's lease keeps its own TTL and holder.
    expect(await redis.get(leaseKey(theirs))).toBe('w2');
    expect(await redis.pttl(leaseKey(theirs))).toBeLessThanOrEqual(5_000);
    expect(await redis.exists(leaseKey(expired))).toBe(0);
  });

  it('lets a lease expire so another worker can take it over', async () => {
    const bot = randomUUID();
    expect(await leases.acquire(bot, 'w1', 80)).toBe(true);
    expect(await leases.acquire(bot, 'w2', 5_000)).toBe(false);
    await sleep(150);
    expect(await leases.acquire(bot, 'w2', 5_000)).toBe(true);
    expect(await leases.renew([bot], 'w1', 5_000)).toEqual([bot]);
  });

  it('releases only its own leases, never another worker’s', async () => {
    const mine = randomUUID();
    const theirs = randomUUID();
    await leases.acquire(mine, 'w1', 5_000);
    await leases.acquire(theirs, 'w2', 5_000);
    expect(await leases.release([mine, theirs], 'w1')).toBe(1);
    expect(await redis.exists(leaseKey(mine))).toBe(0);
    expect(await redis.get(leaseKey(theirs))).toBe('w2');
    expect(await leases.release([], 'w1')).toBe(0);
    expect(await leases.renew([], 'w1', 1_000)).toEqual([]);
  });
});
