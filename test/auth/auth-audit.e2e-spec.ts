import { AuditWriter } from '@botdeck/audit';
import request from 'supertest';
import { startApi, TestApi } from '../support/api';
import { authHeader, createUser, login, loginAs } from '../support/auth';

describe('auth actions in the audit trail', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it('records sign-in, refresh, logout and user changes with their actor and no secrets', async () => {
    const admin = await loginAs(api, 'admin');
    const user = await createUser(api, { role: 'viewer' });
    const tokens = await login(api, user);
    const refreshed = await request(api.url)
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: tokens.refreshToken })
      .expect(200);
    await request(api.url)
      .post('/api/v1/auth/logout')
      .send({ refreshToken: refreshed.body.refreshToken })
      .expect(204);
    await request(api.url)
      .patch(`/api/v1/users/${user.id}/role`)
      .set(authHeader(admin.accessToken))
      .send({ role: 'operator' })
      .expect(200);

    await api.app.get(AuditWriter).flush();
    const res = await request(api.url)
      .get('/api/v1/audit')
      .query({ resourceType: 'user', resourceId: user.id, limit: 50 })
      .set(authHeader(admin.accessToken))
      .expect(200);
    const entries = res.body.items as Array<{
      action: string;
      outcome: string;
      actor: { id: string | null } | null;
      before: unknown;
      after: unknown;
    }>;
    const byAction = Object.fromEntries(entries.map((entry) => [entry.action, entry]));
    expect(Object.keys(byAction).sort()).toEqual(
      ['auth.login', 'auth.logout', 'auth.refresh', 'user.update_role'].sort(),
    );
    expect(byAction['auth.login']).toMatchObject({
      outcome: 'success',
      actor: { id: user.id },
      after: { email: user.email },
    });
    expect(byAction['auth.refresh']).toMatchObject({ outcome: 'success', actor: { id: user.id } });
    expect(byAction['user.update_role']).toMatchObject({
      actor: { id: admin.user.id },
      before: { role: 'viewer' },
      after: { role: 'operator' },
    });

    const recorded = JSON.stringify(entries);
    for (const secret of [
      user.password,
      tokens.accessToken,
      tokens.refreshToken,
      refreshed.body.accessToken as string,
      refreshed.body.refreshToken as string,
    ]) {
      expect(recorded).not.toContain(secret);
    }
    expect(recorded).not.toContain('argon2');
  });
});
