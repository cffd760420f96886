import { Logger } from '@nestjs/common';
import request from 'supertest';
import { startApi, TestApi } from '../support/api';
import { authHeader, createUser, login, TestUser, uniqueClientIp } from '../support/auth';
import { eventually, sleep } from '../support/eventually';
import { TcpProxy, throughProxy } from '../support/tcp-proxy';

const BOT_TOKEN = 'MTA5ODc2NTQzMjEwOTg3NjU0.GxYzAb.fake-token-for-tests-only-abcd';
// The API under test gives up on a Redis command after this; a request slower than HANG_MS hung.
const COMMAND_TIMEOUT_MS = 1_000;
const HANG_MS = 5_000;

describe('Redis outage: routes', () => {
  let proxy: TcpProxy;
  let api: TestApi;
  let admin: TestUser;
  let token: string;
  let warn: jest.SpyInstance;
  let log: jest.SpyInstance;
  let consoleError: jest.SpyInstance;

  beforeAll(async () => {
    warn = jest.spyOn(Logger.prototype, 'warn');
    log = jest.spyOn(Logger.prototype, 'log');
    consoleError = jest.spyOn(console, 'error');
    proxy = await TcpProxy.start({ host: '127.0.0.1', port: 6379 });
    api = await startApi({
      REDIS_URL: throughProxy('redis://127.0.0.1:6379', proxy),
      REDIS_COMMAND_TIMEOUT_MS: String(COMMAND_TIMEOUT_MS),
      LOGIN_THROTTLE_LIMIT: '1000',
    });
    admin = await createUser(api, { role: 'admin' });
    token = (await login(api, admin)).accessToken;
  });
  afterAll(async () => {
    await proxy?.restore();
    await api?.close();
    await proxy?.close();
    warn?.mockRestore();
    log?.mockRestore();
    consoleError?.mockRestore();
  });

  const signIn = () =>
    request(api.url)
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', uniqueClientIp())
      .send({ email: admin.email, password: admin.password });

  /** How often each client reported an outage (or its end) in lines matching `pattern`. */
  function linesByClient(spy: jest.SpyInstance, pattern: RegExp): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const args of spy.mock.calls as unknown[][]) {
      for (const arg of args) {
        const match = typeof arg === 'string' ? pattern.exec(arg) : null;
        if (match) counts[match[1]] = (counts[match[1]] ?? 0) + 1;
      }
    }
    return counts;
  }
  const OUTAGE = /^Redis unavailable for (.+?);/;
  const RECOVERY = /^Redis available again for (.+?) after \d+ ms$/;

  function expectOncePerClient(counts: Record<string, number>): void {
    expect(counts.botdeck).toBe(1);
    for (const [client, count] of Object.entries(counts))
      expect({ client, count }).toEqual({ client, count: 1 });
  }

  async function expectLoginUnavailable(): Promise<number> {
    const started = Date.now();
    const res = await signIn();
    const ms = Date.now() - started;
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({
      code: 'DEPENDENCY_UNAVAILABLE',
      details: { dependency: 'redis' },
    });
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(ms).toBeLessThan(HANG_MS);
    return ms;
  }

  /** Routes that do not need Redis keep working: no 500, no hang. */
  async function expectDatabaseRoutesServed(): Promise<void> {
    const bots = await request(api.url).get('/api/v1/bots').set(authHeader(token));
    expect(bots.status).toBe(200);
    const created = await request(api.url)
      .post('/api/v1/bots')
      .set(authHeader(token))
      .send({ name: `redis-outage-${Date.now().toString(36)}`, token: BOT_TOKEN });
    expect(created.status).toBe(201);
    expect((await request(api.url).get('/api/v1/audit').set(authHeader(token))).status).toBe(200);
  }

  it('answers 503 with Retry-After promptly on routes that need Redis, logs the outage once, and recovers', async () => {
    expect((await signIn()).status).toBe(200);
    warn.mockClear();
    log.mockClear();
    consoleError.mockClear();

    await proxy.cut('refuse');
    const timings: number[] = [];
    for (let i = 0; i < 5; i += 1) timings.push(await expectLoginUnavailable());
    await expectDatabaseRoutesServed();
    // The fleet's metrics read workers and queues from Redis: they say so rather than guess.
    const started = Date.now();
    const metrics = await request(api.url).get('/api/v1/monitoring/metrics').set(authHeader(token));
    expect(Date.now() - started).toBeLessThan(HANG_MS);
    expect(metrics.status).toBe(503);
    expect(metrics.body).toMatchObject({
      code: 'DEPENDENCY_UNAVAILABLE',
      details: { dependency: 'redis' },
    });
    const health = await request(api.url).get('/api/v1/monitoring/health');
    expect(health.status).toBe(503);
    expect(health.body.checks.redis.status).toBe('down');
    // Several reconnect attempts fail meanwhile (one every 200–2000 ms).
    await sleep(3_000);
    expectOncePerClient(linesByClient(warn, OUTAGE));
    // Nothing bypasses the logger: no "Unhandled error event", no error printed per retry.
    expect(consoleError).not.toHaveBeenCalled();
    process.stdout.write(
      `Redis refusing: login answered 503 in ${Math.max(...timings)} ms at most\n`,
    );

    await proxy.restore();
    await eventually(
      'sign-in to work again',
      async () => expect((await signIn()).status).toBe(200),
      {
        timeoutMs: 20_000,
        intervalMs: 250,
      },
    );
    // Every client that reported the outage reports its end, once (they reconnect on their own).
    const outages = linesByClient(warn, OUTAGE);
    await eventually('every client to report Redis back', () =>
      expect(Object.keys(linesByClient(log, RECOVERY)).sort()).toEqual(Object.keys(outages).sort()),
    );
    expectOncePerClient(linesByClient(log, RECOVERY));
    expectOncePerClient(linesByClient(warn, OUTAGE));
    expect(consoleError).not.toHaveBeenCalled();
  });

  it('answers 503 within the command timeout when Redis does not answer at all', async () => {
    await proxy.cut('blackhole');
    const timings: number[] = [];
    for (let i = 0; i < 3; i += 1) timings.push(await expectLoginUnavailable());
    await expectDatabaseRoutesServed();
    process.stdout.write(
      `Redis unreachable: login answered 503 in ${Math.max(...timings)} ms at most\n`,
    );

    await proxy.restore();
    await eventually(
      'sign-in to work again',
      async () => expect((await signIn()).status).toBe(200),
      {
        timeoutMs: 20_000,
        intervalMs: 250,
      },
    );
  });
});
