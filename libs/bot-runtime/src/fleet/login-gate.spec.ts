import { LoginGate } from './login-gate';

describe('LoginGate', () => {
  it('never runs more than the limit at once and runs every task', async () => {
    const gate = new LoginGate(2);
    let running = 0;
    let peak = 0;
    const task = async (value: number) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running--;
      return value;
    };
    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => gate.run(() => task(n))));
    expect(results).toEqual([1, 2, 3, 4, 5]);
    expect(peak).toBe(2);
  });

  it('frees the slot when a task throws', async () => {
    const gate = new LoginGate(1);
    await expect(gate.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(gate.run(() => Promise.resolve('next'))).resolves.toBe('next');
  });

  it('starts a bot’s next login no sooner than the identify window after its last one', async () => {
    const gate = new LoginGate(5, 300);
    const startedAt: Record<string, number[]> = { a: [], b: [] };
    const login = (key: 'a' | 'b') =>
      gate.run(
        () => {
          startedAt[key].push(Date.now());
          return Promise.resolve();
        },
        { key },
      );
    await login('a');
    await login('b'); // another bot is not held back by a's window
    await login('a');
    expect(startedAt.a[1] - startedAt.a[0]).toBeGreaterThanOrEqual(295);
    expect(startedAt.b[0] - startedAt.a[0]).toBeLessThan(200);
  });

  it('ends the wait at once when the login is cancelled', async () => {
    const gate = new LoginGate(1, 10_000);
    await gate.run(() => Promise.resolve(), { key: 'a' });
    const controller = new AbortController();
    const waited = Date.now();
    const second = gate.run(() => Promise.resolve('ran'), { key: 'a', signal: controller.signal });
    controller.abort();
    await expect(second).resolves.toBe('ran');
    expect(Date.now() - waited).toBeLessThan(1_000);
  });
});
