import request from 'supertest';
import { startApi, TestApi } from '../support/api';
import { authHeader, loginAs, uniqueClientIp } from '../support/auth';

/** Two API instances with small limits; every count is shared through Redis. */
describe('API rate limits', () => {
  let a: TestApi;
  let b: TestApi;

  beforeAll(async () => {
    const env = {
      RATE_LIMIT_READS: '5',
      RATE_LIMIT_WRITES: '3',
      RATE_LIMIT_BULK: '2',
      RATE_LIMIT_WINDOW_SECONDS: '30',
    };
    a = await startApi(env);
    b = await startApi(env);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('limits reads per user in total across both instances, with RateLimit headers and a 429 in the envelope', async () => {
    const token = (await loginAs(a, 'viewer')).accessToken;
    const remaining: string[] = [];
    for (const api of [a, b, a, b, a]) {
      const res = await request(api.url).get('/api/v1/bots?limit=1').set(authHeader(token));
      expect(res.status).toBe(200);
      expect(res.headers['ratelimit-policy']).toBe('"reads";q=5;w=30');
      expect(res.headers['ratelimit-limit']).toBe('5');
      remaining.push(res.headers['ratelimit-remaining']);
    }
    expect(remaining).toEqual(['4', '3', '2', '1', '0']);

    const refused = await request(b.url).get('/api/v1/bots?limit=1').set(authHeader(token));
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
    expect(typeof refused.body.requestId).toBe('string');
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(30);
    expect(refused.headers['ratelimit']).toBe(`"reads";r=0;t=${retryAfter}`);

    // Another user is counted apart, and so are this user's writes.
    const other = (await loginAs(a, 'viewer')).accessToken;
    expect((await request(a.url).get('/api/v1/bots').set(authHeader(other))).status).toBe(200);
    const write = await request(a.url).post('/api/v1/bots').set(authHeader(token)).send({});
    expect(write.status).toBe(403);
    expect(write.headers['ratelimit-policy']).toBe('"writes";q=3;w=30');
  });

  it('limits anonymous callers per client IP, tokens that do not verify included', async () => {
    const ip = uniqueClientIp();
    const statuses: number[] = [];
    for (const api of [a, b, a, b, a, b]) {
      const res = await request(api.url)
        .get('/api/v1/bots')
        .set('X-Forwarded-For', ip)
        .set(authHeader('not-a-token'));
      statuses.push(res.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const elsewhere = await request(a.url)
      .get('/api/v1/bots')
      .set('X-Forwarded-For', uniqueClientIp());
    expect(elsewhere.status).toBe(401);
  });

  it('counts bulk requests in their own, smaller tier', async () => {
    const token = (await loginAs(a, 'operator')).accessToken;
    const statuses: number[] = [];
    for (const api of [a, b, a]) {
      const res = await request(api.url)
        .post('/api/v1/bulk/bots/start')
        .set(authHeader(token))
        .send({});
      expect(res.headers['ratelimit-policy']).toBe('"bulk";q=2;w=30');
      statuses.push(res.status);
    }
    expect(statuses).toEqual([400, 400, 429]);
    const single = await request(b.url).post('/api/v1/bots').set(authHeader(token)).send({});
    expect(single.status).toBe(400);
  });

  it('never limits health checks, and shows the login tier on sign-in', async () => {
    const ip = uniqueClientIp();
    for (let i = 0; i < 12; i += 1) {
      const res = await request(i % 2 ? a.url : b.url)
        .get('/api/v1/monitoring/health')
        .set('X-Forwarded-For', ip);
      expect(res.status).not.toBe(429);
      expect(res.headers['ratelimit-policy']).toBeUndefined();
    }
    const login = await request(a.url)
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', ip)
      .send({ email: 'nobody@botdeck.test', password: 'wrong-password-123' });
    expect(login.status).toBe(401);
    expect(login.headers['ratelimit-policy']).toMatch(/^"login";q=\d+;w=\d+$/);
  });
});
