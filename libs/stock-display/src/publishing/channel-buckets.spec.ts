import { ChannelBuckets } from './channel-buckets';

describe('ChannelBuckets', () => {
  const config = {
    coalesceMs: 0,
    bucketLimit: 5,
    bucketWindowMs: 400,
    recheckMs: 1_000,
    recoveryScanLimit: 50,
  };

  it('lets at most `limit` sends through per window for one bot and channel', async () => {
    const buckets = new ChannelBuckets(config);
    const times: number[] = [];
    const start = Date.now();
    await Promise.all(
      Array.from({ length: 12 }, () =>
        buckets.take('bot', 'c1').then(() => times.push(Date.now() - start)),
      ),
    );
    times.sort((a, b) => a - b);
    // Any window of 400 ms (+ slack) holds at most five.
    for (let i = 5; i < times.length; i++)
      expect(times[i] - times[i - 5]).toBeGreaterThanOrEqual(400);
    expect(times.slice(0, 5).every((t) => t < 100)).toBe(true);
  });

  it('keeps separate buckets per channel and per bot', async () => {
    const buckets = new ChannelBuckets(config);
    const start = Date.now();
    for (let i = 0; i < 5; i++) await buckets.take('bot', 'c1');
    await buckets.take('bot', 'c2');
    await buckets.take('other', 'c1');
    expect(Date.now() - start).toBeLessThan(100);
    expect(buckets.pacingMs).toBe(80);
  });
});
