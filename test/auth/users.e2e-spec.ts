import request from 'supertest';
import { startApi, TestApi } from '../support/api';
import { authHeader, createUser, login, loginAs, LoggedIn } from '../support/auth';

describe('users: admin user management', () => {
  let api: TestApi;
  let admin: LoggedIn;

  beforeAll(async () => {
    api = await startApi();
    admin = await loginAs(api, 'admin');
  });
  afterAll(() => api.close());

  const asAdmin = () => authHeader(admin.accessToken);

  it('creates a user and never returns the password or its hash', async () => {
    const email = `new-${Date.now()}@botdeck.test`;
    const res = await request(api.url)
      .post('/api/v1/users')
      .set(asAdmin())
      .send({ email, password: 'a-long-enough-password', role: 'operator' })
      .expect(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      email,
      role: 'operator',
      disabled: false,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });

    const fetched = await request(api.url)
      .get(`/api/v1/users/${res.body.id}`)
      .set(asAdmin())
      .expect(200);
    expect(fetched.body.email).toBe(email);
  });

  it('treats emails case-insensitively: a second user differing only in case is 409', async () => {
    const email = `Case.${Date.now()}@Botdeck.test`;
    await request(api.url)
      .post('/api/v1/users')
      .set(asAdmin())
      .send({ email, password: 'a-long-enough-password', role: 'viewer' })
      .expect(201);
    const res = await request(api.url)
      .post('/api/v1/users')
      .set(asAdmin())
      .send({ email: email.toUpperCase(), password: 'a-long-enough-password', role: 'viewer' })
      .expect(409);
    expect(res.body).toMatchObject({ statusCode: 409, code: 'EMAIL_TAKEN' });
  });

  it('reports every invalid field of a create request', async () => {
    const res = await request(api.url)
      .post('/api/v1/users')
      .set(asAdmin())
      .send({ email: 'nope', password: 'short', role: 'root' })
      .expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const byField = Object.fromEntries(
      (res.body.details as Array<{ field: string; messages: string[] }>).map((d) => [
        d.field,
        d.messages,
      ]),
    );
    expect(Object.keys(byField).sort()).toEqual(['email', 'password', 'role']);
    expect(byField.role).toEqual(['role must be one of: viewer, operator, admin']);
  });

  it('answers a malformed user id with a 400 naming the field, and an unknown one with 404', async () => {
    const bad = await request(api.url).get('/api/v1/users/not-a-uuid').set(asAdmin()).expect(400);
    expect(bad.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'id', messages: ['id must be a UUID'] }],
    });
    const missing = await request(api.url)
      .get('/api/v1/users/00000000-0000-4000-8000-000000000000')
      .set(asAdmin())
      .expect(404);
    expect(missing.body.code).toBe('USER_NOT_FOUND');
  });

  it('pages through users with a cursor: two pages, no overlap, newest first', async () => {
    for (let i = 0; i < 3; i += 1) await createUser(api, { role: 'viewer' });
    const first = await request(api.url).get('/api/v1/users?limit=2').set(asAdmin()).expect(200);
    expect(first.body.items).toHaveLength(2);
    expect(typeof first.body.nextCursor).toBe('string');
    const second = await request(api.url)
      .get(`/api/v1/users?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`)
      .set(asAdmin())
      .expect(200);
    expect(second.body.items.length).toBeGreaterThan(0);
    type Item = { id: string; createdAt: string };
    const firstItems = first.body.items as Item[];
    const secondItems = second.body.items as Item[];
    const firstIds = firstItems.map((user) => user.id);
    const overlap = secondItems.filter((user) => firstIds.includes(user.id));
    expect(overlap).toEqual([]);
    const times = [...firstItems, ...secondItems].map((user) => Date.parse(user.createdAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('rejects a garbage cursor and an out-of-range limit with 400', async () => {
    const cursor = await request(api.url)
      .get('/api/v1/users?cursor=garbage')
      .set(asAdmin())
      .expect(400);
    expect(cursor.body.details).toEqual([{ field: 'cursor', messages: ['cursor is not valid'] }]);
    const limit = await request(api.url).get('/api/v1/users?limit=0').set(asAdmin()).expect(400);
    expect(limit.body.details[0].field).toBe('limit');
  });

  it('changes a role, and the new role applies to the next request', async () => {
    const viewer = await loginAs(api, 'viewer');
    await request(api.url).get('/api/v1/users').set(authHeader(viewer.accessToken)).expect(403);
    const res = await request(api.url)
      .patch(`/api/v1/users/${viewer.user.id}/role`)
      .set(asAdmin())
      .send({ role: 'admin' })
      .expect(200);
    expect(res.body.role).toBe('admin');
    // Same token, new role: the guard reads the role from the database.
    await request(api.url).get('/api/v1/users').set(authHeader(viewer.accessToken)).expect(200);
  });

  it('disables a user: their existing access token is refused at the next request', async () => {
    const operator = await loginAs(api, 'operator');
    await request(api.url).get('/api/v1/auth/me').set(authHeader(operator.accessToken)).expect(200);
    const res = await request(api.url)
      .post(`/api/v1/users/${operator.user.id}/disable`)
      .set(asAdmin())
      .expect(200);
    expect(res.body.disabled).toBe(true);
    const after = await request(api.url)
      .get('/api/v1/auth/me')
      .set(authHeader(operator.accessToken))
      .expect(401);
    expect(after.body.code).toBe('USER_DISABLED');

    // Enabling again does not revive the sessions that disabling ended: sign in afresh.
    await request(api.url)
      .post(`/api/v1/users/${operator.user.id}/enable`)
      .set(asAdmin())
      .expect(200);
    const stale = await request(api.url)
      .get('/api/v1/auth/me')
      .set(authHeader(operator.accessToken))
      .expect(401);
    expect(stale.body.code).toBe('SESSION_REVOKED');
    const fresh = await login(api, operator.user);
    await request(api.url).get('/api/v1/auth/me').set(authHeader(fresh.accessToken)).expect(200);
  });

  it('deletes a user: their token stops working and the user is gone', async () => {
    const viewer = await loginAs(api, 'viewer');
    await request(api.url).delete(`/api/v1/users/${viewer.user.id}`).set(asAdmin()).expect(204);
    const me = await request(api.url)
      .get('/api/v1/auth/me')
      .set(authHeader(viewer.accessToken))
      .expect(401);
    expect(me.body.code).toBe('USER_NOT_FOUND');
    await request(api.url).get(`/api/v1/users/${viewer.user.id}`).set(asAdmin()).expect(404);
    const refresh = await request(api.url)
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: viewer.refreshToken })
      .expect(401);
    expect(refresh.body.code).toBe('REFRESH_TOKEN_INVALID');
  });
});
