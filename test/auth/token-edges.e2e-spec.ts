import { authConfig, type AuthConfig } from '@botdeck/auth';
import { sign } from 'jsonwebtoken';
import { createHash } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startApi, TestApi } from '../support/api';
import { authHeader, loginAs, LoggedIn } from '../support/auth';

describe('auth: token edges', () => {
  let api: TestApi;
  let secret: string;
  let viewer: LoggedIn;

  beforeAll(async () => {
    api = await startApi({ REFRESH_REUSE_GRACE_SECONDS: '30' });
    secret = api.app.get<AuthConfig>(authConfig.KEY).jwtSecret;
    viewer = await loginAs(api, 'viewer');
  });
  afterAll(() => api.close());

  /** A token signed with Botdeck's own key, carrying whatever claims the test wants. */
  function forge(claims: Record<string, unknown>, options: { withExp: boolean }): string {
    return sign(claims, secret, {
      algorithm: 'HS256',
      issuer: 'botdeck',
      audience: 'botdeck-api',
      ...(options.withExp ? { expiresIn: 600 } : {}),
    });
  }

  function claimsOf(token: string): Record<string, unknown> {
    const payload = token.split('.')[1] ?? '';
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >;
  }

  it('accepts a forged token that copies a real one (the forgery helper is sound)', async () => {
    const { sub, sid, email, role } = claimsOf(viewer.accessToken);
    const token = forge({ sub, sid, email, role }, { withExp: true });
    await request(api.url).get('/api/v1/auth/me').set(authHeader(token)).expect(200);
  });

  it('refuses a correctly signed token without exp with 401', async () => {
    const { sub, sid, email, role } = claimsOf(viewer.accessToken);
    const token = forge({ sub, sid, email, role }, { withExp: false });
    const res = await request(api.url).get('/api/v1/auth/me').set(authHeader(token));
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ statusCode: 401, code: 'TOKEN_INVALID' });
  });

  it.each([
    ['not a UUID', 'abc'],
    ['a NUL byte', 'a\u0000b'],
    ['a number', 42],
  ])('refuses a sid that is %s with 401 TOKEN_INVALID', async (_label, sid) => {
    const { sub, email, role } = claimsOf(viewer.accessToken);
    const token = forge({ sub, sid, email, role }, { withExp: true });
    const res = await request(api.url).get('/api/v1/auth/me').set(authHeader(token));
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ statusCode: 401, code: 'TOKEN_INVALID' });
  });

  describe('refresh retries', () => {
    const refresh = (refreshToken: string) =>
      request(api.url).post('/api/v1/auth/refresh').send({ refreshToken });

    it('lets two parallel refreshes of one token both succeed without ending the login', async () => {
      const login = await loginAs(api, 'viewer');
      const [first, second] = await Promise.all([
        refresh(login.refreshToken),
        refresh(login.refreshToken),
      ]);
      expect([first.status, second.status]).toEqual([200, 200]);
      for (const res of [first, second]) {
        const body = res.body as { accessToken: string; refreshToken: string };
        await request(api.url).get('/api/v1/auth/me').set(authHeader(body.accessToken)).expect(200);
        expect((await refresh(body.refreshToken)).status).toBe(200);
      }
    });

    it('still revokes the whole login when a used token comes back after the grace', async () => {
      const login = await loginAs(api, 'viewer');
      const rotated = await refresh(login.refreshToken).expect(200);
      const next = rotated.body as { accessToken: string; refreshToken: string };
      // Move the rotation back in time past the 30-second grace rather than waiting for it.
      const hash = createHash('sha256').update(login.refreshToken).digest('hex');
      await api.app
        .get(DataSource)
        .query(
          `UPDATE refresh_tokens SET revoked_at = now() - interval '1 minute' WHERE token_hash = $1`,
          [hash],
        );

      const reuse = await refresh(login.refreshToken);
      expect(reuse.status).toBe(401);
      expect(reuse.body).toMatchObject({ code: 'REFRESH_TOKEN_REUSED' });
      const me = await request(api.url).get('/api/v1/auth/me').set(authHeader(next.accessToken));
      expect(me.status).toBe(401);
      expect((await refresh(next.refreshToken)).status).toBe(401);
    });

    it('treats a token used after logout as reuse, grace or not', async () => {
      const login = await loginAs(api, 'viewer');
      const rotated = await refresh(login.refreshToken).expect(200);
      await request(api.url)
        .post('/api/v1/auth/logout')
        .send({ refreshToken: (rotated.body as { refreshToken: string }).refreshToken })
        .expect(204);
      const res = await refresh(login.refreshToken);
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ code: 'REFRESH_TOKEN_REUSED' });
    });
  });
});
