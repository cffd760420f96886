import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  const policy = { baseMs: 1_000, maxMs: 30_000 };
  const noJitter = () => 0.5;

  it('doubles from the base with each retry', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, policy, noJitter))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000,
    ]);
  });

  it('never exceeds the cap, even with jitter upwards', () => {
    expect(backoffDelay(10, policy, noJitter)).toBe(30_000);
    expect(backoffDelay(10, policy, () => 1)).toBe(30_000);
    expect(backoffDelay(50, policy, () => 1)).toBe(30_000);
  });

  it('spreads retries by at most ±20 %', () => {
    expect(backoffDelay(2, policy, () => 0)).toBe(1_600);
    expect(backoffDelay(2, policy, () => 1)).toBe(2_400);
  });
});
