import { REDACTED } from '@botdeck/audit';
import type { Client } from 'pg';
import request from 'supertest';
import { startApi, TestApi } from '../support/api';
import { authHeader, createUser, loginAs, LoggedIn, uniqueClientIp } from '../support/auth';
import { connectDatabase, flushAudit, listAudit, uniqueRequestId } from './audit-support';

describe('audit: what the trail records', () => {
  let api: TestApi;
  let admin: LoggedIn;
  let viewer: LoggedIn;
  let db: Client;

  beforeAll(async () => {
    api = await startApi();
    [admin, viewer] = await Promise.all([loginAs(api, 'admin'), loginAs(api, 'viewer')]);
    db = await connectDatabase();
  });
  afterAll(async () => {
    await db.end();
    await api.close();
  });

  const newUser = (label: string) => ({
    email: `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@botdeck.test`,
    password: `pw-${Math.random().toString(36).slice(2)}-long-enough`,
    role: 'viewer',
  });

  it("records a viewer's refused user creation as denied, with the viewer as actor", async () => {
    const requestId = uniqueRequestId('denied');
    const attempt = newUser('denied');
    await request(api.url)
      .post('/api/v1/users')
      .set(authHeader(viewer.accessToken))
      .set('X-Request-Id', requestId)
      .set('User-Agent', 'botdeck-e2e/1.0')
      .send(attempt)
      .expect(403);

    const { items } = await listAudit(api, admin.accessToken, {
      actorId: viewer.user.id,
      outcome: 'denied',
    });
    const entry = items.find((item) => item.requestId === requestId);
    expect(entry).toEqual({
      id: expect.any(String),
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      actor: { id: viewer.user.id, email: viewer.user.email, role: 'viewer' },
      action: 'user.create',
      resourceType: 'user',
      resourceId: null,
      outcome: 'denied',
      errorCode: 'ROLE_TOO_LOW',
      statusCode: 403,
      method: 'POST',
      path: '/api/v1/users',
      requestId,
      ip: expect.any(String),
      userAgent: 'botdeck-e2e/1.0',
      before: null,
      after: { email: attempt.email, password: REDACTED, role: 'viewer' },
    });
    expect(JSON.stringify(entry)).not.toContain(attempt.password);
  });

  it('records a request without a token on a protected route as denied with no actor', async () => {
    const requestId = uniqueRequestId('anonymous');
    await request(api.url)
      .delete(`/api/v1/users/${viewer.user.id}`)
      .set('X-Request-Id', requestId)
      .expect(401);
    const { items } = await listAudit(api, admin.accessToken, {
      action: 'user.delete',
      outcome: 'denied',
    });
    expect(items.find((item) => item.requestId === requestId)).toMatchObject({
      actor: null,
      resourceType: 'user',
      resourceId: viewer.user.id,
      errorCode: 'TOKEN_MISSING',
      statusCode: 401,
    });
  });

  it("records an admin's user creation as success, with the new user but no password", async () => {
    const body = newUser('created');
    const res = await request(api.url)
      .post('/api/v1/users')
      .set(authHeader(admin.accessToken))
      .send(body)
      .expect(201);

    const { items } = await listAudit(api, admin.accessToken, {
      resourceType: 'user',
      resourceId: res.body.id,
    });
    expect(items).toHaveLength(1);
    const [entry] = items;
    expect(entry).toMatchObject({
      actor: { id: admin.user.id, email: admin.user.email, role: 'admin' },
      action: 'user.create',
      resourceId: res.body.id,
      outcome: 'success',
      errorCode: null,
      statusCode: 201,
      requestId: res.headers['x-request-id'],
      after: { email: body.email, role: 'viewer' },
    });
    expect(entry.after).not.toHaveProperty('password');
    expect(JSON.stringify(entry)).not.toContain(body.password);
  });

  it('records a before/after change set for a role change, keyed by the id route param', async () => {
    const target = await createUser(api, { role: 'viewer' });
    await request(api.url)
      .patch(`/api/v1/users/${target.id}/role`)
      .set(authHeader(admin.accessToken))
      .send({ role: 'operator' })
      .expect(200);
    const { items } = await listAudit(api, admin.accessToken, {
      action: 'user.update_role',
      resourceId: target.id,
    });
    expect(items).toEqual([
      expect.objectContaining({
        outcome: 'success',
        before: { role: 'viewer' },
        after: { role: 'operator' },
      }),
    ]);
  });

  it('records a failed login as failure with the attempted email and no password', async () => {
    const email = `nobody-${Date.now()}@botdeck.test`;
    const password = `wrong-${Math.random().toString(36).slice(2)}`;
    const res = await request(api.url)
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', uniqueClientIp())
      .send({ email, password })
      .expect(401);

    const { items } = await listAudit(api, admin.accessToken, {
      action: 'auth.login',
      outcome: 'failure',
    });
    const entry = items.find((item) => item.requestId === res.headers['x-request-id']);
    expect(entry).toMatchObject({
      actor: null,
      outcome: 'failure',
      errorCode: res.body.code,
      statusCode: 401,
      after: { email, password: REDACTED },
    });
    expect(JSON.stringify(entry)).not.toContain(password);
  });

  it('records a mutating request that fails validation as failure with its error code', async () => {
    const res = await request(api.url)
      .post('/api/v1/users')
      .set(authHeader(admin.accessToken))
      .send({ email: 'not-an-email', password: 'short', role: 'root' })
      .expect(400);
    const { items } = await listAudit(api, admin.accessToken, {
      actorId: admin.user.id,
      outcome: 'failure',
    });
    expect(items.find((item) => item.requestId === res.headers['x-request-id'])).toMatchObject({
      action: 'user.create',
      errorCode: 'VALIDATION_FAILED',
      statusCode: 400,
    });
  });

  it('records a refused read too, and only admins may read the trail', async () => {
    const res = await request(api.url)
      .get('/api/v1/audit')
      .set(authHeader(viewer.accessToken))
      .expect(403);
    expect(res.body).toMatchObject({ statusCode: 403, code: 'ROLE_TOO_LOW' });
    const operator = await loginAs(api, 'operator');
    await request(api.url).get('/api/v1/audit').set(authHeader(operator.accessToken)).expect(403);

    const { items } = await listAudit(api, admin.accessToken, {
      actorId: viewer.user.id,
      outcome: 'denied',
    });
    expect(items.find((item) => item.requestId === res.headers['x-request-id'])).toMatchObject({
      action: 'audit_entries.list',
      method: 'GET',
      path: '/api/v1/audit',
    });
  });

  it('records neither successful reads nor unknown routes', async () => {
    const read = uniqueRequestId('read');
    const unknown = uniqueRequestId('unknown');
    await request(api.url)
      .get('/api/v1/users')
      .set(authHeader(admin.accessToken))
      .set('X-Request-Id', read)
      .expect(200);
    await request(api.url)
      .post('/api/v1/no-such-route')
      .set(authHeader(admin.accessToken))
      .set('X-Request-Id', unknown)
      .send({ password: 'x' })
      .expect(404);
    await flushAudit(api);
    const { rows } = await db.query(
      'SELECT count(*)::int AS n FROM audit_entries WHERE request_id = ANY($1)',
      [[read, unknown]],
    );
    expect(rows[0].n).toBe(0);
  });

  it("keeps an actor's entries, names included, after the user is deleted", async () => {
    const doomed = await loginAs(api, 'admin');
    const created = await request(api.url)
      .post('/api/v1/users')
      .set(authHeader(doomed.accessToken))
      .send(newUser('orphan'))
      .expect(201);
    await request(api.url)
      .delete(`/api/v1/users/${doomed.user.id}`)
      .set(authHeader(admin.accessToken))
      .expect(204);

    const { items } = await listAudit(api, admin.accessToken, {
      actorId: doomed.user.id,
      action: 'user.create',
    });
    expect(items).toEqual([
      expect.objectContaining({
        actor: { id: doomed.user.id, email: doomed.user.email, role: 'admin' },
        action: 'user.create',
        resourceId: created.body.id,
      }),
    ]);
    const deletion = await listAudit(api, admin.accessToken, {
      action: 'user.delete',
      resourceId: doomed.user.id,
    });
    expect(deletion.items).toEqual([
      expect.objectContaining({
        outcome: 'success',
        before: expect.objectContaining({ email: doomed.user.email }),
      }),
    ]);
  });
});
