import { FaultRegistry } from './fault-registry';

describe('FaultRegistry', () => {
  const route = 'POST /channels/:channelId/messages';

  it('answers the next N matching requests and then disappears', () => {
    const faults = new FaultRegistry();
    faults.addHttp({ route }, 503, 2);
    expect(faults.takeHttp('GET /users/@me', 'bot')).toBeUndefined();
    expect(faults.takeHttp(route, 'bot')?.status).toBe(503);
    expect(faults.takeHttp(route, 'bot')?.status).toBe(503);
    expect(faults.takeHttp(route, 'bot')).toBeUndefined();
    expect(faults.empty).toBe(true);
  });

  it('targets one bot when asked, and every route with "*"', () => {
    const faults = new FaultRegistry();
    faults.addHttp({ route: '*', botUserId: 'a' }, 429, 5, 250);
    expect(faults.takeHttp(route, 'b')).toBeUndefined();
    expect(faults.takeHttp('GET /users/@me', 'a')).toMatchObject({
      status: 429,
      retryAfterMs: 250,
    });
  });

  it('adds up latency faults until they are removed', () => {
    const faults = new FaultRegistry();
    const first = faults.addLatency({ route }, 100);
    faults.addLatency({}, 50);
    expect(faults.latencyFor(route, 'bot')).toBe(150);
    expect(faults.latencyFor('GET /users/@me', 'bot')).toBe(50);
    expect(faults.remove(first.id)).toBe(true);
    expect(faults.latencyFor(route, 'bot')).toBe(50);
    expect(faults.clear()).toBe(1);
  });
});
