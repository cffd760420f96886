import { cooldownMessage, effectiveCooldown, retryAfterSeconds } from './cooldowns';

describe('cooldown math', () => {
  it('rounds the wait up to whole seconds and never announces 0 s', () => {
    expect(retryAfterSeconds(1)).toBe(1);
    expect(retryAfterSeconds(999)).toBe(1);
    expect(retryAfterSeconds(1000)).toBe(1);
    expect(retryAfterSeconds(1001)).toBe(2);
    expect(retryAfterSeconds(4_500)).toBe(5);
    expect(retryAfterSeconds(0)).toBe(1);
  });

  it('tells the user how long to wait', () => {
    expect(cooldownMessage(2_300)).toBe("You're doing that too fast. Try again in 3 s.");
  });

  it('lets configuration override the cooldown declared on a handler', () => {
    expect(effectiveCooldown('ping', 0, { ping: 1500 })).toBe(1500);
    expect(effectiveCooldown('ping', 3000, { botinfo: 1 })).toBe(3000);
    expect(effectiveCooldown('ping', 3000, { ping: 0 })).toBe(0);
  });
});
