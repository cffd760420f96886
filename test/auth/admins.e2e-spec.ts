import { UsersService } from '@botdeck/auth';
import request from 'supertest';
import { startApi, TestApi } from '../support/api';
import { authHeader, createUser, login } from '../support/auth';
import { isolatedDatabase } from '../support/isolated-database';

const ADMIN_EMAIL = 'first.admin@botdeck.test';
const ADMIN_PASSWORD = 'first-admin-test-password';

describe('admins: the first admin and the last one', () => {
  let database: { url: string; drop(): Promise<void> };
  const apis: TestApi[] = [];

  beforeAll(async () => {
    database = await isolatedDatabase();
  });
  afterAll(async () => {
    for (const api of apis) await api.close();
    await database.drop();
  });

  async function start(env: Record<string, string> = {}): Promise<TestApi> {
    const api = await startApi({ DATABASE_URL: database.url, ...env });
    apis.push(api);
    return api;
  }

  it('creates the admin from ADMIN_EMAIL/ADMIN_PASSWORD once, however many instances start', async () => {
    const env = { ADMIN_EMAIL: ADMIN_EMAIL.toUpperCase(), ADMIN_PASSWORD };
    const [a, b] = await Promise.all([start(env), start(env)]);
    const again = await start({ ...env, ADMIN_PASSWORD: 'a-different-password-now' });

    const page = await a.app.get(UsersService).list({ limit: 100 });
    expect(page.items.map((user) => [user.email, user.role])).toEqual([[ADMIN_EMAIL, 'admin']]);

    // The later start did not touch the existing admin: the original password still works.
    const tokens = await login(again, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    await request(b.url).get('/api/v1/users').set(authHeader(tokens.accessToken)).expect(200);
  });

  it('refuses to demote, disable or delete the last active admin', async () => {
    const api = apis[0] ?? (await start());
    const tokens = await login(api, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    const me = await request(api.url).get('/api/v1/auth/me').set(authHeader(tokens.accessToken));
    const id = me.body.id as string;
    const asAdmin = authHeader(tokens.accessToken);

    const demote = await request(api.url)
      .patch(`/api/v1/users/${id}/role`)
      .set(asAdmin)
      .send({ role: 'viewer' })
      .expect(409);
    expect(demote.body).toMatchObject({ statusCode: 409, code: 'LAST_ADMIN' });
    const disable = await request(api.url)
      .post(`/api/v1/users/${id}/disable`)
      .set(asAdmin)
      .expect(409);
    expect(disable.body.code).toBe('LAST_ADMIN');
    const remove = await request(api.url).delete(`/api/v1/users/${id}`).set(asAdmin).expect(409);
    expect(remove.body.code).toBe('LAST_ADMIN');

    // With a second admin present, the first may step down.
    await createUser(api, { role: 'admin' });
    const stepDown = await request(api.url)
      .patch(`/api/v1/users/${id}/role`)
      .set(asAdmin)
      .send({ role: 'operator' })
      .expect(200);
    expect(stepDown.body.role).toBe('operator');
  });
});
