import request from 'supertest';
import { startApi, TestApi } from '../support/api';
import { authHeader, createUser, login, loginAs, uniqueClientIp } from '../support/auth';

describe('auth: login, me, refresh, logout', () => {
  let api: TestApi;

  beforeAll(async () => {
    // Reuse detection is checked strictly here, with the retry grace off;
    // token-edges.e2e-spec.ts covers REFRESH_REUSE_GRACE_SECONDS.
    api = await startApi({ REFRESH_REUSE_GRACE_SECONDS: '0' });
  });
  afterAll(() => api.close());

  it('signs in and returns an access token that opens /auth/me', async () => {
    const user = await createUser(api, { role: 'operator' });
    const res = await request(api.url)
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', uniqueClientIp())
      .send({ email: user.email.toUpperCase(), password: user.password })
      .expect(200);
    expect(res.body).toMatchObject({
      tokenType: 'Bearer',
      expiresIn: 900,
      user: { id: user.id, email: user.email, role: 'operator', disabled: false },
    });
    expect(typeof res.body.accessToken).toBe('string');
    expect(typeof res.body.refreshToken).toBe('string');
    expect(JSON.stringify(res.body)).not.toMatch(/passwordHash|argon2/);

    const me = await request(api.url)
      .get('/api/v1/auth/me')
      .set(authHeader(res.body.accessToken))
      .expect(200);
    expect(me.body).toMatchObject({ id: user.id, email: user.email, role: 'operator' });
  });

  it('refuses a wrong password and an unknown email alike', async () => {
    const user = await createUser(api, { role: 'viewer' });
    const wrong = await request(api.url)
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', uniqueClientIp())
      .send({ email: user.email, password: 'not-the-password' })
      .expect(401);
    expect(wrong.body).toMatchObject({ statusCode: 401, code: 'INVALID_CREDENTIALS' });
    const unknown = await request(api.url)
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', uniqueClientIp())
      .send({ email: 'nobody@botdeck.test', password: 'whatever-password' })
      .expect(401);
    expect(unknown.body.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.body.message).toBe(wrong.body.message);
  });

  it('refuses to sign in a disabled user', async () => {
    const user = await createUser(api, { role: 'viewer', disabled: true });
    const res = await request(api.url)
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', uniqueClientIp())
      .send({ email: user.email, password: user.password })
      .expect(401);
    expect(res.body.code).toBe('USER_DISABLED');
  });

  it('answers a bad login body with field-level validation details', async () => {
    const res = await request(api.url)
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', uniqueClientIp())
      .send({ email: 'not-an-email', extra: 1 })
      .expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const fields = (res.body.details as Array<{ field: string }>).map((detail) => detail.field);
    expect(fields).toEqual(expect.arrayContaining(['email', 'password', 'extra']));
  });

  it.each([
    ['an array body', []],
    ['a string body', 'email=a@b.co'],
    ['non-string fields', { email: 42, password: { $gt: '' } }],
    ['a NUL in the email', { email: 'a\u0000b@botdeck.test', password: 'whatever-password' }],
    ['an oversized email', { email: `${'a'.repeat(300)}@botdeck.test`, password: 'x' }],
  ])('answers %s with a 400 envelope, never a 500', async (_name, body) => {
    const res = await request(api.url)
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', uniqueClientIp())
      .send(body as object)
      .expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: expect.stringMatching(/^[A-Z_]+$/) });
  });

  it('answers a refresh with a non-string token with field details', async () => {
    const res = await request(api.url)
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: 123 })
      .expect(400);
    expect(res.body.details).toEqual([
      { field: 'refreshToken', messages: expect.arrayContaining([expect.any(String)]) },
    ]);
  });

  it('rotates the refresh token on every use', async () => {
    const { refreshToken } = await loginAs(api, 'viewer');
    const first = await request(api.url)
      .post('/api/v1/auth/refresh')
      .send({ refreshToken })
      .expect(200);
    expect(first.body.refreshToken).not.toBe(refreshToken);
    await request(api.url)
      .get('/api/v1/auth/me')
      .set(authHeader(first.body.accessToken))
      .expect(200);
    const second = await request(api.url)
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: first.body.refreshToken })
      .expect(200);
    expect(second.body.refreshToken).not.toBe(first.body.refreshToken);
  });

  it('revokes the whole family when a rotated refresh token is used again', async () => {
    const { refreshToken: original } = await loginAs(api, 'viewer');
    const rotated = await request(api.url)
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: original })
      .expect(200);

    const replay = await request(api.url)
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: original })
      .expect(401);
    expect(replay.body.code).toBe('REFRESH_TOKEN_REUSED');

    // The legitimate successor dies with its family.
    const successor = await request(api.url)
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: rotated.body.refreshToken })
      .expect(401);
    expect(successor.body.code).toBe('REFRESH_TOKEN_REUSED');
    // …and so do the access tokens issued from it.
    const access = await request(api.url)
      .get('/api/v1/auth/me')
      .set(authHeader(rotated.body.accessToken))
      .expect(401);
    expect(access.body.code).toBe('SESSION_REVOKED');
  });

  it('without a reuse grace, lets only one of two simultaneous refreshes with the same token win', async () => {
    const { refreshToken } = await loginAs(api, 'viewer');
    const results = await Promise.all(
      [1, 2].map(() => request(api.url).post('/api/v1/auth/refresh').send({ refreshToken })),
    );
    const statuses = results.map((res) => res.status).sort();
    expect(statuses).toEqual([200, 401]);
    const loser = results.find((res) => res.status === 401);
    expect(loser?.body.code).toBe('REFRESH_TOKEN_REUSED');
    // The reuse revoked the family, the winner's fresh token included, although the loser's
    // own request failed (and rolled back).
    const winner = results.find((res) => res.status === 200);
    const after = await request(api.url)
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: winner?.body.refreshToken })
      .expect(401);
    expect(after.body.code).toBe('REFRESH_TOKEN_REUSED');
  });

  it('keeps other logins of the same user alive when one family is revoked', async () => {
    const user = await createUser(api, { role: 'viewer' });
    const a = await login(api, user);
    const b = await login(api, user);
    await request(api.url)
      .post('/api/v1/auth/logout')
      .send({ refreshToken: a.refreshToken })
      .expect(204);
    await request(api.url)
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: b.refreshToken })
      .expect(200);
    await request(api.url).get('/api/v1/auth/me').set(authHeader(b.accessToken)).expect(200);
  });

  it('logs out: both tokens stop working and logout is idempotent', async () => {
    const { refreshToken, accessToken } = await loginAs(api, 'viewer');
    await request(api.url).get('/api/v1/auth/me').set(authHeader(accessToken)).expect(200);
    await request(api.url).post('/api/v1/auth/logout').send({ refreshToken }).expect(204);
    const me = await request(api.url)
      .get('/api/v1/auth/me')
      .set(authHeader(accessToken))
      .expect(401);
    expect(me.body.code).toBe('SESSION_REVOKED');
    const res = await request(api.url)
      .post('/api/v1/auth/refresh')
      .send({ refreshToken })
      .expect(401);
    expect(res.body.code).toBe('REFRESH_TOKEN_REUSED');
    await request(api.url).post('/api/v1/auth/logout').send({ refreshToken }).expect(204);
  });

  it('refuses an unknown refresh token', async () => {
    const res = await request(api.url)
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: 'x'.repeat(43) })
      .expect(401);
    expect(res.body).toMatchObject({ statusCode: 401, code: 'REFRESH_TOKEN_INVALID' });
  });

  it('refuses to refresh for a user disabled since login', async () => {
    const session = await loginAs(api, 'viewer');
    const admin = await loginAs(api, 'admin');
    await request(api.url)
      .post(`/api/v1/users/${session.user.id}/disable`)
      .set(authHeader(admin.accessToken))
      .expect(200);
    const res = await request(api.url)
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: session.refreshToken })
      .expect(401);
    expect(['USER_DISABLED', 'REFRESH_TOKEN_REUSED']).toContain(res.body.code);
  });
});
