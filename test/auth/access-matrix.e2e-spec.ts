import { authConfig, type AuthConfig } from '@botdeck/auth';
import type { Role } from '@botdeck/core';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { startApi, TestApi } from '../support/api';
import { authHeader, createUser, loginAs, LoggedIn } from '../support/auth';

interface Probe {
  name: string;
  /** Sends the request; `target` is a fresh user the route may act on. */
  send(token: string, target: string): request.Test;
  /** Status by role. */
  expect: Record<Role, number>;
}

describe('access: role × route matrix', () => {
  let api: TestApi;
  const sessions = {} as Record<Role, LoggedIn>;

  beforeAll(async () => {
    api = await startApi();
    for (const role of ['viewer', 'operator', 'admin'] as const) {
      sessions[role] = await loginAs(api, role);
    }
  });
  afterAll(() => api.close());

  const probes: Probe[] = [
    {
      name: 'GET /auth/me',
      send: (token) => request(api.url).get('/api/v1/auth/me').set(authHeader(token)),
      expect: { viewer: 200, operator: 200, admin: 200 },
    },
    {
      name: 'GET /users',
      send: (token) => request(api.url).get('/api/v1/users').set(authHeader(token)),
      expect: { viewer: 403, operator: 403, admin: 200 },
    },
    {
      name: 'GET /users/:id',
      send: (token, target) =>
        request(api.url).get(`/api/v1/users/${target}`).set(authHeader(token)),
      expect: { viewer: 403, operator: 403, admin: 200 },
    },
    {
      name: 'POST /users',
      send: (token) =>
        request(api.url)
          .post('/api/v1/users')
          .set(authHeader(token))
          .send({
            email: `matrix-${randomUUID()}@botdeck.test`,
            password: 'matrix-test-password',
            role: 'viewer',
          }),
      expect: { viewer: 403, operator: 403, admin: 201 },
    },
    {
      name: 'PATCH /users/:id/role',
      send: (token, target) =>
        request(api.url)
          .patch(`/api/v1/users/${target}/role`)
          .set(authHeader(token))
          .send({ role: 'operator' }),
      expect: { viewer: 403, operator: 403, admin: 200 },
    },
    {
      name: 'POST /users/:id/disable',
      send: (token, target) =>
        request(api.url).post(`/api/v1/users/${target}/disable`).set(authHeader(token)),
      expect: { viewer: 403, operator: 403, admin: 200 },
    },
    {
      name: 'DELETE /users/:id',
      send: (token, target) =>
        request(api.url).delete(`/api/v1/users/${target}`).set(authHeader(token)),
      expect: { viewer: 403, operator: 403, admin: 204 },
    },
  ];

  const cases = probes.flatMap((probe) =>
    (['viewer', 'operator', 'admin'] as const).map(
      (role) => [probe.name, role, probe.expect[role], probe] as const,
    ),
  );

  it.each(cases)('%s as %s → %i', async (_name, role, status, probe) => {
    const target = await createUser(api, { role: 'viewer' });
    const res = await probe.send(sessions[role].accessToken, target.id);
    expect(res.status).toBe(status);
    if (status === 403) {
      expect(res.body).toMatchObject({ statusCode: 403, code: 'ROLE_TOO_LOW' });
      // A refused request changed nothing.
      const still = await request(api.url)
        .get(`/api/v1/users/${target.id}`)
        .set(authHeader(sessions.admin.accessToken))
        .expect(200);
      expect(still.body).toMatchObject({ role: 'viewer', disabled: false });
    }
  });

  describe('requests that are not signed in properly get 401', () => {
    const routes = [
      ['GET /auth/me', () => request(api.url).get('/api/v1/auth/me')],
      ['GET /users', () => request(api.url).get('/api/v1/users')],
      ['DELETE /users/:id', () => request(api.url).delete(`/api/v1/users/${randomUUID()}`)],
    ] as const;

    async function sign(claims: object, secret?: string): Promise<string> {
      const config = api.app.get<AuthConfig>(authConfig.KEY);
      return new JwtService({ secret: secret ?? config.jwtSecret }).signAsync(claims, {
        issuer: 'botdeck',
        audience: 'botdeck-api',
      });
    }

    it.each(routes)('%s without a token → TOKEN_MISSING', async (_name, send) => {
      const res = await send().expect(401);
      expect(res.body).toMatchObject({ statusCode: 401, code: 'TOKEN_MISSING' });
    });

    it.each(routes)('%s with a non-Bearer Authorization → TOKEN_MISSING', async (_name, send) => {
      const res = await send().set('Authorization', 'Basic YWRtaW46YWRtaW4=').expect(401);
      expect(res.body.code).toBe('TOKEN_MISSING');
    });

    it.each(routes)('%s with an expired token → TOKEN_EXPIRED', async (_name, send) => {
      const admin = sessions.admin.user;
      const now = Math.floor(Date.now() / 1000);
      const expired = await sign({
        sub: admin.id,
        email: admin.email,
        role: 'admin',
        sid: randomUUID(),
        iat: now - 3600,
        exp: now - 60,
      });
      const res = await send().set(authHeader(expired)).expect(401);
      expect(res.body).toMatchObject({ statusCode: 401, code: 'TOKEN_EXPIRED' });
    });

    it.each(routes)('%s with a tampered token → TOKEN_INVALID', async (_name, send) => {
      const [header, payload, signature] = sessions.viewer.accessToken.split('.') as [
        string,
        string,
        string,
      ];
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as object;
      const forged = Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString(
        'base64url',
      );
      const res = await send()
        .set(authHeader(`${header}.${forged}.${signature}`))
        .expect(401);
      expect(res.body.code).toBe('TOKEN_INVALID');
    });

    it.each(routes)('%s with a token signed by another key → TOKEN_INVALID', async (_n, send) => {
      const admin = sessions.admin.user;
      const token = await sign(
        { sub: admin.id, email: admin.email, role: 'admin', sid: randomUUID() },
        'some-other-secret-that-is-long-enough-000000',
      );
      const res = await send().set(authHeader(token)).expect(401);
      expect(res.body.code).toBe('TOKEN_INVALID');
    });

    it.each(routes)('%s with an unsigned (alg none) token → TOKEN_INVALID', async (_n, send) => {
      const admin = sessions.admin.user;
      const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const now = Math.floor(Date.now() / 1000);
      const token = `${encode({ alg: 'none', typ: 'JWT' })}.${encode({
        sub: admin.id,
        role: 'admin',
        sid: randomUUID(),
        iss: 'botdeck',
        aud: 'botdeck-api',
        iat: now,
        exp: now + 600,
      })}.`;
      const res = await send().set(authHeader(token)).expect(401);
      expect(res.body.code).toBe('TOKEN_INVALID');
    });

    it('a disabled user’s token → USER_DISABLED on every route', async () => {
      const victim = await loginAs(api, 'admin');
      await request(api.url).get('/api/v1/users').set(authHeader(victim.accessToken)).expect(200);
      await request(api.url)
        .post(`/api/v1/users/${victim.user.id}/disable`)
        .set(authHeader(sessions.admin.accessToken))
        .expect(200);
      for (const [, send] of routes) {
        const res = await send().set(authHeader(victim.accessToken)).expect(401);
        expect(res.body).toMatchObject({ statusCode: 401, code: 'USER_DISABLED' });
      }
    });
  });

  it('public routes need no token', async () => {
    const res = await request(api.url)
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', '10.200.0.1')
      .send({ email: `nobody-${randomUUID()}@botdeck.test`, password: 'wrong-password' })
      .expect(401);
    expect(res.body.code).toBe('INVALID_CREDENTIALS');
  });
});
