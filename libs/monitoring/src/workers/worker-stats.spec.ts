import { RateOverMinute } from './worker-stats';

describe('RateOverMinute', () => {
  it('is 0 until there is a span to measure over', () => {
    expect(new RateOverMinute().add(10, 1_000)).toBe(0);
  });

  it('scales what was added over a shorter span to a minute', () => {
    const rate = new RateOverMinute();
    rate.add(0, 0);
    expect(rate.add(5, 30_000)).toBe(10);
  });

  it('measures over the last minute only', () => {
    const rate = new RateOverMinute();
    rate.add(0, 0);
    rate.add(600, 5_000);
    for (let at = 10_000; at <= 120_000; at += 5_000) rate.add(600 + (at - 5_000) / 1_000, at);
    // One command a second for the last minute and more: 60 a minute, the early burst forgotten.
    expect(rate.add(600 + 120, 125_000)).toBe(60);
  });
});
