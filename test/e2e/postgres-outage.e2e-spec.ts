import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { startApi, TestApi } from '../support/api';
import { ApiProcess, spawnApi } from '../support/api-process';
import { authHeader, createUser, login, TestUser, uniqueClientIp } from '../support/auth';
import { eventually, sleep } from '../support/eventually';
import { TcpProxy, throughProxy } from '../support/tcp-proxy';

const BOT_TOKEN = 'MTA5ODc2NTQzMjEwOTg3NjU0.GxYzAb.fake-token-for-tests-only-abcd';
// The API under test gives up on PostgreSQL after these; a request slower than HANG_MS hung.
const CONNECT_TIMEOUT_MS = 1_000;
const QUERY_TIMEOUT_MS = 3_000;
const HANG_MS = 10_000;

const unique = (prefix: string) => `${prefix}-${randomBytes(5).toString('hex')}`;

describe('PostgreSQL outage', () => {
  let proxy: TcpProxy;
  // The API under test runs as its own process (it must stay up); `direct` only seeds users.
  let api: ApiProcess;
  let direct: TestApi;
  let admin: TestUser;
  let token: string;

  beforeAll(async () => {
    const database = new URL(process.env.DATABASE_URL!);
    proxy = await TcpProxy.start({ host: database.hostname, port: Number(database.port || 5432) });
    direct = await startApi();
    admin = await createUser(direct, { role: 'admin' });
    await direct.close();
    api = await spawnApi({
      DATABASE_URL: throughProxy(process.env.DATABASE_URL!, proxy),
      DATABASE_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS),
      DATABASE_QUERY_TIMEOUT_MS: String(QUERY_TIMEOUT_MS),
      // The same admin signs in again and again while waiting for recovery.
      LOGIN_THROTTLE_LIMIT: '1000',
    });
    token = (await login(api, admin)).accessToken;
  });
  afterAll(async () => {
    await proxy?.restore();
    await api?.stop();
    await proxy?.close();
  });

  /** Routes of several areas that all need the database, reads and writes. */
  const calls: Array<[string, () => request.Test]> = [
    ['GET /bots', () => request(api.url).get('/api/v1/bots').set(authHeader(token))],
    [
      'POST /bots',
      () =>
        request(api.url)
          .post('/api/v1/bots')
          .set(authHeader(token))
          .send({ name: unique('bot'), token: BOT_TOKEN }),
    ],
    ['GET /users', () => request(api.url).get('/api/v1/users').set(authHeader(token))],
    [
      'POST /users',
      () =>
        request(api.url)
          .post('/api/v1/users')
          .set(authHeader(token))
          .send({
            email: `${unique('viewer')}@botdeck.test`,
            password: unique('pw'),
            role: 'viewer',
          }),
    ],
    ['GET /audit', () => request(api.url).get('/api/v1/audit').set(authHeader(token))],
    ['GET /auth/me', () => request(api.url).get('/api/v1/auth/me').set(authHeader(token))],
    [
      'GET /monitoring/metrics',
      () => request(api.url).get('/api/v1/monitoring/metrics').set(authHeader(token)),
    ],
    [
      'POST /auth/login',
      () =>
        request(api.url)
          .post('/api/v1/auth/login')
          .set('X-Forwarded-For', uniqueClientIp())
          .send({ email: admin.email, password: admin.password }),
    ],
  ];

  async function timed(call: () => request.Test) {
    const started = Date.now();
    const res = await call();
    return { res, ms: Date.now() - started };
  }

  async function expectAllUnavailable(mode: string): Promise<void> {
    const results = await Promise.all(calls.map(([, call]) => timed(call)));
    results.forEach(({ res, ms }, i) => {
      const name = calls[i][0];
      expect({ name, status: res.status }).toEqual({ name, status: 503 });
      expect(res.body).toMatchObject({
        statusCode: 503,
        code: 'DEPENDENCY_UNAVAILABLE',
        details: { dependency: 'postgres' },
        requestId: expect.any(String),
      });
      expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect({ name, ms: ms < HANG_MS }).toEqual({ name, ms: true });
    });
    const health = await timed(() => request(api.url).get('/api/v1/monitoring/health'));
    expect(health.res.status).toBe(503);
    expect(health.res.body.checks.postgres.status).toBe('down');
    expect(health.ms).toBeLessThan(HANG_MS);
    expect(api.running()).toBe(true);
    const slowest = Math.max(...results.map((r) => r.ms), health.ms);
    process.stdout.write(`PostgreSQL ${mode}: every route answered 503 within ${slowest} ms\n`);
  }

  async function expectAllRecovered(): Promise<void> {
    // The pool reconnects by itself; the same requests succeed without restarting anything.
    await eventually(
      'every route to succeed again',
      async () => {
        for (const [name, call] of calls) {
          const res = await call();
          if (res.status >= 300) throw new Error(`${name} answered ${res.status}`);
        }
      },
      { timeoutMs: 20_000, intervalMs: 250 },
    );
    const health = await request(api.url).get('/api/v1/monitoring/health');
    expect(health.body.checks.postgres.status).toBe('up');
    // The same process served the whole outage; nothing was logged as a 500.
    expect(api.running()).toBe(true);
    expect(api.output()).not.toContain('Unexpected error');
  }

  it('answers every route 503 with Retry-After while PostgreSQL refuses connections, then recovers', async () => {
    for (const [name, call] of calls) {
      expect({ name, status: (await call()).status < 300 }).toEqual({ name, status: true });
    }
    await proxy.cut('refuse');
    await expectAllUnavailable('refusing connections');
    // Held a while, so the background work that needs the database (audit writes, sweeps)
    // fails too: the process must ride it out, not crash.
    await sleep(5_000);
    await expectAllUnavailable('refusing connections for 5 s');
    await proxy.restore();
    await expectAllRecovered();
  });

  it('answers 503 within the connect timeout while PostgreSQL is unreachable (no answer at all)', async () => {
    await proxy.cut('blackhole');
    await expectAllUnavailable('unreachable');
    await proxy.restore();
    await expectAllRecovered();
  });
});
