import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { startApi, TestApi } from '../support/api';
import { createUser, uniqueClientIp } from '../support/auth';

describe('login throttling', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startApi({
      LOGIN_THROTTLE_LIMIT: '3',
      LOGIN_THROTTLE_IP_LIMIT: '4',
      LOGIN_THROTTLE_TTL_SECONDS: '30',
    });
  });
  afterAll(() => api.close());

  const attempt = (ip: string, email: string, password = 'wrong-password-here') =>
    request(api.url)
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', ip)
      .send({ email, password });

  it('blocks an email after LOGIN_THROTTLE_LIMIT attempts, from any address', async () => {
    const user = await createUser(api, { role: 'viewer' });
    for (let i = 0; i < 3; i += 1) {
      await attempt(uniqueClientIp(), user.email).expect(401);
    }
    // Even the right password is refused now, and the email's case does not matter.
    const res = await attempt(uniqueClientIp(), user.email.toUpperCase(), user.password).expect(
      429,
    );
    expect(res.body).toEqual({
      statusCode: 429,
      code: 'RATE_LIMITED',
      message: expect.any(String),
      details: { retryAfterSeconds: expect.any(Number) },
      requestId: res.headers['x-request-id'],
    });
    const retryAfter = Number(res.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(30);

    // Another account is unaffected.
    const other = await createUser(api, { role: 'viewer' });
    await attempt(uniqueClientIp(), other.email, other.password).expect(200);
  });

  it('blocks an address after LOGIN_THROTTLE_IP_LIMIT attempts, whatever the email', async () => {
    const ip = uniqueClientIp();
    for (let i = 0; i < 4; i += 1) {
      await attempt(ip, `guess-${randomUUID()}@botdeck.test`).expect(401);
    }
    const res = await attempt(ip, `guess-${randomUUID()}@botdeck.test`).expect(429);
    expect(res.body.code).toBe('RATE_LIMITED');
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);

    // A different address still gets through.
    await attempt(uniqueClientIp(), `guess-${randomUUID()}@botdeck.test`).expect(401);
  });

  it('counts malformed attempts against the address too', async () => {
    const ip = uniqueClientIp();
    for (let i = 0; i < 4; i += 1) {
      await request(api.url)
        .post('/api/v1/auth/login')
        .set('X-Forwarded-For', ip)
        .send({ email: `not-an-email-${i}` })
        .expect(400);
    }
    await attempt(ip, `guess-${randomUUID()}@botdeck.test`).expect(429);
  });
});
