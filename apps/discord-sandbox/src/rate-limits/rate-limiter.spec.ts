import { DISCORD_RATE_LIMITS, RateLimiter } from './rate-limiter';

describe('RateLimiter', () => {
  let now: number;
  const clock = () => now;

  beforeEach(() => {
    now = 1_700_000_000_000;
  });

  it('allows 5 message sends per 5 s per channel and reports Discord headers', () => {
    const limiter = new RateLimiter(DISCORD_RATE_LIMITS, clock);
    const decisions = Array.from({ length: 6 }, () => limiter.take('bot', 'messageCreate', 'c1'));
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, true, true, false]);
    expect(decisions[0].headers['x-ratelimit-limit']).toBe('5');
    expect(decisions[0].headers['x-ratelimit-remaining']).toBe('4');
    expect(decisions[4].headers['x-ratelimit-remaining']).toBe('0');
    expect(decisions[4].headers['x-ratelimit-reset-after']).toBe('5.000');
    expect(decisions[5].retryAfterMs).toBe(5000);

    // Another channel has its own bucket with the same hash.
    const other = limiter.take('bot', 'messageCreate', 'c2');
    expect(other.allowed).toBe(true);
    expect(other.headers['x-ratelimit-bucket']).toBe(decisions[0].headers['x-ratelimit-bucket']);

    now += 5000;
    expect(limiter.take('bot', 'messageCreate', 'c1').allowed).toBe(true);
  });

  it('gives edits a bucket separate from sends', () => {
    const limiter = new RateLimiter(DISCORD_RATE_LIMITS, clock);
    for (let i = 0; i < 5; i++) limiter.take('bot', 'messageCreate', 'c1');
    const edit = limiter.take('bot', 'messageEdit', 'c1');
    expect(edit.allowed).toBe(true);
    expect(edit.headers['x-ratelimit-bucket']).not.toBe(
      limiter.take('bot', 'messageCreate', 'c1').headers['x-ratelimit-bucket'],
    );
  });

  it('limits each bot to 50 requests per second globally', () => {
    const limiter = new RateLimiter(DISCORD_RATE_LIMITS, clock);
    for (let i = 0; i < 50; i++) expect(limiter.checkGlobal('a').allowed).toBe(true);
    const refused = limiter.checkGlobal('a');
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterMs).toBeGreaterThan(900);
    expect(limiter.checkGlobal('b').allowed).toBe(true);
    now += 1000;
    expect(limiter.checkGlobal('a').allowed).toBe(true);
  });
});
